// The "Upload links" tab: each link with its folder, message, dates, counters and row actions.
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { paths } from '../../app/paths';
import type { UploadLink } from '../../api/types';
import { formatDate, toTime } from '../../lib/format';
import { uploadLinkListOptions, useDeleteUploadLink } from '../../queries/uploadlinks';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { Icon, ItemIcon } from '../../ui/icons';
import { humanError } from '../browse/operations';
import { copyToClipboard } from './clipboard';
import { UploadLinkEditForm } from './edit-forms';
import { uploadLinkExpiry } from './link-options';
import { dropUrl, expiryText, filesText, spaceText, uploadLinkProblem } from './link-share';
import { ConfirmDelete, ListState, ListTools, QrDialog, ShowMore, usePagedFilter } from './list-parts';

const folderName = (l: UploadLink) => (!l.metadata ? 'A deleted folder' : l.metadata.folderid === 0 ? 'My files' : l.metadata.name);
const searchText = (l: UploadLink) => `${folderName(l)} ${l.comment} ${l.mail} ${l.code}`;
const createdAt = (l: UploadLink) => toTime(l.created);

export function UploadLinksList() {
  // uploaders move the counters, not this app: read them fresh every time the list is shown
  const list = useQuery({ ...uploadLinkListOptions(), refetchOnMount: 'always' });
  const del = useDeleteUploadLink();
  const paged = usePagedFilter(list.data, searchText, createdAt);
  const [qr, setQr] = useState<UploadLink | null>(null);
  const [editing, setEditing] = useState<UploadLink | null>(null);
  const [deleting, setDeleting] = useState<UploadLink | null>(null);

  if (list.isPending || list.isError) return <ListState pending={list.isPending} error={list.error} retry={() => void list.refetch()} what="upload links" />;

  if (list.data.length === 0)
    return (
      <div className="state-box links-empty">
        <Icon name="upload" size={36} />
        <h2>No upload links yet</h2>
        <p className="muted">
          To collect files from people without a pCloud account, open one of your folders in <Link to={paths.folder(0)}>My files</Link> and choose{' '}
          <strong>Create upload link…</strong>. They can upload into it but never see what it holds.
        </p>
      </div>
    );

  const remove = async (l: UploadLink) => {
    try {
      await del.mutateAsync({ uploadlinkid: l.uploadlinkid });
      toast({ kind: 'success', message: `Deleted the upload link to “${folderName(l)}”` });
    } catch (err) {
      toast({ kind: 'error', message: `Could not delete the upload link: ${humanError(err)}` });
    } finally {
      setDeleting(null);
    }
  };

  return (
    <>
      <ListTools label="Filter upload links" noun="upload link" query={paged.query} onQuery={paged.setQuery} matching={paged.total} all={list.data.length} />
      <div className="trash-table-wrap">
        <table className="trash-table links-table" aria-label="Upload links">
          <thead>
            <tr>
              <th scope="col">Folder</th>
              <th scope="col">Message</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col" className="num">Files</th>
              <th scope="col" className="num">Space</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {paged.rows.map((l) => {
              const problem = uploadLinkProblem(l);
              const name = folderName(l);
              return (
                <tr key={l.uploadlinkid}>
                  <td>
                    {l.metadata ? (
                      <Link className="links-target" to={paths.folder(l.metadata.folderid)} title="Open the folder">
                        <ItemIcon item={l.metadata} size={20} />{' '}
                        <span className="links-name" dir="auto">
                          {name}
                        </span>
                      </Link>
                    ) : (
                      <span className="muted">{name}</span>
                    )}
                    {problem && <span className="links-badge">{problem}</span>}
                  </td>
                  <td>
                    <span className="links-comment" dir="auto" title={l.comment}>
                      {l.comment}
                    </span>
                  </td>
                  <td className="date">{formatDate(l.created)}</td>
                  <td className="date">{expiryText(uploadLinkExpiry(l))}</td>
                  <td className="num">{filesText(l)}</td>
                  <td className="num">{spaceText(l)}</td>
                  <td>
                    <div className="links-actions">
                      <button type="button" className="btn icon" aria-label={`Copy upload link to ${name}`} title="Copy link" onClick={() => void copyToClipboard(dropUrl(l.code), 'Upload link')}>
                        <Icon name="copy" />
                      </button>
                      <button type="button" className="btn icon" aria-label={`QR code of the upload link to ${name}`} title="QR code" onClick={() => setQr(l)}>
                        <Icon name="qr" />
                      </button>
                      <button type="button" className="btn icon" aria-label={`Change the upload link to ${name}`} title="Change limits" onClick={() => setEditing(l)}>
                        <Icon name="rename" />
                      </button>
                      <button type="button" className="btn icon danger" aria-label={`Delete the upload link to ${name}`} title="Delete link" onClick={() => setDeleting(l)}>
                        <Icon name="trash" />
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {paged.total === 0 && <p className="muted links-none">No upload link matches “{paged.query}”.</p>}
      </div>
      <ShowMore shown={paged.rows.length} total={paged.total} onMore={paged.more} />
      {qr && <QrDialog url={dropUrl(qr.code)} name={folderName(qr)} onClose={() => setQr(null)} />}
      {editing && (
        <Dialog open onOpenChange={(o) => !o && setEditing(null)} title={`Change the upload link to “${folderName(editing)}”`} wide>
          <p className="muted link-intro">
            E-mail address: <span className="link-url-text">{editing.mail}</span>
          </p>
          <UploadLinkEditForm link={editing} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
        </Dialog>
      )}
      {deleting && (
        <ConfirmDelete
          title={`Delete the upload link to “${folderName(deleting)}”?`}
          description="Nobody can upload with it any more. Files already received stay in the folder."
          busy={del.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      )}
    </>
  );
}
