// The "Public links" tab: every link with its target, dates, counters and row actions.
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { paths } from '../../app/paths';
import { shortcutLabel } from '../../commands/registry';
import type { Publink } from '../../api/types';
import { formatDate, toTime } from '../../lib/format';
import { publinkListOptions, useDeletePublink } from '../../queries/publinks';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { Icon, ItemIcon } from '../../ui/icons';
import { humanError } from '../browse/operations';
import { copyToClipboard } from './clipboard';
import { PublinkEditForm } from './edit-forms';
import { downloadsText, expiryText, isTreeLink, publinkProblem, trafficText, viewerUrl } from './link-share';
import { ConfirmDelete, ListState, ListTools, QrDialog, ShowMore, usePagedFilter } from './list-parts';

const searchText = (l: Publink) => `${l.metadata.name} ${l.code} ${l.shortcode ?? ''}`;
const createdAt = (l: Publink) => toTime(l.created);

/** Where the linked item lives in the browser: the file opens in the viewer of its folder. */
function Target({ link }: { link: Publink }) {
  const m = link.metadata;
  const name = (
    <span className="links-name" dir="auto">
      {m.name}
    </span>
  );
  if (isTreeLink(link))
    return (
      <span className="links-target">
        <ItemIcon item={m} size={20} /> {name} <span className="muted">(selection)</span>
      </span>
    );
  const to = m.isfolder ? paths.folder(m.folderid) : `${paths.folder(m.parentfolderid ?? 0)}?view=${m.fileid}`;
  return (
    <Link className="links-target" to={to} title={m.isfolder ? 'Open the folder' : 'Open the file'}>
      <ItemIcon item={m} size={20} /> {name}
    </Link>
  );
}

export function PublinksList() {
  // visitors move the counters, not this app: read them fresh every time the list is shown
  const list = useQuery({ ...publinkListOptions(), refetchOnMount: 'always' });
  const del = useDeletePublink();
  const paged = usePagedFilter(list.data, searchText, createdAt);
  const [qr, setQr] = useState<Publink | null>(null);
  const [editing, setEditing] = useState<Publink | null>(null);
  const [deleting, setDeleting] = useState<Publink | null>(null);

  if (list.isPending || list.isError) return <ListState pending={list.isPending} error={list.error} retry={() => void list.refetch()} what="public links" />;

  if (list.data.length === 0)
    return (
      <div className="state-box links-empty">
        <Icon name="link" size={36} />
        <h2>No public links yet</h2>
        <p className="muted">
          To share files with anyone, select them in <Link to={paths.folder(0)}>My files</Link> and choose <strong>Get public link…</strong> from the
          right-click menu, or press <kbd>{shortcutLabel('Mod+Shift+L')}</kbd>. Your links show up here with their downloads and traffic.
        </p>
      </div>
    );

  const remove = async (l: Publink) => {
    try {
      await del.mutateAsync({ linkid: l.linkid });
      toast({ kind: 'success', message: `Deleted the link to “${l.metadata.name}”` });
    } catch (err) {
      toast({ kind: 'error', message: `Could not delete the link: ${humanError(err)}` });
    } finally {
      setDeleting(null);
    }
  };

  return (
    <>
      <ListTools label="Filter public links" noun="link" query={paged.query} onQuery={paged.setQuery} matching={paged.total} all={list.data.length} />
      <div className="trash-table-wrap">
        <table className="trash-table links-table" aria-label="Public links">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col" className="num">Downloads</th>
              <th scope="col" className="num">Traffic</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {paged.rows.map((l) => {
              const problem = publinkProblem(l);
              return (
                <tr key={l.linkid}>
                  <td>
                    <Target link={l} />
                    {problem && <span className="links-badge">{problem}</span>}
                  </td>
                  <td className="date">{formatDate(l.created)}</td>
                  <td className="date">{expiryText(l.expires)}</td>
                  <td className="num">{downloadsText(l)}</td>
                  <td className="num">{trafficText(l)}</td>
                  <td>
                    <div className="links-actions">
                      <button type="button" className="btn icon" aria-label={`Copy link to ${l.metadata.name}`} title="Copy link" onClick={() => void copyToClipboard(viewerUrl(l.code), 'Link')}>
                        <Icon name="copy" />
                      </button>
                      <button type="button" className="btn icon" aria-label={`QR code of the link to ${l.metadata.name}`} title="QR code" onClick={() => setQr(l)}>
                        <Icon name="qr" />
                      </button>
                      <button type="button" className="btn icon" aria-label={`Change the link to ${l.metadata.name}`} title="Change options" onClick={() => setEditing(l)}>
                        <Icon name="rename" />
                      </button>
                      <button type="button" className="btn icon danger" aria-label={`Delete the link to ${l.metadata.name}`} title="Delete link" onClick={() => setDeleting(l)}>
                        <Icon name="trash" />
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {paged.total === 0 && <p className="muted links-none">No link matches “{paged.query}”.</p>}
      </div>
      <ShowMore shown={paged.rows.length} total={paged.total} onMore={paged.more} />
      {qr && <QrDialog url={viewerUrl(qr.code)} name={qr.metadata.name} onClose={() => setQr(null)} />}
      {editing && (
        <Dialog open onOpenChange={(o) => !o && setEditing(null)} title={`Change the link to “${editing.metadata.name}”`} wide>
          <PublinkEditForm link={editing} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
        </Dialog>
      )}
      {deleting && (
        <ConfirmDelete
          title={`Delete the link to “${deleting.metadata.name}”?`}
          description="People who have the link can no longer open it. The files themselves stay as they are."
          busy={del.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        />
      )}
    </>
  );
}
