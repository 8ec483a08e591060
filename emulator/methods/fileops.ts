import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { defineMethods, me, RAW, type Ctx } from '../registry';
import type { Services } from '../services';
import type { FileRow, UserRow } from '../store/model';
import { validName } from '../store/model';
import { fail } from '../errors';
import { putFile } from '../store/ops';
import { checksums } from '../domain/checksums';
import { fileArg } from './common';

// Fileops (docs/pcloud/methods-core.md §5). pCloud binds descriptors to the TCP connection (api.txt); here they
// belong to the signed-in user instead: a connection may carry several users' requests (a proxy, a
// browser's pool), and none may reach another's descriptor, while the same user keeps theirs across
// a reconnect. A connection's end still commits what it wrote and releases its locks.
//
// Faithful default (quirk `fileopsRefused`): every file_* answers 2003, as pCloud has since mid-2025
// (rclone). Permissive mode implements them. Choices where the reference is silent (unverified):
//  * Writes go to a private working copy of the file (tmp/fileop-*); they become the file's content
//    when the descriptor is closed (file_close, or the connection ending): one new content, the old one
//    kept as a revision, same fileid. Until then other descriptors and methods see the old content.
//  * A write is all or nothing: the body is read completely before it touches the working copy.
//  * pwrite writes at `offset` even with APPEND (POSIX); write with APPEND writes at the end.
//  * Writing through a descriptor opened without WRITE, or to a file deleted meanwhile: 5003.
//    Reading a file that vanished (purged): 5004. Seeking before the start or an unknown whence: 5004.
//  * Quota: a write must leave room for the whole new content (the old content stays as a revision).
//  * Locks are whole-file (offset/length are accepted and ignored); type 1 shared, 2 exclusive, 0 unlock.
//    A conflicting request waits until it can be granted, unless `noblock` (then `locked: false`).
//    `get=1` only tests: `locked: true` means another descriptor holds a conflicting lock.
//  * Descriptors start at 1 for each user; a negative fd counts back from the user's latest open (-1).
//    A descriptor idle for 15 minutes after its connection ended is dropped.

const WRITE = 0x0002;
const CREAT = 0x0040;
const EXCL = 0x0080;
const TRUNC = 0x0200;
const APPEND = 0x0400;

interface Descriptor {
  fd: number;
  fileid: number;
  user: UserRow;
  flags: number;
  offset: number;
  /** Working copy holding this descriptor's writes (created on the first change). */
  work: string | null;
  size: number;
  lock: 0 | 1 | 2;
}

/** One user's descriptors. */
interface Table {
  last: number;
  fds: Map<number, Descriptor>;
}

/** A descriptor nobody has used for this long, on a connection that has ended, is dropped. */
const IDLE_MS = 15 * 60_000;

/** Per-emulator fileops state: descriptors per user, locks per file. */
class FileOps {
  private readonly tables = new Map<number, Table>();
  /** The descriptors a connection used last: they are committed and unlocked when it ends. */
  private readonly bySocket = new WeakMap<Socket, Set<Descriptor>>();
  private readonly lastSocket = new WeakMap<Descriptor, Socket>();
  private readonly used = new WeakMap<Descriptor, number>();
  private readonly locks = new Map<number, Set<Descriptor>>();
  private readonly waiters = new Map<number, Set<() => void>>();

  constructor(private readonly emu: Services) {}

  /** The caller's descriptor table: whoever the connection carried before never shares it. */
  table(ctx: Ctx): Table {
    const uid = me(ctx).id;
    let t = this.tables.get(uid);
    if (!t) this.tables.set(uid, (t = { last: 0, fds: new Map() }));
    return t;
  }

