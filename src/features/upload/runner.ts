import type { QueryClient } from '@tanstack/react-query';
import type { FolderMetadata } from '../../api/protocol/types';
import { checksumFile, uploadFile } from '../../api/file';
import { createFolderIfNotExists, listFolder } from '../../api/folder';
import { uploadCreate, uploadDelete, uploadInfo, uploadSave, uploadWrite } from '../../api/upload';
import { PcloudError, PcloudNetworkError, isAbortError } from '../../api/errors';
import { folderListingOptions } from '../../queries/folder';
import { getUpload, getUploads, uploadChanged, uploadsQueued, type UploadItem } from '../../stores/uploads';
import { hashAppend, hashDigest, hashDrop, hashPeek } from './hasher';
import { getT } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import { formatBytes, formatDate } from '../../lib/format';
import upload from '../../locales/en/upload';

// texts are made when an upload changes, in the language of that moment
const t = getT(upload);

/** Above this size a file goes up in resumable upload_* sessions instead of one uploadfile. */
export const CHUNKED_THRESHOLD = 64 * 1024 * 1024;
const CHUNK = 16 * 1024 * 1024;
const MAX_CONCURRENCY = 6;
const SMALL_FILE = 256 * 1024;

export type ConflictChoice = 'keep-both' | 'replace' | 'skip';
/** Asked once per batch when some names already exist in the target folder. */
export type AskUploadConflict = (names: string[]) => Promise<ConflictChoice | null>;

let queryClient: QueryClient | null = null;
const controllers = new Map<number, AbortController>();
const folderIds = new Map<string, number>(); // `${target}/${dir}` → folderid
let running = 0;
let runSerial = 0; // names each attempt's running checksum in the worker
// Real pCloud is known to fail many parallel streams to one account: start low, grow on
// success, halve on errors or slow replies.
let limit = 2;
/** Set once a server refused upload_create: big files then go up with uploadfile (not resumable). */
let sessionsRefused = false;

class SessionsRefused extends Error {}

/** upload_create answered with a refusal of the method itself (not quota, not a sign-in problem). */
function sessionsRefusedBy(err: unknown): boolean {
  return err instanceof PcloudError && (err.kind === 'forbidden' || err.kind === 'oauthRefused' || err.kind === 'badRequest' || err.kind === 'unknown');
}
let streak = 0;

/** The bytes pCloud stored differ from the file on this device. */
class ChecksumMismatch extends Error {
  constructor(readonly savedAs: string) {
    super('checksum mismatch');
  }
}

/** The file on this device could not be read any more (moved, deleted or changed while uploading). */
class UnreadableFile extends Error {
  constructor() {
    super('file unreadable');
  }
}

export function uploadMessage(err: unknown): string {
  if (err instanceof ChecksumMismatch) return t('checksumMismatch');
  if (err instanceof UnreadableFile) return t('unreadableFile');
  if (err instanceof PcloudError) {
    if (err.code === 2008) return t('noSpace');
    if (err.code === 2003) return t('noPermission');
    if (err.code === 2005) return t('destinationGone');
    if (err.code === 2001) return t('badName');
    return errorMessage(err);
  }
  if (isAbortError(err)) return errorMessage(err);
  if (err instanceof PcloudNetworkError && err.failure === 'http') return t('httpRefused', { status: String(err.status ?? '?') });
  return t('connectionFailed');
}

/** Lets uploads resumed from the panel refresh listings when they finish. */
export function setUploadQueryClient(qc: QueryClient): void {
  queryClient = qc;
}

