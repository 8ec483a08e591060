// Crash safety (docs/architecture.md §5.2): kill -9 the emulator in the middle of a large upload, restart it on the
// same data dir, and check that the store is consistent.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Storage } from '../store/storage';
import { createUser } from '../store/ops';
import { BUNDLED_APP, ensureBundledApp, findApp, issueOAuthToken } from '../domain/oauth';
import { parseJson, sleep, type Json } from '../testing';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dataDir: string;
let token: string;
const children: ChildProcess[] = [];

/** Starts `npx tsx emulator/cli.ts serve` in its own process group and waits for "listening on …". */
function serve(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('npx', ['tsx', 'emulator/cli.ts', 'serve', '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    detached: true, // its own process group: kill -9 reaches npx, tsx and the node process serving
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolveUrl, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}${err}`)), 30_000);
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl({ child, url: m[1] });
      }
    });
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}${err}`)));
  });
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    process.kill(-child.pid!, 'SIGKILL');
  });
}

function call(url: string, method: string, params: Record<string, string | number>, body?: Buffer): Promise<Json> {
  const qs = new URLSearchParams(Object.entries({ ...params, access_token: token }).map(([k, v]): [string, string] => [k, String(v)]));
  return new Promise((done, fail) => {
    const req = request(`${url}/${method}?${qs}`, { method: body ? 'PUT' : 'GET', headers: body ? { 'Content-Length': body.length } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(parseJson(Buffer.concat(chunks).toString())));
    });
    req.on('error', fail);
    req.end(body);
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pcloud-crash-'));
  const st = await Storage.open(dataDir);
  try {
    const user = createUser(st, 'crash@example.com', 'crash test 1');
    st.event(user.id, 'reset', {});
    ensureBundledApp(st, []);
    token = issueOAuthToken(st, user, findApp(st, BUNDLED_APP.clientid)!, false).token;
  } finally {
    st.close();
  }
});

afterAll(async () => {
  for (const c of children) await kill9(c);
  await rm(dataDir, { recursive: true, force: true });
});

describe('kill -9 during an upload', () => {
  it('leaves no partial file, sweeps tmp/ and keeps earlier files intact', async () => {
    const first = await serve();
    const earlier: { fileid: number; sha1: string }[] = [];
    for (const [name, size] of [['a.bin', 1000], ['b.bin', 300_000]] as const) {
      const data = Buffer.alloc(size, name);
      const r = await call(first.url, 'uploadfile', { folderid: 0, filename: name, nopartial: 1 }, data);
      expect(r.result).toBe(0);
      earlier.push({ fileid: r.fileids[0], sha1: createHash('sha1').update(data).digest('hex') });
    }

    // a 64 MB upload whose body trickles in
    const total = 64 * 1024 * 1024;
    const qs = new URLSearchParams({ folderid: '0', filename: 'huge.bin', nopartial: '1', progresshash: 'crash', access_token: token });
    const req = request(`${first.url}/uploadfile?${qs}`, { method: 'PUT', headers: { 'Content-Length': total } });
    req.on('error', () => undefined); // the server is about to die
    const chunk = Buffer.alloc(256 * 1024, 'h');
    let sent = 0;
    const pump = setInterval(() => {
      if (sent < 4 * 1024 * 1024) {
        req.write(chunk);
        sent += chunk.length;
      }
    }, 10);
    try {
      let progress: Json = { result: 1900 };
      for (let i = 0; i < 200 && !(progress.result === 0 && progress.currentfileuploaded > 1024 * 1024); i++) {
        await sleep(20);
        progress = await call(first.url, 'uploadprogress', { progresshash: 'crash' });
      }
      expect(progress.currentfileuploaded).toBeGreaterThan(1024 * 1024);
      const partial = (await readdir(join(dataDir, 'tmp'))).filter((n) => !n.startsWith('upload-'));
      expect(partial.length).toBe(1); // the half-written temp file exists at the moment of the crash
      await kill9(first.child);
    } finally {
      clearInterval(pump);
      req.destroy();
    }

    const second = await serve();
    const list = await call(second.url, 'listfolder', { folderid: 0 });
    expect(list.result).toBe(0);
    expect(list.metadata.contents.map((c: Json) => c.name).sort()).toEqual(['a.bin', 'b.bin']);
    expect((await readdir(join(dataDir, 'tmp'))).filter((n) => !n.startsWith('upload-'))).toEqual([]);
    for (const e of earlier) {
      const sums = await call(second.url, 'checksumfile', { fileid: e.fileid });
      expect(sums.sha1).toBe(e.sha1);
      const link = await call(second.url, 'getfilelink', { fileid: e.fileid });
      const res = await fetch(`http://${link.hosts[0]}${link.path}`);
      const got = Buffer.from(await res.arrayBuffer());
      expect(createHash('sha1').update(got).digest('hex')).toBe(e.sha1);
    }
    // and the store still takes writes
    const again = await call(second.url, 'uploadfile', { folderid: 0, filename: 'after.bin' }, Buffer.from('after the crash'));
    expect(again.result).toBe(0);
    await kill9(second.child);
  }, 60_000);
});
