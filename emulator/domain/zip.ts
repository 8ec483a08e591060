// Zips of files and folder trees: which items a tree spec names, the archive itself, and storing it
// as a file (savezip, savepubzip) or streaming it (getzip, getpubzip and their links).
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import yazl from 'yazl';
import { type Ctx } from '../registry';
import type { Params } from '../http/params';
import type { Meta, Storage } from '../store/storage';
import type { FileRow, FolderRow, UserRow } from '../store/model';
import { fileKind, numberedName, validName } from '../store/model';
import { BlobTooLarge, BodyEnded, type BlobInfo } from '../store/blobs';
import { ApiError, fail } from '../errors';
import { destination, putFile } from '../store/ops';

export interface TreeSpec {
  folderid?: number;
  folderids: number[];
  fileids: number[];
  excludefolderids: number[];
  excludefileids: number[];
}

export interface ZipItem {
  path: string;
  dir: boolean;
  blob: string;
  size: number;
  mtime: number;
}

export function treeSpec(p: Params): TreeSpec {
  return {
    folderid: p.int('folderid', 1017),
    folderids: p.intList('folderids', 1017) ?? [],
    fileids: p.intList('fileids', 1018) ?? [],
    excludefolderids: p.intList('excludefolderids', 1017) ?? [],
    excludefileids: p.intList('excludefileids', 1018) ?? [],
  };
}

/**
 * The entries of a tree, folders first within each folder. An unknown or foreign folder answers 1017
 * (getzip lists no 2005), an unknown file 2009. Name clashes at the top level get `name (2)`.
 */
export function resolveTree(st: Storage, user: UserRow, spec: TreeSpec): ZipItem[] {
  const skipFolders = new Set(spec.excludefolderids.map((id) => st.intFolderId(user, id)));
  const skipFiles = new Set(spec.excludefileids);
  const items: ZipItem[] = [];
  const used = new Set<string>();
  const unique = (prefix: string, name: string, dir: boolean): string => {
    const suffix = dir ? '/' : '';
    let candidate = prefix + name + suffix;
    for (let n = 2; used.has(candidate); n++) candidate = prefix + (dir ? `${name} (${n})` : numberedName(name, n)) + suffix;
    used.add(candidate);
    return candidate;
  };
  const folder = (id: number): FolderRow => {
    try {
      const { row, perms } = st.folderById(user, id);
      if (!perms.read) fail(2003);
      return row;
    } catch (err) {
      if (err instanceof ApiError && err.code === 2005) fail(1017);
      throw err;
    }
  };
  const addFile = (f: FileRow, prefix: string) => {
    if (skipFiles.has(f.id)) return;
    items.push({ path: unique(prefix, f.name, false), dir: false, blob: f.blob, size: f.size, mtime: f.modified });
  };
  const addContents = (row: FolderRow, prefix: string) => {
    // shares mounted here belong to other accounts: a zip (also a public link's) never reaches into them
    for (const sub of st.ownChildFolders(row.id)) {
      if (skipFolders.has(sub.id)) continue;
      const path = unique(prefix, sub.name, true);
      items.push({ path, dir: true, blob: '', size: 0, mtime: sub.modified });
      addContents(sub, path);
    }
    for (const f of st.childFiles(row.id)) addFile(f, prefix);
  };
  if (spec.folderid !== undefined) {
    const row = folder(spec.folderid);
    if (!skipFolders.has(row.id)) addContents(row, '');
  }
  for (const id of spec.folderids) {
    const row = folder(id);
    if (skipFolders.has(row.id)) continue;
    const path = unique('', row.parent === null ? 'pCloud' : row.name, true);
    items.push({ path, dir: true, blob: '', size: 0, mtime: row.modified });
    addContents(row, path);
  }
  for (const id of spec.fileids) {
    const { row, perms } = st.fileById(user, id);
    if (!perms.read) fail(2003);
    addFile(row, '');
  }
  return items;
}

// ---- zip writing ----------------------------------------------------------------------------------

