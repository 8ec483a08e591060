import type { QueryClient } from '@tanstack/react-query';
import type { FolderMetadata } from '../../api/protocol/types';
import { uploadFile } from '../../api/file';
import { createFolderIfNotExists, listFolder } from '../../api/folder';
import { uploadCreate, uploadDelete, uploadSave, uploadWrite } from '../../api/upload';
import { PcloudError, isAbortError } from '../../api/errors';
import { folderListingOptions } from '../../queries/folder';
import { getUploads, uploadChanged, uploadsQueued, type UploadItem } from '../../stores/uploads';

/** Above this size a file goes up in resumable upload_* sessions instead of one uploadfile. */
export const CHUNKED_THRESHOLD = 64 * 1024 * 1024;
const CHUNK = 16 * 1024 * 1024;
const MAX_CONCURRENCY = 6;

export type ConflictChoice = 'keep-both' | 'replace' | 'skip';
/** Asked once per batch when some names already exist in the target folder. */
export type AskUploadConflict = (names: string[]) => Promise<ConflictChoice | null>;

let queryClient: QueryClient | null = null;
const controllers = new Map<number, AbortController>();
const folderIds = new Map<string, number>(); // `${target}/${dir}` → folderid
let running = 0;
// Real pCloud is known to fail many parallel streams to one account: start low, grow on
// success, halve on errors or slow replies.
let limit = 2;
let streak = 0;

export function uploadMessage(err: unknown): string {
  if (err instanceof PcloudError) {
    if (err.code === 2008) return 'Not enough space left in your pCloud.';
    if (err.code === 2003) return 'You cannot add files to this folder.';
    if (err.code === 2005) return 'The destination folder no longer exists.';
    return err.message;
  }
  if (isAbortError(err)) return 'Cancelled.';
  return 'The connection failed. Retry when you are back online.';
}

async function folderFor(item: UploadItem): Promise<number> {
  if (!item.dir) return item.targetFolderId;
  let parent = item.targetFolderId;
  let path = '';
  for (const part of item.dir.split('/')) {
    path = path ? `${path}/${part}` : part;
    const key = `${item.targetFolderId}/${path}`;
    let id = folderIds.get(key);
    if (id === undefined) {
      const r = await createFolderIfNotExists({ folderid: parent, name: part });
      id = (r.metadata as FolderMetadata).folderid;
      folderIds.set(key, id);
    }
    parent = id;
  }
  return parent;
}

async function sendWhole(item: UploadItem, folderid: number, signal: AbortSignal): Promise<void> {
  await uploadFile(
    { folderid, mtime: Math.floor(item.file.lastModified / 1000), renameifexists: item.onConflict === 'keep-both' },
    [item.file],
    { signal, onUploadProgress: (sent) => uploadChanged(item.id, { loaded: Math.min(sent, item.file.size) }), retry: 0 },
  );
}

async function sendChunked(item: UploadItem, folderid: number, signal: AbortSignal): Promise<void> {
  const { uploadid } = await uploadCreate({ filesize: item.file.size }, { signal });
  try {
    for (let offset = 0; offset < item.file.size; ) {
      const chunk = item.file.slice(offset, offset + CHUNK);
      for (let attempt = 0; ; attempt++) {
        try {
          await uploadWrite({ uploadid, uploadoffset: offset }, chunk, {
            signal,
            retry: 0,
            onUploadProgress: (sent) => uploadChanged(item.id, { loaded: offset + Math.min(sent, chunk.size) }),
          });
          break;
        } catch (err) {
          // a dropped connection costs a pause, not the upload: rewrite the chunk at the same offset
          if (isAbortError(err) || attempt >= 6 || (err instanceof PcloudError && err.code < 4000)) throw err;
          await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** attempt)));
        }
      }
      offset += chunk.size;
      uploadChanged(item.id, { loaded: offset });
    }
    await uploadSave({ uploadid, folderid, name: item.file.name, mtime: Math.floor(item.file.lastModified / 1000), renameifexists: item.onConflict === 'keep-both' }, { signal });
  } catch (err) {
    void uploadDelete({ uploadid }).catch(() => undefined);
    throw err;
  }
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null;
const toRefresh = new Set<number>();
function refreshLater(folderid: number): void {
  toRefresh.add(folderid);
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    for (const id of toRefresh) void queryClient?.invalidateQueries({ queryKey: folderListingOptions(id).queryKey });
    toRefresh.clear();
  }, 300);
}

