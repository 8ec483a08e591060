import { create } from 'zustand';
import { getSession } from './session';

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
  /** Folder the upload batch was dropped into. */
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

interface UploadsState {
  items: UploadItem[];
  minimized: boolean;
}

const useUploadsStore = create<UploadsState>()(() => ({ items: [], minimized: false }));
let nextId = 1;

export const useUploadItems = () => useUploadsStore((s) => s.items);
export const useUploadsMinimized = () => useUploadsStore((s) => s.minimized);
export const getUploads = () => useUploadsStore.getState().items;
export const getUpload = (id: number) => useUploadsStore.getState().items.find((i) => i.id === id);

export function uploadsQueued(entries: { file: File; dir: string }[], targetFolderId: number): UploadItem[] {
  const added = entries.map((e) => ({
    id: nextId++,
    file: e.file,
    name: e.file.name,
    size: e.file.size,
    lastModified: e.file.lastModified,
    dir: e.dir,
    targetFolderId,
    status: 'waiting' as const,
    loaded: 0,
  }));
  useUploadsStore.setState((s) => ({ items: [...s.items, ...added], minimized: false }));
  return added;
}

export function uploadChanged(id: number, patch: Partial<Omit<UploadItem, 'id'>>): void {
  useUploadsStore.setState((s) => ({ items: s.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) }));
}

export const uploadsMinimizedToggled = () => useUploadsStore.setState((s) => ({ minimized: !s.minimized }));

/** Statuses that still need the user or the uploader: never cleared, kept across reloads. */
export const isUnfinished = (s: UploadStatus) => s === 'waiting' || s === 'uploading' || s === 'paused' || s === 'interrupted' || s === 'failed';

export function finishedCleared(): void {
  useUploadsStore.setState((s) => ({ items: s.items.filter((i) => isUnfinished(i.status)) }));
}

// ---- persistence across reloads ----------------------------------------------------------------
// File contents cannot be kept, but what is needed to continue can: the open session, the target,
// and the name/size/date the re-picked file must match. Written throttled (progress changes often).

interface Persisted {
  name: string;
  size: number;
  lastModified: number;
  dir: string;
  targetFolderId: number;
  loaded: number;
  uploadid?: number;
  onConflict?: UploadItem['onConflict'];
  savedAs?: string;
}

const storageKey = (userid: number) => `pcloud.uploads.${userid}`;
let persistKey: string | null = null;
let lastWrite = 0;
let writeTimer: ReturnType<typeof setTimeout> | null = null;

function writeNow(): void {
  if (writeTimer) clearTimeout(writeTimer);
  writeTimer = null;
  lastWrite = Date.now();
  if (!persistKey) return;
  const keep: Persisted[] = getUploads()
    .filter((i) => isUnfinished(i.status))
    .map((i) => ({
      name: i.name, size: i.size, lastModified: i.lastModified, dir: i.dir, targetFolderId: i.targetFolderId,
      loaded: i.loaded, uploadid: i.uploadid, onConflict: i.onConflict, savedAs: i.savedAs,
    }));
  try {
    if (keep.length) localStorage.setItem(persistKey, JSON.stringify(keep));
    else localStorage.removeItem(persistKey);
  } catch {
    /* storage full or blocked: the queue still works for this page */
  }
}

function scheduleWrite(): void {
  if (!persistKey || writeTimer) return;
  const wait = 500 - (Date.now() - lastWrite);
  if (wait <= 0) writeNow();
  else writeTimer = setTimeout(writeNow, wait);
}

function parsePersisted(raw: string | null): Persisted[] {
  if (!raw) return [];
  try {
    const data: unknown = JSON.parse(raw);
    if (!Array.isArray(data)) return [];
    return data.filter(
      (p): p is Persisted =>
        typeof p === 'object' && p !== null && typeof p.name === 'string' && typeof p.size === 'number' &&
        typeof p.lastModified === 'number' && typeof p.dir === 'string' && typeof p.targetFolderId === 'number',
    );
  } catch {
    return [];
  }
}

let unsubscribe: (() => void) | null = null;
const restoredKeys = new Set<string>(); // once per page: a remount must not bring items back twice

/**
 * Keeps this user's unfinished uploads in localStorage and brings back those of an earlier page as
 * `interrupted` (waiting for the user to choose the same file again). Returns a stop function.
 */
export function uploadsPersisted(userid: number): () => void {
  const key = storageKey(userid);
  if (persistKey !== key) {
    unsubscribe?.();
    persistKey = key;
    const saved = restoredKeys.has(key) ? [] : parsePersisted(localStorage.getItem(key));
    restoredKeys.add(key);
    const restored: UploadItem[] = saved.map((p) => ({
      id: nextId++,
      file: null,
      name: p.name,
      size: p.size,
      lastModified: p.lastModified,
      dir: p.dir,
      targetFolderId: p.targetFolderId,
      loaded: typeof p.loaded === 'number' ? p.loaded : 0,
      uploadid: typeof p.uploadid === 'number' ? p.uploadid : undefined,
      onConflict: p.onConflict,
      savedAs: typeof p.savedAs === 'string' ? p.savedAs : undefined,
      status: 'interrupted',
    }));
    if (restored.length) useUploadsStore.setState((s) => ({ items: [...restored, ...s.items], minimized: false }));
    unsubscribe = useUploadsStore.subscribe((s, prev) => {
      if (s.items !== prev.items) scheduleWrite();
    });
    scheduleWrite(); // items queued before this call count too
    window.addEventListener('pagehide', writeNow);
  }
  return () => {
    writeNow();
    unsubscribe?.();
    unsubscribe = null;
    persistKey = null;
    window.removeEventListener('pagehide', writeNow);
  };
}

// Restored at start-up, before any view mounts: the panel itself only loads once there are items.
const startupUser = typeof window === 'undefined' ? null : getSession()?.userid;
if (startupUser != null) uploadsPersisted(startupUser);

export function resetUploadsStore(): void {
  unsubscribe?.();
  unsubscribe = null;
  persistKey = null;
  restoredKeys.clear();
  if (writeTimer) clearTimeout(writeTimer);
  writeTimer = null;
  useUploadsStore.setState({ items: [], minimized: false });
}
