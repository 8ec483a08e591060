import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import * as RD from '@radix-ui/react-dialog';
import type { FileMetadata, Metadata } from '../../api/protocol/types';
import { contentUrl } from '../../api/client';
import { fileLinkOptions, textFileOptions } from '../../queries/streaming';
import { folderListingOptions } from '../../queries/folder';
import { getSession } from '../../stores/session';
import { openDialog } from '../../stores/dialogs';
import { playQueue } from '../../stores/player';
import { formatBytes, formatDate, toTime } from '../../lib/format';
import './viewer.css';
import { Icon, ItemIcon } from '../../ui/icons';
import { VideoPlayer } from '../player/video-player';
import { streamRefusal as refusal } from '../player/refusal';
import { findCover } from '../player/track';
import { getT, useT } from '../../i18n';
import browse from '../../locales/en/browse';
import common from '../../locales/en/common';
import viewer from '../../locales/en/viewer';

type Kind = 'image' | 'video' | 'audio' | 'text' | 'other';

const PLAYLIST = /\.(m3u8?|pls|xspf|cue)$/i;
const TEXT_TYPES = /^(text\/|application\/(json|javascript|xml|x-sh|typescript|x-yaml|sql))/;

export function viewKind(m: FileMetadata): Kind {
  if (m.category === 1 && m.thumb) return 'image';
  if (m.category === 2) return 'video';
  // playlists are filed under audio but are text: show them, never queue them as tracks
  if (PLAYLIST.test(m.name) || /mpegurl|x-scpls/i.test(m.contenttype)) return 'text';
  if (m.category === 3) return 'audio';
  if (TEXT_TYPES.test(m.contenttype) || /\.(md|txt|csv|log|ts|tsx|js|css|json|yml|yaml|ini|sh|py|rs|go|html?)$/i.test(m.name)) return 'text';
  return 'other';
}

