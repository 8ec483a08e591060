import { create } from 'zustand';

export type UploadStatus = 'waiting' | 'uploading' | 'done' | 'failed' | 'cancelled' | 'skipped';

export interface UploadItem {
  id: number;
  file: File;
  /** Folder path below the drop target, e.g. `Trip/Day 1` ('' for a plain file). */
  dir: string;
  /** Folder the upload batch was dropped into. */
  targetFolderId: number;
  status: UploadStatus;
  loaded: number;
  error?: string;
  /** What to do when the name exists: asked once per batch. */
  onConflict?: 'keep-both' | 'replace' | 'skip';
  startedAt?: number;
}

interface UploadsState {
  items: UploadItem[];
  minimized: boolean;
}

const useUploadsStore = create<UploadsState>()(() => ({ items: [], minimized: false }));
let nextId = 1;

export const useUploadItems = () => useUploadsStore((s) => s.items);
export const useUploadsMinimized = () => useUploadsStore((s) => s.minimized);
export const getUploads = () => useUploadsStore.getState().items;

export function uploadsQueued(entries: { file: File; dir: string }[], targetFolderId: number): UploadItem[] {
  const added = entries.map((e) => ({ id: nextId++, file: e.file, dir: e.dir, targetFolderId, status: 'waiting' as const, loaded: 0 }));
  useUploadsStore.setState((s) => ({ items: [...s.items, ...added], minimized: false }));
  return added;
}

export function uploadChanged(id: number, patch: Partial<Omit<UploadItem, 'id' | 'file'>>): void {
  useUploadsStore.setState((s) => ({ items: s.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) }));
}

export const uploadsMinimizedToggled = () => useUploadsStore.setState((s) => ({ minimized: !s.minimized }));

export function finishedCleared(): void {
  useUploadsStore.setState((s) => ({ items: s.items.filter((i) => i.status === 'waiting' || i.status === 'uploading' || i.status === 'failed') }));
}

export const resetUploadsStore = () => useUploadsStore.setState({ items: [], minimized: false });
