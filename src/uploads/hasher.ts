// The uploader's side of hash-worker.ts: running SHA-1 digests of upload bytes, computed in a Web Worker.
import type { HashReply, HashRequest } from './hash-protocol';
import { runningSha1, type RunningSha1 } from './sha1';

type Pending = { resolve: (r: HashReply) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let nextReq = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module', name: 'upload-hash' });
  worker.onmessage = (e: MessageEvent<HashReply>) => {
    const p = pending.get(e.data.req);
    pending.delete(e.data.req);
    if (!p) return;
    if (e.data.error) p.reject(new Error(e.data.error));
    else p.resolve(e.data);
  };
  worker.onerror = (e) => {
    // a dead worker fails every open request rather than leaving uploads waiting forever
    for (const p of pending.values()) p.reject(new Error(e.message || 'The checksum worker stopped.'));
    pending.clear();
    worker = null;
  };
  return worker;
}

// Without Worker support (unit tests in Node) the same code runs inline.
const inline = new Map<string, RunningSha1>();
async function runInline(msg: HashRequest): Promise<HashReply> {
  if (msg.op === 'append') {
    let h = inline.get(msg.key);
    if (!h) inline.set(msg.key, (h = await runningSha1()));
    h.update(new Uint8Array(await msg.blob.arrayBuffer()));
    return { req: msg.req };
  }
  const h = inline.get(msg.key);
  if (msg.op === 'peek') return { req: msg.req, hex: (h ?? (await runningSha1())).peekHex() };
  inline.delete(msg.key);
  return msg.op === 'digest' ? { req: msg.req, hex: (h ?? (await runningSha1())).hex() } : { req: msg.req };
}

type Unsent = HashRequest extends infer R ? (R extends HashRequest ? Omit<R, 'req'> : never) : never;

function send(msg: Unsent): Promise<HashReply> {
  const full = { ...msg, req: nextReq++ } as HashRequest;
  if (typeof Worker === 'undefined') return runInline(full);
  return new Promise((resolve, reject) => {
    pending.set(full.req, { resolve, reject });
    getWorker().postMessage(full);
  });
}

/** Adds `blob` (read in the worker, not here) to the running digest `key`. */
export const hashAppend = (key: string, blob: Blob) => send({ op: 'append', key, blob }).then(() => undefined);
/** The hex SHA-1 of everything appended to `key`, which is then forgotten. */
export const hashDigest = (key: string) => send({ op: 'digest', key }).then((r) => r.hex ?? '');
/** The hex SHA-1 of everything appended to `key` so far; more may follow. */
export const hashPeek = (key: string) => send({ op: 'peek', key }).then((r) => r.hex ?? '');
/** Forgets `key` without a digest (cancelled or restarted upload). */
export const hashDrop = (key: string) => send({ op: 'drop', key }).then(() => undefined);

/** Running SHA-1 digests by key, as the signed-in transport needs them (a fake in tests). */
export interface Hasher {
  append(key: string, blob: Blob): Promise<void>;
  digest(key: string): Promise<string>;
  peek(key: string): Promise<string>;
  drop(key: string): Promise<void>;
}

export const workerHasher: Hasher = { append: hashAppend, digest: hashDigest, peek: hashPeek, drop: hashDrop };