  /**
   * Notes that `d` was used on this request's connection. When that connection ends, pending writes
   * are committed and locks released (as pCloud does when its connection-bound descriptors die), but
   * the descriptor stays open for the user's next connection.
   */
  private touch(ctx: Ctx, d: Descriptor): void {
    this.used.set(d, Date.now());
    const socket = ctx.req.socket;
    const before = this.lastSocket.get(d);
    if (before === socket) return;
    if (before) this.bySocket.get(before)?.delete(d);
    this.lastSocket.set(d, socket);
    let set = this.bySocket.get(socket);
    if (!set) {
      const mine = new Set<Descriptor>();
      this.bySocket.set(socket, (set = mine));
      socket.once('close', () => {
        for (const x of mine) {
          this.lastSocket.delete(x);
          this.close(x).catch((err: unknown) => this.emu.log(`fileops: commit on disconnect failed: ${String(err)}`));
        }
        mine.clear();
      });
    }
    set.add(d);
  }

  descriptor(ctx: Ctx): Descriptor {
    const raw = ctx.p.str('fd');
    if (raw === undefined || !/^-?\d+$/.test(raw.trim())) fail(1007);
    const t = this.table(ctx);
    let fd = Number(raw.trim());
    if (fd < 0) fd = t.last + 1 + fd;
    const d = t.fds.get(fd);
    if (!d || d.user.id !== me(ctx).id) fail(1007);
    this.touch(ctx, d);
    return d;
  }

  open(ctx: Ctx, d: Omit<Descriptor, 'fd'>): Descriptor {
    const t = this.table(ctx);
    const now = Date.now();
    for (const [fd, old] of t.fds) if (!this.lastSocket.has(old) && now - (this.used.get(old) ?? 0) > IDLE_MS) t.fds.delete(fd);
    const desc = { ...d, fd: ++t.last };
    t.fds.set(desc.fd, desc);
    this.touch(ctx, desc);
    return desc;
  }

  forget(ctx: Ctx, d: Descriptor): void {
    this.table(ctx).fds.delete(d.fd);
    const socket = this.lastSocket.get(d);
    if (socket) this.bySocket.get(socket)?.delete(d);
    this.lastSocket.delete(d);
  }

  /** The live file behind a descriptor; `code` when it is gone. */
  file(d: Descriptor, code: number): FileRow {
    const row = this.emu.st.fileRow(d.fileid);
    if (!row || row.deleted !== 0) fail(code);
    return row;
  }

