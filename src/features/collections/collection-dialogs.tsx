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
import { ConfirmDialog, DialogActions } from '../../ui/dialog-actions';
import { Field } from '../../ui/field';


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
        <Field label={tc('name')} error={problem}>
          {(c) => <input {...c} value={name} onChange={(e) => setName(e.target.value)} autoFocus dir="auto" />}
        </Field>
        <DialogActions onCancel={onClose} submitLabel={tc('rename')} busy={rename.isPending} />
      </form>
    </Dialog>
  );
}

export function DeleteCollectionDialog({
  collection, onClose, onDeleted,
}: { collection: Pick<Collection, 'id' | 'name'>; onClose: () => void; onDeleted?: () => void }) {
  const t = useT(collections);
  const remove = useDeleteCollection();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <ConfirmDialog
      title={t('deleteTitle', { name: collection.name })}
      message={t('deleteText')}
      error={problem}
      confirmLabel={t('deletePlaylist')}
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() =>
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
    />
  );
}
