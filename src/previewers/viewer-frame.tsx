import { displayName } from '../i18n/display-name';
import { useEffect, useRef, type ReactNode } from 'react';
import * as RD from '@radix-ui/react-dialog';
import type { FileMetadata } from '../api/protocol/types';
import { useT } from '../i18n';
import viewer from '../locales/en/viewer';
import { FilePreview } from './file-preview';
import type { PreviewSource } from './source';
import './viewer-frame.css';
import { Button, buttonClass } from '../ui/button';

/**
 * The full-screen viewer of the signed-in app and of public links: a bar (`heading`, `actions`,
 * close), the file's previewer, and paging through the images of `gallery` with buttons, arrow
 * keys and horizontal swipes. Each caller owns the URL that opens it and what Close does.
 */
export function ViewerFrame({
  file, source, gallery, onShow, onClose, heading, actions, closeLabel, className = '', onCloseAutoFocus,
}: {
  file: FileMetadata;
  source: PreviewSource;
  gallery: readonly FileMetadata[];
  onShow: (fileid: number) => void;
  onClose: () => void;
  heading: ReactNode;
  actions: ReactNode;
  closeLabel: string;
  /** Extra classes for the overlay and the dialog (`<name>-overlay`, `<name>`). */
  className?: string;
  onCloseAutoFocus?: (e: Event) => void;
}) {
  const t = useT(viewer);
  const at = gallery.findIndex((f) => f.fileid === file.fileid);
  const prev = at > 0 ? gallery[at - 1] : undefined;
  const next = at >= 0 && at < gallery.length - 1 ? gallery[at + 1] : undefined;

  // warm the neighbours of an image so paging is instant
  const prevUrl = source.useImageUrl(prev).data;
  const nextUrl = source.useImageUrl(next).data;
  useEffect(() => {
    for (const src of [prevUrl, nextUrl]) {
      if (!src) continue;
      const img = new Image();
      img.referrerPolicy = 'no-referrer';
      img.src = src;
    }
  }, [prevUrl, nextUrl]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // keys a player or field used, or meant for a dialog opened over the viewer, are not for paging
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (e.defaultPrevented || target?.closest('.dialog, input, select, textarea, video, audio')) return;
      if (e.key === 'ArrowLeft' && prev) onShow(prev.fileid);
      if (e.key === 'ArrowRight' && next) onShow(next.fileid);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prev, next, onShow]);

  const touch = useRef<{ x: number; y: number } | null>(null);
  const extra = className.split(/\s+/).filter(Boolean);

  return (
    <RD.Root open onOpenChange={(o) => !o && onClose()}>
      <RD.Portal>
        <RD.Overlay className={['viewer-overlay', ...extra.map((c) => `${c}-overlay`)].join(' ')} />
        <RD.Content
          className={['viewer', ...extra].join(' ')}
          aria-describedby={undefined}
          onCloseAutoFocus={onCloseAutoFocus}
          onTouchStart={(e) => {
            const p = e.touches[0];
            touch.current = { x: p.clientX, y: p.clientY };
          }}
          onTouchEnd={(e) => {
            const start = touch.current;
            touch.current = null;
            if (!start) return;
            const p = e.changedTouches[0];
            const dx = p.clientX - start.x;
            // a horizontal swipe, not a scroll
            if (Math.abs(dx) < 60 || Math.abs(dx) < Math.abs(p.clientY - start.y)) return;
            if (dx > 0 && prev) onShow(prev.fileid);
            if (dx < 0 && next) onShow(next.fileid);
          }}
        >
          <header className="viewer-bar">
            <div className="viewer-heading">
              <RD.Title className="viewer-title" dir="auto">
                {displayName(file.name)}
              </RD.Title>
              {heading}
            </div>
            {actions}
            <RD.Close className={buttonClass({ square: true })} aria-label={closeLabel}>
              ×
            </RD.Close>
          </header>
          <div className="viewer-body">
            {prev && (
              <Button className="nav-prev" aria-label={t('previous')} onClick={() => onShow(prev.fileid)}>
                ‹
              </Button>
            )}
            <FilePreview key={file.fileid} file={file} source={source} />
            {next && (
              <Button className="nav-next" aria-label={t('next')} onClick={() => onShow(next.fileid)}>
                ›
              </Button>
            )}
          </div>
        </RD.Content>
      </RD.Portal>
    </RD.Root>
  );
}
