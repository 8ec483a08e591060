import { useState } from 'react';
import type { PreviewerProps } from '../source';
import { useT } from '../../i18n';
import viewer from '../../locales/en/viewer';

/** The picture at screen size; a click toggles between fitting the screen and its own size. */
export default function ImagePreviewer({ file, source }: PreviewerProps) {
  const url = source.useImageUrl(file);
  const [zoom, setZoom] = useState(false);
  const [broken, setBroken] = useState(false);
  const t = useT(viewer);
  if (url.error) return <p className="alert" role="alert">{source.describeError(url.error)}</p>;
  if (broken) return <p className="alert" role="alert">{t('imageBroken')}</p>;
  if (!url.data) return <div className="loading" role="status" aria-label={t('loadingImage')} />;
  return (
    <button className={`image-stage ${zoom ? 'zoomed' : ''}`} onClick={() => setZoom((z) => !z)} aria-label={t(zoom ? 'fitToScreen' : 'zoomIn')}>
      <img src={url.data} alt={file.name} draggable={false} referrerPolicy="no-referrer" onError={() => setBroken(true)} />
    </button>
  );
}