function isoDate(value: string): string | undefined {
  const t = toTime(value);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

const url = (link: { hosts: string[]; path: string }) => contentUrl(link, getSession()?.apiBase ?? '');

function ImageView({ file }: { file: FileMetadata }) {
  const link = useQuery(fileLinkOptions(file.fileid));
  const [zoom, setZoom] = useState(false);
  const t = useT(viewer);
  if (link.error) return <p className="alert" role="alert">{refusal(link.error)}</p>;
  if (!link.data) return <div className="loading" role="status" aria-label={t('loadingImage')} />;
  return (
    <button className={`image-stage ${zoom ? 'zoomed' : ''}`} onClick={() => setZoom((z) => !z)} aria-label={t(zoom ? 'fitToScreen' : 'zoomIn')}>
      <img src={url(link.data)} alt={file.name} draggable={false} />
    </button>
  );
}

function TextView({ file }: { file: FileMetadata }) {
  const text = useQuery({ ...textFileOptions(file.fileid), enabled: file.size <= 2 * 1024 * 1024 });
  const t = useT(viewer);
  const tb = useT(browse);
  if (file.size > 2 * 1024 * 1024) return <p className="muted">{t('tooLarge', { size: formatBytes(file.size) })}</p>;
  if (text.error) return <p className="alert" role="alert">{refusal(text.error)}</p>;
  if (text.data === undefined) return <div className="loading" role="status" aria-label={t('loadingText')} />;
  const lines = text.data.split('\n');
  // rendered as text nodes only: markup in the file stays inert
  return (
    <div className="text-view" role="document" aria-label={tb('contentsOf', { name: file.name })}>
      <pre>
        {lines.map((l, i) => (
          <span className="line" key={i}>
            <span className="ln" aria-hidden="true">{i + 1}</span>
            {l}
            {'\n'}
          </span>
        ))}
      </pre>
    </div>
  );
}

/**
 * Audio is played by the persistent mini-player: opening a track hands the folder's audio files to
 * its queue (so Next works and the music keeps playing while browsing) and closes the viewer.
 */
function useAudioHandOff(file: FileMetadata | undefined, files: readonly FileMetadata[], onClose: () => void) {
  const qc = useQueryClient();
  const handed = useRef<number | null>(null);
  useEffect(() => {
    if (!file || viewKind(file) !== 'audio' || handed.current === file.fileid) return;
    handed.current = file.fileid;
    const tracks = files.filter((f) => viewKind(f) === 'audio');
    const folder = file.parentfolderid === undefined ? undefined : qc.getQueryData(folderListingOptions(file.parentfolderid).queryKey);
    const name = folder && folder.folderid !== 0 ? folder.name : folder ? getT(browse)('myFiles') : undefined;
    playQueue(tracks, Math.max(0, tracks.findIndex((t) => t.fileid === file.fileid)), name, { cover: findCover(files) });
    onClose();
  }, [file, files, qc, onClose]);
}

function OtherView({ file, onDownload }: { file: FileMetadata; onDownload: () => void }) {
  const tc = useT(common);
  return (
    <div className="other-view">
      <ItemIcon item={file} size={96} />
      <dl className="facts">
        <dt>{tc('size')}</dt>
        <dd>{formatBytes(file.size)}</dd>
        <dt>{tc('type')}</dt>
        <dd>{file.contenttype}</dd>
        <dt>{tc('modified')}</dt>
        <dd>{formatDate(file.modified)}</dd>
      </dl>
      <button className="btn primary" onClick={onDownload}>
        {tc('download')}
      </button>
    </div>
  );
}

/** Full-screen viewer with its own URL (`?view=<fileid>`): Back closes it; arrows page through the folder. */
export default function Viewer({ items, fileid, onClose, onShow, onDownload }: { items: readonly Metadata[]; fileid: number; onClose: () => void; onShow: (fileid: number) => void; onDownload: (m: Metadata) => void }) {
  const t = useT(viewer);
  const tc = useT(common);
  const files = useMemo(() => items.filter((m): m is FileMetadata => !m.isfolder), [items]);
  const index = files.findIndex((f) => f.fileid === fileid);
  const file = files[index];
  const gallery = files.filter((f) => viewKind(f) === 'image');
  const gi = file ? gallery.findIndex((f) => f.fileid === file.fileid) : -1;
  const prev = gi > 0 ? gallery[gi - 1] : undefined;
  const next = gi >= 0 && gi < gallery.length - 1 ? gallery[gi + 1] : undefined;

  // preload the neighbours of an image so paging is instant
  const prevLink = useQuery({ ...fileLinkOptions(prev?.fileid ?? 0), enabled: !!prev });
  const nextLink = useQuery({ ...fileLinkOptions(next?.fileid ?? 0), enabled: !!next });
  useEffect(() => {
    for (const l of [prevLink.data, nextLink.data]) if (l) new Image().src = url(l);
  }, [prevLink.data, nextLink.data]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // keys meant for a dialog opened over the viewer (Versions), or for a field, are not for paging
      const target = e.target as HTMLElement | null;
      if (e.defaultPrevented || target?.closest?.('.dialog, input, select, textarea')) return;
      if (e.key === 'ArrowLeft' && prev) onShow(prev.fileid);
      if (e.key === 'ArrowRight' && next) onShow(next.fileid);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prev, next, onShow]);

  useAudioHandOff(file, files, onClose);

  // swipe left/right on touch screens
  const [touchX, setTouchX] = useState<number | null>(null);

  if (!file) return null;
  const kind = viewKind(file);
  return (
    <RD.Root open onOpenChange={(o) => !o && onClose()}>
      <RD.Portal>
        <RD.Overlay className="viewer-overlay" />
        <RD.Content
          className="viewer"
          aria-describedby={undefined}
          onTouchStart={(e) => setTouchX(e.touches[0].clientX)}
          onTouchEnd={(e) => {
            if (touchX === null) return;
            const dx = e.changedTouches[0].clientX - touchX;
            if (dx > 60 && prev) onShow(prev.fileid);
            if (dx < -60 && next) onShow(next.fileid);
            setTouchX(null);
          }}
        >
          <header className="viewer-bar">
            <div className="viewer-heading">
              <RD.Title className="viewer-title" dir="auto">
                {file.name}
              </RD.Title>
              <p className="viewer-facts">
                {t.rich('facts', { size: formatBytes(file.size), date: <time dateTime={isoDate(file.modified)}>{formatDate(file.modified)}</time> })}
                {file.width && file.height ? ` · ${t('dimensions', { width: file.width, height: file.height })}` : ''}
                {kind === 'image' && gallery.length > 1 ? ` · ${t('position', { index: gi + 1, total: gallery.length })}` : ''}
              </p>
            </div>
            <button className="btn" onClick={() => openDialog({ kind: 'revisions', items: [file] })} title={t('versionsHint')} aria-label={t('versions')}>
              <Icon name="history" /> <span className="btn-label">{t('versions')}</span>
            </button>
            {/* named by aria-label too: the text is hidden on narrow screens (viewer.css) */}
            <button className="btn" onClick={() => onDownload(file)} aria-label={tc('download')}>
              <Icon name="download" /> <span className="btn-label">{tc('download')}</span>
            </button>
            <RD.Close className="btn icon" aria-label={t('closeViewer')}>
              ×
            </RD.Close>
          </header>
          <div className="viewer-body">
            {prev && (
              <button className="btn nav-prev" aria-label={t('previous')} onClick={() => onShow(prev.fileid)}>
                ‹
              </button>
            )}
            {kind === 'image' && <ImageView key={file.fileid} file={file} />}
            {kind === 'video' && <VideoPlayer key={file.fileid} file={file} onDownload={() => onDownload(file)} />}
            {kind === 'audio' && <div className="loading" role="status" aria-label={t('startingPlayer')} />}
            {kind === 'text' && <TextView key={file.fileid} file={file} />}
            {kind === 'other' && <OtherView file={file} onDownload={() => onDownload(file)} />}
            {next && (
              <button className="btn nav-next" aria-label={t('next')} onClick={() => onShow(next.fileid)}>
                ›
              </button>
            )}
          </div>
        </RD.Content>
      </RD.Portal>
    </RD.Root>
  );
}
