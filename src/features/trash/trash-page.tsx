// The trash: list, restore (in place or elsewhere), delete forever, empty. On real pCloud every
// trash method refuses OAuth tokens (1000 → 'oauthRefused'); then the page explains that calmly.
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import { isOAuthRefusal } from '../../api/errors';
import type { Metadata } from '../../api/types';
import { getT, useT } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import { formatBytes } from '../../lib/format';
import common from '../../locales/en/common';
import trash from '../../locales/en/trash';
import { folderMetaOptions } from '../../queries/folder';
import { trashListOptions, useClearTrash, useRestoreFromTrash } from '../../queries/trash';
import { undoHeldDelete, usePendingDeletes } from '../../queries/pending-deletes';
import { displayName } from '../../i18n/display-name';
import './trash.css';
import { toast } from '../../stores/toasts';
import { paths } from '../../routing/paths';
import { Dialog } from '../../ui/dialog';
import { Icon, ItemIcon } from '../../ui/icons';
import { FolderPickerDialog } from '../../widgets/dialogs';
import { NotAvailableWithSignIn, PCLOUD_WEB_TRASH } from '../../widgets/not-available';

type TrashRef = { fileid: number; folderid?: never } | { folderid: number; fileid?: never };

const refOf = (m: Metadata): TrashRef => (m.isfolder ? { folderid: m.folderid } : { fileid: m.fileid });
const NO_EXCLUDE: ReadonlySet<number> = new Set();
const tNow = getT(trash);

function DeletedFrom({ folderid }: { folderid: number | undefined }) {
  const t = useT(trash);
  const known = folderid !== undefined && folderid !== 0;
  const { data, isError } = useQuery({ ...folderMetaOptions(folderid ?? 0), enabled: known });
  if (folderid === undefined) {
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t('unknownPlace')}</span>
      </span>
    );
  }
  if (folderid === 0) return <Link to={paths.folder(0)}>{t('myFiles')}</Link>;
  if (isError) return <span className="muted">{t('deletedFolder')}</span>;
  if (!data) return <span className="muted">…</span>;
  return (
    <Link to={paths.folder(folderid)} dir="auto">
      {displayName(data.name)}
    </Link>
  );
}

function ConfirmDialog({
  open, title, description, action, busy, onCancel, onConfirm,
}: { open: boolean; title: string; description: string; action: string; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const tc = useT(common);
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onCancel()} title={title} description={description}>
      <div className="dialog-actions">
        <button className="btn" onClick={onCancel}>
          {tc('cancel')}
        </button>
        <button className="btn primary danger-fill" disabled={busy} onClick={onConfirm}>
          {action}
        </button>
      </div>
    </Dialog>
  );
}

/** Toasts of one batch action: all done (one item, or several), or some failed. */
interface Outcome {
  one: (name: string) => string;
  many: (ok: number, count: number) => string;
  failed: (ok: number, total: number, error: string) => string;
}

const RESTORED: Outcome = {
  one: (name) => tNow('restoredOne', { name }),
  many: (ok, count) => tNow('restoredMany', { ok, count }),
  failed: (ok, total, error) => tNow('restoreFailed', { ok, total, error }),
};
const DELETED: Outcome = {
  one: (name) => tNow('deletedOne', { name }),
  many: (ok, count) => tNow('deletedMany', { ok, count }),
  failed: (ok, total, error) => tNow('deleteFailed', { ok, total, error }),
};

/**
 * Deletes still in their undo window: on their way to the trash, not yet in it. Listed here so an
 * item is never absent from both the folder and the trash; "Keep" is the toast's undo.
 */
function BeingDeleted() {
  const t = useT(trash);
  const pending = usePendingDeletes();
  if (pending.length === 0) return null;
  return (
    <section className="trash-pending" aria-labelledby="trash-pending-title">
      <h2 id="trash-pending-title">{t('beingDeleted')}</h2>
      <p className="muted">{t('beingDeletedText')}</p>
      <ul>
        {pending.flatMap(({ hold, items }) =>
          items.map((m) => (
            <li key={`${hold}-${m.id}`}>
              <ItemIcon item={m} size={20} />
              <bdi className="trash-pending-name">{displayName(m.name)}</bdi>
              {items.length === 1 && (
                <button
                  type="button"
                  className="btn"
                  aria-label={t('keepItem', { name: m.name })}
                  onClick={() => {
                    if (undoHeldDelete(hold)) toast({ kind: 'info', message: tNow('kept', { name: m.name }) });
                  }}
                >
                  {t('keep')}
                </button>
              )}
            </li>
          )),
        )}
      </ul>
    </section>
  );
}

