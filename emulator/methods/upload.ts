import { createHash, type Hash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { defineMethods, me, type Ctx } from '../registry';
import { now, validName } from '../store/model';
import type { Storage } from '../store/storage';
import { fail } from '../errors';
import { putFile, recordBlob } from '../store/ops';
import { BlobMismatch } from '../store/blobs';
import { times } from './common';
import type { Services } from '../services';
import { DEFAULT_UPLOAD_SESSION_TTL } from '../config';

// Resumable upload sessions (undocumented; used by pclsync, SDK-swift, SDK-php and rclone).
import type { UploadRow } from '../store/repos/uploads';

interface Digests {
  sha1: string;
  md5: string;
  sha256: string;
}

/** Hashes of a session's bytes [0, size), not yet finalised: more bytes can be fed in. */
interface Hashes {
  size: number;
  sha1: Hash;
  md5: Hash;
  sha256: Hash;
}

/**
 * What this process knows about a session beyond its row. While writes arrive strictly in order
 * (each at the current end), `hashes` follows them, so upload_info and upload_save need not re-read
 * the session file. Anything else (a write that rewrites earlier bytes, writes running at the same
 * time, a restart that lost this map) drops `hashes`, and the file is hashed in full instead.
 */
interface Live {
  /** Writes in progress. */
  inflight: number;
  /**
   * Set when upload_save starts: the session is closed, new writes and a second save answer 2067,
   * and the save waits for `inflight` to reach 0 before it copies the file (see `drained`).
   */
  saving: boolean;
  /** Called when `inflight` drops to 0. */
  idle: (() => void)[];
  /** Counts write starts, so a re-read can tell whether the file changed under it. */
  epoch: number;
  hashes: Hashes | null;
}

const liveByStore = new WeakMap<Storage, Map<number, Live>>();

function liveMap(ctx: Ctx): Map<number, Live> {
  let m = liveByStore.get(ctx.st);
  if (!m) liveByStore.set(ctx.st, (m = new Map()));
  return m;
}

function live(ctx: Ctx, id: number): Live {
  const m = liveMap(ctx);
  let l = m.get(id);
  if (!l) m.set(id, (l = { inflight: 0, epoch: 0, hashes: null, saving: false, idle: [] }));
  return l;
}

const freshHashes = (): Hashes => ({ size: 0, sha1: createHash('sha1'), md5: createHash('md5'), sha256: createHash('sha256') });

const copyHashes = (h: Hashes): Hashes => ({ size: h.size, sha1: h.sha1.copy(), md5: h.md5.copy(), sha256: h.sha256.copy() });

function feed(h: Hashes, chunk: Buffer): void {
  h.sha1.update(chunk);
  h.md5.update(chunk);
  h.sha256.update(chunk);
  h.size += chunk.length;
}

/** The digests so far, leaving `h` open for more bytes. */
function peek(h: Hashes): Digests {
  return { sha1: h.sha1.copy().digest('hex'), md5: h.md5.copy().digest('hex'), sha256: h.sha256.copy().digest('hex') };
}

function sessionFile(ctx: Ctx, id: number): string {
  return join(ctx.st.blobs.tmpDir, `upload-${id}`);
}

function session(ctx: Ctx): UploadRow {
  const id = ctx.p.int('uploadid', 2067);
  if (id === undefined) fail(2067);
  const row = ctx.st.uploads.owned(id, me(ctx).id);
  if (!row) fail(2067);
  return row;
}

/** Hashes the first `size` bytes of the file: bytes of a write that broke off may lie beyond them. */
async function hashFile(file: string, size: number): Promise<Hashes> {
  const h = freshHashes();
  const chunks = size === 0 ? [] : (createReadStream(file, { start: 0, end: size - 1 }) as AsyncIterable<Buffer>);
  for await (const chunk of chunks) feed(h, chunk);
  return h;
}

/**
 * Checksums of the session's bytes [0, row.size): from the running hashes when they are current,
 * else by reading the file, after which the running hashes restart from the result (when no write
 * touched the file meanwhile), so later in-order writes are cheap again.
 */
async function sessionDigests(ctx: Ctx, row: UploadRow): Promise<Digests> {
  const l = live(ctx, row.id);
  if (l.inflight === 0 && l.hashes?.size === row.size) return peek(l.hashes);
  const epoch = l.epoch;
  const h = await hashFile(sessionFile(ctx, row.id), row.size);
  const d = peek(h);
  if (h.size === row.size && l.inflight === 0 && l.epoch === epoch && liveMap(ctx).get(row.id) === l) l.hashes = h;
  return d;
}

/** Resolves once no write of the session is in flight. */
function drained(l: Live): Promise<void> {
  if (l.inflight === 0) return Promise.resolve();
  return new Promise((resolve) => l.idle.push(resolve));
}

/**
 * Writes the request body at `offset` of the session file; returns bytes written. `track`, when
 * given, is fed every byte written (hashing overlaps the disk write of the same chunk). A body that
 * would carry the file past `maxEnd` (the owner's quota) stops with 2008 as it streams, so a chunked
 * body without Content-Length cannot fill the disk.
 */
async function writeAt(ctx: Ctx, file: string, offset: number, track: Hashes | null, maxEnd: number): Promise<number> {
  const fh = await fsp.open(file, 'r+');
  let pos = offset;
  try {
    const src = await ctx.files!.next();
    if (!src) return 0;
    for await (const chunk of src.stream as AsyncIterable<Buffer>) {
      if (pos + chunk.length > maxEnd) {
        src.stream.resume();
        fail(2008);
      }
      const written = fh.write(chunk, 0, chunk.length, pos);
      if (track) feed(track, chunk);
      await written;
      pos += chunk.length;
    }
    const raw = !String(ctx.req.headers['content-type'] ?? '').startsWith('multipart/');
    const declared = ctx.req.headers['content-length'];
    if (raw && (!ctx.req.complete || (declared !== undefined && pos - offset < Number(declared)))) fail(2041);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return pos - offset;
}

/**
 * Ends sessions nobody wrote to for `ttlSeconds` (the session file's mtime is the last write), with
 * their files, and session files no row names any more. Sessions being written or saved are left
 * alone. Returns how many sessions ended.
 */
export async function sweepUploadSessions(st: Storage, ttlSeconds: number, nowMs = Date.now()): Promise<number> {
  const cutoff = nowMs - ttlSeconds * 1000;
  const lives = liveByStore.get(st);
  const rows = st.uploads.all();
  const known = new Set(rows.map((r) => r.id));
  let ended = 0;
  for (const r of rows) {
    const l = lives?.get(r.id);
    if (l && (l.inflight > 0 || l.saving)) continue;
    const file = join(st.blobs.tmpDir, `upload-${r.id}`);
    let last = r.created * 1000;
    try {
      last = (await fsp.stat(file)).mtimeMs;
    } catch {
      /* no file: the row's creation time decides */
    }
    if (last >= cutoff) continue;
    const again = lives?.get(r.id);
    if (again && (again.inflight > 0 || again.saving)) continue; // a write began while we looked
    st.uploads.delete(r.id);
    lives?.delete(r.id);
    await fsp.rm(file, { force: true });
    ended++;
  }
  for (const name of await fsp.readdir(st.blobs.tmpDir)) {
    const m = /^upload-(\d+)$/.exec(name);
    if (!m || known.has(Number(m[1]))) continue;
    const file = join(st.blobs.tmpDir, name);
    try {
      if ((await fsp.stat(file)).mtimeMs < cutoff && !st.uploads.exists(Number(m[1]))) await fsp.rm(file, { force: true });
    } catch {
      /* gone meanwhile */
    }
  }
  return ended;
}

/** Runs the session sweep periodically for as long as the emulator runs. */
function startUploadSweep(emu: Services): void {
  const ttl = emu.opts.uploadSessionTtl ?? DEFAULT_UPLOAD_SESSION_TTL;
  const every = Math.min(3600_000, Math.max(200, (ttl * 1000) / 4));
  let running = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = true;
    sweepUploadSessions(emu.st, ttl)
      .catch((err: unknown) => {
        if (!stopped) emu.log(`upload session sweep: ${(err as Error).message}`);
      })
      .finally(() => (running = false));
  }, every);
  timer.unref();
  emu.shutdownHooks.push(() => {
    stopped = true;
    clearInterval(timer);
  });
}

