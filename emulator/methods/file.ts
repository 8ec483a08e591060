import type { Readable } from 'node:stream';
import { fetchGuarded } from '../http/outbound';
import { defineMethods, me, type Ctx } from '../registry';
import type { FileRow, FolderRow, UserRow } from '../store/model';
import { validName } from '../store/model';
import type { Meta } from '../store/storage';
import { BlobTooLarge, BodyEnded, type BlobInfo } from '../store/blobs';
import { fail, ApiError } from '../errors';
import { fileArg, optionalFolderArg, times } from './common';
import { checkMove, copyFile, destination, putFile, renameFile, trashFile } from '../store/ops';
import type { UploadProgress, DownloadProgress } from '../progress';
import { checksums } from '../domain/checksums';

function quotaLeft(ctx: Ctx, owner: number): number {
  const u = ctx.st.user(owner)!;
  return Math.max(0, u.quota - ctx.st.usedQuota(owner));
}

/** Streams one incoming file into the blob store with pCloud's errors for short bodies and quota. */
export async function receive(ctx: Ctx, stream: Readable, owner: number, onBytes?: (n: number) => void, expected?: number): Promise<BlobInfo> {
  try {
    return await ctx.st.blobs.put(stream, { limit: quotaLeft(ctx, owner), onBytes, expected });
  } catch (err) {
    if (err instanceof BlobTooLarge) fail(2008);
    if (err instanceof BodyEnded) fail(2041);
    throw err;
  }
}

/**
 * `nopartial` (unverified what pCloud keeps without it): this emulator never keeps a partial file. A
 * body that ends early answers 2041 and nothing becomes visible, with or without the flag; files of a
 * multipart request that were complete before the break stay stored.
 */
async function uploadfile(ctx: Ctx) {
  const user = me(ctx);
  const { row: folder, perms } = optionalFolderArg(ctx);
  if (!perms.create) fail(2003);
  const hash = ctx.p.str('progresshash');
  const total = Number(ctx.req.headers['content-length'] ?? 0);
  const progress: UploadProgress | null = hash
    ? { kind: 'upload', userid: user.id, total, uploaded: 0, filenumber: 0, files: [], finished: false, updated: 0 }
    : null;
  if (progress && hash) {
    ctx.emu.progress.set(hash, progress);
    ctx.req.on('data', (c: Buffer) => {
      progress.uploaded += c.length;
    });
  }
  const raw = !String(ctx.req.headers['content-type'] ?? '').startsWith('multipart/');
  const opts = { ...times(ctx), renameIfExists: ctx.p.flag('renameifexists') };
  const rows: FileRow[] = [];
  const sums: Record<string, string>[] = [];
  for (let f = await ctx.files!.next(); f; f = await ctx.files!.next()) {
    const name = raw ? ctx.p.str('filename') ?? '' : f.name;
    if (!validName(name)) {
      f.stream.resume();
      fail(2001);
    }
    if (progress) {
      progress.filenumber++;
      progress.currentfile = name;
      progress.currentfileuploaded = 0;
    }
    const expected = raw && ctx.req.headers['content-length'] !== undefined ? total : undefined;
    const blob = await receive(ctx, f.stream, folder.owner, (n) => {
      if (progress) progress.currentfileuploaded = n;
    }, expected);
    const row = putFile(ctx.st, user, folder, name, blob, opts);
    rows.push(row);
    sums.push(checksums(user, blob));
    if (progress) progress.files.push(ctx.st.fileMeta(user, row));
  }
  const metadata = rows.map((r) => ctx.st.fileMeta(user, r));
  if (progress) {
    progress.finished = true;
    delete progress.currentfile;
    delete progress.currentfileuploaded;
  }
  return { fileids: rows.map((r) => r.id), metadata, checksums: sums };
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

function nameFromUrl(u: URL, fallback: string): string {
  const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? '');
  return last || fallback;
}

/** Fetches the URLs one after the other into `folder`, keeping `job` current for uploadprogress. */
async function runDownloads(ctx: Ctx, user: UserRow, folder: FolderRow, urls: string[], targets: string[], job: DownloadProgress): Promise<Meta[]> {
  const entries = urls.map((url) => ({ url, status: 'waiting', downloaded: 0 }) as Meta & { url: string; status: string; downloaded: number });
  job.files = entries;
  const out: Meta[] = [];
  for (let i = 0; i < urls.length; i++) {
    const entry = entries[i];
    const u = parseUrl(urls[i]);
    if (!u) {
      entry.status = 'error';
      entry.error = 'Invalid URL.';
      continue;
    }
    entry.status = 'downloading';
    job.urlworking++;
    try {
      // every redirect hop is admitted again (allow-list, no internal addresses unless listed by name)
      const { limits } = ctx.emu;
      const stream = await fetchGuarded(u, ctx.emu.downloadAllow, limits.downloadMaxRedirects, limits.bodyIdleTimeoutMs);
      const status = stream.statusCode ?? 0;
      if (status < 200 || status > 299) {
        stream.resume();
        throw new Error(`HTTP ${status}`);
      }
      const len = stream.headers['content-length'];
      if (len) entry.size = Number(len);
      const blob = await receive(ctx, stream, folder.owner, (n) => {
        entry.downloaded = n;
      });
      const row = putFile(ctx.st, user, folder, targets[i] || nameFromUrl(u, `download-${i + 1}`), blob, { renameIfExists: true });
      const meta = ctx.st.fileMeta(user, row);
      entry.metadata = meta;
      entry.status = 'ready';
      job.urlready++;
      out.push(meta);
    } catch (err) {
      entry.status = 'error';
      entry.error = err instanceof ApiError ? err.message : (err as Error).message;
    } finally {
      job.urlworking--;
    }
  }
  job.finished = true;
  return out;
}

