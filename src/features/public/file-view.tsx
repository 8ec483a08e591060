import { displayName } from '../../i18n/display-name';
import { useMemo } from 'react';
import type { FileMetadata } from '../../api/types';
import type { PublicLink } from '../../queries/public';
import { useT } from '../../i18n';
import { formatBytes, formatDate } from '../../lib/format';
import common from '../../locales/en/common';
import pub from '../../locales/en/public';
import { PublicFrame } from './frame';
import { fileKind } from '../../lib/file-kind';
import { previewerFor } from '../../previewers';
import { FilePreview } from '../../previewers/file-preview';
import { publicSource } from '../../previewers/public-source';
import { actionError } from './problems';
import { SaveButton } from './save-button';
import { useDownloads } from './use-downloads';
import { Button } from '../../ui/button';

/** A link to one file: its preview, what it is, and what a visitor may do with it. */
export function FileLinkView({ link, file }: { link: PublicLink; file: FileMetadata }) {
  const t = useT(pub);
  const tc = useT(common);
  const { busy, downloadFile } = useDownloads(link);
  const download = () => void downloadFile(file);
  const source = useMemo(
    () => publicSource(link, { files: [file], download: (f) => void downloadFile(f), describeError: actionError }),
    [link, file, downloadFile],
  );
  const kind = fileKind(file);
  return (
    <PublicFrame title={file.name}>
      <article className="pub-file" aria-labelledby="pub-file-name">
        <header className="pub-file-head">
          <div className="pub-file-title">
            <h1 id="pub-file-name" dir="auto">
              {displayName(file.name)}
            </h1>
            <p className="muted">
              {t('sizeAndDate', { size: formatBytes(file.size, t.locale), date: formatDate(file.modified, t.locale) })}
            </p>
          </div>
          <div className="pub-file-actions">
            <Button variant="primary" icon="download" onClick={download} disabled={busy !== null} aria-busy={busy !== null || undefined}>
              {busy ? t('starting') : tc('download')}
            </Button>
            <SaveButton link={link} target={{ kind: 'file', fileid: file.fileid, name: file.name }} />
          </div>
        </header>
        {previewerFor(kind) && (
          <div className={`pub-stage ${kind}`}>
            <FilePreview file={file} source={source} />
          </div>
        )}
      </article>
    </PublicFrame>
  );
}