async function folderFor(item: Pick<UploadItem, 'dir' | 'targetFolderId'>): Promise<number> {
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

const mtimeOf = (file: File) => Math.floor(file.lastModified / 1000);

/** After a checksum mismatch the retry overwrites the bad copy instead of adding another one. */
function target(item: UploadItem, file: File) {
  return item.savedAs === undefined
    ? { name: file.name, renameifexists: item.onConflict === 'keep-both' }
    : { name: item.savedAs, renameifexists: false };
}

function check(savedAs: string, server: string | undefined, local: string): void {
  // sha1 is in every region's reply; without it there is nothing to compare
  if (server && server.toLowerCase() !== local) throw new ChecksumMismatch(savedAs);
}

async function sendWhole(item: UploadItem, file: File, folderid: number, signal: AbortSignal): Promise<void> {
  const key = `w${item.id}.${++runSerial}`;
  // hashed in the worker while the bytes travel
  const local = hashAppend(key, file).then(() => hashDigest(key));
  local.catch(() => undefined);
  const { name, renameifexists } = target(item, file);
  const r = await uploadFile(
    { folderid, mtime: mtimeOf(file), renameifexists },
    [name === file.name ? file : { name, data: file }],
    {
      signal,
      retry: 0,
      // progress events of a tiny file only cost renders: it shows done a moment later anyway
      onUploadProgress: file.size < SMALL_FILE ? undefined : (sent) => uploadChanged(item.id, { loaded: Math.min(sent, file.size) }),
    },
  );
  let hex: string;
  try {
    hex = await local;
  } catch {
    throw new UnreadableFile();
  }
  check(r.metadata[0]?.name ?? name, r.checksums?.[0]?.sha1, hex);
}

/**
 * Where an earlier session of this file can go on from, or -1 to start over: the session is gone,
 * or the bytes it holds are not this file's (checked against upload_info's checksum of them).
 */
async function resumePoint(item: UploadItem, file: File, uploadid: number, key: string, signal: AbortSignal): Promise<number> {
  let info;
  try {
    info = await uploadInfo({ uploadid }, { signal });
  } catch (err) {
    if (err instanceof PcloudError && err.code === 2067) return -1;
    throw err;
  }
  if (info.size > file.size) return -1;
  if (info.size === 0) return 0;
  uploadChanged(item.id, { loaded: info.size, note: t('checkingEarlier') });
  try {
    await hashAppend(key, file.slice(0, info.size));
  } catch {
    throw new UnreadableFile();
  }
  const prefix = await hashPeek(key);
  if (info.sha1 && info.sha1.toLowerCase() !== prefix) return -1;
  return info.size;
}

async function sendChunked(item: UploadItem, file: File, folderid: number, signal: AbortSignal): Promise<void> {
  const key = `c${item.id}.${++runSerial}`;
  let uploadid = item.uploadid;
  let offset = 0;
  try {
    if (uploadid !== undefined) {
      offset = await resumePoint(item, file, uploadid, key, signal);
      if (offset < 0) {
        void uploadDelete({ uploadid }).catch(() => undefined);
        await hashDrop(key);
        uploadid = undefined;
        offset = 0;
      }
    }
    if (uploadid === undefined) {
      try {
        uploadid = (await uploadCreate({ filesize: file.size }, { signal })).uploadid;
      } catch (err) {
        if (sessionsRefusedBy(err)) throw new SessionsRefused();
        throw err;
      }
      uploadChanged(item.id, { uploadid });
    }
    uploadChanged(item.id, { loaded: offset, note: undefined });
    // The worker hashes the rest of the file while the chunks travel: by the last chunk the local
    // checksum is (nearly) ready. It covers the file's bytes, which are what every retry sends.
    const local = hashAppend(key, file.slice(offset)).then(() => hashDigest(key));
    local.catch(() => undefined);
    while (offset < file.size) {
      const at = offset;
      const chunk = file.slice(at, at + CHUNK);
      for (let attempt = 0; ; attempt++) {
        try {
          await uploadWrite({ uploadid, uploadoffset: at }, chunk, {
            signal,
            retry: 0,
            onUploadProgress: (sent) => uploadChanged(item.id, { loaded: at + Math.min(sent, chunk.size) }),
          });
          break;
        } catch (err) {
          // a dropped connection costs a pause, not the upload: rewrite the chunk at the same offset
          if (isAbortError(err) || attempt >= 6 || (err instanceof PcloudError && err.code < 4000)) throw err;
          uploadChanged(item.id, { note: t('connectionLost') });
          await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** attempt)));
        }
      }
      offset += chunk.size;
      uploadChanged(item.id, { loaded: offset, note: undefined });
    }
    let hex: string;
    try {
      hex = await local;
    } catch {
      throw new UnreadableFile();
    }
    const { name, renameifexists } = target(item, file);
    const saved = await uploadSave({ uploadid, folderid, name, mtime: mtimeOf(file), renameifexists }, { signal });
    uploadChanged(item.id, { uploadid: undefined });
    // upload_save answers no checksums; checksumfile reads the ones pCloud computed when storing it
    const sums = await checksumFile({ fileid: saved.metadata.fileid });
    check(saved.metadata.name, sums.sha1, hex);
  } catch (err) {
    void hashDrop(key);
    // the session is kept for a retry or resume, unless the user gave the upload up
    if (uploadid !== undefined && getUpload(item.id)?.status === 'cancelled') {
      void uploadDelete({ uploadid }).catch(() => undefined);
      uploadChanged(item.id, { uploadid: undefined });
    }
    throw err;
  }
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let lastRefresh = 0;
const toRefresh = new Set<number>();
/** Finished files show up soon, but a thousand of them must not refetch a growing listing a thousand times. */
function refreshLater(folderid: number): void {
  toRefresh.add(folderid);
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    lastRefresh = Date.now();
    for (const id of toRefresh) void queryClient?.invalidateQueries({ queryKey: folderListingOptions(id).queryKey });
    toRefresh.clear();
  }, Math.max(300, 2000 - (Date.now() - lastRefresh)));
}

