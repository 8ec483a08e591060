// Earlier versions of one file (listrevisions): size and date, download any of them (getfilelink
// with revisionid) and restore one (revertrevision) after a confirmation. Used by the Versions
// dialog and the details panel.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { contentUrl } from '../../api/client';
import type { FileMetadata, Revision } from '../../api/protocol/types';
import { getFileLink } from '../../api/streaming';
import { formatBytes, formatDate } from '../../lib/format';
import { revisionsOptions, useRevertRevision } from '../../queries/revisions';
import { getSession } from '../../stores/session';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { humanError } from '../browse/operations';
import './revisions.css';

/** "report.txt" → "report (version of 3 Mar 2026, 10:12).txt" so a download never looks like the current file. */
function revisionFileName(name: string, revision: Revision): string {
  const stamp = formatDate(revision.created).replace(/[\\/:*?"<>|]/g, '.');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (version of ${stamp})${name.slice(dot)}` : `${name} (version of ${stamp})`;
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
    toast({ kind: 'error', message: `Could not download that version: ${humanError(err)}` });
  }
}

export function RevisionList({ file, compact }: { file: FileMetadata; compact?: boolean }) {
  const list = useQuery(revisionsOptions(file.fileid));
  const revert = useRevertRevision();
  const [confirming, setConfirming] = useState<Revision | null>(null);

  if (list.isPending) return <div className="loading" role="status" aria-label="Loading versions" />;
  if (list.isError) {
    return (
      <p className="field-error" role="alert">
        The versions could not be loaded: {humanError(list.error)}{' '}
        <button className="btn link" onClick={() => void list.refetch()}>
          Try again
        </button>
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
        onSuccess: () => toast({ kind: 'success', message: `Restored the version of ${formatDate(rev.created)}` }),
        onError: (err) => toast({ kind: 'error', message: `Could not restore that version: ${humanError(err)}` }),
      },
    );
  };

  return (
    <>
      <ul className={`revision-list ${compact ? 'compact' : ''}`} aria-label={`Versions of ${file.name}`}>
        <li className="revision-row current">
          <div className="revision-when">
            <span>Current version</span>
            <span className="muted">
              {formatDate(current.modified)} · {formatBytes(current.size)}
            </span>
          </div>
        </li>
        {revisions.length === 0 && (
          <li className="revision-row">
            <span className="muted">No earlier versions. Uploading a file with the same name into the same folder keeps the old one here.</span>
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
                <button className="btn" aria-label={`Download the version of ${when}`} onClick={() => void downloadRevision(current, rev)}>
                  Download
                </button>
                <button className="btn" disabled={revert.isPending} aria-label={`Restore the version of ${when}`} onClick={() => setConfirming(rev)}>
                  Restore
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <Dialog
        open={confirming !== null}
        onOpenChange={(o) => !o && setConfirming(null)}
        title="Restore this version?"
        description={
          confirming
            ? `“${file.name}” goes back to its content of ${formatDate(confirming.created)} (${formatBytes(confirming.size)}). The current content is kept as a version, so you can undo this.`
            : undefined
        }
      >
        <div className="dialog-actions">
          <button className="btn" onClick={() => setConfirming(null)}>
            Cancel
          </button>
          <button className="btn primary" onClick={() => confirming && restore(confirming)}>
            Restore version
          </button>
        </div>
      </Dialog>
    </>
  );
}
