// Archiving (docs/pcloud/methods-media.md §2): getzip, getziplink, savezip(+progress), extractarchive(+progress).
// Zips are produced with yazl from read streams of the stored blobs, so no temporary copy of the whole
// archive is ever made (getzip/getziplink stream to the socket, savezip streams into the blob store).
// extractarchive understands zip only (no rar/7z/tar) and runs to completion inside the request.
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yazl from 'yazl';
import yauzl from 'yauzl';
import { RAW, defineMethods, me, type Ctx } from '../registry';
import type { Emulator } from '../server';
import type { Params } from '../http/params';
import type { Meta, Storage } from '../store/storage';
import type { FileRow, FolderRow, UserRow } from '../store/model';
import { fileKind, now, numberedName, validName } from '../store/model';
import { BlobTooLarge, BodyEnded, type BlobInfo } from '../store/blobs';
import { ApiError, fail } from '../errors';
import { createFolder, destination, putFile } from '../store/ops';
import { fileArg } from './common';

// ---- emulator-invented codes (pCloud's answers for these cases are unknown) -------------------------
/** The file is not a zip archive, or is damaged (emulator-invented). */
export const E_BAD_ARCHIVE = 2350;
/** An entry name is absolute or climbs out with `..` (emulator-invented). */
export const E_UNSAFE_ENTRY = 2351;
/** Entry count, total size or compression ratio beyond the limits (zip-bomb guard, emulator-invented). */
export const E_ARCHIVE_LIMITS = 2352;

/** Zip-bomb limits of extractarchive; tests may lower them (the emulator runs in-process). */
export const EXTRACT_LIMITS = {
  maxEntries: 10_000,
  maxTotalBytes: 2 * 1024 ** 3,
  /** Entries larger than `ratioFloor` bytes may expand at most `maxRatio` times their compressed size. */
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
};

// ---- tree parameters (docs/pcloud/structures.md §4) ---------------------------------------------------------------

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

function quotaLeft(st: Storage, owner: number): number {
  const u = st.user(owner)!;
  return Math.max(0, u.quota - st.usedQuota(owner));
}

// ---- extraction -------------------------------------------------------------------------------------

interface ExtractJob extends Meta {
  kind: 'extract';
  userid: number;
  updated: number;
  finished: boolean;
  output: string[];
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zf) => (err || !zf ? reject(err ?? new Error('no zip')) : resolve(zf)));
  });
}

function badArchive(err: unknown): ApiError {
  const msg = err instanceof Error ? err.message : String(err);
  if (/absolute path|invalid relative path|invalid characters/.test(msg)) {
    return new ApiError(E_UNSAFE_ENTRY, 'Archive contains an unsafe entry name (absolute path or "..").');
  }
  return new ApiError(E_BAD_ARCHIVE, 'Unsupported or damaged archive (only zip can be extracted).');
}

const tooBig = () => new ApiError(E_ARCHIVE_LIMITS, 'Archive exceeds the extraction limits (entries, size or compression ratio).');

/** Reads the whole central directory (no data yet); yauzl refuses `..`/absolute names while doing so. */
function readEntries(zf: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zf.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      if (entries.length > EXTRACT_LIMITS.maxEntries) {
        reject(tooBig());
        return;
      }
      zf.readEntry();
    });
    zf.on('end', () => resolve(entries));
    zf.on('error', (err) => reject(badArchive(err)));
    zf.readEntry();
  });
}

function entryStream(zf: yauzl.ZipFile, e: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zf.openReadStream(e, (err, s) => (err || !s ? reject(badArchive(err)) : resolve(s)));
  });
}

/** The path components of an entry; unsafe ones refused even if the reader let them through. */
function entryParts(name: string): string[] {
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.includes('\\') || name.includes('\0')) throw badArchive(new Error('absolute path'));
  const parts = name.split('/').filter((s) => s !== '' && s !== '.');
  if (parts.includes('..')) throw badArchive(new Error('invalid relative path'));
  return parts;
}

/**
 * Passes a member's bytes through and fails the stream at its end when their CRC-32 differs from the
 * directory's (yauzl checks sizes, not checksums): a damaged member never becomes a file.
 */
