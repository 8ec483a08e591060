// Blob immutability (issue: content poisoning): a named blob always holds the bytes its key hashes,
// whatever upload sessions, late writers or tampering do; fsck finds and quarantines what does not.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, sleep, type TestUser } from '../testing';
import { BlobStore } from '../store/blobs';
import { fsck } from '../fsck';

let srv: TestServer;
let mallory: TestUser;
let victim: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  mallory = await srv.user();
  victim = await srv.user();
});
afterAll(() => srv.close());

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Every blob file of the store, with whether its bytes hash to its name. */
async function blobFiles(dataDir: string): Promise<{ key: string; ok: boolean; mode: number }[]> {
  const root = join(dataDir, 'blobs');
  const out = [];
  for (const dir of await fsp.readdir(root)) {
    for (const key of await fsp.readdir(join(root, dir))) {
      const file = join(root, dir, key);
      out.push({ key, ok: sha256(await fsp.readFile(file)) === key, mode: (await fsp.stat(file)).mode & 0o777 });
    }
  }
  return out;
}

async function download(u: TestUser, fileid: number): Promise<Buffer> {
  const link = await u.call('getfilelink', { fileid });
  expect(link.result).toBe(0);
  return (await srv.fetchLink(link)).body;
}

describe('upload_write racing upload_save', () => {
  it('never leaves a blob whose bytes differ from its key, and never poisons later uploads', async () => {
    const genuine = Buffer.alloc(64 * 1024, 'G');
    const evil = Buffer.alloc(64 * 1024, 'E');
    const saved: number[] = [];
    for (let i = 0; i < 12; i++) {
      const id = (await mallory.call('upload_create')).uploadid as number;
      expect((await mallory.call('upload_write', { uploadid: id, uploadoffset: 0 }, { verb: 'PUT', body: genuine })).result).toBe(0);
      // a write of other bytes over the same range, streamed slowly, with the save sent in the middle
      const slow = srv.open('upload_write', { uploadid: id, uploadoffset: 0, access_token: mallory.token }, { headers: { 'Content-Length': String(evil.length) } });
      slow.req.write(evil.subarray(0, 1024));
      await sleep(i % 3 === 0 ? 0 : 20);
      const save = mallory.call('upload_save', { uploadid: id, folderid: 0, name: `race-${i}.bin` });
      await sleep(i % 2 === 0 ? 5 : 30);
      slow.req.end(evil.subarray(1024));
      const [w, s] = await Promise.all([slow.reply, save]);
      expect([0, 2067]).toContain(w.json.result);
      expect(s.result).toBe(0);
      saved.push(s.metadata.fileid);
      // what was saved is what is served, and checksumfile agrees with it
      const body = await download(mallory, s.metadata.fileid);
      const sums = await mallory.call('checksumfile', { fileid: s.metadata.fileid });
      expect(sums.sha1).toBe(createHash('sha1').update(body).digest('hex'));
    }
    for (const b of await blobFiles(srv.dataDir)) {
      expect(b.ok, `blob ${b.key}`).toBe(true);
      expect(b.mode & 0o222, `blob ${b.key} is writable`).toBe(0);
    }
    // someone else uploading either byte string gets exactly those bytes back
    for (const data of [genuine, evil]) {
      const meta = await victim.upload(`genuine-${data[0]}.bin`, data);
      expect(sha256(await download(victim, meta.fileid))).toBe(sha256(data));
    }
  });

  it('closes the session when the save begins: later writes and a second save answer 2067', async () => {
    const id = (await mallory.call('upload_create')).uploadid as number;
    const slow = srv.open('upload_write', { uploadid: id, uploadoffset: 0, access_token: mallory.token }, { headers: { 'Content-Length': '8' } });
    slow.req.write('abcd');
    await sleep(50);
    // the save waits for the write in flight; a second save and a later write find the session closed
    const first = mallory.call('upload_save', { uploadid: id, folderid: 0, name: 'closed.txt' });
    await sleep(50);
    const second = mallory.call('upload_save', { uploadid: id, folderid: 0, name: 'closed-again.txt' });
    const late = await mallory.call('upload_write', { uploadid: id, uploadoffset: 8 }, { verb: 'PUT', body: 'late' });
    expect(late.result).toBe(2067);
    slow.req.end('efgh');
    expect((await slow.reply).json.result).toBe(0);
    const results = [await first, await second];
    expect(results.map((r) => r.result).sort()).toEqual([0, 2067]);
    const ok = results.find((r) => r.result === 0);
    expect(ok.metadata.size).toBe(8);
    expect((await download(mallory, ok.metadata.fileid)).toString()).toBe('abcdefgh');
    const names = await mallory.names();
    expect(names.filter((n) => n.startsWith('closed')).length).toBe(1);
    expect((await mallory.call('upload_info', { uploadid: id })).result).toBe(2067);
  });

  it('counts a chunked body without Content-Length against the quota as it streams', async () => {
    const small = await srv.user({ quota: 64 * 1024 });
    const id = (await small.call('upload_create')).uploadid as number;
    const w = srv.open('upload_write', { uploadid: id, uploadoffset: 0, access_token: small.token }, { headers: { 'Transfer-Encoding': 'chunked' } });
    for (let i = 0; i < 8; i++) w.req.write(Buffer.alloc(16 * 1024, 'x'));
    w.req.end();
    expect((await w.reply).json.result).toBe(2008);
    const info = await small.call('upload_info', { uploadid: id });
    expect(info.size).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('a blob poisoned before this guard existed', () => {
  it('is not shared with a new upload of the genuine bytes: it is replaced and quarantined', async () => {
    const own = await TestServer.start();
    try {
      const a = await own.user();
      const b = await own.user();
      const genuine = 'the genuine bytes';
      await a.upload('first.txt', genuine);
      const key = sha256(genuine);
      const file = join(own.dataDir, 'blobs', key.slice(0, 2), key);
      await fsp.chmod(file, 0o600);
      await fsp.writeFile(file, 'the POISONED bytes'.slice(0, genuine.length)); // same size
      const meta = await b.upload('second.txt', genuine);
      const link = await b.call('getfilelink', { fileid: meta.fileid });
      expect((await own.fetchLink(link)).text).toBe(genuine);
      expect((await fsp.readdir(join(own.dataDir, 'quarantine'))).some((n) => n.startsWith(key))).toBe(true);
    } finally {
      await own.close();
    }
  });
});

describe('BlobStore', () => {
  it('adopts a copy: a writer still holding the adopted file cannot reach the blob', async () => {
    const dir = await fsp.mkdtemp(join(tmpdir(), 'blobs-'));
    try {
      const store = new BlobStore(dir);
      await store.init();
      const file = join(store.tmpDir, 'upload-1');
      await fsp.writeFile(file, 'honest bytes');
      const fh = await fsp.open(file, 'r+');
      const blob = await store.adoptFile(file, { keep: true });
      await fh.write(Buffer.from('POISON'), 0, 6, 0);
      await fh.close();
      expect(await fsp.readFile(store.pathOf(blob.key), 'utf8')).toBe('honest bytes');
      expect(blob.key).toBe(sha256('honest bytes'));
      // a caller whose running hashes disagree with the bytes is refused
      await fsp.writeFile(file, 'changed');
      await expect(store.adoptFile(file, { expected: { sha256: sha256('honest bytes') } })).rejects.toThrow(/changed/);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('fsck', () => {
  it('reports and quarantines a tampered blob, and reports rows left without one', async () => {
    const own = await TestServer.start();
    try {
      const u = await own.user();
      const meta = await u.upload('tampered.txt', 'original content');
      await u.upload('fine.txt', 'untouched content');
      const key = sha256('original content');
      const file = join(own.dataDir, 'blobs', key.slice(0, 2), key);
      await fsp.chmod(file, 0o600);
      await fsp.writeFile(file, 'tampered content');
      const clean = await fsck(own.dataDir, { quarantine: false });
      expect(clean.problems.filter((p) => p.kind === 'mismatch').map((p) => p.key)).toEqual([key]);
      expect(clean.checked).toBeGreaterThanOrEqual(2);

      const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', 'fsck', '--data', own.dataDir], (err, out) =>
          resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, stdout: out }),
        );
      });
      expect(code).toBe(1);
      expect(stdout).toContain(`mismatch ${key}`);
      await expect(fsp.access(file)).rejects.toThrow();
      const quarantined = await fsp.readdir(join(own.dataDir, 'quarantine'));
      expect(quarantined.some((n) => n.startsWith(key))).toBe(true);

      // afterwards the row has no blob: reported as missing, with the file that refers to it
      const after = await fsck(own.dataDir);
      expect(after.problems).toEqual([expect.objectContaining({ kind: 'missing', key })]);
      expect(meta.fileid).toBeGreaterThan(0);
    } finally {
      await own.close();
    }
  });

  it('passes a healthy store', async () => {
    const own = await TestServer.start();
    try {
      const u = await own.user();
      await u.upload('a.txt', 'a');
      await u.upload('b.txt', 'b');
      const report = await fsck(own.dataDir);
      expect(report.problems.filter((p) => p.kind !== 'stray')).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
