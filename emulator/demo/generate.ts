// Generates a realistic demo account content tree on disk at run time
// (photos, videos, music, documents, archives, deep folders, hostile names,
// a folder with many files), with modification times spread over two years.
//
// CLI (for timing / manual use):  npx tsx emulator/demo/generate.ts <dir> [manyFiles]
import { lstat, mkdir, readdir, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateArchive } from './archive';
import { generateDocuments, generateManyFiles } from './documents';
import { generatePhotos } from './images';
import { generateMedia, VIDEO_SPECS } from './media';
import { demoMtime, mapLimit } from './util';

export interface DemoTreeOptions {
  /** Number of files in "Many files/" (default 2500). */
  manyFiles?: number;
  /** Told what was left out (the videos and music when ffmpeg is not available). */
  log?: (line: string) => void;
}

export interface DemoTreeStats {
  files: number;
  folders: number;
  bytes: number;
}

export const DEFAULT_MANY_FILES = 2500;

/**
 * Create the demo tree under `dir` (created if missing). Existing files with
 * the same names are overwritten. Returns counts over everything under `dir`
 * (the root itself is not counted as a folder).
 */
export async function generateDemoTree(dir: string, opts: DemoTreeOptions = {}): Promise<DemoTreeStats> {
  const manyFiles = opts.manyFiles ?? DEFAULT_MANY_FILES;
  if (!Number.isInteger(manyFiles) || manyFiles < 0) throw new Error(`demo: manyFiles must be a non-negative integer, got ${manyFiles}`);
  const root = path.resolve(dir);
  await mkdir(root, { recursive: true });
  const now = Date.now();

  // Media (ffmpeg child processes), images (sharp thread pool) and plain file
  // writes all run at the same time. Wait for every task even if one fails so
  // no generator is still writing when we return or throw.
  const results = await Promise.allSettled([
    generateMedia(root).then((skipped) => {
      if (skipped.length > 0) opts.log?.(`demo data: ffmpeg not available, so the ${skipped.length} demo videos and music files are left out (${skipped.join(', ')})`);
    }),
    generatePhotos(root, now),
    (async () => {
      await generateDocuments(root);
      await generateArchive(root);
      await generateManyFiles(root, manyFiles);
    })(),
  ]);
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length === 0 && !(await lstat(path.join(root, VIDEO_SPECS[0].path)).then(() => true, () => false))) {
    // the subtitles belong to the demo video: without ffmpeg there is no video, so no Videos folder
    await rm(path.join(root, 'Videos'), { recursive: true, force: true });
  }
  if (failed.length > 0) {
    const first: unknown = failed[0].reason;
    if (failed.length === 1 && first instanceof Error) throw first;
    throw new Error(`demo: generation failed:\n${failed.map((f) => String(f.reason instanceof Error ? f.reason.message : f.reason)).join('\n')}`);
  }

  const stats: DemoTreeStats = { files: 0, folders: 0, bytes: 0 };
  await stampTree(root, '', now, stats);
  return stats;
}

/**
 * Give every file a stable pseudo-random mtime within the past two years and
 * every folder the mtime of its newest child; tally files, folders and bytes.
 * Returns the folder's resulting mtime in ms.
 */
async function stampTree(absDir: string, rel: string, now: number, stats: DemoTreeStats): Promise<number> {
  const entries = await readdir(absDir, { withFileTypes: true });
  let newest = 0;
  await mapLimit(entries, 32, async (e) => {
    const childAbs = path.join(absDir, e.name);
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    let t: number;
    if (e.isDirectory()) {
      stats.folders++;
      t = await stampTree(childAbs, childRel, now, stats);
    } else {
      const st = await lstat(childAbs);
      stats.files++;
      stats.bytes += st.size;
      t = demoMtime(childRel, now).getTime();
      await utimes(childAbs, new Date(t), new Date(t));
    }
    if (t > newest) newest = t;
  });
  if (rel) {
    const t = newest || demoMtime(rel, now).getTime();
    await utimes(absDir, new Date(t), new Date(t));
    return t;
  }
  return newest;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const [target, many] = process.argv.slice(2);
  if (!target) {
    console.error('usage: tsx emulator/demo/generate.ts <dir> [manyFiles]');
    process.exit(2);
  }
  const t0 = performance.now();
  const s = await generateDemoTree(target, many === undefined ? {} : { manyFiles: Number(many) });
  const secs = ((performance.now() - t0) / 1000).toFixed(2);
  console.log(`demo tree: ${s.files} files, ${s.folders} folders, ${(s.bytes / 1048576).toFixed(2)} MiB in ${secs} s -> ${path.resolve(target)}`);
}