function crcCheck(expected: number): Transform & { damaged: boolean } {
  let crc = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      crc = crc32(chunk, crc);
      cb(null, chunk);
    },
    flush(cb) {
      if (crc >>> 0 === expected >>> 0) return cb();
      out.damaged = true;
      cb(new Error('CRC-32 mismatch'));
    },
  });
  const out = Object.assign(t, { damaged: false });
  return out;
}

type OverwriteMode = 'rename' | 'overwrite' | 'skip';

async function extract(ctx: Ctx, job: ExtractJob): Promise<void> {
  const { st } = ctx;
  const user = me(ctx);
  const { row: archive, perms } = fileArg(ctx);
  if (!perms.read) fail(2003);
  let dest: { row: FolderRow; perms: { create: boolean } };
  const tofolderid = ctx.p.int('tofolderid', 1017);
  const topath = ctx.p.str('topath');
  if (tofolderid !== undefined) dest = st.folderById(user, tofolderid);
  else if (topath !== undefined && topath !== '') dest = st.folderByPath(user, topath);
  else fail(1016);
  if (!dest.perms.create) fail(2003);
  const modeParam = ctx.p.str('overwrite');
  const mode: OverwriteMode = modeParam === 'overwrite' || modeParam === 'skip' ? modeParam : 'rename';

  let zf: yauzl.ZipFile;
  try {
    zf = await openZip(st.blobs.pathOf(archive.blob));
  } catch (err) {
    throw badArchive(err);
  }
  try {
    const entries = await readEntries(zf);
    // every check happens before anything is written
    let total = 0;
    for (const e of entries) {
      entryParts(e.fileName);
      if (e.isEncrypted()) fail(7009);
      total += e.uncompressedSize;
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (e.uncompressedSize > EXTRACT_LIMITS.ratioFloor && ratio > EXTRACT_LIMITS.maxRatio) throw tooBig();
    }
    if (total > EXTRACT_LIMITS.maxTotalBytes) throw tooBig();
    if (total > quotaLeft(st, dest.row.owner)) fail(2008);

    const folderAt = (parts: string[]): FolderRow => {
      let cur = dest.row;
      for (const name of parts) {
        if (!validName(name)) throw badArchive(new Error('invalid characters'));
        cur = st.childFolder(cur.id, name) ?? createFolder(st, user, cur, name);
      }
      return cur;
    };
    let damaged = 0;
    for (const e of entries) {
      const parts = entryParts(e.fileName);
      if (parts.length === 0) continue;
      if (e.fileName.endsWith('/')) {
        folderAt(parts);
        continue;
      }
      const name = parts.pop()!;
      const parent = folderAt(parts);
      const shown = [...parts, name].join('/');
      if (!validName(name)) throw badArchive(new Error('invalid characters'));
      if (mode === 'skip' && st.childFile(parent.id, name)) {
        job.output.push(`  ${shown}  (${e.uncompressedSize} B)... skipped.`);
        continue;
      }
      const check = crcCheck(e.crc32);
      const source = await entryStream(zf, e);
      source.on('error', (err) => check.destroy(err));
      const stream = source.pipe(check);
      let blob: BlobInfo;
      try {
        blob = await st.blobs.put(stream, { limit: quotaLeft(st, parent.owner) });
      } catch (err) {
        if (err instanceof BlobTooLarge) fail(2008);
        if (check.damaged) {
          // the member's bytes do not match its CRC-32: report it and store nothing of it
          job.output.push(`  ${shown}  (${e.uncompressedSize} B)... bad CRC, not extracted.`);
          damaged++;
          continue;
        }
        if (err instanceof BodyEnded) throw badArchive(err); // size differs from the directory, …
        throw err;
      }
      const mtime = Math.floor(e.getLastModDate().getTime() / 1000);
      putFile(st, user, parent, name, blob, { renameIfExists: mode === 'rename', mtime: mtime > 0 ? mtime : undefined });
      job.output.push(`  ${shown}  (${e.uncompressedSize} B)... OK.`);
    }
    // pCloud's wording for a partial extraction is unknown: a last line that does not claim success
    job.output.push(damaged ? `Extraction finished with errors: ${damaged} damaged file(s) not extracted.` : 'Successfully extracted to current directory.');
  } finally {
    zf.close();
  }
}

