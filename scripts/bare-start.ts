// `npm start` as on a bare machine: a clean clone of HEAD, a PATH that has node, npm and sh but no
// ffmpeg, any free ports. Waits for the app URL, then checks the app page, the demo account's
// folders, and a demo video's thumbnail and HLS stream (made by the ffmpeg shipped on npm), and
// stops the server. Reuses this checkout's node_modules (a symlink) instead of installing.
//
//   npx tsx scripts/bare-start.ts
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEADLINE_MS = 240_000;
const started = Date.now();

/** A command's path on the current PATH (followed to the real file, so the symlink works from anywhere). */
function which(cmd: string): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, cmd), constants.X_OK);
      return realpathSync(join(dir, cmd));
    } catch {
      /* not here */
    }
  }
  throw new Error(`${cmd} is not on PATH`);
}

const tmp = mkdtempSync(join(tmpdir(), 'bare-start-'));
const app = join(tmp, 'app');
const bin = join(tmp, 'bin');
const log: string[] = [];
let child: ReturnType<typeof spawn> | undefined;

function stop(): Promise<void> {
  const c = child;
  if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => process.kill(-c.pid!, 'SIGKILL'), 10_000);
    c.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    process.kill(-c.pid!, 'SIGTERM'); // npm, sh, tsx and the server are one process group
  });
}

async function json(url: string): Promise<Record<string, unknown> & { result: number }> {
  const r = await fetch(url);
  assert.equal(r.status, 200, `${url} → HTTP ${r.status}`);
  return (await r.json()) as Record<string, unknown> & { result: number };
}

async function main(): Promise<void> {
  const clone = spawnSync('git', ['-c', 'advice.detachedHead=false', 'clone', '-q', '--depth', '1', `file://${ROOT}`, app], { stdio: 'inherit' });
  assert.equal(clone.status, 0, 'git clone failed');
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
  mkdirSync(bin);
  for (const [name, target] of [['node', process.execPath], ['npm', which('npm')], ['sh', which('sh')]]) symlinkSync(target, join(bin, name));

  const env: NodeJS.ProcessEnv = { PATH: bin, HOME: process.env.HOME ?? tmp, TMPDIR: tmpdir(), PORT: '0', APP_PORT: '0', CI: process.env.CI ?? '' };
  if (process.env.npm_config_nodedir) env.npm_config_nodedir = process.env.npm_config_nodedir;
  const found = spawnSync(join(bin, 'sh'), ['-c', 'command -v ffmpeg; command -v ffprobe; true'], { env, encoding: 'utf8' });
  assert.equal(found.status, 0, 'sh does not run');
  assert.equal(found.stdout, '', 'ffmpeg is still on the PATH');

  child = spawn(join(bin, 'npm'), ['start'], { cwd: app, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const opened = new Promise<{ api: string; app: string }>((ok, fail) => {
    let api = '';
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        log.push(line);
        api = /listening on (http\S+)/.exec(line)?.[1] ?? api;
        const open = /Open (http\S+) and sign in/.exec(line)?.[1];
        if (open) ok({ api, app: open });
      }
    };
    child!.stdout!.on('data', onLine);
    child!.stderr!.on('data', onLine);
    child!.once('exit', (code, signal) => fail(new Error(`npm start ended (${code ?? signal}) before the app was up`)));
    setTimeout(() => fail(new Error(`no "Open …" line within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS).unref();
  });
  const urls = await opened;
  console.log(`app up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${urls.app} (API ${urls.api})`);

  const shipped = process.platform === 'linux' && process.arch === 'x64';
  const mediaLine = log.find((l) => l.startsWith('media: ') || l.startsWith('ffmpeg not available'));
  if (shipped) assert.match(mediaLine ?? '', /^media: ffmpeg .*from the npm package @ffmpeg-installer\/linux-x64.*ffprobe .*@ffprobe-installer\/linux-x64/, 'ffmpeg should come from npm');
  else assert.ok(mediaLine, 'no line about ffmpeg');

  const page = await fetch(urls.app);
  assert.equal(page.status, 200);
  assert.match(await page.text(), new RegExp(`<meta name="pcloud-local-api" content="${urls.api}">`));

  const login = await json(`${urls.api}/userinfo?getauth=1&username=demo%40pcloud.local&password=pcloud-demo`);
  assert.equal(login.result, 0, 'demo login');
  const auth = String(login.auth);
  const call = (method: string, params: Record<string, string | number>) =>
    json(`${urls.api}/${method}?${new URLSearchParams({ auth, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) })}`);
  type Item = { name: string; folderid?: number; fileid?: number; contents?: Item[] };

  const root = (await call('listfolder', { folderid: 0 })) as unknown as { result: number; metadata: Item };
  assert.equal(root.result, 0);
  const names = root.metadata.contents!.map((c) => c.name);
  for (const n of ['Documents', 'Many files', 'Music', 'Photos']) assert.ok(names.includes(n), `demo folder ${n} missing from ${names.join(', ')}`);

  if (!mediaLine?.startsWith('media: ')) {
    console.log('no ffmpeg on this platform: the demo videos are left out, as the log says');
  } else {
    const videos = (await call('listfolder', { path: '/Videos' })) as unknown as { result: number; metadata: Item };
    const video = videos.metadata.contents!.find((c) => c.name === 'Big Buck Demo.mp4');
    assert.ok(video?.fileid, 'demo video missing');
    const thumb = (await call('getthumblink', { fileid: video.fileid, size: '120x120' })) as { result: number; hosts: string[]; path: string };
    assert.equal(thumb.result, 0, `getthumblink ${JSON.stringify(thumb)}`);
    const img = await fetch(`http://${thumb.hosts[0]}${thumb.path}`);
    assert.equal(img.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual([...new Uint8Array(await img.arrayBuffer()).subarray(0, 2)], [0xff, 0xd8]);

    const hls = (await call('gethlslink', { fileid: video.fileid })) as { result: number; hosts: string[]; path: string };
    assert.equal(hls.result, 0, `gethlslink ${JSON.stringify(hls)}`);
    const master = new URL(`http://${hls.hosts[0]}${hls.path}`);
    const rendition = new URL((await (await fetch(master)).text()).split('\n').find((l) => l && !l.startsWith('#'))!, master);
    const seg = new URL((await (await fetch(rendition)).text()).split('\n').find((l) => l && !l.startsWith('#'))!, rendition);
    const ts = await fetch(seg);
    assert.equal(ts.status, 200);
    assert.equal(new Uint8Array(await ts.arrayBuffer())[0], 0x47, 'not an MPEG-TS segment');
    console.log('demo video: thumbnail and HLS segment made by the npm-shipped ffmpeg');
  }
}

// a check that hangs (a stream that never comes) must not hold the test run up
setTimeout(() => {
  console.error(`bare start FAILED: still running after ${(2 * DEADLINE_MS) / 1000} s\n${log.slice(-60).join('\n')}`);
  if (child?.pid) process.kill(-child.pid, 'SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
}, 2 * DEADLINE_MS).unref();

try {
  await main();
  await stop();
  console.log(`bare start: ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error(`bare start FAILED: ${(err as Error).message}\n--- npm start output ---\n${log.slice(-60).join('\n')}`);
  await stop();
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
