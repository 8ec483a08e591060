// Per-emulator media state: the on-disk cache under <dataDir>/cache/, single-flight jobs, a CPU
// limiter for sharp/ffmpeg work and the child processes to kill at shutdown.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { promises as fsp } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Services } from '../services';
import { mediaTools } from './ffmpeg-path';

/** The resolved tools, for code that spawns them itself (test fixtures); see ffmpeg-path.ts. */
export const FFMPEG = mediaTools().ffmpeg?.path ?? 'ffmpeg';
export const FFPROBE = mediaTools().ffprobe?.path ?? 'ffprobe';

export class MediaState {
  readonly cacheDir: string;
  closed = false;
  private readonly jobs = new Map<string, Promise<unknown>>();
  private readonly children = new Set<ChildProcess>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly slots = Math.max(2, availableParallelism());

  constructor(readonly emu: Services) {
    this.cacheDir = join(emu.st.dataDir, 'cache');
    emu.shutdownHooks.push(() => {
      this.closed = true;
      for (const c of this.children) c.kill('SIGKILL');
    });
  }

  /** Runs `fn` once per `key` at a time: concurrent callers share the same promise. */
  once<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const running = this.jobs.get(key);
    if (running) return running as Promise<T>;
    const p = fn().finally(() => this.jobs.delete(key));
    this.jobs.set(key, p);
    return p;
  }

  /** Bounds concurrent CPU-heavy work (thumbnails, probes, transcodes). */
  async limit<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Runs a tool; resolves with stdout, rejects with its stderr tail on a non-zero exit. */
  run(cmd: string, args: string[], opts: { input?: Buffer; timeoutMs?: number; cwd?: string } = {}): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('emulator closed'));
    return new Promise((resolve, reject) => {
      const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: opts.cwd });
      this.children.add(child);
      const out: Buffer[] = [];
      let err = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 10 * 60_000);
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => {
        err = (err + c.toString('utf8')).slice(-4000);
      });
      child.stdin.on('error', () => {});
      child.on('error', (e) => {
        clearTimeout(timer);
        this.children.delete(child);
        reject(e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        this.children.delete(child);
        if (code === 0) resolve(Buffer.concat(out));
        else reject(new Error(`${cmd} exited ${code ?? signal}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
      });
      child.stdin.end(opts.input);
    });
  }
}

/** Writes a cache entry atomically: `make(tmp)` produces it, then it is renamed into place. */
export async function produce(final: string, make: (tmp: string) => Promise<void>): Promise<string> {
  try {
    await fsp.access(final);
    return final;
  } catch {
    /* not cached yet */
  }
  await fsp.mkdir(dirname(final), { recursive: true });
  const tmp = `${final}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    await make(tmp);
    await fsp.rename(tmp, final);
  } catch (err) {
    await fsp.rm(tmp, { recursive: true, force: true });
    throw err;
  }
  return final;
}

const states = new WeakMap<Services, MediaState>();

export function media(emu: Services): MediaState {
  let s = states.get(emu);
  if (!s) {
    s = new MediaState(emu);
    states.set(emu, s);
  }
  return s;
}
