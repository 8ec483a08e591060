// How the signed-in app sends files: small ones several to one uploadfile, big ones in resumable
// upload_* sessions, every file checked against the sha1 pCloud computed of what it stored. Folder
// trees are made with createfolderifnotexists; their ids are kept only while a run lasts.
import type { CallOptions } from '../api/client';
import { PcloudError, PcloudNetworkError } from '../api/errors';
import { checksumFile, uploadFile } from '../api/file';
import { createFolderIfNotExists, listFolder } from '../api/folder';
import { uploadCreate, uploadDelete, uploadInfo, uploadSave, uploadWrite } from '../api/upload';
import type { UploadItem } from '../stores/upload-queue';
import type { Clock, SendContext, Transport } from './engine';
import type { Hasher } from './hasher';
import { getT } from '../i18n';
import upload from '../locales/en/upload';

// notes are made when an upload changes, in the language of that moment
const t = getT(upload);

/** The pCloud methods this transport calls: the real ones, or a fake in tests. */
export interface UploadApi {
  uploadFile: typeof uploadFile;
  uploadCreate: typeof uploadCreate;
  uploadWrite: typeof uploadWrite;
  uploadInfo: typeof uploadInfo;
  uploadSave: typeof uploadSave;
  uploadDelete: typeof uploadDelete;
  checksumFile: typeof checksumFile;
  createFolderIfNotExists: typeof createFolderIfNotExists;
  listFolder: typeof listFolder;
}

export const pcloudUploadApi: UploadApi = { uploadFile, uploadCreate, uploadWrite, uploadInfo, uploadSave, uploadDelete, checksumFile, createFolderIfNotExists, listFolder };

export interface SignedInTransportDeps {
  api: UploadApi;
  hasher: Hasher;
  clock: Clock;
  /** Folders whose listings changed (called at most every 2 s, whatever the number of files). */
  listingsChanged(folderids: readonly number[]): void;
  /** Above this size a file goes up in resumable upload_* sessions (tests make it small). */
  chunkedThreshold?: number;
  chunkSize?: number;
}

export const CHUNKED_THRESHOLD = 64 * 1024 * 1024;
const CHUNK = 16 * 1024 * 1024;
const SMALL_FILE = 256 * 1024;
/** Small files bound for the same folder, with the same conflict answer and mtime, share one uploadfile request. */
export const GROUP_FILES = 16;
const GROUP_BYTES = 2 * 1024 * 1024;
const CHUNK_ATTEMPTS = 6;

/** The bytes pCloud stored differ from the file on this device. */
export class ChecksumMismatch extends Error {
  constructor(readonly savedAs: string) {
    super('checksum mismatch');
  }
}

/** The file on this device could not be read any more (moved, deleted or changed while uploading). */
export class UnreadableFile extends Error {
  constructor() {
    super('file unreadable');
  }
}

class SessionsRefused extends Error {}

/** upload_create answered with a refusal of the method itself (not quota, not a sign-in problem). */
const refusesSessions = (err: unknown) =>
  err instanceof PcloudError && (err.kind === 'forbidden' || err.kind === 'oauthRefused' || err.kind === 'badRequest' || err.kind === 'unknown');

/** Worth writing the same chunk again: the connection or the server, not the request, failed. */
const passing = (err: unknown) => err instanceof PcloudNetworkError || (err instanceof PcloudError && (err.kind === 'retryable' || err.kind === 'rateLimit'));

const mtimeOf = (file: File) => Math.floor(file.lastModified / 1000);

/** After a checksum mismatch the retry overwrites the bad copy instead of adding another one. */
function target(item: UploadItem, file: File) {
  return item.savedAs === undefined ? { name: file.name, renameifexists: item.onConflict === 'keep-both' } : { name: item.savedAs, renameifexists: false };
}

function check(savedAs: string, server: string | undefined, local: string): void {
  // sha1 is in every region's reply; without it there is nothing to compare
  if (server && server.toLowerCase() !== local) throw new ChecksumMismatch(savedAs);
}