async function run(item: UploadItem): Promise<void> {
  const controller = new AbortController();
  controllers.set(item.id, controller);
  uploadChanged(item.id, { status: 'uploading', loaded: 0, error: undefined, startedAt: Date.now() });
  const started = performance.now();
  try {
    const folderid = await folderFor(item);
    item = getUploads().find((i) => i.id === item.id) ?? item;
    if (item.file.size > CHUNKED_THRESHOLD) await sendChunked(item, folderid, controller.signal);
    else await sendWhole(item, folderid, controller.signal);
    uploadChanged(item.id, { status: 'done', loaded: item.file.size });
    refreshLater(folderid);
    refreshLater(item.targetFolderId);
    // grow slowly while replies stay quick
    if (++streak >= 4 && performance.now() - started < 5000) {
      streak = 0;
      limit = Math.min(MAX_CONCURRENCY, limit + 1);
    }
  } catch (err) {
    streak = 0;
    if (!isAbortError(err)) limit = Math.max(1, Math.floor(limit / 2));
    const current = getUploads().find((i) => i.id === item.id);
    if (current?.status !== 'cancelled') uploadChanged(item.id, { status: 'failed', error: uploadMessage(err) });
  } finally {
    controllers.delete(item.id);
  }
}

function pump(): void {
  while (running < limit) {
    const next = getUploads().find((i) => i.status === 'waiting');
    if (!next) return;
    running++;
    uploadChanged(next.id, { status: 'uploading' });
    void run(next).finally(() => {
      running--;
      pump();
    });
  }
}

/** Queues files (and folder trees) for `targetFolderId`, asking once about existing names. */
export async function startUploads(
  qc: QueryClient,
  entries: { file: File; dir: string }[],
  emptyDirs: string[],
  targetFolderId: number,
  ask: AskUploadConflict,
): Promise<void> {
  queryClient = qc;
  let choice: ConflictChoice | undefined;
  let clashing = new Set<string>();
  try {
    const existing = new Set(((await listFolder({ folderid: targetFolderId })).metadata as FolderMetadata).contents?.filter((m) => !m.isfolder).map((m) => m.name));
    const clashes = entries.filter((e) => !e.dir && existing.has(e.file.name)).map((e) => e.file.name);
    clashing = new Set(clashes);
    if (clashes.length) {
      const answer = await ask(clashes);
      if (!answer) return; // the user closed the question: nothing is queued
      choice = answer;
    }
  } catch {
    /* the listing could not be read: upload anyway, pCloud keeps a revision of anything replaced */
  }
  for (const dir of emptyDirs) {
    void folderFor({ dir, targetFolderId } as UploadItem).then(() => refreshLater(targetFolderId), () => undefined);
  }
  const items = uploadsQueued(entries, targetFolderId);
  for (const item of items) {
    if (item.dir || !choice || !clashing.has(item.file.name)) continue;
    if (choice === 'skip') uploadChanged(item.id, { status: 'skipped' });
    else uploadChanged(item.id, { onConflict: choice });
  }
  pump();
}

export function cancelUpload(id: number): void {
  uploadChanged(id, { status: 'cancelled' });
  controllers.get(id)?.abort();
}

export function cancelAll(): void {
  for (const i of getUploads()) if (i.status === 'waiting' || i.status === 'uploading') cancelUpload(i.id);
}

export function retryUpload(id: number): void {
  uploadChanged(id, { status: 'waiting', error: undefined, loaded: 0 });
  pump();
}

export function retryFailed(): void {
  for (const i of getUploads()) if (i.status === 'failed' || i.status === 'cancelled') uploadChanged(i.id, { status: 'waiting', error: undefined, loaded: 0 });
  pump();
}
