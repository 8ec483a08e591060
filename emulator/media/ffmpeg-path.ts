// Where ffmpeg and ffprobe come from, decided once per process: an explicit path from the
// environment, else the system's (found on PATH), else the static build that ships inside an npm
// package (optional dependencies, so platforms without one still install), else none — then the
// server runs without video/audio transcoding and video thumbnails, and says so at start-up.
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

export type ToolName = 'ffmpeg' | 'ffprobe';

export interface MediaTool {
  path: string;
  /** `env`: PCLOUD_EMU_FFMPEG/FFMPEG_PATH (…FFPROBE…); `system`: found on PATH; `npm`: shipped in `pkg`. */
  source: 'env' | 'system' | 'npm';
  pkg?: string;
}

export type MediaTools = Record<ToolName, MediaTool | null>;

/** The wrapper packages; each resolves the binary of its platform package (e.g. @ffmpeg-installer/linux-x64). */
const NPM_PACKAGES: Record<ToolName, string> = { ffmpeg: '@ffmpeg-installer/ffmpeg', ffprobe: '@ffprobe-installer/ffprobe' };
const ENV_NAMES: Record<ToolName, string[]> = { ffmpeg: ['PCLOUD_EMU_FFMPEG', 'FFMPEG_PATH'], ffprobe: ['PCLOUD_EMU_FFPROBE', 'FFPROBE_PATH'] };
const OFF = new Set(['off', 'none', 'false', '0']);

export const NO_FFMPEG =
  'ffmpeg not available: video/audio transcoding and video thumbnails are off ' +
  '(install ffmpeg, e.g. `apt-get install ffmpeg`, or run `npm install` on a platform that @ffmpeg-installer/ffmpeg supports, or set FFMPEG_PATH and FFPROBE_PATH)';

function executable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: ToolName, env: NodeJS.ProcessEnv): string | undefined {
  const names = process.platform === 'win32' ? [`${name}.exe`] : [name];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const n of names) if (executable(join(dir, n))) return join(dir, n);
  }
  return undefined;
}

function fromNpm(name: ToolName): MediaTool | undefined {
  try {
    const { path } = createRequire(import.meta.url)(NPM_PACKAGES[name]) as { path?: unknown };
    if (typeof path !== 'string') return undefined;
    // the package's postinstall only does `chmod u+x`; npm may be set to skip install scripts
    if (!executable(path)) chmodSync(path, 0o755);
    if (!executable(path)) return undefined;
    const pkg = (JSON.parse(readFileSync(join(dirname(path), 'package.json'), 'utf8')) as { name?: string }).name;
    return { path, source: 'npm', pkg };
  } catch {
    // not installed, or "Unsupported platform/architecture" thrown by the wrapper
    return undefined;
  }
}

/** Resolves one tool from `env` (a process environment); `npm: false` leaves the packages out. */
export function findTool(name: ToolName, env: NodeJS.ProcessEnv = process.env, opts: { npm?: boolean } = {}): MediaTool | null {
  for (const key of ENV_NAMES[name]) {
    const v = env[key]?.trim();
    if (!v) continue;
    if (OFF.has(v.toLowerCase())) return null;
    return { path: v, source: 'env' };
  }
  const system = onPath(name, env);
  if (system) return { path: system, source: 'system' };
  return (opts.npm ?? true) ? (fromNpm(name) ?? null) : null;
}

let resolved: MediaTools | undefined;

/** The tools this process uses (resolved on first use, then fixed). */
export function mediaTools(): MediaTools {
  resolved ??= { ffmpeg: findTool('ffmpeg'), ffprobe: findTool('ffprobe') };
  return resolved;
}

/** Both tools are there: probing, transcoding and video thumbnails work. */
export function ffmpegAvailable(): boolean {
  const t = mediaTools();
  return t.ffmpeg !== null && t.ffprobe !== null;
}

export class NoFfmpegError extends Error {
  constructor(readonly tool: ToolName) {
    super(`${tool} not available`);
  }
}

export function toolPath(name: ToolName): string {
  const t = mediaTools()[name];
  if (!t) throw new NoFfmpegError(name);
  return t.path;
}

export const ffmpegPath = (): string => toolPath('ffmpeg');
export const ffprobePath = (): string => toolPath('ffprobe');

function versionOf(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, ['-hide_banner', '-version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const m = /version (\S+)/.exec(out);
      if (code === 0 && m) resolve(m[1]);
      else reject(new Error(`${path} -version exited ${code}`));
    });
  });
}

/**
 * Runs each resolved tool once (`-version`); one that does not run (a binary for another libc, a
 * wrong FFMPEG_PATH) is dropped, so the media features are off instead of failing per request.
 * Returns the start-up line that says what the server will use.
 */
export async function checkMediaTools(): Promise<string> {
  const tools = mediaTools();
  const parts: string[] = [];
  for (const name of ['ffmpeg', 'ffprobe'] as const) {
    const t = tools[name];
    if (!t) continue;
    try {
      const version = await versionOf(t.path);
      const from = t.source === 'npm' ? `from the npm package ${t.pkg ?? NPM_PACKAGES[name]}` : t.source === 'env' ? 'from the environment' : 'system';
      parts.push(`${name} ${version} (${from}: ${t.path})`);
    } catch (err) {
      parts.push(`${name} at ${t.path} does not run (${(err as Error).message})`);
      tools[name] = null;
    }
  }
  return ffmpegAvailable() ? `media: ${parts.join(', ')}` : `${NO_FFMPEG}${parts.length ? ` [${parts.join('; ')}]` : ''}`;
}
