import { useCallback, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { FileMetadata, Metadata } from '../api/protocol/types';
import { folderListingOptions } from '../queries/folder';
import { openDialog } from '../stores/dialogs';
import { playQueue } from '../stores/player';
import { formatBytes, formatDate, toTime } from '../lib/format';
import { fileKind } from '../lib/file-kind';
import { accountSource } from './account-source';
import { findCover } from './audio/cover';
import { galleryOf } from './file-preview';
import { ViewerFrame } from './viewer-frame';
import './viewer.css';
import { getT, useT } from '../i18n';
import browse from '../locales/en/browse';
import common from '../locales/en/common';
import viewer from '../locales/en/viewer';
import { Button } from '../ui/button';

function isoDate(value: string): string | undefined {
  const t = toTime(value);
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}

/**
 * Audio is played by the persistent mini-player: opening a track hands the folder's audio files to
 * its queue (so Next works and the music keeps playing while browsing) and closes the viewer.
 */
function useAudioHandOff(files: readonly FileMetadata[], onClose: () => void) {
  const qc = useQueryClient();
  const handed = useRef<number | null>(null);
  return useCallback(
    (file: FileMetadata) => {
      if (handed.current === file.fileid) return;
      handed.current = file.fileid;
      const tracks = files.filter((f) => fileKind(f) === 'audio');
      const folder = file.parentfolderid === undefined ? undefined : qc.getQueryData(folderListingOptions(file.parentfolderid).queryKey);
      const name = folder && folder.folderid !== 0 ? folder.name : folder ? getT(browse)('myFiles') : undefined;
      playQueue(tracks, Math.max(0, tracks.findIndex((t) => t.fileid === file.fileid)), name, { cover: findCover(files) });
      onClose();
    },
    [files, qc, onClose],
  );
}

/** Full-screen viewer with its own URL (`?view=<fileid>`): Back closes it; arrows page through the folder. */
export default function Viewer({ items, fileid, onClose, onShow, onDownload }: { items: readonly Metadata[]; fileid: number; onClose: () => void; onShow: (fileid: number) => void; onDownload: (m: Metadata) => void }) {
  const t = useT(viewer);
  const tc = useT(common);
  const files = useMemo(() => items.filter((m): m is FileMetadata => !m.isfolder), [items]);
  const file = files.find((f) => f.fileid === fileid);
  const gallery = useMemo(() => galleryOf(files), [files]);
  const playAudio = useAudioHandOff(files, onClose);
  const source = useMemo(() => accountSource({ files, download: onDownload, playAudio }), [files, onDownload, playAudio]);

  if (!file) return null;
  const gi = gallery.findIndex((f) => f.fileid === file.fileid);
  return (
    <ViewerFrame
      file={file}
      source={source}
      gallery={gallery}
      onShow={onShow}
      onClose={onClose}
      closeLabel={t('closeViewer')}
      heading={
        <p className="viewer-facts">
          {t.rich('facts', { size: formatBytes(file.size), date: <time dateTime={isoDate(file.modified)}>{formatDate(file.modified)}</time> })}
          {file.width && file.height ? ` · ${t('dimensions', { width: file.width, height: file.height })}` : ''}
          {gi >= 0 && gallery.length > 1 ? ` · ${t('position', { index: gi + 1, total: gallery.length })}` : ''}
        </p>
      }
      actions={
        <>
          <Button icon="history" onClick={() => openDialog({ kind: 'revisions', items: [file] })} title={t('versionsHint')} aria-label={t('versions')}>
            <span className="btn-label">{t('versions')}</span>
          </Button>
          {/* named by aria-label too: the text is hidden on narrow screens (viewer-frame.css) */}
          <Button icon="download" onClick={() => onDownload(file)} aria-label={tc('download')}>
            <span className="btn-label">{tc('download')}</span>
          </Button>
        </>
      }
    />
  );
}