function downloadArgs(ctx: Ctx) {
  const user = me(ctx);
  const urls = ctx.p.require('url', 1040).split(/\s+/).filter(Boolean);
  // nothing that could be fetched at all is a missing `url` (pCloud's code for this case is unverified)
  if (!urls.some((u) => /^https?:$/.test(parseUrl(u)?.protocol ?? ''))) fail(1040);
  const { row, perms } = optionalFolderArg(ctx);
  if (!perms.create) fail(2003);
  const targets = (ctx.p.str('target') ?? '').split(',').map((t) => {
    try {
      return decodeURIComponent(t);
    } catch {
      return t;
    }
  });
  const job: DownloadProgress = { kind: 'download', userid: user.id, urlcount: urls.length, urlready: 0, urlworking: 0, finished: false, files: [], updated: 0 };
  const hash = ctx.p.str('progresshash');
  if (hash) ctx.emu.progress.set(hash, job);
  return { user, urls, folder: row, targets, job };
}

function fileDest(ctx: Ctx, file: FileRow) {
  const topath = ctx.p.str('topath');
  const tofolderid = ctx.p.int('tofolderid', 1017);
  const toname = ctx.p.str('toname');
  return { topath, tofolderid, toname, any: topath !== undefined || tofolderid !== undefined || toname !== undefined, file };
}

export const fileMethods = () =>
  defineMethods([
    { name: 'uploadfile', auth: 'required', upload: true, handler: uploadfile },
    {
      name: 'uploadprogress',
      auth: 'required',
      handler(ctx) {
        const hash = ctx.p.require('progresshash', 1900);
        const job = ctx.emu.progress.get(hash);
        if (!job || job.userid !== me(ctx).id || (job.kind !== 'upload' && job.kind !== 'download')) fail(1900);
        const { kind: _k, userid: _u, updated: _t, ...rest } = job;
        return rest;
      },
    },
    {
      name: 'downloadfile',
      auth: 'required',
      async handler(ctx) {
        const { user, urls, folder, targets, job } = downloadArgs(ctx);
        const metadata = await runDownloads(ctx, user, folder, urls, targets, job);
        // The final reply when URLs fail is unverified: the fetched files' metadata, or 5001 when none
        // could be fetched (e.g. non-loopback URLs, which this offline emulator refuses).
        if (!metadata.length) fail(5001);
        return { metadata };
      },
    },
    {
      name: 'downloadfileasync',
      auth: 'required',
      handler(ctx) {
        const { user, urls, folder, targets, job } = downloadArgs(ctx);
        void runDownloads(ctx, user, folder, urls, targets, job).catch(() => undefined);
        return {};
      },
    },
    {
      name: 'copyfile',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row, perms } = fileArg(ctx);
        if (!perms.read) fail(2003);
        const d = fileDest(ctx, row);
        if (d.topath === undefined && d.tofolderid === undefined) fail(1016);
        const dest = destination(ctx.st, user, d, row.name);
        let blobKey: string | undefined;
        const revisionid = ctx.p.int('revisionid', 2029);
        if (revisionid !== undefined) {
          const rev = ctx.st.files.revision(revisionid, row.id);
          if (!rev) fail(2029);
          blobKey = rev.blob;
        }
        const out = copyFile(ctx.st, user, row, dest.parent, dest.name, { ...times(ctx), noOverwrite: ctx.p.flag('noover'), blobKey });
        return { metadata: ctx.st.fileMeta(user, out) };
      },
    },
    {
      name: 'checksumfile',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row, perms } = fileArg(ctx);
        if (!perms.read) fail(2003);
        const b = ctx.st.blobRow(row.blob);
        return { ...checksums(user, b), metadata: ctx.st.fileMeta(user, row) };
      },
    },
    {
      name: 'deletefile',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row, perms } = fileArg(ctx);
        if (!perms.delete) fail(2003);
        const out = trashFile(ctx.st, user, row);
        return { metadata: ctx.st.fileMeta(user, out) };
      },
    },
    {
      name: 'renamefile',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row, perms } = fileArg(ctx);
        const d = fileDest(ctx, row);
        if (!d.any) fail(1037);
        if (!perms.modify) fail(2003);
        const dest = destination(ctx.st, user, d, row.name);
        const parent = dest.parent ?? ctx.st.folderRow(row.parent)!;
        checkMove(ctx.st, user, perms, ctx.st.folderRow(row.parent)!, parent);
        const { row: out, deletedfileid } = renameFile(ctx.st, user, row, parent, dest.name);
        const metadata = ctx.st.fileMeta(user, out);
        if (deletedfileid) metadata.deletedfileid = deletedfileid;
        return { metadata };
      },
    },
    {
      name: 'stat',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        // stat with a folder path is unverified; we answer folder metadata, as several clients expect.
        const path = ctx.p.str('path');
        if (!ctx.p.has('fileid') && path !== undefined) {
          const parts = ctx.st.splitPath(path);
          if (parts.length === 0) return { metadata: ctx.st.folderMeta(user, ctx.st.folderRow(user.rootfolder)!) };
          const name = parts[parts.length - 1];
          const parent = ctx.st.walk(user, parts.slice(0, -1), 2002);
          const folder = ctx.st.childFolder(parent.row.id, name);
          if (folder && !ctx.st.childFile(parent.row.id, name)) return { metadata: ctx.st.folderMeta(user, folder) };
        }
        const { row } = fileArg(ctx);
        return { metadata: ctx.st.fileMeta(user, row) };
      },
    },
  ]);