/** Seconds east of UTC for `timeoffset` (`+hhmm`, `-hh:mm`, or a zone name); UTC when absent or unknown. */
function zoneOffset(spec: string | undefined, at: number): number {
  if (!spec) return 0;
  const m = /^([+-])(\d{1,2}):?(\d{2})$/.exec(spec.trim());
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
  try {
    const fmt = new Intl.DateTimeFormat('en-US', { timeZone: spec.trim(), timeZoneName: 'longOffset' });
    const name = fmt.formatToParts(new Date(at * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? '';
    const z = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return z ? (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 3600 + Number(z[3]) * 60) : 0;
  } catch {
    return 0;
  }
}

/** yazl writes DOS times from a Date's local fields: build one whose local fields are the wanted wall time. */
function dosTime(t: number, tz: string | undefined): Date {
  const d = new Date((t + zoneOffset(tz, t)) * 1000);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

interface ZipTracker {
  onBytes(n: number): void;
  onFile(): void;
}

export function buildZip(st: Storage, items: ZipItem[], tz: string | undefined, track?: ZipTracker): yazl.ZipFile {
  const zip = new yazl.ZipFile();
  for (const it of items) {
    const mtime = dosTime(it.mtime, tz);
    if (it.dir) {
      zip.addEmptyDirectory(it.path, { mtime, forceDosTimestamp: true });
      continue;
    }
    const k = fileKind(it.path);
    // already-compressed media and archives are stored; the rest deflated
    const compress = k.category !== 1 && k.category !== 2 && k.category !== 3 && k.category !== 5;
    zip.addReadStreamLazy(it.path, { mtime, size: it.size, compress, forceDosTimestamp: true }, (cb) => {
      const src = createReadStream(st.blobs.pathOf(it.blob));
      if (!track) return cb(null, src);
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          track.onBytes(chunk.length);
          done(null, chunk);
        },
        flush(done) {
          track.onFile();
          done();
        },
      });
      src.on('error', (err) => counter.destroy(err));
      cb(null, src.pipe(counter));
    });
  }
  zip.end();
  return zip;
}

/** Pipes a zip to an HTTP response whose headers it writes; resolves when the response is done. */
export async function streamZip(res: ServerResponse, zip: yazl.ZipFile, opts: { download: boolean; filename?: string }): Promise<void> {
  const headers: Record<string, string> = {
    'Content-Type': opts.download ? 'application/octet-stream' : 'application/zip',
    'Cache-Control': 'private, max-age=0',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'Content-Disposition',
  };
  if (opts.filename) headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(opts.filename)}`;
  res.writeHead(200, headers);
  const out = zip.outputStream as Readable;
  await new Promise<void>((resolve) => {
    const abort = () => {
      out.unpipe(res);
      out.destroy();
      res.destroy();
      resolve();
    };
    zip.on('error', abort);
    out.on('error', abort);
    res.on('close', () => {
      out.destroy();
      resolve();
    });
    res.on('finish', () => resolve());
    out.pipe(res);
  });
}

export function quotaLeft(st: Storage, owner: number): number {
  const u = st.user(owner)!;
  return Math.max(0, u.quota - st.usedQuota(owner));
}

// ---- extraction -------------------------------------------------------------------------------------

export interface ZipProgress extends Meta {
  kind: 'savezip';
  userid: number;
  updated: number;
  files: number;
  totalfiles: number;
  bytes: number;
  totalbytes: number;
}

/** savezip: the zip of `items` stored as a file of `user` (`topath` | `tofolderid` + `toname`, `noover`, `progresshash`). */
export async function saveZip(ctx: Ctx, user: UserRow, items_: () => ZipItem[]): Promise<{ metadata: Meta }> {
  const topath = ctx.p.str('topath');
  const tofolderid = ctx.p.int('tofolderid', 1017);
  const toname = ctx.p.str('toname');
  if ((topath === undefined || topath === '') && (tofolderid === undefined || !toname)) fail(1016);
  const items = items_();
  const dest = destination(ctx.st, user, topath ? { topath } : { tofolderid, toname }, 'archive.zip');
  if (!validName(dest.name)) fail(2001);
  const noover = ctx.p.flag('noover');
  if (noover && ctx.st.childFile(dest.parent.id, dest.name)) fail(2004);
  const files = items.filter((i) => !i.dir);
  const job: ZipProgress = {
    kind: 'savezip', userid: user.id, updated: 0, files: 0, totalfiles: files.length, bytes: 0,
    totalbytes: files.reduce((n, i) => n + i.size, 0),
  };
  const hash = ctx.p.str('progresshash');
  if (hash) ctx.emu.progress.set(hash, job);
  const zip = buildZip(ctx.st, items, ctx.p.str('timeoffset'), {
    onBytes: (n) => {
      job.bytes += n;
    },
    onFile: () => {
      job.files++;
    },
  });
  const out = zip.outputStream as Readable;
  zip.on('error', (err: Error) => out.destroy(err));
  let blob: BlobInfo;
  try {
    blob = await ctx.st.blobs.put(out, { limit: quotaLeft(ctx.st, dest.parent.owner) });
  } catch (err) {
    if (err instanceof BlobTooLarge) fail(2008);
    if (err instanceof BodyEnded) fail(5001);
    throw err;
  }
  const row = putFile(ctx.st, user, dest.parent, dest.name, blob, { noOverwrite: noover });
  return { metadata: ctx.st.fileMeta(user, row) };
}
