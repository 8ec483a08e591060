// Account quotas: `emulator user add EMAIL PASSWORD --quota BYTES` and TestServer.user({ quota }); the
// default (10 GiB) when none is given. Checked through userinfo and uploads over HTTP.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from '../testing';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GiB = 1024 ** 3;

/** Runs `tsx emulator/cli.ts …args`; resolves with its exit code and output. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], { cwd: ROOT });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('TestServer.user({ quota })', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await TestServer.start();
  });
  afterAll(() => srv.close());

  it('sets the quota, which uploads then respect; the default stays 10 GiB', async () => {
    const small = await srv.user({ quota: 1000 });
    expect(await small.call('userinfo')).toMatchObject({ result: 0, quota: 1000, usedquota: 0 });
    await small.upload('a.bin', Buffer.alloc(600));
    expect((await small.call('uploadfile', { folderid: 0, filename: 'b.bin' }, { verb: 'PUT', body: Buffer.alloc(401) })).result).toBe(2008);
    await small.upload('c.bin', Buffer.alloc(400));
    expect(await small.call('userinfo')).toMatchObject({ quota: 1000, usedquota: 1000 });
    expect((await (await srv.user()).call('userinfo')).quota).toBe(10 * GiB);
  });
});

describe('emulator user add --quota', () => {
  let srv: TestServer;
  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pcloud-emu-cli-'));
    expect(await cli('user', 'add', 'small@example.com', 'small pass 1', '--data', dataDir, '--quota', '2048')).toMatchObject({ code: 0 });
    expect(await cli('user', 'add', 'big@example.com', 'big pass 1', '--quota', '1.5G', '--data', dataDir)).toMatchObject({ code: 0 });
    expect(await cli('user', 'add', 'plain@example.com', 'plain pass 1', '--data', dataDir)).toMatchObject({ code: 0 });
    const bad = await cli('user', 'add', 'bad@example.com', 'bad pass 1', '--quota', 'lots', '--data', dataDir);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('--quota');
    srv = await TestServer.start({ dataDir });
  }, 60_000);
  afterAll(() => srv?.close());

  const login = async (email: string, password: string): Promise<string> => {
    const r = await srv.call('userinfo', { username: email, password, getauth: 1 });
    expect(r.result).toBe(0);
    return r.auth;
  };

  it('gives the account that quota, and uploads past it fail with 2008', async () => {
    const auth = await login('small@example.com', 'small pass 1');
    expect(await srv.call('userinfo', {}, { auth })).toMatchObject({ quota: 2048, usedquota: 0 });
    const put = (name: string, size: number) => srv.call('uploadfile', { folderid: 0, filename: name, nopartial: 1 }, { auth, verb: 'PUT', body: Buffer.alloc(size) });
    expect((await put('fits.bin', 2000)).result).toBe(0);
    expect((await put('over.bin', 49)).result).toBe(2008);
    expect((await put('exact.bin', 48)).result).toBe(0);
  });

  it('takes K/M/G/T suffixes, and without --quota keeps the default', async () => {
    expect((await srv.call('userinfo', {}, { auth: await login('big@example.com', 'big pass 1') })).quota).toBe(1.5 * GiB);
    expect((await srv.call('userinfo', {}, { auth: await login('plain@example.com', 'plain pass 1') })).quota).toBe(10 * GiB);
  });

  it('creates no account when --quota is not a size', async () => {
    expect((await srv.call('userinfo', { username: 'bad@example.com', password: 'bad pass 1' })).result).not.toBe(0);
  });
});