// ---- methods ---------------------------------------------------------------------------------------

interface ZipProgress extends Meta {
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

export function archivingMethods(emu: Emulator) {
  emu.content.handlers.set('zip', async (grant, _req, res) => {
    const user = emu.st.user(Number(grant.u));
    let items: ZipItem[];
    try {
      if (!user) throw new ApiError(2009);
      items = resolveTree(emu.st, user, grant.t as TreeSpec);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
      res.end('Not found.');
      return;
    }
    const zip = buildZip(emu.st, items, grant.tz as string | undefined);
    await streamZip(res, zip, { download: grant.dl === 1, filename: grant.n as string | undefined });
  });

  return defineMethods([
    {
      name: 'getzip',
      auth: 'required',
      oauth: false,
      async handler(ctx): Promise<typeof RAW> {
        const items = resolveTree(ctx.st, me(ctx), treeSpec(ctx.p));
        const zip = buildZip(ctx.st, items, ctx.p.str('timeoffset'));
        await streamZip(ctx.res, zip, { download: ctx.p.flag('forcedownload'), filename: ctx.p.str('filename') || undefined });
        return RAW;
      },
    },
    {
      name: 'getziplink',
      auth: 'required',
      handler(ctx) {
        const spec = treeSpec(ctx.p);
        resolveTree(ctx.st, me(ctx), spec); // errors now, not when the link is fetched
        const maxspeed = ctx.p.int('maxspeed', 2011);
        if (maxspeed !== undefined && maxspeed < 1024) fail(2011, { minspeed: 1024 });
        const filename = ctx.p.str('filename') || undefined;
        const dl = ctx.p.flag('forcedownload');
        const grant = { k: 'zip', e: now() + ctx.emu.linkTtl, u: me(ctx).id, t: spec, tz: ctx.p.str('timeoffset'), dl: dl ? 1 : 0, n: filename };
        return ctx.emu.content.link(ctx, grant, filename ?? 'archive.zip');
      },
    },
    {
      name: 'savezip',
      auth: 'required',
      async handler(ctx) {
        const user = me(ctx);
        const spec = treeSpec(ctx.p);
        return saveZip(ctx, user, () => resolveTree(ctx.st, user, spec));
      },
    },
    {
      name: 'savezipprogress',
      auth: 'required',
      handler(ctx) {
        const hash = ctx.p.require('progresshash', 1901);
        const job = ctx.emu.progress.get(hash) as ZipProgress | undefined;
        if (!job || job.kind !== 'savezip' || job.userid !== me(ctx).id) fail(1901);
        return { files: job.files, totalfiles: job.totalfiles, bytes: job.bytes, totalbytes: job.totalbytes };
      },
    },
    {
      name: 'extractarchive',
      auth: 'required',
      async handler(ctx) {
        const job: ExtractJob = { kind: 'extract', userid: me(ctx).id, updated: 0, finished: false, output: [] };
        const hash = ctx.p.str('progresshash') || `extract-${me(ctx).id}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
        ctx.emu.progress.set(hash, job);
        try {
          await extract(ctx, job);
        } finally {
          job.finished = true;
          ctx.emu.progress.touch(hash);
        }
        // Extraction always completes inside the request here, so `progresshash` is only echoed when sent.
        const out: Record<string, unknown> = { finished: true, lines: job.output.length };
        if (ctx.p.str('progresshash')) out.progresshash = hash;
        if (!ctx.p.flag('nooutput')) out.output = job.output;
        return out;
      },
    },
    {
      name: 'extractarchiveprogress',
      auth: 'required',
      handler(ctx) {
        // unknown hash: pCloud's code is unverified; 1900 with an emulator-invented message
        const missing = () => new ApiError(1900, 'Extraction not found');
        const hash = ctx.p.str('progresshash');
        if (!hash) throw missing();
        const job = ctx.emu.progress.get(hash) as ExtractJob | undefined;
        if (!job || job.kind !== 'extract' || job.userid !== me(ctx).id) throw missing();
        const skip = ctx.p.int('lines', 1000) ?? 0;
        return { finished: job.finished, lines: job.output.length, output: job.output.slice(skip) };
      },
    },
  ]);
}
