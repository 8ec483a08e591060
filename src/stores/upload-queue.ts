// One upload queue as data, for every place that uploads: the signed-in app's queue (uploads.ts adds
// persistence across reloads) and the upload-link drop page's own queue. The engine in
// src/uploads drives either through the same few functions.
import { createStore, useStore } from 'zustand';

export type UploadStatus = 'waiting' | 'uploading' | 'paused' | 'interrupted' | 'done' | 'failed' | 'cancelled' | 'skipped';

export interface UploadItem {
  id: number;
  /** null after a page reload: the browser forgets picked files, the user must choose it again. */
  file: File | null;
  name: string;
  size: number;
  lastModified: number;
  /** Folder path below the drop target, e.g. `Trip/Day 1` ('' for a plain file). */
  dir: string;
  /** Folder the upload batch was dropped into (0 on the drop page, where the link decides). */
  targetFolderId: number;
  status: UploadStatus;
  loaded: number;
  error?: string;
  /** A passing remark while uploading (e.g. checking the part sent before a reload). */
  note?: string;
  /** What to do when the name exists: asked once per batch. */
  onConflict?: 'keep-both' | 'replace' | 'skip';
  /** Open upload_* session holding the bytes sent so far (big files only). */
  uploadid?: number;
  /** Name the file was stored under by an attempt whose checksum did not match: a retry replaces it. */
  savedAs?: string;
  startedAt?: number;
}

export type UploadPatch = Partial<Omit<UploadItem, 'id'>>;
export type UploadEntry = { file: File; dir: string };

/** Statuses that still need the user or the uploader: never cleared, kept across reloads. */
export const isUnfinished = (s: UploadStatus) => s === 'waiting' || s === 'uploading' || s === 'paused' || s === 'interrupted' || s === 'failed';

interface QueueState {
  items: UploadItem[];
  minimized: boolean;
}

export interface UploadQueue {
  items(): readonly UploadItem[];
  item(id: number): UploadItem | undefined;
  /** New waiting items for `entries`; `unique` skips files (name, size, date) already waiting. */
  queued(entries: readonly UploadEntry[], targetFolderId: number, opts?: { unique?: boolean }): UploadItem[];
  /** Items made elsewhere (restored after a reload): they get this queue's ids. */
  restored(items: readonly Omit<UploadItem, 'id'>[]): void;
  changed(id: number, patch: UploadPatch): void;
  /** Drops the items `keep` says no to (never one being sent). */
  kept(keep: (i: UploadItem) => boolean): void;
  minimizedToggled(): void;
  subscribe(listener: () => void): () => void;
  useItems(): readonly UploadItem[];
  useMinimized(): boolean;
  reset(): void;
}

const sameFile = (f: File) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`;

export function createUploadQueue(): UploadQueue {
  const store = createStore<QueueState>()(() => ({ items: [], minimized: false }));
  let nextId = 1;
  const make = (p: Omit<UploadItem, 'id'>): UploadItem => ({ ...p, id: nextId++ });
  return {
    items: () => store.getState().items,
    item: (id) => store.getState().items.find((i) => i.id === id),
    queued(entries, targetFolderId, opts = {}) {
      const waiting = new Set(opts.unique ? store.getState().items.filter((i) => i.file && isUnfinished(i.status)).map((i) => sameFile(i.file!)) : []);
      const added: UploadItem[] = [];
      for (const e of entries) {
        if (opts.unique) {
          if (waiting.has(sameFile(e.file))) continue;
          waiting.add(sameFile(e.file));
        }
        const { name, size, lastModified } = e.file;
        added.push(make({ file: e.file, name, size, lastModified, dir: e.dir, targetFolderId, status: 'waiting', loaded: 0 }));
      }
      if (added.length) store.setState((s) => ({ items: [...s.items, ...added], minimized: false }));
      return added;
    },
    restored(items) {
      if (items.length) store.setState((s) => ({ items: [...items.map(make), ...s.items], minimized: false }));
    },
    changed(id, patch) {
      store.setState((s) => ({ items: s.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) }));
    },
    kept(keep) {
      store.setState((s) => ({ items: s.items.filter((i) => i.status === 'uploading' || keep(i)) }));
    },
    minimizedToggled: () => store.setState((s) => ({ minimized: !s.minimized })),
    subscribe(listener) {
      return store.subscribe((s, prev) => {
        if (s.items !== prev.items) listener();
      });
    },
    useItems: () => useStore(store, (s) => s.items),
    useMinimized: () => useStore(store, (s) => s.minimized),
    reset() {
      store.setState({ items: [], minimized: false });
    },
  };
}

export interface UploadSummary {
  total: number;
  done: number;
  failed: number;
  /** Waiting or being sent. */
  waiting: number;
  bytes: number;
  sentBytes: number;
}

export function summarizeUploads(items: readonly UploadItem[]): UploadSummary {
  const s: UploadSummary = { total: 0, done: 0, failed: 0, waiting: 0, bytes: 0, sentBytes: 0 };
  for (const i of items) {
    if (i.status === 'cancelled' || i.status === 'skipped') continue;
    s.total++;
    s.bytes += i.size;
    s.sentBytes += i.status === 'done' ? i.size : Math.min(i.loaded, i.size);
    if (i.status === 'done') s.done++;
    else if (i.status === 'failed') s.failed++;
    else s.waiting++;
  }
  return s;
}
