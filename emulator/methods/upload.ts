import { createHash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { defineMethods, me, type Ctx } from '../registry';
import { now, validName } from '../store/model';
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

/** Checksums of the first `size` bytes: bytes of a write that broke off may lie beyond them. */
async function digest(file: string, size: number): Promise<{ sha1: string; md5: string; sha256: string }> {
  const sha1 = createHash('sha1');
  const md5 = createHash('md5');
  const sha256 = createHash('sha256');
  const chunks = size === 0 ? [] : (createReadStream(file, { start: 0, end: size - 1 }) as AsyncIterable<Buffer>);
  for await (const chunk of chunks) {
    sha1.update(chunk);
    md5.update(chunk);
    sha256.update(chunk);
  }
  return { sha1: sha1.digest('hex'), md5: md5.digest('hex'), sha256: sha256.digest('hex') };
}

/** Writes the request body at `offset` of the session file; returns bytes written. */
async function writeAt(ctx: Ctx, file: string, offset: number): Promise<number> {
  const fh = await fsp.open(file, 'r+');
  let pos = offset;
  try {
    const src = await ctx.files!.next();
    if (!src) return 0;
    for await (const chunk of src.stream as AsyncIterable<Buffer>) {
      await fh.write(chunk, 0, chunk.length, pos);
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
        const n = await writeAt(ctx, sessionFile(ctx, row.id), offset);
        ctx.st.q('UPDATE uploads SET size = MAX(size, ?) WHERE id = ?').run(offset + n, row.id);
        return {};
      },
    },
    {
      name: 'upload_info',
      auth: 'required',
      async handler(ctx) {
        const row = session(ctx);
        const d = await digest(sessionFile(ctx, row.id), row.size);
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
        const blob = await ctx.st.blobs.adoptFile(file);
        recordBlob(ctx.st, blob);
        const out = putFile(ctx.st, user, parent.row, name, blob, { ...times(ctx), renameIfExists: ctx.p.flag('renameifexists') });
        ctx.st.q('DELETE FROM uploads WHERE id = ?').run(row.id);
        return { metadata: ctx.st.fileMeta(user, out) };
      },
    },
    {
      name: 'upload_delete',
      auth: 'required',
      async handler(ctx) {
        const row = session(ctx);
        ctx.st.q('DELETE FROM uploads WHERE id = ?').run(row.id);
        await fsp.rm(sessionFile(ctx, row.id), { force: true });
        return {};
      },
    },
  ]);
