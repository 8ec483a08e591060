import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FolderMetadata, Metadata } from '../../api/protocol/types';
import { listFolder } from '../../api/folder';
import { Dialog } from '../../ui/dialog';
import { ItemIcon } from '../../ui/icons';
import { nameProblem } from '../../lib/items';
import { formatBytes, formatDate } from '../../lib/format';
import type { ConflictAnswer } from './operations';

export function NewFolderDialog({ open, onClose, onCreate }: { open: boolean; onClose: () => void; onCreate: (name: string) => Promise<boolean> }) {
  const [name, setName] = useState('New folder');
  const [busy, setBusy] = useState(false);
  const problem = nameProblem(name);
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()} title="New folder">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (problem) return;
          setBusy(true);
          const ok = await onCreate(name);
          setBusy(false);
          if (ok) {
            setName('New folder');
            onClose();
          }
        }}
      >
        <label className="field">
          <span>Folder name</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} onFocus={(e) => e.target.select()} aria-invalid={problem ? true : undefined} />
        </label>
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={!!problem || busy}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Browses folders only (`nofiles`), starting at the root, to pick a destination. */
export function FolderPickerDialog({
  open, title, action, onClose, onPick, exclude,
}: { open: boolean; title: string; action: string; onClose: () => void; onPick: (folderid: number) => void; exclude: ReadonlySet<number> }) {
  const [stack, setStack] = useState<{ id: number; name: string }[]>([{ id: 0, name: 'My files' }]);
  const current = stack[stack.length - 1];
  const { data, isPending, error } = useQuery({
    queryKey: ['folder', current.id, 'picker'],
    queryFn: async ({ signal }) => (await listFolder({ folderid: current.id, nofiles: true }, { signal })).metadata as FolderMetadata,
    enabled: open,
  });
  const folders = (data?.contents ?? []).filter((m): m is FolderMetadata => m.isfolder);
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()} title={title} wide>
      <nav aria-label="Destination path" className="crumbs small">
        <ol>
          {stack.map((s, i) => (
            <li key={s.id}>
              <button className="btn link" onClick={() => setStack(stack.slice(0, i + 1))} aria-current={i === stack.length - 1 ? 'location' : undefined}>
                {s.name}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <ul className="picker" aria-label="Folders">
        {isPending && <li className="muted">Loading…</li>}
        {error && <li className="field-error">Could not list this folder.</li>}
        {!isPending && folders.length === 0 && <li className="muted">No subfolders</li>}
        {folders.map((f) => (
          <li key={f.id}>
            <button className="picker-item" disabled={exclude.has(f.folderid)} onClick={() => setStack([...stack, { id: f.folderid, name: f.name }])}>
              <ItemIcon item={f} /> <span dir="auto">{f.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button className="btn" onClick={onClose}>
          Cancel
        </button>
        <button className="btn primary" disabled={exclude.has(current.id)} onClick={() => onPick(current.id)}>
          {action} to “{current.name}”
        </button>
      </div>
    </Dialog>
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
  if (!request) return null;
  const { item, existing, mode } = request;
  const answer = (a: ConflictAnswer) => {
    request.resolve({ answer: a, all });
    setAll(false);
  };
  const replaceBlocked = item.isfolder && mode === 'move';
  return (
    <Dialog open onOpenChange={(o) => !o && request.resolve(null)} title="This name is already taken" description={`The destination already has ${existing.isfolder ? 'a folder' : 'a file'} named “${existing.name}”.`}>
      <dl className="conflict">
        <dt>Existing</dt>
        <dd>{existing.isfolder ? 'Folder' : formatBytes(existing.size)} · {formatDate(existing.modified)}</dd>
        <dt>{mode === 'move' ? 'Moving' : 'Copying'}</dt>
        <dd>{item.isfolder ? 'Folder' : formatBytes(item.size)} · {formatDate(item.modified)}</dd>
      </dl>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Apply to all conflicts
      </label>
      <div className="dialog-actions">
        <button className="btn" onClick={() => answer('skip')}>
          Skip
        </button>
        <button className="btn" onClick={() => answer('keep-both')}>
          Keep both
        </button>
        <button className="btn danger" disabled={replaceBlocked} title={replaceBlocked ? 'A folder cannot replace another folder' : undefined} onClick={() => answer('replace')}>
          {item.isfolder ? 'Merge' : 'Replace'}
        </button>
      </div>
    </Dialog>
  );
}
