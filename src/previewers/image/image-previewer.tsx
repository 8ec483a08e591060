import { displayName } from '../../i18n/display-name';
import { useEffect, useRef, useState } from 'react';
import type { FileMetadata } from '../../api/protocol/types';
import type { PreviewerProps, ThumbSize } from '../source';
import { useT } from '../../i18n';
import previews from '../../locales/en/previews';
import viewer from '../../locales/en/viewer';
import { ExifPanel } from '../exif/exif-panel';
import { mayHaveExif } from '../exif/exif';
import { FIT, useZoomPan, zoomAt } from './zoom-pan';
import './image.css';
import { Button } from '../../ui/button';

// formats browsers do not decode (pCloud thumbnails them all): shown as pCloud's converted picture
const FOREIGN = /\.(heic|heif|tiff?|dng|cr2|cr3|nef|arw|orf|rw2|raf|psd)$/i;
const DETAILS_KEY = 'pcloud.image.details';

/** The largest thumbnail pCloud makes (16–2048 × 16–1024, sides divisible by 4) for the picture's shape. */
export function fullThumbSize(file: Pick<FileMetadata, 'width' | 'height'>): ThumbSize {
  const w = file.width || 2048;
  const h = file.height || 1024;
  const k = Math.min(1, 2048 / w, 1024 / h);
  const side = (v: number) => Math.max(16, Math.floor((v * k) / 4) * 4);
  return `${side(w)}x${side(h)}`;
}

/** A picture with zoom (wheel, pinch, keys), pan, rotation and, on request, its camera details. */
export default function ImagePreviewer({ file, source }: PreviewerProps) {
  const t = useT(viewer);
  const tp = useT(previews);
  const foreign = FOREIGN.test(file.name);
  const [broken, setBroken] = useState(false);
  const converted = foreign || broken;
  const url = source.useImageUrl(converted ? undefined : file);
  const thumb = source.useThumbUrl(converted ? file : undefined, fullThumbSize(file));
  const [thumbBroken, setThumbBroken] = useState(false);
  const [details, setDetails] = useState(() => localStorage.getItem(DETAILS_KEY) === '1');
  // the original's bytes (thumbnails carry no EXIF); on a public link asked for only when shown
  const original = source.useFileUrl(details && mayHaveExif(file) ? file : undefined);
  const stage = useRef<HTMLDivElement>(null);
  const img = useRef<HTMLImageElement>(null);
  const { view, setView, handlers } = useZoomPan(stage);
  const [fit, setFit] = useState(1);

  // a quarter turn swaps the picture's sides: shrink it so it still fits the stage
  useEffect(() => {
    const s = stage.current;
    const i = img.current;
    if (!s || !i) return;
    const measure = () => setFit(view.turns % 2 === 0 || !i.clientWidth ? 1 : Math.min(1, s.clientWidth / i.clientHeight, s.clientHeight / i.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(s);
    i.addEventListener('load', measure);
    return () => {
      ro.disconnect();
      i.removeEventListener('load', measure);
    };
  }, [view.turns]);

  const shown = converted ? thumb : url;
  if (shown.error) return <p className="alert" role="alert">{source.describeError(shown.error)}</p>;
  if (thumbBroken) return <p className="alert" role="alert">{t('imageBroken')}</p>;
  if (!shown.data) return <div className="loading" role="status" aria-label={t('loadingImage')} />;
  const zoomed = view.scale > 1;
  return (
    <div className="image-view">
      <div className="image-main">
        <div
          ref={stage}
          className={`image-canvas ${zoomed ? 'zoomed' : ''}`}
          {...handlers}
          onTouchStart={(e) => (zoomed || e.touches.length > 1) && e.stopPropagation()}
          onTouchEnd={(e) => (zoomed || e.touches.length > 0) && e.stopPropagation()}
        >
          <img
            ref={img}
            src={shown.data}
            alt={displayName(file.name)}
            draggable={false}
            referrerPolicy="no-referrer"
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale * fit}) rotate(${view.turns * 90}deg)` }}
            onError={() => (converted ? setThumbBroken(true) : setBroken(true))}
          />
        </div>
        {converted && <p className="image-note">{tp('convertedPreview')}</p>}
        <div className="image-tools" role="toolbar" aria-label={tp('imageTools')}>
          <Button onClick={() => setView((v) => zoomAt(v, 0.8))} aria-label={tp('zoomImageOut')} title={tp('zoomImageOut')} disabled={!zoomed}>
            −
          </Button>
          <span className="image-zoom" aria-live="polite">
            {tp('zoomLevel', { percent: Math.round(view.scale * 100) })}
          </span>
          <Button onClick={() => setView((v) => zoomAt(v, 1.25))} aria-label={tp('zoomImageIn')} title={tp('zoomImageIn')}>
            +
          </Button>
          <Button onClick={() => setView((v) => ({ ...FIT, turns: v.turns }))} aria-label={tp('resetView')} title={tp('resetView')} disabled={!zoomed}>
            ⤢
          </Button>
          <Button onClick={() => setView((v) => ({ ...v, turns: (v.turns + 1) % 4 }))} aria-label={tp('rotate')} title={tp('rotate')}>
            ↻
          </Button>
          <Button
            aria-pressed={details}
            onClick={() => {
              setDetails(!details);
              localStorage.setItem(DETAILS_KEY, details ? '0' : '1');
            }}
          >
            {tp('showDetails')}
          </Button>
        </div>
      </div>
      {details && <ExifPanel url={mayHaveExif(file) ? original.data : undefined} />}
    </div>
  );
}
