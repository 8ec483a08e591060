// Test doubles for the upload engine: a clock that moves only when told, a hasher, and a small
// in-memory pCloud for the upload methods whose calls can be held, failed and inspected.
// Not imported by app code.
import type { CallOptions } from '../api/client';
import { PcloudError } from '../api/errors';
import type { FileMetadata, FolderMetadata, Metadata, UploadPart } from '../api/types';
import type { Clock } from './engine';
import type { Hasher } from './hasher';
import type { UploadApi } from './signed-in-transport';

/** Lets every pending promise chain run (blob reads and fakes settle in microtasks). */
export async function settle(turns = 500): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}

export interface FakeClock extends Clock {
  advance(ms: number): Promise<void>;
  readonly sleeping: number;
}

export function fakeClock(start = 1_000_000): FakeClock {
  let now = start;
  let timers: { at: number; resolve: () => void }[] = [];
  return {
    now: () => now,
    sleep(ms, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer = { at: now + ms, resolve };
        timers.push(timer);
        signal?.addEventListener('abort', () => {
          timers = timers.filter((t) => t !== timer);
          reject(signal.reason);
        });
      });
    },
    async advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.resolve();
      await settle();
    },
    get sleeping() {
      return timers.length;
    },
  };
}

/** A stand-in for SHA-1 (FNV-1a): the fakes only need the same bytes to give the same text. */
export function digest(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `${h.toString(16).padStart(8, '0')}${bytes.length.toString(16).padStart(8, '0')}`;
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

function joined(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function fakeHasher(): Hasher & { readonly open: number } {
  const data = new Map<string, Uint8Array[]>();
  return {
    async append(key, blob) {
      const bytes = await bytesOf(blob);
      data.set(key, [...(data.get(key) ?? []), bytes]);
    },
    async digest(key) {
      const parts = data.get(key) ?? [];
      data.delete(key);
      return digest(joined(parts));
    },
    async peek(key) {
      return digest(joined(data.get(key) ?? []));
    },
    async drop(key) {
      data.delete(key);
    },
    get open() {
      return data.size;
    },
  };
}

export interface FakeCall {
  method: string;
  params: Record<string, unknown>;
  names: string[];
}

interface Held {
  method: string;
  release: () => void;
}

/** In-memory pCloud for the upload methods. `hold` makes calls wait for `release`; `fail` queues errors. */
export function fakeUploadApi() {
  const calls: FakeCall[] = [];
  const faults = new Map<string, unknown[]>();
  const heldMethods = new Set<string>();
  let held: Held[] = [];
  let nextId = 100;
  const folders = new Map<number, { name: string; parent: number }>([[0, { name: '/', parent: -1 }]]);
  const files: { fileid: number; folderid: number; name: string; bytes: Uint8Array }[] = [];
  const sessions = new Map<number, Uint8Array>();
  /** Checksums the server claims for the next stored file (a corrupted copy). */
  const lies: string[] = [];

  async function enter(method: string, params: object, opts: CallOptions | undefined, names: string[] = []): Promise<void> {
    calls.push({ method, params: { ...params } as Record<string, unknown>, names });
    const signal = opts?.signal;
    if (heldMethods.has(method)) {
      await new Promise<void>((resolve, reject) => {
        const h = { method, release: resolve };
        held.push(h);
        signal?.addEventListener('abort', () => {
          held = held.filter((x) => x !== h);
          reject(signal.reason);
        });
      });
    }
    if (signal?.aborted) throw signal.reason;
    const fault = faults.get(method)?.shift();
    if (fault !== undefined) throw fault;
  }

  const meta = (f: (typeof files)[number]) => ({ fileid: f.fileid, name: f.name, parentfolderid: f.folderid, isfolder: false, size: f.bytes.length }) as unknown as FileMetadata;

  function store(folderid: number, name: string, bytes: Uint8Array, rename: boolean) {
    if (!folders.has(folderid)) throw new PcloudError(2005, undefined, 'uploadfile');
    let stored = name;
    const taken = (n: string) => files.some((f) => f.folderid === folderid && f.name === n);
    if (rename) for (let n = 2; taken(stored); n++) stored = name.replace(/(\.[^.]*)?$/, ` (${n})$1`);
    const old = files.findIndex((f) => f.folderid === folderid && f.name === stored);
    const file = { fileid: nextId++, folderid, name: stored, bytes };
    if (old >= 0) files[old] = file;
    else files.push(file);
    return file;
  }

  const sumOf = (bytes: Uint8Array) => lies.shift() ?? digest(bytes);

  const api: UploadApi = {
    async uploadFile(params, parts: readonly UploadPart[], opts) {
      const names = parts.map((p) => p.name);
      await enter('uploadfile', params, opts, names);
      const stored = [];
      for (const p of parts) {
        const bytes = await bytesOf(p instanceof File ? p : p.data);
        opts?.onUploadProgress?.(bytes.length, bytes.length);
        stored.push(store(params.folderid ?? 0, p.name, bytes, !!params.renameifexists));
      }
      return { fileids: stored.map((f) => f.fileid), metadata: stored.map(meta), checksums: stored.map((f) => ({ sha1: sumOf(f.bytes) })) };
    },
    async uploadCreate(params, opts) {
      await enter('upload_create', params ?? {}, opts);
      const uploadid = nextId++;
      sessions.set(uploadid, new Uint8Array());
      return { uploadid };
    },
    async uploadWrite(params, data, opts) {
      await enter('upload_write', params, opts);
      const held = sessions.get(params.uploadid);
      if (!held) throw new PcloudError(2067, undefined, 'upload_write');
      const bytes = data instanceof Blob ? await bytesOf(data) : new Uint8Array(data);
      const next = new Uint8Array(Math.max(held.length, params.uploadoffset + bytes.length));
      next.set(held.subarray(0, params.uploadoffset));
      next.set(bytes, params.uploadoffset);
      sessions.set(params.uploadid, next);
      opts?.onUploadProgress?.(bytes.length, bytes.length);
    },
    async uploadInfo(params, opts) {
      await enter('upload_info', params, opts);
      const held = sessions.get(params.uploadid);
      if (!held) throw new PcloudError(2067, undefined, 'upload_info');
      return { size: held.length, sha1: digest(held) };
    },
    async uploadSave(params, opts) {
      await enter('upload_save', params, opts);
      const held = sessions.get(params.uploadid);
      if (!held) throw new PcloudError(2067, undefined, 'upload_save');
      const file = store(params.folderid, params.name, held, !!params.renameifexists);
      sessions.delete(params.uploadid);
      return { metadata: meta(file) };
    },
    async uploadDelete(params, opts) {
      await enter('upload_delete', params, opts);
      sessions.delete(params.uploadid);
    },
    async checksumFile(params, opts) {
      await enter('checksumfile', params, opts);
      const file = files.find((f) => 'fileid' in params && f.fileid === params.fileid);
      if (!file) throw new PcloudError(2009, undefined, 'checksumfile');
      return { sha1: sumOf(file.bytes), metadata: meta(file) };
    },
    async createFolderIfNotExists(params, opts) {
      await enter('createfolderifnotexists', params, opts);
      const parent = 'folderid' in params ? (params.folderid ?? 0) : 0;
      const name = 'name' in params ? (params.name ?? '') : '';
      if (!folders.has(parent)) throw new PcloudError(2002, undefined, 'createfolderifnotexists');
      let id = [...folders].find(([, f]) => f.parent === parent && f.name === name)?.[0];
      const created = id === undefined;
      if (id === undefined) folders.set((id = nextId++), { name, parent });
      return { created, metadata: { folderid: id, name, isfolder: true } as unknown as FolderMetadata };
    },
    async listFolder(params, opts) {
      await enter('listfolder', params, opts);
      const folderid = 'folderid' in params ? (params.folderid ?? 0) : 0;
      if (!folders.has(folderid)) throw new PcloudError(2005, undefined, 'listfolder');
      const contents = files.filter((f) => f.folderid === folderid).map(meta) as Metadata[];
      return { metadata: { folderid, name: folders.get(folderid)!.name, isfolder: true, contents } as unknown as FolderMetadata };
    },
  };

  return {
    api,
    calls,
    files,
    folders,
    sessions,
    lies,
    /** The next calls of `method` throw these, in order. */
    fail(method: string, ...errors: unknown[]) {
      faults.set(method, [...(faults.get(method) ?? []), ...errors]);
    },
    hold(method: string) {
      heldMethods.add(method);
    },
    /** Lets `n` held calls of `method` go (all when n is omitted) and stops holding new ones. */
    async release(method: string, n = Infinity) {
      const go = held.filter((h) => h.method === method).slice(0, n);
      if (n === Infinity) heldMethods.delete(method);
      held = held.filter((h) => !go.includes(h));
      for (const h of go) h.release();
      await settle();
    },
    waiting: (method: string) => held.filter((h) => h.method === method).length,
    named: (method: string) => calls.filter((c) => c.method === method),
    deleteFolder(folderid: number) {
      folders.delete(folderid);
    },
    fileNamed(name: string) {
      return files.find((f) => f.name === name);
    },
  };
}

export type FakeUploadApi = ReturnType<typeof fakeUploadApi>;

export const fileOf = (name: string, body: string | Uint8Array<ArrayBuffer>, lastModified = 1_700_000_000_000) => new File([body], name, { lastModified });