export interface SignedInTransport extends Transport {
  /** The folder `dir` below `targetFolderId`, made where missing. */
  folderFor(item: Pick<UploadItem, 'dir' | 'targetFolderId'>): Promise<number>;
}

export function createSignedInTransport(deps: SignedInTransportDeps): SignedInTransport {
  const { api, hasher, clock } = deps;
  const threshold = deps.chunkedThreshold ?? CHUNKED_THRESHOLD;
  const chunkSize = deps.chunkSize ?? CHUNK;
  const life = new AbortController();
  /** `${target}/${dir}` → folderid, for this run only: a folder deleted later must not be reused. */
  const folderIds = new Map<string, { id: Promise<number>; known?: number }>();
  const hashing = new Set<string>();
  // keys of the shared hash worker must not meet another engine's
  const prefix = Math.random().toString(36).slice(2, 8);
  let serial = 0;
  /** Set once the server refused upload_create: big files then go up with uploadfile (not resumable). */
  let sessionsRefused = false;

  const hashKey = (kind: string, id: number) => {
    const key = `${prefix}.${kind}${id}.${++serial}`;
    hashing.add(key);
    return key;
  };
  const dropHash = (key: string) => {
    if (hashing.delete(key)) void hasher.drop(key).catch(() => undefined);
  };
  /** Digest of `blob` appended to `key`, read while the bytes travel; never an unhandled rejection. */
  function digestOf(key: string, blob: Blob): Promise<string> {
    const p = hasher.append(key, blob).then(() => {
      hashing.delete(key);
      return hasher.digest(key);
    });
    p.catch(() => dropHash(key));
    return p;
  }
  async function local(p: Promise<string>): Promise<string> {
    try {
      return await p;
    } catch {
      throw new UnreadableFile();
    }
  }

  // ---- listings: finished files show up soon, but a thousand of them must not refetch a listing a thousand times
  const toRefresh = new Set<number>();
  let refreshing = false;
  let lastRefresh = -Infinity;
  function refreshLater(...ids: number[]): void {
    for (const id of ids) toRefresh.add(id);
    if (refreshing) return;
    refreshing = true;
    clock.sleep(Math.max(300, 2000 - (clock.now() - lastRefresh)), life.signal).then(
      () => {
        refreshing = false;
        lastRefresh = clock.now();
        const ids = [...toRefresh];
        toRefresh.clear();
        deps.listingsChanged(ids);
      },
      () => undefined,
    );
  }

  function folderFor(item: Pick<UploadItem, 'dir' | 'targetFolderId'>): Promise<number> {
    let parent = Promise.resolve(item.targetFolderId);
    if (!item.dir) return parent;
    let path = '';
    for (const part of item.dir.split('/')) {
      path = path ? `${path}/${part}` : part;
      const key = `${item.targetFolderId}/${path}`;
      let entry = folderIds.get(key);
      if (!entry) {
        // one request per folder, however many files wait for it
        const made: { id: Promise<number>; known?: number } = {
          id: parent.then(async (folderid) => (made.known = (await api.createFolderIfNotExists({ folderid, name: part })).metadata.folderid)),
        };
        folderIds.set(key, (entry = made));
        made.id.catch(() => folderIds.get(key) === made && folderIds.delete(key));
      }
      parent = entry.id;
    }
    return parent;
  }

  /**
   * Runs `send` in the item's folder. A folder this run made may have been deleted or moved away since
   * (2005 "Directory does not exist."): it is looked up (or made) again, once.
   */
  async function inFolder<T>(item: UploadItem, send: (folderid: number) => Promise<T>): Promise<T> {
    const folderid = await folderFor(item);
    try {
      return await send(folderid);
    } catch (err) {
      if (!item.dir || !(err instanceof PcloudError && err.kind === 'notFound')) throw err;
      // that folder and everything below it (files waiting for the same folder find it done already)
      const stale = [...folderIds].find(([, e]) => e.known === folderid)?.[0];
      if (stale) for (const key of [...folderIds.keys()]) if (key === stale || key.startsWith(`${stale}/`)) folderIds.delete(key);
      return send(await folderFor(item));
    }
  }

  async function sendWhole(item: UploadItem, file: File, folderid: number, ctx: SendContext): Promise<void> {
    const hex = digestOf(hashKey('w', item.id), file);
    const { name, renameifexists } = target(item, file);
    const r = await api.uploadFile({ folderid, mtime: mtimeOf(file), renameifexists }, [name === file.name ? file : { name, data: file }], {
      signal: ctx.signal,
      retry: 0,
      // progress events of a tiny file only cost renders: it shows done a moment later anyway
      onUploadProgress: file.size < SMALL_FILE ? undefined : (sent) => ctx.changed(item.id, { loaded: Math.min(sent, file.size) }),
    });
    check(r.metadata[0]?.name ?? name, r.checksums?.[0]?.sha1, await local(hex));
  }

  /**
   * Where an earlier session of this file can go on from, or -1 to start over: the session is gone,
   * or the bytes it holds are not this file's (upload_info's sha1 of them against this file's prefix).
   */
  async function resumePoint(item: UploadItem, file: File, uploadid: number, key: string, ctx: SendContext): Promise<number> {
    let info;
    try {
      info = await api.uploadInfo({ uploadid }, { signal: ctx.signal });
    } catch (err) {
      if (err instanceof PcloudError && err.kind === 'notFound') return -1;
      throw err;
    }
    if (info.size > file.size) return -1;
    if (info.size === 0) return 0;
    ctx.changed(item.id, { loaded: info.size, note: t('checkingEarlier') });
    try {
      await hasher.append(key, file.slice(0, info.size));
    } catch {
      throw new UnreadableFile();
    }
    const prefix = await hasher.peek(key);
    if (info.sha1 && info.sha1.toLowerCase() !== prefix) return -1;
    return info.size;
  }

  async function writeChunk(item: UploadItem, uploadid: number, at: number, chunk: Blob, ctx: SendContext): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const opts: CallOptions = { signal: ctx.signal, retry: 0, onUploadProgress: (sent) => ctx.changed(item.id, { loaded: at + Math.min(sent, chunk.size) }) };
        await api.uploadWrite({ uploadid, uploadoffset: at }, chunk, opts);
        return;
      } catch (err) {
        // a dropped connection costs a pause, not the upload: the chunk goes again at the same offset
        if (!passing(err) || attempt + 1 >= CHUNK_ATTEMPTS) throw err;
        ctx.changed(item.id, { note: t('connectionLost') });
        await clock.sleep(Math.min(30_000, 1000 * 2 ** attempt), ctx.signal);
      }
    }
  }

  async function sendChunked(item: UploadItem, file: File, folderid: number, ctx: SendContext): Promise<void> {
    const key = hashKey('c', item.id);
    let uploadid = item.uploadid;
    let offset = 0;
    try {
      if (uploadid !== undefined) {
        offset = await resumePoint(item, file, uploadid, key, ctx);
        if (offset < 0) {
          const stale = uploadid;
          void api.uploadDelete({ uploadid: stale }).catch(() => undefined);
          await hasher.drop(key);
          uploadid = undefined;
          offset = 0;
        }
      }
      if (uploadid === undefined) {
        try {
          uploadid = (await api.uploadCreate({ filesize: file.size }, { signal: ctx.signal })).uploadid;
        } catch (err) {
          throw refusesSessions(err) ? new SessionsRefused() : err;
        }
      }
      ctx.changed(item.id, { uploadid, loaded: offset, note: undefined });
      // The rest of the file is hashed while the chunks travel: by the last chunk the local checksum
      // is (nearly) ready. It covers the file's bytes, which are what every retry sends.
      const hex = digestOf(key, file.slice(offset));
      while (offset < file.size) {
        const chunk = file.slice(offset, offset + chunkSize);
        await writeChunk(item, uploadid, offset, chunk, ctx);
        offset += chunk.size;
        ctx.changed(item.id, { loaded: offset, note: undefined });
      }
      const sum = await local(hex);
      const { name, renameifexists } = target(item, file);
      const saved = await api.uploadSave({ uploadid, folderid, name, mtime: mtimeOf(file), renameifexists }, { signal: ctx.signal });
      ctx.changed(item.id, { uploadid: undefined });
      // upload_save answers no checksums; checksumfile reads the ones pCloud computed when storing it
      const sums = await api.checksumFile({ fileid: saved.metadata.fileid });
      check(saved.metadata.name, sums.sha1, sum);
    } catch (err) {
      // the session stays for a retry or a resume (the engine deletes it if the user gives up)
      dropHash(key);
      throw err;
    }
  }

  async function sendOne(item: UploadItem, ctx: SendContext): Promise<void> {
    await inFolder(item, async (folderid) => {
      const now = ctx.item(item.id) ?? item;
      const file = now.file!;
      if (file.size > threshold && !sessionsRefused) {
        try {
          await sendChunked(now, file, folderid, ctx);
        } catch (err) {
          if (!(err instanceof SessionsRefused)) throw err;
          // a server without upload sessions for us: one plain uploadfile, for this and later files
          sessionsRefused = true;
          await sendWhole(now, file, folderid, ctx);
        }
      } else await sendWhole(now, file, folderid, ctx);
      refreshLater(folderid, item.targetFolderId);
    });
  }

  /**
   * Several small files in one multipart uploadfile (pCloud stores each part as a file and answers
   * parallel metadata[]/checksums[]): one request instead of many is what makes a thousand small files fast.
   */
  async function sendGroup(group: readonly UploadItem[], ctx: SendContext): Promise<unknown[]> {
    const files = group.map((i) => i.file!);
    const sums = files.map((f, n) => digestOf(hashKey('g', group[n].id), f));
    const first = group[0];
    let folderid = first.targetFolderId;
    const r = await inFolder(first, (id) => {
      folderid = id;
      return api.uploadFile({ folderid: id, mtime: mtimeOf(files[0]), renameifexists: first.onConflict === 'keep-both' }, files, { signal: ctx.signal, retry: 0 });
    });
    const results: unknown[] = [];
    for (let n = 0; n < group.length; n++) {
      try {
        check(r.metadata[n]?.name ?? group[n].name, r.checksums?.[n]?.sha1, await local(sums[n]));
        results.push(undefined);
      } catch (err) {
        if (err instanceof ChecksumMismatch) ctx.changed(group[n].id, { savedAs: err.savedAs });
        results.push(err);
      }
    }
    refreshLater(folderid, first.targetFolderId);
    return results;
  }

  const groupable = (i: UploadItem) => i.status === 'waiting' && !!i.file && i.size < SMALL_FILE && i.savedAs === undefined && i.uploadid === undefined;

  return {
    concurrency: { start: 2, max: 6 },
    folderFor,
    batch(first, waiting) {
      if (!groupable(first)) return [first];
      const group = [first];
      let bytes = first.size;
      for (const i of waiting) {
        if (group.length >= GROUP_FILES) break;
        if (i.id === first.id || !groupable(i) || i.targetFolderId !== first.targetFolderId || i.dir !== first.dir || i.onConflict !== first.onConflict) continue;
        // mtime is one parameter per request: only files changed in the same second travel together
        if (mtimeOf(i.file!) !== mtimeOf(first.file!)) continue;
        if (bytes + i.size > GROUP_BYTES) break;
        group.push(i);
        bytes += i.size;
      }
      return group;
    },
    async send(batch, ctx) {
      if (batch.length > 1) return sendGroup(batch, ctx);
      try {
        await sendOne(batch[0], ctx);
        return [undefined];
      } catch (err) {
        if (err instanceof ChecksumMismatch) {
          ctx.changed(batch[0].id, { savedAs: err.savedAs, uploadid: undefined });
          refreshLater(batch[0].targetFolderId);
        }
        throw err;
      }
    },
    abandoned(item) {
      if (item.uploadid !== undefined) void api.uploadDelete({ uploadid: item.uploadid }).catch(() => undefined);
    },
    idle() {
      folderIds.clear();
    },
    dispose() {
      life.abort();
      folderIds.clear();
      for (const key of [...hashing]) dropHash(key);
      toRefresh.clear();
    },
  };
}