  /** Bytes [start, start+count) of what the descriptor currently sees. */
  async read(d: Descriptor, start: number, count: number): Promise<Buffer> {
    const n = Math.max(0, Math.min(count, d.size - start));
    if (n === 0) return Buffer.alloc(0);
    const path = d.work ?? this.emu.st.blobs.pathOf(this.file(d, 5004).blob);
    let fh;
    try {
      fh = await fsp.open(path, 'r');
    } catch {
      fail(5004);
    }
    try {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await fh.read(buf, 0, n, start);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }

  /** Makes sure the descriptor has its own working copy to write into. */
  async workCopy(d: Descriptor): Promise<string> {
    if (d.work) return d.work;
    const row = this.file(d, 5003);
    const work = join(this.emu.st.blobs.tmpDir, `fileop-${Date.now()}-${randomBytes(6).toString('hex')}`);
    await fsp.copyFile(this.emu.st.blobs.pathOf(row.blob), work);
    await fsp.chmod(work, 0o600); // the copy inherits the blob's read-only mode
    d.work = work;
    return work;
  }

  async truncate(d: Descriptor, length: number): Promise<void> {
    await fsp.truncate(await this.workCopy(d), length);
    d.size = length;
  }

  async write(d: Descriptor, at: number, data: Buffer): Promise<void> {
    const row = this.file(d, 5003);
    const end = Math.max(d.size, at + data.length);
    const owner = this.emu.st.user(row.owner)!;
    if (this.emu.st.usedQuota(owner.id) + end > owner.quota) fail(2008);
    const work = await this.workCopy(d);
    const fh = await fsp.open(work, 'r+');
    try {
      await fh.write(data, 0, data.length, at);
    } finally {
      await fh.close();
    }
    d.size = end;
  }

  /** Commits the working copy as the file's new content, then drops the descriptor's locks. */
  async close(d: Descriptor): Promise<void> {
    this.unlock(d);
    const work = d.work;
    if (!work) return;
    d.work = null;
    const st = this.emu.st;
    const row = st.fileRow(d.fileid);
    if (!row || row.deleted !== 0) {
      await fsp.rm(work, { force: true });
      fail(5003);
    }
    const parent = st.folderRow(row.parent)!;
    try {
      st.checkQuota(parent.owner, d.size);
    } catch (err) {
      await fsp.rm(work, { force: true });
      throw err;
    }
    const blob = await st.blobs.adoptFile(work);
    // putFile overwrites by name in place: same fileid, the old content becomes a revision
    putFile(st, d.user, parent, row.name, blob);
  }

  private holders(fileid: number): Set<Descriptor> {
    let s = this.locks.get(fileid);
    if (!s) this.locks.set(fileid, (s = new Set()));
    return s;
  }

  conflicts(d: Descriptor, type: 1 | 2): boolean {
    for (const h of this.holders(d.fileid)) if (h !== d && (type === 2 || h.lock === 2)) return true;
    return false;
  }

  /** Takes (or changes) the descriptor's lock; a downgrade lets waiting shared lockers in. */
  grant(d: Descriptor, type: 1 | 2): void {
    const downgrade = d.lock === 2 && type === 1;
    d.lock = type;
    this.holders(d.fileid).add(d);
    if (downgrade) this.wake(d.fileid);
  }

  private wake(fileid: number): void {
    for (const wake of [...(this.waiters.get(fileid) ?? [])]) wake();
  }

  unlock(d: Descriptor): void {
    if (!d.lock) return;
    d.lock = 0;
    this.holders(d.fileid).delete(d);
    this.wake(d.fileid);
  }

  /** Waits until `d` may take a `type` lock; false if the connection went away meanwhile. */
  waitFor(ctx: Ctx, d: Descriptor, type: 1 | 2): Promise<boolean> {
    return new Promise((resolve) => {
      const set = this.waiters.get(d.fileid) ?? new Set<() => void>();
      this.waiters.set(d.fileid, set);
      const done = (ok: boolean) => {
        set.delete(check);
        ctx.res.off('close', gone);
        resolve(ok);
      };
      const check = () => {
        if (!this.conflicts(d, type)) done(true);
      };
      const gone = () => done(false);
      set.add(check);
      ctx.res.once('close', gone);
    });
  }
}

/** Signed integer parameter (fd, seek offsets); `code` when missing or malformed. */
function signed(ctx: Ctx, name: string, code: number): number {
  const v = ctx.p.str(name)?.trim();
  if (v === undefined || !/^-?\d+$/.test(v)) fail(code);
  const n = Number(v);
  if (!Number.isSafeInteger(n)) fail(code);
  return n;
}

function unsigned(ctx: Ctx, name: string, code: number): number {
  const v = ctx.p.str(name)?.trim();
  if (v === undefined || !/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) fail(code);
  return Number(v);
}

function parseFlags(ctx: Ctx): number {
  const v = ctx.p.str('flags')?.trim();
  if (v === undefined || v === '') fail(1006);
  const n = /^0x[0-9a-f]+$/i.test(v) ? parseInt(v.slice(2), 16) : /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) fail(1006);
  return n;
}