async function run(start: UploadItem): Promise<void> {
  const file = start.file;
  if (!file) return;
  const controller = new AbortController();
  controllers.set(start.id, controller);
  uploadChanged(start.id, { status: 'uploading', loaded: start.uploadid === undefined ? 0 : start.loaded, error: undefined, note: undefined, startedAt: Date.now() });
  const started = performance.now();
  try {
    const folderid = await folderFor(start);
    const item = getUpload(start.id) ?? start;
    if (file.size > CHUNKED_THRESHOLD && !sessionsRefused) {
      try {
        await sendChunked(item, file, folderid, controller.signal);
      } catch (err) {
        if (!(err instanceof SessionsRefused)) throw err;
        // a server without upload sessions for us: one plain uploadfile, for this and later files
        sessionsRefused = true;
        await sendWhole(item, file, folderid, controller.signal);
      }
    } else await sendWhole(item, file, folderid, controller.signal);
    uploadChanged(item.id, { status: 'done', loaded: file.size, savedAs: undefined, note: undefined });
    refreshLater(folderid);
    refreshLater(item.targetFolderId);
    // grow slowly while replies stay quick
    if (++streak >= 4 && performance.now() - started < 5000) {
      streak = 0;
      limit = Math.min(MAX_CONCURRENCY, limit + 1);
    }
  } catch (err) {
    streak = 0;
    const current = getUpload(start.id);
    // paused or cancelled by the user: their status already says so
    if (current?.status === 'paused' || current?.status === 'cancelled') return;
    if (!isAbortError(err)) limit = Math.max(1, Math.floor(limit / 2));
    const kept = getUpload(start.id)?.uploadid !== undefined && !(err instanceof ChecksumMismatch);
    uploadChanged(start.id, {
      status: 'failed',
      error: uploadMessage(err),
      note: undefined,
      // bytes sent in one request that failed are not in pCloud; a kept session's are
      ...(kept ? {} : { loaded: 0 }),
      ...(err instanceof ChecksumMismatch ? { savedAs: err.savedAs, uploadid: undefined } : {}),
    });
    if (err instanceof ChecksumMismatch) refreshLater(start.targetFolderId);
  } finally {
    controllers.delete(start.id);
  }
}

/** Small files bound for the same folder, with the same conflict answer and mtime, share one uploadfile request. */
const GROUP_FILES = 16;
const GROUP_BYTES = 2 * 1024 * 1024;
const groupable = (i: UploadItem) => i.status === 'waiting' && !!i.file && i.size < SMALL_FILE && i.savedAs === undefined && i.uploadid === undefined;

function groupFor(first: UploadItem): UploadItem[] {
  if (!groupable(first)) return [first];
  const group = [first];
  let bytes = first.size;
  for (const i of getUploads()) {
    if (group.length >= GROUP_FILES) break;
    // mtime is one parameter per request: only files changed in the same second travel together
    if (i.id === first.id || !groupable(i) || i.targetFolderId !== first.targetFolderId || i.dir !== first.dir || i.onConflict !== first.onConflict) continue;
    if (mtimeOf(i.file!) !== mtimeOf(first.file!)) continue;
    if (bytes + i.size > GROUP_BYTES) break;
    group.push(i);
    bytes += i.size;
  }
  return group;
}

/**
 * Several small files in one multipart uploadfile (pCloud stores each part as a file and answers
 * parallel metadata[]/checksums[]): one request instead of many is what makes a thousand small files fast.
 */
