// What to do with the files of an upload whose names are taken; loaded when that first happens.
import { Dialog } from '../../ui/dialog';
import type { ConflictChoice } from './runner';

export interface Question {
  names: string[];
  resolve: (c: ConflictChoice | null) => void;
}

export default function ConflictQuestion({ q }: { q: Question | null }) {
  if (!q) return null;
  const shown = q.names.slice(0, 5);
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && q.resolve(null)}
      title={q.names.length === 1 ? 'A file with this name already exists' : `${q.names.length} files already exist here`}
      description="Choose what to do with every file of this upload whose name is taken."
    >
      <ul className="name-list">
        {shown.map((n) => (
          <li key={n} dir="auto">
            {n}
          </li>
        ))}
        {q.names.length > shown.length && <li className="muted">and {q.names.length - shown.length} more</li>}
      </ul>
      <div className="dialog-actions">
        <button className="btn" onClick={() => q.resolve('skip')}>
          Skip them
        </button>
        <button className="btn" onClick={() => q.resolve('keep-both')}>
          Keep both
        </button>
        <button className="btn danger" onClick={() => q.resolve('replace')}>
          Replace
        </button>
      </div>
    </Dialog>
  );
}