/** The data of a write: the raw body (PUT / POST octet-stream), a multipart part or field `data`. */
async function body(ctx: Ctx): Promise<Buffer> {
  const field = ctx.p.str('data');
  const chunks: Buffer[] = [];
  const src = ctx.files ? await ctx.files.next() : null;
  if (src) for await (const c of src.stream as AsyncIterable<Buffer>) chunks.push(c);
  if (!src && field !== undefined) return Buffer.from(field, 'utf8');
  const raw = !String(ctx.req.headers['content-type'] ?? '').startsWith('multipart/');
  const data = Buffer.concat(chunks);
  const declared = ctx.req.headers['content-length'];
  if (raw && (!ctx.req.complete || (declared !== undefined && data.length < Number(declared)))) fail(2041);
  return data;
}

function sendBytes(ctx: Ctx, data: Buffer): typeof RAW {
  ctx.res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': data.length,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'X-Error, Content-Length',
    'Cache-Control': 'private, max-age=0',
  });
  ctx.res.end(data);
  return RAW;
}

export function fileopsMethods(emu: Services) {
  const ops = new FileOps(emu);
  const refused = () => {
    if (emu.quirks.fileopsRefused) fail(2003);
  };

  async function open(ctx: Ctx) {
    refused();
    const user = me(ctx);
    const flags = parseFlags(ctx);
    let row: FileRow;
    let canModify: boolean;
    const folderid = ctx.p.int('folderid', 1017);
    const path = ctx.p.str('path');
    if (flags & CREAT && (folderid !== undefined || (path !== undefined && path !== ''))) {
      const st = ctx.st;
      let parent;
      let name: string | undefined;
      if (folderid !== undefined) {
        name = ctx.p.str('name');
        if (name === undefined) fail(1001);
        parent = st.folderById(user, folderid);
      } else {
        const parts = st.splitPath(path!);
        name = parts.pop();
        if (name === undefined) fail(2001);
        parent = st.walk(user, parts, 2002);
      }
      const existing = st.childFile(parent.row.id, name);
      if (existing && flags & EXCL) fail(2004);
      if (existing) {
        row = existing;
        canModify = parent.perms.modify;
      } else {
        if (!validName(name)) fail(2001);
        if (!parent.perms.create) fail(2003);
        const empty = await st.blobs.putBuffer(Buffer.alloc(0));
        row = putFile(st, user, parent.row, name, empty);
        canModify = true;
      }
    } else {
      const f = fileArg(ctx, flags & CREAT ? 1001 : 1004);
      row = f.row;
      canModify = f.perms.modify;
    }
    if ((flags & (WRITE | TRUNC | APPEND)) && !canModify) fail(2003);
    const d = ops.open(ctx, { fileid: row.id, user, flags, offset: 0, work: null, size: row.size, lock: 0 });
    if (flags & TRUNC) await ops.truncate(d, 0);
    return { fd: d.fd, fileid: row.id };
  }

  async function write(ctx: Ctx, positioned: boolean) {
    refused();
    const d = ops.descriptor(ctx);
    const offset = positioned ? unsigned(ctx, 'offset', 1009) : undefined;
    const data = await body(ctx);
    if (!(d.flags & WRITE)) fail(5003);
    const at = offset ?? (d.flags & APPEND ? d.size : d.offset);
    await ops.write(d, at, data);
    if (!positioned) d.offset = at + data.length;
    return { bytes: data.length };
  }

  async function readRange(ctx: Ctx, positioned: boolean): Promise<{ d: Descriptor; at: number; data: Buffer }> {
    refused();
    const d = ops.descriptor(ctx);
    const count = unsigned(ctx, 'count', 1011);
    const at = positioned ? unsigned(ctx, 'offset', 1009) : d.offset;
    ops.file(d, 5004);
    const data = await ops.read(d, at, count);
    return { d, at, data };
  }

  return defineMethods([
    { name: 'file_open', auth: 'required', handler: open },
    { name: 'file_write', auth: 'required', upload: true, handler: (ctx) => write(ctx, false) },
    { name: 'file_pwrite', auth: 'required', upload: true, handler: (ctx) => write(ctx, true) },
    {
      name: 'file_read',
      auth: 'required',
      async handler(ctx) {
        const { d, at, data } = await readRange(ctx, false);
        d.offset = at + data.length;
        return sendBytes(ctx, data);
      },
    },
    {
      name: 'file_pread',
      auth: 'required',
      async handler(ctx) {
        return sendBytes(ctx, (await readRange(ctx, true)).data);
      },
    },
    {
      name: 'file_pread_ifmod',
      auth: 'required',
      async handler(ctx) {
        refused();
        const sha1 = ctx.p.str('sha1');
        const md5 = ctx.p.str('md5');
        const { data } = await readRange(ctx, true);
        if (!sha1 && !md5) fail(1019);
        const same = sha1
          ? createHash('sha1').update(data).digest('hex') === sha1.toLowerCase()
          : createHash('md5').update(data).digest('hex') === md5!.toLowerCase();
        if (same) fail(6000);
        return sendBytes(ctx, data);
      },
    },
    {
      name: 'file_checksum',
      auth: 'required',
      async handler(ctx) {
        refused();
        const d = ops.descriptor(ctx);
        const offset = unsigned(ctx, 'offset', 1009);
        const count = unsigned(ctx, 'count', 1011);
        ops.file(d, 5004);
        const data = await ops.read(d, offset, count);
        const h = (a: string) => createHash(a).update(data).digest('hex');
        return { ...checksums(me(ctx), { sha1: h('sha1'), md5: h('md5'), key: h('sha256') }), size: data.length };
      },
    },
    {
      name: 'file_size',
      auth: 'required',
      handler(ctx) {
        refused();
        const d = ops.descriptor(ctx);
        ops.file(d, 5004);
        return { size: d.size, offset: d.offset };
      },
    },
    {
      name: 'file_truncate',
      auth: 'required',
      async handler(ctx) {
        refused();
        const d = ops.descriptor(ctx);
        const length = unsigned(ctx, 'length', 1010);
        if (!(d.flags & WRITE)) fail(5003);
        const row = ops.file(d, 5003);
        const owner = ctx.st.user(row.owner)!;
        if (length > d.size && ctx.st.usedQuota(owner.id) + length > owner.quota) fail(2008);
        await ops.truncate(d, length);
        return {};
      },
    },
    {
      name: 'file_seek',
      auth: 'required',
      handler(ctx) {
        refused();
        const d = ops.descriptor(ctx);
        const offset = signed(ctx, 'offset', 1009);
        const whence = ctx.p.has('whence') ? signed(ctx, 'whence', 5004) : 0;
        const base = whence === 0 ? 0 : whence === 1 ? d.offset : whence === 2 ? d.size : fail(5004);
        if (base + offset < 0) fail(5004);
        d.offset = base + offset;
        return { offset: d.offset };
      },
    },
    {
      name: 'file_close',
      auth: 'required',
      async handler(ctx) {
        refused();
        const d = ops.descriptor(ctx);
        ops.forget(ctx, d); // closed even when committing fails, like close(2)
        await ops.close(d);
        return {};
      },
    },
    {
      name: 'file_lock',
      auth: 'required',
      async handler(ctx) {
        refused();
        const d = ops.descriptor(ctx);
        const raw = ctx.p.str('type');
        if (raw === undefined || raw === '') fail(1008);
        if (!/^[012]$/.test(raw.trim())) fail(1012);
        const type = Number(raw.trim()) as 0 | 1 | 2;
        if (type === 0) {
          ops.unlock(d);
          return { locked: false };
        }
        if (ctx.p.flag('get')) return { locked: ops.conflicts(d, type) };
        // re-checked after each wake-up: another waiter may have taken the lock first
        while (ops.conflicts(d, type)) {
          if (ctx.p.flag('noblock')) return { locked: false };
          if (!(await ops.waitFor(ctx, d, type))) return { locked: false };
        }
        ops.grant(d, type);
        return { locked: true };
      },
    },
  ]);
}
