import { useCallback, useState } from 'react';
import type { FileMetadata } from '../../api/types';
import { useT } from '../../i18n';
import pub from '../../locales/en/public';
import { publicDownloadUrl, publicZipUrl, type PublicLink } from '../../queries/public';
import { toast } from '../../stores/toasts';
import { actionError, startDownload } from './problems';
import { zipName } from './tree';

export interface ZipRequest {
  fileids?: readonly number[];
  folderids?: readonly number[];
  /** Becomes `<name>.zip`. */
  name: string;
}

/**
 * Download actions of a link page. Each resolves its URL only when the visitor clicks (downloads
 * count against the link's limits), then leaves the transfer to the browser's own download manager.
 */
export function useDownloads(link: PublicLink) {
  const t = useT(pub);
  const [busy, setBusy] = useState<string | null>(null);

  const downloadFile = useCallback(
    async (file: FileMetadata) => {
      setBusy(`file:${file.fileid}`);
      try {
        startDownload(await publicDownloadUrl(link, file.fileid), file.name);
      } catch (err) {
        toast({ kind: 'error', message: t('downloadFailed', { name: file.name, reason: actionError(err) }) });
      } finally {
        setBusy(null);
      }
    },
    [link, t],
  );

  const downloadZip = useCallback(
    async ({ fileids, folderids, name }: ZipRequest) => {
      setBusy('zip');
      const filename = zipName(name);
      try {
        const url = await publicZipUrl(link, {
          fileids: fileids?.length ? fileids : undefined,
          folderids: folderids?.length ? folderids : undefined,
          filename,
        });
        startDownload(url, filename);
      } catch (err) {
        toast({ kind: 'error', message: t('zipFailed', { reason: actionError(err) }) });
      } finally {
        setBusy(null);
      }
    },
    [link, t],
  );

  return { busy, downloadFile, downloadZip };
}
