// Rename and delete a playlist (the list and the playlist page share them).
import { useState, type FormEvent } from 'react';
import type { Collection } from '../../api/protocol/types';
import { getT, useT } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import collections from '../../locales/en/collections';
import common from '../../locales/en/common';
import { useDeleteCollection, useRenameCollection } from '../../queries/collections';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';

const tNow = getT(collections);

export function RenameCollectionDialog({ collection, onClose }: { collection: Pick<Collection, 'id' | 'name'>; onClose: () => void }) {
  const t = useT(collections);
  const tc = useT(common);
  const [name, setName] = useState(collection.name);
  const [problem, setProblem] = useState<string | null>(null);
  const rename = useRenameCollection();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) {
      setProblem(t('nameRequired'));
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
          toast({ kind: 'success', message: tNow('renamed', { name: n }) });
          onClose();
        },
        onError: (err) => setProblem(tNow('renameFailed', { error: errorMessage(err) })),
      },
    );
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('renameTitle')}>
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span>{tc('name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus dir="auto" aria-invalid={problem !== null} />
        </label>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {tc('cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={rename.isPending}>
            {tc('rename')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function DeleteCollectionDialog({
  collection, onClose, onDeleted,
}: { collection: Pick<Collection, 'id' | 'name'>; onClose: () => void; onDeleted?: () => void }) {
  const t = useT(collections);
  const tc = useT(common);
  const remove = useDeleteCollection();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('deleteTitle', { name: collection.name })} description={t('deleteText')}>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button className="btn" onClick={onClose}>
          {tc('cancel')}
        </button>
        <button
          className="btn primary danger-fill"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(
              { collectionid: collection.id },
              {
                onSuccess: () => {
                  toast({ kind: 'success', message: tNow('deleted', { name: collection.name }) });
                  onClose();
                  onDeleted?.();
                },
                onError: (err) => setProblem(tNow('deleteFailed', { error: errorMessage(err) })),
              },
            )
          }
        >
          {t('deletePlaylist')}
        </button>
      </div>
    </Dialog>
  );
}
