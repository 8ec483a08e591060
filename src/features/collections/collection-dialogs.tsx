// Rename and delete a playlist (the list and the playlist page share them).
import { useState, type FormEvent } from 'react';
import type { Collection } from '../../api/protocol/types';
import { useDeleteCollection, useRenameCollection } from '../../queries/collections';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { humanError } from '../browse/operations';

export function RenameCollectionDialog({ collection, onClose }: { collection: Pick<Collection, 'id' | 'name'>; onClose: () => void }) {
  const [name, setName] = useState(collection.name);
  const [problem, setProblem] = useState<string | null>(null);
  const rename = useRenameCollection();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) {
      setProblem('Enter a name for the playlist.');
      return;
    }
    if (n === collection.name) {
      onClose();
      return;
    }
    setProblem(null);
    rename.mutate(
      { collectionid: collection.id, name: n },
      {
        onSuccess: () => {
          toast({ kind: 'success', message: `Renamed to “${n}”` });
          onClose();
        },
        onError: (err) => setProblem(`Could not rename the playlist: ${humanError(err)}`),
      },
    );
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Rename playlist">
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus dir="auto" aria-invalid={problem !== null} />
        </label>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={rename.isPending}>
            Rename
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function DeleteCollectionDialog({
  collection, onClose, onDeleted,
}: { collection: Pick<Collection, 'id' | 'name'>; onClose: () => void; onDeleted?: () => void }) {
  const remove = useDeleteCollection();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Delete the playlist “${collection.name}”?`}
      description="Only the playlist is deleted; its songs stay in your files."
    >
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          className="btn primary danger-fill"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(
              { collectionid: collection.id },
              {
                onSuccess: () => {
                  toast({ kind: 'success', message: `Deleted the playlist “${collection.name}”` });
                  onClose();
                  onDeleted?.();
                },
                onError: (err) => setProblem(`Could not delete the playlist: ${humanError(err)}`),
              },
            )
          }
        >
          Delete playlist
        </button>
      </div>
    </Dialog>
  );
}
