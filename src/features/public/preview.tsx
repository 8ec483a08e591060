// Previews of one file of a public link. Images come from getpubthumb at screen size (anonymous,
// not IP-bound, and unlike a download it counts nothing against the link's limits); video, audio
// and text use the link's own streaming methods.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FileMetadata } from '../../api/types';
import { getPubThumbUrl } from '../../api/publinks';
import { fileParam, publicAudioOptions, publicTextOptions, publicVideoOptions, type PublicLink, type PublicVideoSource } from '../../queries/public';
import { useT } from '../../i18n';
import { formatBytes, formatDate } from '../../lib/format';
import common from '../../locales/en/common';
import pub from '../../locales/en/public';
import { ItemIcon } from '../../ui/icons';
import { actionError } from './problems';
import { previewKind, TEXT_PREVIEW_LIMIT } from './tree';

/** A thumb size (each side a multiple of 4, within getpubthumb's 2048×1024) that fills this screen. */
export function screenThumbSize(): `${number}x${number}` {
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  const fit = (px: number, max: number) => Math.max(16, Math.min(max, Math.ceil((px * dpr) / 4) * 4));
  return `${fit(window.innerWidth, 2048)}x${fit(window.innerHeight, 1024)}`;
}

export function imageUrl(link: PublicLink, file: FileMetadata, size = screenThumbSize()): string {
  return getPubThumbUrl({ code: link.code, fileid: fileParam(link, file.fileid), size }, { apiBase: link.apiBase });
}

function Failure({ error, onDownload }: { error: unknown; onDownload?: () => void }) {
  const t = useT(pub);
  return (
    <div className="pub-preview-failure" role="alert">
      <p>{actionError(error)}</p>
      {onDownload && (
        <button className="btn" onClick={onDownload}>
          {t('downloadInstead')}
        </button>
      )}
    </div>
  );
}

function ImagePreview({ link, file }: { link: PublicLink; file: FileMetadata }) {
  const t = useT(pub);
  const [zoom, setZoom] = useState(false);
  const [broken, setBroken] = useState(false);
  if (broken) return <p className="pub-preview-failure" role="alert">{t('imageBroken')}</p>;
  return (
    <button className={`image-stage ${zoom ? 'zoomed' : ''}`} onClick={() => setZoom((z) => !z)} aria-label={zoom ? t('fitToScreen') : t('zoomIn')}>
      <img src={imageUrl(link, file)} alt={file.name} draggable={false} referrerPolicy="no-referrer" onError={() => setBroken(true)} />
    </button>
  );
}

/** A transcode browsers play (largest up to 1080p); the original only when it is all there is. */
export function pickVideo(sources: readonly PublicVideoSource[]): PublicVideoSource | undefined {
  const transcoded = sources.filter((s) => !s.isoriginal && s.height <= 1080);
  return transcoded[transcoded.length - 1] ?? sources.find((s) => s.isoriginal) ?? sources[0];
}

function VideoPreview({ link, file, onDownload }: { link: PublicLink; file: FileMetadata; onDownload: () => void }) {
  const t = useT(pub);
  const sources = useQuery(publicVideoOptions(link, file.fileid));
  const [failed, setFailed] = useState(false);
  if (sources.error) return <Failure error={sources.error} onDownload={onDownload} />;
  if (!sources.data) return <div className="loading" role="status" aria-label={t('loadingVideo')} />;
  const source = pickVideo(sources.data);
  if (!source || failed) return <Failure error={new Error('unplayable')} onDownload={onDownload} />;
  return (
    <video className="viewer-video pub-video" controls playsInline preload="metadata" src={source.url} aria-label={file.name} onError={() => setFailed(true)} />
  );
}

function AudioPreview({ link, file, onDownload }: { link: PublicLink; file: FileMetadata; onDownload: () => void }) {
  const t = useT(pub);
  const audio = useQuery(publicAudioOptions(link, file.fileid));
  if (audio.error) return <Failure error={audio.error} onDownload={onDownload} />;
  if (!audio.data) return <div className="loading" role="status" aria-label={t('loadingAudio')} />;
  return (
    <div className="audio-view">
      <ItemIcon item={file} size={96} />
      {file.title && <p className="pub-audio-title" dir="auto">{[file.artist, file.title].filter(Boolean).join(' — ')}</p>}
      <audio controls preload="metadata" src={audio.data.url} aria-label={file.name} />
    </div>
  );
}

function TextPreview({ link, file, onDownload }: { link: PublicLink; file: FileMetadata; onDownload: () => void }) {
  const t = useT(pub);
  const tooBig = file.size > TEXT_PREVIEW_LIMIT;
  const text = useQuery({ ...publicTextOptions(link, file.fileid), enabled: !tooBig });
  if (tooBig) return <OtherPreview file={file} note={t('tooLarge', { size: formatBytes(file.size, t.locale) })} onDownload={onDownload} />;
  if (text.error) return <Failure error={text.error} onDownload={onDownload} />;
  if (text.data === undefined) return <div className="loading" role="status" aria-label={t('loadingText')} />;
  // text nodes only: markup inside the file stays inert
  return (
    <div className="text-view pub-text" role="document" aria-label={t('contentsOf', { name: file.name })} tabIndex={0}>
      <pre>
        {text.data.replace(/\r?\n$/, '').split(/\r?\n/).map((line, i) => (
          <span className="line" key={i}>
            <span className="ln" aria-hidden="true">
              {i + 1}
            </span>
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
    </div>
  );
}

function OtherPreview({ file, note, onDownload }: { file: FileMetadata; note?: string; onDownload: () => void }) {
  const t = useT(pub);
  const tc = useT(common);
  return (
    <div className="other-view">
      <ItemIcon item={file} size={96} />
      {note && <p className="muted">{note}</p>}
      <dl className="facts">
        <dt>{tc('size')}</dt>
        <dd>{formatBytes(file.size, t.locale)}</dd>
        <dt>{tc('type')}</dt>
        <dd>{file.contenttype || t('unknownType')}</dd>
        <dt>{tc('modified')}</dt>
        <dd>{formatDate(file.modified, t.locale)}</dd>
      </dl>
      <button className="btn primary" onClick={onDownload}>
        {tc('download')}
      </button>
    </div>
  );
}

/** The preview that fits the file's type. */
export function FilePreview({ link, file, onDownload }: { link: PublicLink; file: FileMetadata; onDownload: () => void }) {
  switch (previewKind(file)) {
    case 'image':
      return <ImagePreview link={link} file={file} />;
    case 'video':
      return <VideoPreview link={link} file={file} onDownload={onDownload} />;
    case 'audio':
      return <AudioPreview link={link} file={file} onDownload={onDownload} />;
    case 'text':
      return <TextPreview link={link} file={file} onDownload={onDownload} />;
    default:
      return <OtherPreview file={file} onDownload={onDownload} />;
  }
}
