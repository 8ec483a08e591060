import { create } from 'zustand';
import type { FolderMetadata, Metadata } from '../api/protocol/types';

/**
 * App-wide dialogs opened by commands (toolbar, context menu, palette, shortcuts) from any view.
 * Each kind maps to one lazily loaded component in app/dialog-host.tsx, so a command only names
 * what it wants and the feature that owns the dialog stays in its own folder.
 */
export type DialogKind =
  | 'share' // share a folder with people (features/share)
  | 'publink' // public link for a file, a folder or a selection (features/publinks)
  | 'uploadlink' // upload link for a folder (features/publinks)
  | 'zip-download' // download a selection as a zip (features/archive)
  | 'zip-save' // save a selection as a zip into pCloud (features/archive)
  | 'extract' // extract an archive (features/archive)
  | 'revisions' // earlier versions of a file (features/revisions)
  | 'add-to-collection' // add files to a collection / playlist (features/collections)
  | 'remote-upload'; // upload from URLs (src/uploads)

export interface DialogRequest {
  kind: DialogKind;
  items: readonly Metadata[];
  /** the folder the command was run in, when there is one */
  folder?: FolderMetadata;
}

export interface DialogProps extends DialogRequest {
  onClose(): void;
}

const useDialogStore = create<{ open: DialogRequest | null }>()(() => ({ open: null }));

export const useOpenDialog = () => useDialogStore((s) => s.open);

export function openDialog(req: DialogRequest): void {
  useDialogStore.setState({ open: req });
}

export function closeDialog(): void {
  useDialogStore.setState({ open: null });
}