export default function TrashPage() {
  const t = useT(trash);
  const tc = useT(common);
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
  const runEach = async (say: Outcome, list: Metadata[], call: (m: Metadata) => Promise<unknown>) => {
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
    if (ok === list.length) toast({ kind: 'success', message: list.length === 1 ? say.one(list[0].name) : say.many(ok, list.length) });
    else toast({ kind: 'error', message: say.failed(ok, list.length, errorMessage(lastError)) });
  };

  const restoreChosen = (restoreto?: number) =>
    void runEach(RESTORED, chosen, (m) => restore.mutateAsync({ ...refOf(m), ...(restoreto === undefined ? {} : { restoreto }) }));

  const deleteChosen = async () => {
    setConfirm(null);
    await runEach(DELETED, chosen, (m) => clear.mutateAsync(refOf(m)));
  };

  const emptyTrash = async () => {
    setConfirm(null);
    setBusy(true);
    try {
      await clear.mutateAsync({ folderid: 0 });
      setSelected(new Set());
      toast({ kind: 'success', message: tNow('emptied') });
    } catch (err) {
      toast({ kind: 'error', message: tNow('emptyFailed', { error: errorMessage(err) }) });
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (listing.isPending) {
    body = <div className="loading" role="status" aria-label={tc('loading')} />;
  } else if (listing.isError && isOAuthRefusal(listing.error)) {
    body = (
      <NotAvailableWithSignIn title={t('unavailableTitle')} what={t('unavailableWhat')} href={PCLOUD_WEB_TRASH} linkText={t('openOnPcloud')} />
    );
  } else if (listing.isError) {
    body = (
      <div className="state-box" role="alert">
        <h2>{t('loadError')}</h2>
        <p className="muted">{errorMessage(listing.error)}</p>
        <button className="btn primary" onClick={() => void listing.refetch()}>
          {tc('tryAgain')}
        </button>
      </div>
    );
  } else if (items.length === 0) {
    body = (
      <div className="state-box empty">
        <h2>{t('emptyTitle')}</h2>
        <p className="muted">{t('emptyText')}</p>
      </div>
    );
  } else {
    body = (
      <>
        <div className="toolbar" role="toolbar" aria-label={t('actions')}>
          <button className="btn" disabled={busy || chosen.length === 0} onClick={() => restoreChosen()}>
            <Icon name="refresh" /> {t('restore')}
          </button>
          <button className="btn" disabled={busy || chosen.length === 0} onClick={() => setPicking(true)}>
            <Icon name="move" /> {t('restoreTo')}
          </button>
          <button className="btn danger" disabled={busy || chosen.length === 0} onClick={() => setConfirm('delete')}>
            <Icon name="trash" /> {t('deleteForever')}
          </button>
          <div className="toolbar-spacer" />
          <button className="btn danger" disabled={busy} onClick={() => setConfirm('empty')}>
            {t('emptyTrash')}
          </button>
        </div>
        <p className="status-line" aria-live="polite">
          {chosen.length > 0 ? t('selectedOf', { selected: chosen.length, total: items.length }) : tc('items', { count: items.length })}
        </p>
        <div className="trash-table-wrap">
          <table className="trash-table" aria-label={t('table')}>
            <thead>
              <tr>
                <th scope="col" className="trash-check">
                  <input
                    type="checkbox"
                    aria-label={t('selectAll')}
                    checked={allChosen}
                    onChange={() => setSelected(allChosen ? new Set() : new Set(items.map((m) => m.id)))}
                  />
                </th>
                <th scope="col">{tc('name')}</th>
                <th scope="col">{tc('size')}</th>
                <th scope="col">{t('deletedFrom')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} className={selected.has(m.id) ? 'selected' : undefined}>
                  <td className="trash-check">
                    <input type="checkbox" aria-label={t('selectItem', { name: m.name })} checked={selected.has(m.id)} onChange={() => toggle(m.id)} />
                  </td>
                  <td>
                    <span className="trash-name">
                      <ItemIcon item={m} size={20} /> <bdi dir="auto">{displayName(m.name)}</bdi>
                    </span>
                  </td>
                  <td>{m.isfolder ? <span className="muted">{tc('folder')}</span> : formatBytes(m.size, t.locale)}</td>
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
        {t('title')}
      </h1>
      {!(listing.isError && isOAuthRefusal(listing.error)) && <BeingDeleted />}
      {body}
      <FolderPickerDialog
        open={picking}
        title={t('restoreTo')}
        action={t('restore')}
        exclude={NO_EXCLUDE}
        onClose={() => setPicking(false)}
        onPick={(folderid) => {
          setPicking(false);
          restoreChosen(folderid);
        }}
      />
      <ConfirmDialog
        open={confirm === 'delete'}
        title={chosen.length === 1 ? t('deleteOneConfirm', { name: chosen[0].name }) : t('deleteManyConfirm', { count: chosen.length })}
        description={t('cannotUndo')}
        action={t('deleteForever')}
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void deleteChosen()}
      />
      <ConfirmDialog
        open={confirm === 'empty'}
        title={t('emptyConfirm')}
        description={t('emptyConfirmText')}
        action={t('emptyTrash')}
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void emptyTrash()}
      />
    </section>
  );
}
