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
import { ItemIcon } from '../../ui/icons';
import { FolderPickerDialog } from '../../widgets/dialogs';
import { NotAvailableWithSignIn, PCLOUD_WEB_TRASH } from '../../widgets/not-available';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/dialog-actions';
import { EmptyState, ErrorState } from '../../ui/empty-state';
import { Table } from '../../ui/table';


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
                <Button
                  aria-label={t('keepItem', { name: m.name })}
                  onClick={() => {
                    if (undoHeldDelete(hold)) toast({ kind: 'info', message: tNow('kept', { name: m.name }) });
                  }}
                >
                  {t('keep')}
                </Button>
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
      <ErrorState title={t('loadError')} detail={errorMessage(listing.error)} onRetry={() => void listing.refetch()} />
    );
  } else if (items.length === 0) {
    body = (
      <EmptyState className="empty" title={t('emptyTitle')} text={t('emptyText')} />
    );
  } else {
    body = (
      <>
        <div className="toolbar" role="toolbar" aria-label={t('actions')}>
          <Button icon="refresh" disabled={busy || chosen.length === 0} onClick={() => restoreChosen()}>
            {t('restore')}
          </Button>
          <Button icon="move" disabled={busy || chosen.length === 0} onClick={() => setPicking(true)}>
            {t('restoreTo')}
          </Button>
          <Button variant="danger" icon="trash" disabled={busy || chosen.length === 0} onClick={() => setConfirm('delete')}>
            {t('deleteForever')}
          </Button>
          <div className="toolbar-spacer" />
          <Button variant="danger" disabled={busy} onClick={() => setConfirm('empty')}>
            {t('emptyTrash')}
          </Button>
        </div>
        <p className="status-line" aria-live="polite">
          {chosen.length > 0 ? t('selectedOf', { selected: chosen.length, total: items.length }) : tc('items', { count: items.length })}
        </p>
        <Table
          label={t('table')}
          columns={[
            {
              className: 'trash-check',
              label: <input type="checkbox" aria-label={t('selectAll')} checked={allChosen} onChange={() => setSelected(allChosen ? new Set() : new Set(items.map((m) => m.id)))} />,
            },
            { label: tc('name') },
            { label: tc('size') },
            { label: t('deletedFrom') },
          ]}
        >
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
        </Table>
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
        message={t('cannotUndo')}
        confirmLabel={t('deleteForever')}
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void deleteChosen()}
      />
      <ConfirmDialog
        open={confirm === 'empty'}
        title={t('emptyConfirm')}
        message={t('emptyConfirmText')}
        confirmLabel={t('emptyTrash')}
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void emptyTrash()}
      />
    </section>
  );
}
