import { useEffect, useRef, useState } from 'react';
import * as RD from '@radix-ui/react-dialog';
import type { FileMetadata } from '../../api/types';
import type { PublicLink } from '../../queries/public';
import { useT } from '../../i18n';
import { formatBytes } from '../../lib/format';
import common from '../../locales/en/common';
import pub from '../../locales/en/public';
import { Icon } from '../../ui/icons';
import { FilePreview, imageUrl } from './preview';
import { SaveButton } from './save-button';

/**
 * Full-screen preview of one file of a folder link; images page with arrows, keys and swipes, Escape
 * closes, and focus returns to the item of the file last shown (`returnFocus`), else to what opened it.
 */
export function PreviewDialog({
  link, file, gallery, onClose, onShow, onDownload, downloading, returnFocus,
}: {
  link: PublicLink;
  file: FileMetadata;
  gallery: readonly FileMetadata[];
  onClose: () => void;
  onShow: (fileid: number) => void;
  onDownload: () => void;
  downloading: boolean;
  returnFocus?: (fileid: number) => HTMLElement | null;
}) {
  const t = useT(pub);
  const tc = useT(common);
  const at = gallery.findIndex((f) => f.fileid === file.fileid);
  const prev = at > 0 ? gallery[at - 1] : undefined;
  const next = at >= 0 && at < gallery.length - 1 ? gallery[at + 1] : undefined;
  const inGallery = at >= 0 && gallery.length > 1;

  // warm the neighbours so paging through a gallery is instant
  useEffect(() => {
    for (const f of [prev, next]) {
      if (!f) continue;
      const img = new Image();
      img.referrerPolicy = 'no-referrer';
      img.src = imageUrl(link, f);
    }
  }, [link, prev, next]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest('video, audio, input, select')) return;
      if (e.key === 'ArrowLeft' && prev) onShow(prev.fileid);
      if (e.key === 'ArrowRight' && next) onShow(next.fileid);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prev, next, onShow]);

  const touch = useRef<{ x: number; y: number } | null>(null);
  // what had focus when the preview opened: where it goes back when the shown file's item is not on screen
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null));

  return (
    <RD.Root open onOpenChange={(o) => !o && onClose()}>
      <RD.Portal>
        <RD.Overlay className="viewer-overlay pub-viewer-overlay" />
        <RD.Content
          className="viewer pub-viewer"
          aria-describedby={undefined}
          onCloseAutoFocus={(e) => {
            // there is no Radix trigger (the URL opens the preview): put focus back by hand
            e.preventDefault();
            const target = returnFocus?.(file.fileid) ?? (opener?.isConnected ? opener : null);
            target?.focus();
          }}
          onTouchStart={(e) => {
            const t = e.touches[0];
            touch.current = { x: t.clientX, y: t.clientY };
          }}
          onTouchEnd={(e) => {
            const start = touch.current;
            touch.current = null;
            if (!start) return;
            const t = e.changedTouches[0];
            const dx = t.clientX - start.x;
            // a horizontal swipe, not a scroll
            if (Math.abs(dx) < 60 || Math.abs(dx) < Math.abs(t.clientY - start.y)) return;
            if (dx > 0 && prev) onShow(prev.fileid);
            if (dx < 0 && next) onShow(next.fileid);
          }}
        >
          <header className="viewer-bar pub-viewer-bar">
            <RD.Title className="viewer-title" dir="auto">
              {file.name}
            </RD.Title>
            <span className="muted pub-viewer-size">
              {inGallery ? t('galleryPosition', { index: at + 1, count: gallery.length }) : formatBytes(file.size, t.locale)}
            </span>
            {/* paging changes the picture without moving focus: say which one is shown */}
            <span className="sr-only" role="status">
              {inGallery ? t('galleryStatus', { name: file.name, index: at + 1, count: gallery.length }) : ''}
            </span>
            {/* on a phone the label is hidden: the button keeps its name */}
            <button className="btn" onClick={onDownload} disabled={downloading} aria-label={tc('download')}>
              <Icon name="download" />
              <span className="pub-label">{tc('download')}</span>
            </button>
            <SaveButton link={link} target={{ kind: 'file', fileid: file.fileid, name: file.name }} label={tc('save')} />
            <RD.Close className="btn icon" aria-label={t('closePreview')}>
              <Icon name="close" />
            </RD.Close>
          </header>
          <div className="viewer-body">
            {prev && (
              <button className="btn nav-prev" aria-label={t('previousImage')} onClick={() => onShow(prev.fileid)}>
                ‹
              </button>
            )}
            <FilePreview key={file.fileid} link={link} file={file} onDownload={onDownload} />
            {next && (
              <button className="btn nav-next" aria-label={t('nextImage')} onClick={() => onShow(next.fileid)}>
                ›
              </button>
            )}
          </div>
        </RD.Content>
      </RD.Portal>
    </RD.Root>
  );
}
