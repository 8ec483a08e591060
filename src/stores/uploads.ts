// The signed-in app's upload queue: one queue of upload-queue.ts, kept per account across reloads.
import { getSession, onSessionChanged } from './session';
import { createUploadQueue, isUnfinished, type UploadEntry, type UploadItem, type UploadPatch } from './upload-queue';

export { isUnfinished, type UploadItem, type UploadStatus } from './upload-queue';

const queue = createUploadQueue();

/** The queue itself, for the upload engine (src/uploads), which drives it through these functions. */
export const signedInUploadQueue = queue;
export const useUploadItems = queue.useItems;
export const useUploadsMinimized = queue.useMinimized;
export const getUploads = queue.items;
export const getUpload = queue.item;

export const uploadsQueued = (entries: readonly UploadEntry[], targetFolderId: number): UploadItem[] => queue.queued(entries, targetFolderId);
export const uploadChanged = (id: number, patch: UploadPatch): void => queue.changed(id, patch);
export const uploadsMinimizedToggled = () => queue.minimizedToggled();

export function finishedCleared(): void {
  queue.kept((i) => isUnfinished(i.status));
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
    queue.restored(saved.map((p) => ({
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
      status: 'interrupted' as const,
    })));
    unsubscribe = queue.subscribe(scheduleWrite);
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

let stopPersisting: (() => void) | null = null;

/** The queue belongs to the signed-in account: kept for it, and out of sight once it signs out. */
function follow(userid: number | null | undefined): void {
  stopPersisting?.();
  stopPersisting = null;
  if (userid != null) stopPersisting = uploadsPersisted(userid);
}

// Restored at start-up, before any view mounts: the panel itself only loads once there are items.
if (typeof window !== 'undefined') {
  follow(getSession()?.userid);
  onSessionChanged((now, before) => {
    if (now?.userid === before?.userid) return;
    follow(null); // written for the account that leaves (its sessions can go on after it signs in again)
    queue.reset();
    restoredKeys.clear();
    follow(now?.userid);
  });
}

export function resetUploadsStore(): void {
  unsubscribe?.();
  unsubscribe = null;
  persistKey = null;
  restoredKeys.clear();
  if (writeTimer) clearTimeout(writeTimer);
  writeTimer = null;
  queue.reset();
}
