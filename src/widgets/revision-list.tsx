// Earlier versions of one file (listrevisions): size and date, download any of them (getfilelink
// with revisionid) and restore one (revertrevision) after a confirmation. Used by the Versions
// dialog and the details panel.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { contentUrl } from '../api/client';
import type { FileMetadata, Revision } from '../api/protocol/types';
import { getFileLink } from '../api/streaming';
import { formatBytes, formatDate } from '../lib/format';
import { revisionsOptions, useRevertRevision } from '../queries/revisions';
import { getSession } from '../stores/session';
import { toast } from '../stores/toasts';
import { errorMessage } from '../i18n/error-message';
import { getT, useT } from '../i18n';
import common from '../locales/en/common';
import viewer from '../locales/en/viewer';
import './revisions.css';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/dialog-actions';


const tv = getT(viewer);

/** "report.txt" → "report (version of 3 Mar 2026, 10:12).txt" so a download never looks like the current file. */
function revisionFileName(name: string, revision: Revision): string {
  const stamp = formatDate(revision.created).replace(/[\\/:*?"<>|]/g, '.');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${tv('versionFileName', { name: name.slice(0, dot), date: stamp })}${name.slice(dot)}` : tv('versionFileName', { name, date: stamp });
}

async function downloadRevision(file: FileMetadata, revision: Revision) {
  try {
    const link = await getFileLink({ fileid: file.fileid, revisionid: revision.revisionid, forcedownload: true });
    const a = document.createElement('a');
    a.href = contentUrl(link, getSession()?.apiBase ?? '');
    a.download = revisionFileName(file.name, revision);
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } catch (err) {
    toast({ kind: 'error', message: tv('downloadFailed', { error: errorMessage(err) }) });
  }
}

export function RevisionList({ file, compact }: { file: FileMetadata; compact?: boolean }) {
  const list = useQuery(revisionsOptions(file.fileid));
  const revert = useRevertRevision();
  const [confirming, setConfirming] = useState<Revision | null>(null);
  const t = useT(viewer);
  const tc = useT(common);

  if (list.isPending) return <div className="loading" role="status" aria-label={t('loadingVersions')} />;
  if (list.isError) {
    return (
      <p className="field-error" role="alert">
        {t('loadFailed', { error: errorMessage(list.error) })}{' '}
        <Button variant="ghost" onClick={() => void list.refetch()}>
          {tc('tryAgain')}
        </Button>
      </p>
    );
  }
  const current = list.data.metadata;
  const revisions = list.data.revisions;

  const restore = (rev: Revision) => {
    setConfirming(null);
    revert.mutate(
      { fileid: file.fileid, revisionid: rev.revisionid },
      {
        onSuccess: () => toast({ kind: 'success', message: tv('restored', { date: formatDate(rev.created) }) }),
        onError: (err) => toast({ kind: 'error', message: tv('restoreFailed', { error: errorMessage(err) }) }),
      },
    );
  };

  return (
    <>
      <ul className={`revision-list ${compact ? 'compact' : ''}`} aria-label={t('listLabel', { name: file.name })}>
        <li className="revision-row current">
          <div className="revision-when">
            <span>{t('currentVersion')}</span>
            <span className="muted">
              {formatDate(current.modified)} · {formatBytes(current.size)}
            </span>
          </div>
        </li>
        {revisions.length === 0 && (
          <li className="revision-row">
            <span className="muted">{t('noVersions')}</span>
          </li>
        )}
        {revisions.map((rev) => {
          const when = formatDate(rev.created);
          return (
            <li key={rev.revisionid} className="revision-row">
              <div className="revision-when">
                <span>{when}</span>
                <span className="muted">{formatBytes(rev.size)}</span>
              </div>
              <div className="revision-actions">
                <Button aria-label={t('downloadVersion', { date: when })} onClick={() => void downloadRevision(current, rev)}>
                  {tc('download')}
                </Button>
                <Button disabled={revert.isPending} aria-label={t('restoreVersionOf', { date: when })} onClick={() => setConfirming(rev)}>
                  {t('restore')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={confirming !== null}
        danger={false}
        title={t('restoreTitle')}
        message={confirming ? t('restoreDescription', { name: file.name, date: formatDate(confirming.created), size: formatBytes(confirming.size) }) : undefined}
        confirmLabel={t('restoreVersion')}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && restore(confirming)}
      />
    </>
  );
}
