import { createHash, type Hash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { defineMethods, me, type Ctx } from '../registry';
import { now, validName } from '../store/model';
import type { Storage } from '../store/storage';
import { fail } from '../errors';
import { putFile, recordBlob } from '../store/ops';
import { times } from './common';

// Resumable upload sessions (undocumented; used by pclsync, SDK-swift, SDK-php and rclone).
interface UploadRow {
  id: number;
  userid: number;
  size: number;
  filesize: number | null;
}

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
  if (!l) m.set(id, (l = { inflight: 0, epoch: 0, hashes: null }));
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
  const row = ctx.st.q('SELECT * FROM uploads WHERE id = ? AND userid = ?').get(id, me(ctx).id) as UploadRow | undefined;
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

/**
 * Writes the request body at `offset` of the session file; returns bytes written. `track`, when
 * given, is fed every byte written (hashing overlaps the disk write of the same chunk).
 */
async function writeAt(ctx: Ctx, file: string, offset: number, track: Hashes | null): Promise<number> {
  const fh = await fsp.open(file, 'r+');
  let pos = offset;
  try {
    const src = await ctx.files!.next();
    if (!src) return 0;
    for await (const chunk of src.stream as AsyncIterable<Buffer>) {
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

export const uploadMethods = () =>
  defineMethods([
    {
      name: 'upload_create',
      auth: 'required',
      async handler(ctx) {
        const filesize = ctx.p.int('filesize', 1000);
        const info = ctx.st.q('INSERT INTO uploads (userid, filesize, created) VALUES (?, ?, ?)').run(me(ctx).id, filesize ?? null, now());
        const id = Number(info.lastInsertRowid);
        await fsp.writeFile(sessionFile(ctx, id), Buffer.alloc(0));
        // ids can be reused after a session row went away with its account: start clean
        liveMap(ctx).set(id, { inflight: 0, epoch: 0, hashes: freshHashes() });
        return { uploadid: id };
      },
    },
    {
      name: 'upload_write',
      auth: 'required',
      upload: true,
      async handler(ctx) {
        const row = session(ctx);
        const offset = ctx.p.int('uploadoffset', 2068);
        if (offset === undefined) fail(2068);
        // writing past the end would leave a hole: refused (pCloud's code for this is unverified)
        if (offset > row.size) fail(2068);
        const user = me(ctx);
        const incoming = Number(ctx.req.headers['content-length'] ?? 0);
        if (ctx.st.usedQuota(user.id) + Math.max(0, offset + incoming - row.size) > user.quota) fail(2008);
        const l = live(ctx, row.id);
        const epoch = ++l.epoch;
        l.inflight++;
        // only a lone write at the very end extends the running hashes; it feeds a copy, which
        // replaces them once the write is complete (a write that breaks off leaves them as they were)
        const track = l.hashes && l.inflight === 1 && l.hashes.size === offset && offset === row.size ? copyHashes(l.hashes) : null;
        if (!track) l.hashes = null;
        try {
          const n = await writeAt(ctx, sessionFile(ctx, row.id), offset, track);
          ctx.st.q('UPDATE uploads SET size = MAX(size, ?) WHERE id = ?').run(offset + n, row.id);
          if (track && l.epoch === epoch && track.size === offset + n) l.hashes = track;
        } finally {
          l.inflight--;
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
        const row = session(ctx);
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
        // Checked before the session file is consumed, so a refused save leaves the session usable
        // (an overwritten file's old content stays as a revision, so the whole size counts).
        ctx.st.checkQuota(parent.row.owner, row.size);
        const file = sessionFile(ctx, row.id);
        await fsp.truncate(file, row.size);
        // the running hashes when in-order writes kept them current, else one pass over the file
        const d = await sessionDigests(ctx, row);
        const fh = await fsp.open(file, 'r+');
        try {
          await fh.sync();
        } finally {
          await fh.close();
        }
        const blob = await ctx.st.blobs.adopt(file, { size: row.size, ...d });
        recordBlob(ctx.st, blob);
        const out = putFile(ctx.st, user, parent.row, name, blob, { ...times(ctx), renameIfExists: ctx.p.flag('renameifexists') });
        ctx.st.q('DELETE FROM uploads WHERE id = ?').run(row.id);
        liveMap(ctx).delete(row.id);
        return { metadata: ctx.st.fileMeta(user, out) };
      },
    },
    {
      name: 'upload_delete',
      auth: 'required',
      async handler(ctx) {
        const row = session(ctx);
        ctx.st.q('DELETE FROM uploads WHERE id = ?').run(row.id);
        liveMap(ctx).delete(row.id);
        await fsp.rm(sessionFile(ctx, row.id), { force: true });
        return {};
      },
    },
  ]);
