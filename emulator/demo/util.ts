// Small helpers shared by the demo-tree generators: deterministic randomness,
// bounded concurrency, file writing and running ffmpeg without a shell.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ffmpegPath } from '../media/ffmpeg-path';

const DAY_MS = 86_400_000;
/** Demo mtimes are spread over this many days before "now". */
export const SPREAD_DAYS = 730;

/** 32-bit FNV-1a hash of a string (used to derive stable per-file values). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Small seeded PRNG (mulberry32) returning floats in [0, 1). */
export function makeRng(seed: number | string): () => number {
  let a = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Stable pseudo-random modification time for a path relative to the demo root,
 * somewhere in the SPREAD_DAYS before `now`, at a plausible time of day.
 */
export function demoMtime(relPath: string, now: number): Date {
  const rng = makeRng(relPath);
  const daysAgo = 1 + Math.floor(rng() * (SPREAD_DAYS - 1));
  const secondsIntoDay = Math.floor((7 + rng() * 15) * 3600); // 07:00..22:00
  const midnight = Math.floor((now - daysAgo * DAY_MS) / DAY_MS) * DAY_MS;
  return new Date(midnight + secondsIntoDay * 1000);
}

/** Run `fn` over `items` with at most `limit` in flight; rejects on first error. */
export async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Write a file, creating its parent folders. */
export async function writeOut(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
}

/** Escape text for inclusion in SVG/XML content or attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

export interface RunResult {
  stdout: string;
}

/**
 * Run a media tool (ffmpeg/ffprobe) with an argument vector, no shell.
 * Optionally feeds `stdin`. Rejects with a descriptive Error (including the
 * tail of stderr) when the tool is missing or exits non-zero.
 */
export function runTool(cmd: string, args: string[], opts: { stdin?: Uint8Array; label?: string } = {}): Promise<RunResult> {
  const label = opts.label ?? `${cmd} ${args.join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString('utf8');
      if (err.length > 16_384) err = err.slice(-8_192);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      const hint = e.code === 'ENOENT' ? ' (set FFMPEG_PATH/FFPROBE_PATH to a working binary)' : '';
      reject(new Error(`demo: could not start ${cmd}${hint}: ${e.message} [${label}]`));
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ stdout: Buffer.concat(out).toString('utf8') });
      else reject(new Error(`demo: ${cmd} failed (${signal ?? `exit ${code}`}) for ${label}:\n${err.trim().slice(-4000)}`));
    });
    // EPIPE here means the tool died early; the 'close' handler reports why.
    child.stdin.on('error', () => {});
    if (opts.stdin) child.stdin.end(opts.stdin);
    else child.stdin.end();
  });
}

export function ffmpeg(args: string[], opts: { stdin?: Uint8Array; label?: string } = {}): Promise<RunResult> {
  const base = ['-hide_banner', '-loglevel', 'error', '-y'];
  if (!opts.stdin) base.push('-nostdin');
  return runTool(ffmpegPath(), [...base, ...args], opts);
}