export const uploadMethods = (emu?: Services) => {
  if (emu) startUploadSweep(emu);
  return defineMethods([
    {
      name: 'upload_create',
      auth: 'required',
      async handler(ctx) {
        const filesize = ctx.p.int('filesize', 1000);
        const id = ctx.st.uploads.create(me(ctx).id, filesize ?? null, now());
        await fsp.writeFile(sessionFile(ctx, id), Buffer.alloc(0));
        // ids can be reused after a session row went away with its account: start clean
        liveMap(ctx).set(id, { inflight: 0, epoch: 0, hashes: freshHashes(), saving: false, idle: [] });
        return { uploadid: id };
      },
    },
    {
      name: 'upload_write',
      auth: 'required',
      upload: true,
      async handler(ctx) {
        const row = session(ctx);
        const l = live(ctx, row.id);
        // closed for writes once a save began: its bytes are being hashed and named
        if (l.saving) fail(2067);
        const offset = ctx.p.int('uploadoffset', 2068);
        if (offset === undefined) fail(2068);
        // writing past the end would leave a hole: refused (pCloud's code for this is unverified)
        if (offset > row.size) fail(2068);
        const user = me(ctx);
        const incoming = Number(ctx.req.headers['content-length'] ?? 0);
        const room = user.quota - ctx.st.usedQuota(user.id);
        if (Math.max(0, offset + incoming - row.size) > room) fail(2008);
        const epoch = ++l.epoch;
        l.inflight++;
        // only a lone write at the very end extends the running hashes; it feeds a copy, which
        // replaces them once the write is complete (a write that breaks off leaves them as they were)
        const track = l.hashes && l.inflight === 1 && l.hashes.size === offset && offset === row.size ? copyHashes(l.hashes) : null;
        if (!track) l.hashes = null;
        try {
          const n = await writeAt(ctx, sessionFile(ctx, row.id), offset, track, row.size + Math.max(0, room));
          ctx.st.uploads.grow(row.id, offset + n);
          if (track && l.epoch === epoch && track.size === offset + n) l.hashes = track;
        } finally {
          if (--l.inflight === 0) for (const wake of l.idle.splice(0)) wake();
        }
        return {};
      },
    },
    {
      name: 'upload_info',
      auth: 'required',
      async handler(ctx) {
        const row = session(ctx);
        const d = await sessionDigests(ctx, row);
        const sums = me(ctx).locationid === 2 ? { sha1: d.sha1, sha256: d.sha256 } : { sha1: d.sha1, md5: d.md5 };
        return { size: row.size, ...sums };
      },
    },
    {
      name: 'upload_save',
      auth: 'required',
      async handler(ctx) {
        const user = me(ctx);
        const first = session(ctx);
        const parentId = ctx.p.int('folderid', 1017);
        let name = ctx.p.str('name');
        const path = ctx.p.str('path');
        let parent;
        if (parentId !== undefined) parent = ctx.st.folderById(user, parentId);
        else if (path !== undefined) {
          const parts = ctx.st.splitPath(path);
          name = name ?? parts.pop();
          parent = ctx.st.walk(user, parts, 2005);
        } else parent = ctx.st.folderById(user, 0);
        if (!name || !validName(name)) fail(2001);
        if (!parent.perms.create) fail(2003);
        const l = live(ctx, first.id);
        // one save per session: a second one (or one racing it) finds the session closed
        if (l.saving) fail(2067);
        l.saving = true;
        let saved = false;
        try {
          await drained(l);
          const row = ctx.st.uploads.byId(first.id);
          if (!row) fail(2067);
          // Checked before the session file is consumed, so a refused save leaves the session usable
          // (an overwritten file's old content stays as a revision, so the whole size counts).
          ctx.st.checkQuota(parent.row.owner, row.size);
          const file = sessionFile(ctx, row.id);
          await fsp.truncate(file, row.size);
          // the running hashes, when current, must match the bytes the store copies and re-reads
          const expected = l.hashes?.size === row.size ? { size: row.size, ...peek(l.hashes) } : { size: row.size };
          let blob;
          try {
            blob = await ctx.st.blobs.adoptFile(file, { expected, keep: true });
          } catch (err) {
            if (err instanceof BlobMismatch) fail(2068);
            throw err;
          }
          recordBlob(ctx.st, blob);
          const out = putFile(ctx.st, user, parent.row, name, blob, { ...times(ctx), renameIfExists: ctx.p.flag('renameifexists') });
          ctx.st.uploads.delete(row.id);
          liveMap(ctx).delete(row.id);
          saved = true;
          await fsp.rm(file, { force: true });
          return { metadata: ctx.st.fileMeta(user, out) };
        } finally {
          if (!saved) l.saving = false;
        }
      },
    },
    {
      name: 'upload_delete',
      auth: 'required',
      async handler(ctx) {
        const row = session(ctx);
        if (live(ctx, row.id).saving) fail(2067);
        ctx.st.uploads.delete(row.id);
        liveMap(ctx).delete(row.id);
        await fsp.rm(sessionFile(ctx, row.id), { force: true });
        return {};
      },
    },
  ]);
};
