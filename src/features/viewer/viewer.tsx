import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import * as RD from '@radix-ui/react-dialog';
import type { FileMetadata, Metadata } from '../../api/protocol/types';
import { contentUrl } from '../../api/client';
import { PcloudError } from '../../api/errors';
import { audioLinkOptions, fileLinkOptions, hlsLinkOptions, textFileOptions } from '../../queries/streaming';
import { getSession } from '../../stores/session';
import { formatBytes, formatDate } from '../../lib/format';
import { ItemIcon } from '../../ui/icons';
import { HlsVideo } from '../player/hls-video';

type Kind = 'image' | 'video' | 'audio' | 'text' | 'other';

const TEXT_TYPES = /^(text\/|application\/(json|javascript|xml|x-sh|typescript|x-yaml|sql))/;

export function viewKind(m: FileMetadata): Kind {
  if (m.category === 1 && m.thumb) return 'image';
  if (m.category === 2) return 'video';
  if (m.category === 3) return 'audio';
  if (TEXT_TYPES.test(m.contenttype) || /\.(md|txt|csv|log|ts|tsx|js|css|json|yml|yaml|ini|sh|py|rs|go|html?)$/i.test(m.name)) return 'text';
  return 'other';
}

function refusal(err: unknown): string {
  if (err instanceof PcloudError && err.code === 7010) return 'pCloud refuses to stream this file to web apps outside pcloud.com. Download it instead.';
  if (err instanceof PcloudError && err.code === 2044) return 'This file cannot be streamed.';
  if (err instanceof PcloudError) return err.message;
  return 'The file could not be loaded. Check your connection and try again.';
}

const url = (link: { hosts: string[]; path: string }) => contentUrl(link, getSession()?.apiBase ?? '');

function ImageView({ file }: { file: FileMetadata }) {
  const link = useQuery(fileLinkOptions(file.fileid));
  const [zoom, setZoom] = useState(false);
  if (link.error) return <p className="alert" role="alert">{refusal(link.error)}</p>;
  if (!link.data) return <div className="loading" role="status" aria-label="Loading image" />;
  return (
    <button className={`image-stage ${zoom ? 'zoomed' : ''}`} onClick={() => setZoom((z) => !z)} aria-label={zoom ? 'Fit to screen' : 'Zoom to 100%'}>
      <img src={url(link.data)} alt={file.name} draggable={false} />
    </button>
  );
}

function TextView({ file }: { file: FileMetadata }) {
  const text = useQuery({ ...textFileOptions(file.fileid), enabled: file.size <= 2 * 1024 * 1024 });
  if (file.size > 2 * 1024 * 1024) return <p className="muted">This file is too large to preview ({formatBytes(file.size)}). Download it instead.</p>;
  if (text.error) return <p className="alert" role="alert">{refusal(text.error)}</p>;
  if (text.data === undefined) return <div className="loading" role="status" aria-label="Loading text" />;
  const lines = text.data.split('\n');
  // rendered as text nodes only: markup in the file stays inert
  return (
    <div className="text-view" role="document" aria-label={`Contents of ${file.name}`}>
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

function VideoView({ file }: { file: FileMetadata }) {
  const hls = useQuery(hlsLinkOptions(file.fileid));
  const plain = useQuery({ ...fileLinkOptions(file.fileid), enabled: hls.isError });
  if (hls.error && plain.error) return <p className="alert" role="alert">{refusal(hls.error)}</p>;
  if (hls.data) return <HlsVideo src={url(hls.data)} resumeKey={`pcloud.resume.${file.fileid}`} label={file.name} />;
  if (plain.data) return <video className="viewer-video" controls autoPlay src={url(plain.data)} aria-label={file.name} />;
  return <div className="loading" role="status" aria-label="Loading video" />;
}

function AudioView({ file }: { file: FileMetadata }) {
  const link = useQuery(audioLinkOptions(file.fileid));
  if (link.error) return <p className="alert" role="alert">{refusal(link.error)}</p>;
  if (!link.data) return <div className="loading" role="status" aria-label="Loading audio" />;
  return (
    <div className="audio-view">
      <ItemIcon item={file} size={96} />
      <audio controls autoPlay src={url(link.data)} aria-label={file.name} />
    </div>
  );
}

function OtherView({ file, onDownload }: { file: FileMetadata; onDownload: () => void }) {
  return (
    <div className="other-view">
      <ItemIcon item={file} size={96} />
      <dl className="facts">
        <dt>Size</dt>
        <dd>{formatBytes(file.size)}</dd>
        <dt>Type</dt>
        <dd>{file.contenttype}</dd>
        <dt>Modified</dt>
        <dd>{formatDate(file.modified)}</dd>
      </dl>
      <button className="btn primary" onClick={onDownload}>
        Download
      </button>
    </div>
  );
}

/** Full-screen viewer with its own URL (`?view=<fileid>`): Back closes it; arrows page through the folder. */
export default function Viewer({ items, fileid, onClose, onShow, onDownload }: { items: readonly Metadata[]; fileid: number; onClose: () => void; onShow: (fileid: number) => void; onDownload: (m: Metadata) => void }) {
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
      if (e.key === 'ArrowLeft' && prev) onShow(prev.fileid);
      if (e.key === 'ArrowRight' && next) onShow(next.fileid);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prev, next, onShow]);

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
            <RD.Title className="viewer-title" dir="auto">
              {file.name}
            </RD.Title>
            {kind === 'image' && gallery.length > 1 && (
              <span className="muted">
                {gi + 1} / {gallery.length}
              </span>
            )}
            <button className="btn" onClick={() => onDownload(file)}>
              Download
            </button>
            <RD.Close className="btn icon" aria-label="Close viewer">
              ×
            </RD.Close>
          </header>
          <div className="viewer-body">
            {prev && (
              <button className="btn nav-prev" aria-label="Previous image" onClick={() => onShow(prev.fileid)}>
                ‹
              </button>
            )}
            {kind === 'image' && <ImageView key={file.fileid} file={file} />}
            {kind === 'video' && <VideoView key={file.fileid} file={file} />}
            {kind === 'audio' && <AudioView key={file.fileid} file={file} />}
            {kind === 'text' && <TextView key={file.fileid} file={file} />}
            {kind === 'other' && <OtherView file={file} onDownload={() => onDownload(file)} />}
            {next && (
              <button className="btn nav-next" aria-label="Next image" onClick={() => onShow(next.fileid)}>
                ›
              </button>
            )}
          </div>
        </RD.Content>
      </RD.Portal>
    </RD.Root>
  );
}
