// Archiving (docs/pcloud/methods-media.md §2): getzip, getziplink, savezip(+progress), extractarchive(+progress).
// Zips are produced with yazl from read streams of the stored blobs, so no temporary copy of the whole
// archive is ever made (getzip/getziplink stream to the socket, savezip streams into the blob store).
// extractarchive understands zip only (no rar/7z/tar) and runs to completion inside the request.
import { Transform, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { RAW, defineMethods, me, type Ctx } from '../registry';
import type { Services } from '../services';
import type { Meta } from '../store/storage';
import type { FolderRow } from '../store/model';
import { now, validName } from '../store/model';
import { BlobTooLarge, BodyEnded, type BlobInfo } from '../store/blobs';
import { ApiError, fail } from '../errors';
import { createFolder, putFile } from '../store/ops';
import { fileArg } from './common';
import { type TreeSpec, type ZipItem, treeSpec, resolveTree, buildZip, streamZip, quotaLeft, type ZipProgress, saveZip } from '../domain/zip';

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

export function archivingMethods(emu: Services) {
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
