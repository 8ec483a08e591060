// The trash: list, restore (in place or elsewhere), delete forever, empty. On real pCloud every
// trash method refuses OAuth tokens (1000 → 'oauthRefused'); then the page explains that calmly.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { isOAuthRefusal } from '../../api/errors';
import type { Metadata } from '../../api/types';
import { formatBytes } from '../../lib/format';
import { folderMetaOptions } from '../../queries/folder';
import { trashListOptions, useClearTrash, useRestoreFromTrash } from '../../queries/trash';
import { toast } from '../../stores/toasts';
import { paths } from '../../app/paths';
import { Dialog } from '../../ui/dialog';
import { Icon, ItemIcon } from '../../ui/icons';
import { FolderPickerDialog } from '../browse/dialogs';
import { errorText, NotAvailableWithSignIn, PCLOUD_WEB_TRASH } from '../account/not-available';

type TrashRef = { fileid: number; folderid?: never } | { folderid: number; fileid?: never };

const refOf = (m: Metadata): TrashRef => (m.isfolder ? { folderid: m.folderid } : { fileid: m.fileid });
const NO_EXCLUDE: ReadonlySet<number> = new Set();

function DeletedFrom({ folderid }: { folderid: number | undefined }) {
  const known = folderid !== undefined && folderid !== 0;
  const { data, isError } = useQuery({ ...folderMetaOptions(folderid ?? 0), enabled: known });
  if (folderid === undefined) return <span className="muted">—</span>;
  if (folderid === 0) return <Link to={paths.folder(0)}>My files</Link>;
  if (isError) return <span className="muted">a deleted folder</span>;
  if (!data) return <span className="muted">…</span>;
  return (
    <Link to={paths.folder(folderid)} dir="auto">
      {data.name}
    </Link>
  );
}

function ConfirmDialog({
  open, title, description, action, busy, onCancel, onConfirm,
}: { open: boolean; title: string; description: string; action: string; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onCancel()} title={title} description={description}>
      <div className="dialog-actions">
        <button className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button className="btn primary danger-fill" disabled={busy} onClick={onConfirm}>
          {action}
        </button>
      </div>
    </Dialog>
  );
}

