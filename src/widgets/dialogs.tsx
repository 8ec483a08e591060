import { displayName } from '../i18n/display-name';
import { useState } from 'react';
import type { FolderMetadata, Metadata } from '../api/protocol/types';
import { useSubfolders } from '../queries/pending-deletes';
import { Dialog } from '../ui/dialog';
import { ItemIcon } from '../ui/icons';
import { nameProblem } from '../lib/items';
import { formatBytes, formatDate } from '../lib/format';
import type { ConflictAnswer } from '../commands/operations';
import { useT } from '../i18n';
import browse from '../locales/en/browse';
import cmds from '../locales/en/commands';
import common from '../locales/en/common';
import { Button } from '../ui/button';
import { DialogActions } from '../ui/dialog-actions';
import { Field } from '../ui/field';


export function NewFolderDialog({ open, onClose, onCreate }: { open: boolean; onClose: () => void; onCreate: (name: string) => Promise<boolean> }) {
  const t = useT(browse);
  const defaultName = useT(cmds)('newFolder');
  const [name, setName] = useState(defaultName);
  const [busy, setBusy] = useState(false);
  const problem = nameProblem(name);
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()} title={defaultName}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (problem) return;
          setBusy(true);
          const ok = await onCreate(name);
          setBusy(false);
          if (ok) {
            setName(defaultName);
            onClose();
          }
        }}
      >
        <Field label={t('folderName')} error={problem}>
          {(c) => <input {...c} autoFocus value={name} onChange={(e) => setName(e.target.value)} onFocus={(e) => e.target.select()} />}
        </Field>
        <DialogActions onCancel={onClose} submitLabel={t('create')} disabled={!!problem} busy={busy} />
      </form>
    </Dialog>
  );
}

/**
 * Browses folders only (`nofiles`), starting at the root, to pick a destination. The button says
 * "{action} to “{folder}”", or what `pickLabel` makes of the folder's name (a whole sentence reads
 * better in other languages than a verb put in front).
 */
export function FolderPickerDialog({
  open, title, action, pickLabel, onClose, onPick, exclude,
}: {
  open: boolean;
  title: string;
  action: string;
  pickLabel?: (folderName: string) => string;
  onClose: () => void;
  onPick: (folderid: number) => void;
  exclude: ReadonlySet<number>;
}) {
  const t = useT(browse);
  // the root is named at render time, in the language of the moment
  const [stack, setStack] = useState<{ id: number; name: string | null }[]>([{ id: 0, name: null }]);
  const current = stack[stack.length - 1];
  const currentName = current.name ?? t('myFiles');
  const { data, isPending, error } = useSubfolders(current.id, { enabled: open });
  const folders = (data?.contents ?? []).filter((m): m is FolderMetadata => m.isfolder);
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()} title={title} wide>
      <nav aria-label={t('destination')} className="crumbs small">
        <ol>
          {stack.map((s, i) => (
            <li key={s.id}>
              <Button variant="ghost" onClick={() => setStack(stack.slice(0, i + 1))} aria-current={i === stack.length - 1 ? 'location' : undefined}>
                {s.name ?? t('myFiles')}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      <ul className="picker" aria-label={t('folders')}>
        {isPending && <li className="muted">{t('loading')}</li>}
        {error && <li className="field-error">{t('listFailed')}</li>}
        {!isPending && folders.length === 0 && <li className="muted">{t('noSubfolders')}</li>}
        {folders.map((f) => (
          <li key={f.id}>
            <button className="picker-item" disabled={exclude.has(f.folderid)} onClick={() => setStack([...stack, { id: f.folderid, name: f.name }])}>
              <ItemIcon item={f} /> <span dir="auto">{displayName(f.name)}</span>
            </button>
          </li>
        ))}
      </ul>
      <DialogActions
        onCancel={onClose}
        submitLabel={pickLabel ? pickLabel(currentName) : t('pickHere', { action, name: currentName })}
        disabled={exclude.has(current.id)}
        onSubmit={() => onPick(current.id)}
      />
    </Dialog>
  );
}

/** The destination of a move or a copy: the picker worded for it, the moved folders themselves excluded. */
export function TransferPickerDialog({ mode, items, onClose, onPick }: { mode: 'move' | 'copy'; items: readonly Metadata[]; onClose: () => void; onPick: (folderid: number) => void }) {
  const t = useT(browse);
  const tc = useT(common);
  return (
    <FolderPickerDialog
      open
      title={t(mode === 'move' ? 'moveTitle' : 'copyTitle', { count: items.length })}
      action={tc(mode)}
      pickLabel={(name) => t(mode === 'move' ? 'moveHere' : 'copyHere', { name })}
      exclude={new Set(items.filter((m): m is FolderMetadata => m.isfolder).map((m) => m.folderid))}
      onClose={onClose}
      onPick={onPick}
    />
  );
}

export interface ConflictRequest {

  item: Metadata;
  existing: Metadata;
  mode: 'move' | 'copy';
  resolve: (r: { answer: ConflictAnswer; all: boolean } | null) => void;
}

export function ConflictDialog({ request }: { request: ConflictRequest | null }) {
  const [all, setAll] = useState(false);
  const t = useT(browse);
  const tc = useT(common);
  if (!request) return null;
  const { item, existing, mode } = request;
  const answer = (a: ConflictAnswer) => {
    request.resolve({ answer: a, all });
    setAll(false);
  };
  const replaceBlocked = item.isfolder && mode === 'move';
  return (
    <Dialog open onOpenChange={(o) => !o && request.resolve(null)} title={t('conflictTitle')} description={t(existing.isfolder ? 'conflictFolder' : 'conflictFile', { name: existing.name })}>
      <dl className="conflict">
        <dt>{t('existing')}</dt>
        <dd>{existing.isfolder ? tc('folder') : formatBytes(existing.size)} · {formatDate(existing.modified)}</dd>
        <dt>{t(mode === 'move' ? 'moving' : 'copying')}</dt>
        <dd>{item.isfolder ? tc('folder') : formatBytes(item.size)} · {formatDate(item.modified)}</dd>
      </dl>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('applyToAll')}
      </label>
      <DialogActions>
        <Button onClick={() => answer('skip')}>{t('skip')}</Button>
        <Button onClick={() => answer('keep-both')}>{t('keepBoth')}</Button>
        <Button variant="danger" disabled={replaceBlocked} title={replaceBlocked ? t('cannotReplaceFolder') : undefined} onClick={() => answer('replace')}>
          {t(item.isfolder ? 'merge' : 'replace')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