async function runGroup(group: UploadItem[]): Promise<void> {
  const controller = new AbortController();
  for (const i of group) {
    controllers.set(i.id, controller);
    uploadChanged(i.id, { status: 'uploading', loaded: 0, error: undefined, note: undefined, startedAt: Date.now() });
  }
  const started = performance.now();
  try {
    const folderid = await folderFor(group[0]);
    const files = group.map((i) => i.file!);
    const locals = files.map((f, n) => {
      const key = `g${group[n].id}.${++runSerial}`;
      const p = hashAppend(key, f).then(() => hashDigest(key));
      p.catch(() => undefined);
      return p;
    });
    const r = await uploadFile({ folderid, mtime: mtimeOf(files[0]), renameifexists: group[0].onConflict === 'keep-both' }, files, { signal: controller.signal, retry: 0 });
    for (let n = 0; n < group.length; n++) {
      const item = group[n];
      try {
        let hex: string;
        try {
          hex = await locals[n];
        } catch {
          throw new UnreadableFile();
        }
        check(r.metadata[n]?.name ?? item.name, r.checksums?.[n]?.sha1, hex);
        uploadChanged(item.id, { status: 'done', loaded: item.size });
      } catch (err) {
        uploadChanged(item.id, { status: 'failed', error: uploadMessage(err), loaded: 0, ...(err instanceof ChecksumMismatch ? { savedAs: err.savedAs } : {}) });
      }
    }
    refreshLater(folderid);
    refreshLater(group[0].targetFolderId);
    if (++streak >= 4 && performance.now() - started < 5000) {
      streak = 0;
      limit = Math.min(MAX_CONCURRENCY, limit + 1);
    }
  } catch (err) {
    streak = 0;
    if (!isAbortError(err)) limit = Math.max(1, Math.floor(limit / 2));
    for (const i of group) {
      const status = getUpload(i.id)?.status;
      if (status === 'paused' || status === 'cancelled') continue;
      // stopped because another file of the request was paused or cancelled: it simply goes again
      if (isAbortError(err)) uploadChanged(i.id, { status: 'waiting', loaded: 0 });
      else uploadChanged(i.id, { status: 'failed', error: uploadMessage(err), loaded: 0 });
    }
  } finally {
    for (const i of group) controllers.delete(i.id);
  }
}

function pump(): void {
  while (running < limit) {
    const next = getUploads().find((i) => i.status === 'waiting' && i.file);
    if (!next) return;
    const group = groupFor(next);
    running++;
    for (const i of group) uploadChanged(i.id, { status: 'uploading' });
    void (group.length > 1 ? runGroup(group) : run(next)).finally(() => {
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
    void folderFor({ dir, targetFolderId }).then(() => refreshLater(targetFolderId), () => undefined);
  }
  const items = uploadsQueued(entries, targetFolderId);
  for (const item of items) {
    if (item.dir || !choice || !clashing.has(item.name)) continue;
    if (choice === 'skip') uploadChanged(item.id, { status: 'skipped' });
    else uploadChanged(item.id, { onConflict: choice });
  }
  pump();
}

/** Gives the upload up; its unfinished session on the server is deleted. */
export function cancelUpload(id: number): void {
  const item = getUpload(id);
  uploadChanged(id, { status: 'cancelled', note: undefined });
  const controller = controllers.get(id);
  if (controller) controller.abort(); // the running upload deletes its session itself
  else if (item?.uploadid !== undefined) {
    void uploadDelete({ uploadid: item.uploadid }).catch(() => undefined);
    uploadChanged(id, { uploadid: undefined });
  }
}

export function cancelAll(): void {
  for (const i of getUploads()) if (i.status === 'waiting' || i.status === 'uploading' || i.status === 'paused' || i.status === 'interrupted') cancelUpload(i.id);
}

/** Stops sending; big files keep their session and go on from where they stopped. */
export function pauseUpload(id: number): void {
  uploadChanged(id, { status: 'paused', note: undefined });
  controllers.get(id)?.abort();
}

export function pauseAll(): void {
  for (const i of getUploads()) if (i.status === 'waiting' || i.status === 'uploading') pauseUpload(i.id);
}

export function resumeUpload(id: number): void {
  uploadChanged(id, { status: 'waiting' });
  pump();
}

export function resumeAll(): void {
  for (const i of getUploads()) if (i.status === 'paused') uploadChanged(i.id, { status: 'waiting' });
  pump();
}

export function retryUpload(id: number): void {
  const item = getUpload(id);
  if (!item?.file) return;
  uploadChanged(id, { status: 'waiting', error: undefined, loaded: item.uploadid === undefined ? 0 : item.loaded });
  pump();
}

export function retryFailed(): void {
  for (const i of getUploads()) if ((i.status === 'failed' || i.status === 'cancelled') && i.file) uploadChanged(i.id, { status: 'waiting', error: undefined, loaded: i.uploadid === undefined ? 0 : i.loaded });
  pump();
}

/**
 * After a reload the browser no longer has the file: the user picks it again. It must be the same
 * file (name, size, date); the part already sent is then checked by checksum before going on.
 * Returns why the file was refused, or null when the upload continues.
 */
export function fileChosenAgain(id: number, file: File): string | null {
  const item = getUpload(id);
  if (!item) return null;
  if (file.name !== item.name || file.size !== item.size || file.lastModified !== item.lastModified) {
    const error = t('notSameFile', { name: item.name, size: formatBytes(item.size), date: formatDate(item.lastModified / 1000) });
    uploadChanged(id, { error });
    return error;
  }
  uploadChanged(id, { file, status: 'waiting', error: undefined });
  pump();
  return null;
}