export default function TrashPage() {
  const listing = useQuery(trashListOptions(0));
  const restore = useRestoreFromTrash();
  const clear = useClearTrash();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirm, setConfirm] = useState<'delete' | 'empty' | null>(null);
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);

  const items = useMemo(() => listing.data?.contents ?? [], [listing.data]);
  const chosen = items.filter((m) => selected.has(m.id));
  const allChosen = items.length > 0 && chosen.length === items.length;

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  /** Runs one call per item, one after another; reports how many worked. */
  const runEach = async (verb: string, list: Metadata[], call: (m: Metadata) => Promise<unknown>) => {
    setBusy(true);
    let ok = 0;
    let lastError: unknown;
    for (const m of list) {
      try {
        await call(m);
        ok++;
      } catch (err) {
        lastError = err;
        if (isOAuthRefusal(err)) break;
      }
    }
    setBusy(false);
    setSelected(new Set());
    const what = list.length === 1 ? `“${list[0].name}”` : `${ok} of ${list.length} items`;
    if (ok === list.length) toast({ kind: 'success', message: `${verb} ${what}` });
    else toast({ kind: 'error', message: `${verb} ${ok} of ${list.length}: ${errorText(lastError)}` });
  };

  const restoreChosen = (restoreto?: number) =>
    void runEach('Restored', chosen, (m) => restore.mutateAsync({ ...refOf(m), ...(restoreto === undefined ? {} : { restoreto }) }));

  const deleteChosen = async () => {
    setConfirm(null);
    await runEach('Deleted forever', chosen, (m) => clear.mutateAsync(refOf(m)));
  };

  const emptyTrash = async () => {
    setConfirm(null);
    setBusy(true);
    try {
      await clear.mutateAsync({ folderid: 0 });
      setSelected(new Set());
      toast({ kind: 'success', message: 'The trash is empty' });
    } catch (err) {
      toast({ kind: 'error', message: `Could not empty the trash: ${errorText(err)}` });
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (listing.isPending) {
    body = <div className="loading" role="status" aria-label="Loading" />;
  } else if (listing.isError && isOAuthRefusal(listing.error)) {
    body = (
      <NotAvailableWithSignIn
        title="The trash is not available with this sign-in"
        what="your trash"
        href={PCLOUD_WEB_TRASH}
        linkText="Open the trash on pCloud"
      />
    );
  } else if (listing.isError) {
    body = (
      <div className="state-box" role="alert">
        <h2>The trash could not be loaded</h2>
        <p className="muted">{errorText(listing.error)}</p>
        <button className="btn primary" onClick={() => void listing.refetch()}>
          Try again
        </button>
      </div>
    );
  } else if (items.length === 0) {
    body = (
      <div className="state-box empty">
        <h2>The trash is empty</h2>
        <p className="muted">Deleted files and folders stay here until you delete them forever.</p>
      </div>
    );
  } else {
    body = (
      <>
        <div className="toolbar" role="toolbar" aria-label="Trash actions">
          <button className="btn" disabled={busy || chosen.length === 0} onClick={() => restoreChosen()}>
            <Icon name="refresh" /> Restore
          </button>
          <button className="btn" disabled={busy || chosen.length === 0} onClick={() => setPicking(true)}>
            <Icon name="move" /> Restore to…
          </button>
          <button className="btn danger" disabled={busy || chosen.length === 0} onClick={() => setConfirm('delete')}>
            <Icon name="trash" /> Delete forever
          </button>
          <div className="toolbar-spacer" />
          <button className="btn danger" disabled={busy} onClick={() => setConfirm('empty')}>
            Empty trash
          </button>
        </div>
        <p className="status-line" aria-live="polite">
          {chosen.length > 0 ? `${chosen.length} of ${items.length} selected` : `${items.length} item${items.length === 1 ? '' : 's'}`}
        </p>
        <div className="trash-table-wrap">
          <table className="trash-table" aria-label="Deleted items">
            <thead>
              <tr>
                <th scope="col" className="trash-check">
                  <input
                    type="checkbox"
                    aria-label="Select all"
                    checked={allChosen}
                    onChange={() => setSelected(allChosen ? new Set() : new Set(items.map((m) => m.id)))}
                  />
                </th>
                <th scope="col">Name</th>
                <th scope="col">Size</th>
                <th scope="col">Deleted from</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} className={selected.has(m.id) ? 'selected' : undefined}>
                  <td className="trash-check">
                    <input type="checkbox" aria-label={`Select ${m.name}`} checked={selected.has(m.id)} onChange={() => toggle(m.id)} />
                  </td>
                  <td>
                    <span className="trash-name">
                      <ItemIcon item={m} size={20} /> <span dir="auto">{m.name}</span>
                    </span>
                  </td>
                  <td>{m.isfolder ? <span className="muted">Folder</span> : formatBytes(m.size)}</td>
                  <td>
                    <DeletedFrom folderid={m.origparentfolderid} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  return (
    <section className="trash-page" aria-labelledby="trash-title">
      <h1 id="trash-title" className="page-title">
        Trash
      </h1>
      {body}
      <FolderPickerDialog
        open={picking}
        title="Restore to…"
        action="Restore"
        exclude={NO_EXCLUDE}
        onClose={() => setPicking(false)}
        onPick={(folderid) => {
          setPicking(false);
          restoreChosen(folderid);
        }}
      />
      <ConfirmDialog
        open={confirm === 'delete'}
        title={chosen.length === 1 ? `Delete “${chosen[0].name}” forever?` : `Delete ${chosen.length} items forever?`}
        description="This cannot be undone."
        action="Delete forever"
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void deleteChosen()}
      />
      <ConfirmDialog
        open={confirm === 'empty'}
        title="Empty the trash?"
        description="Everything in the trash is deleted forever. This cannot be undone."
        action="Empty trash"
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void emptyTrash()}
      />
    </section>
  );
}
