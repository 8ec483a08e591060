// Full-access sign-in (docs/pcloud/methods-core.md §7): the digest login's `auth` token reaches what
// OAuth tokens are refused, logout ends it, two-factor accounts need a second step, a login at the
// wrong region answers 2321, and the CLI turns 2FA on and prints codes.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';
import { enableTfa, totp } from '../tfa';

let srv: TestServer;
let bob: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  bob = await srv.user({ email: 'Bob@Example.com', password: 'kept secret 9' });
});
afterAll(() => srv.close());

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

async function digestLogin(s: TestServer, email: string, password: string, extra: Record<string, string | number> = {}): Promise<Json> {
  const { digest } = await s.call('getdigest');
  return s.call('userinfo', { username: email, digest, passworddigest: sha1(password + sha1(email.toLowerCase()) + digest), getauth: 1, ...extra }, { via: 'form' });
}

describe('a full-access (auth) token', () => {
  it('reaches trash, collections, devices and getzip, which the OAuth token of the same user is refused', async () => {
    const login = await digestLogin(srv, bob.email, bob.password, { device: 'Firefox on Linux' });
    expect(login).toMatchObject({ result: 0, userid: bob.id, auth: expect.any(String) });
    const auth = login.auth as string;
    for (const [method, params] of [
      ['trash_list', {}],
      ['collection_list', {}],
      ['listtokens', {}],
    ] as const) {
      expect((await srv.call(method, params, { token: bob.token })).result, `${method} with OAuth`).toBe(1000);
      expect((await srv.call(method, params, { auth })).result, `${method} with auth`).toBe(0);
    }
    const zip = await srv.send('getzip', { folderid: 0 }, { auth });
    expect(zip.status).toBe(200);
    expect(zip.headers['x-error']).toBeUndefined();
    expect((await srv.call('getzip', { folderid: 0 }, { token: bob.token })).result).toBe(1000);
    const tokens = await srv.call('listtokens', {}, { auth });
    expect(tokens.tokens.find((t: Json) => t.current)).toMatchObject({ device: 'Firefox on Linux' });
  });

  it('is honoured as a multipart field ahead of the file (how the app uploads without a token in the URL)', async () => {
    const auth = (await digestLogin(srv, bob.email, bob.password)).auth as string;
    const { uploadid } = await srv.call('upload_create', {}, { auth, via: 'form' });
    const w = await srv.call('upload_write', { uploadid, uploadoffset: 0 }, { auth, parts: [{ filename: 'data', data: 'chunk' }] });
    expect(w.result).toBe(0);
    const saved = await srv.call('upload_save', { uploadid, folderid: 0, name: 'via-fields.txt' }, { auth, via: 'form' });
    expect(saved).toMatchObject({ result: 0, metadata: { name: 'via-fields.txt', size: 5 } });
    const up = await srv.call('uploadfile', { folderid: 0 }, { auth, parts: [{ filename: 'second.txt', data: 'hello' }] });
    expect(up).toMatchObject({ result: 0, metadata: [{ name: 'second.txt', size: 5 }] });
  });

  it('dies on logout, and deletetoken ends another one', async () => {
    const a = (await digestLogin(srv, bob.email, bob.password)).auth as string;
    const b = (await digestLogin(srv, bob.email, bob.password)).auth as string;
    const listed = await srv.call('listtokens', {}, { auth: a });
    const other = listed.tokens.find((t: Json) => !t.current && t.tokenid !== undefined && t.device === '');
    expect(other).toBeDefined();
    expect(await srv.call('logout', {}, { auth: a })).toMatchObject({ result: 0, auth_deleted: true });
    expect((await srv.call('userinfo', {}, { auth: a })).result).toBe(2000);
    const bTokens = await srv.call('listtokens', {}, { auth: b });
    const mine = bTokens.tokens.find((t: Json) => t.current);
    for (const t of bTokens.tokens as Json[]) if (!t.current) expect((await srv.call('deletetoken', { tokenid: t.tokenid }, { auth: b })).result).toBe(0);
    expect((await srv.call('listtokens', {}, { auth: b })).tokens).toEqual([expect.objectContaining({ tokenid: mine.tokenid })]);
  });

  it('answers 2321 with the location when the Host names the other region', async () => {
    const eu = await srv.user({ locationid: 2 });
    const r = await srv.call('login', { username: eu.email, password: eu.password, getauth: 1 }, { headers: { Host: 'api.pcloud.com' } });
    expect(r).toMatchObject({ result: 2321, location: { id: 2, binapi: expect.any(String) } });
    expect((await srv.call('login', { username: eu.email, password: eu.password }, { headers: { Host: 'eapi.pcloud.com' } })).result).toBe(0);
    // a wrong password is still just a failed login, whatever the region
    expect((await srv.call('login', { username: eu.email, password: 'wrong one' }, { headers: { Host: 'api.pcloud.com' } })).result).toBe(2000);
  });
});

describe('two-factor accounts', () => {
  let carol: TestUser;
  let secret: string;
  let recovery: string[];
  beforeAll(async () => {
    carol = await srv.user({ email: 'carol@example.com', password: 'second factor 3' });
    ({ secret, recovery } = enableTfa(srv.emu.st, carol.id));
  });

  it('answer 2297 with a token, and tfa_login with the authenticator code signs in', async () => {
    const first = await digestLogin(srv, carol.email, carol.password, { device: 'Chrome on Linux' });
    expect(first).toMatchObject({ result: 2297, token: expect.any(String), tfatype: 2, hasdevices: false });
    expect(first.auth).toBeUndefined();
    const bad = await srv.call('tfa_login', { token: first.token, code: totp(secret, Date.now() + 5 * 60_000), getauth: 1 }, { via: 'form' });
    expect(bad.result).toBe(2092);
    const ok = await srv.call('tfa_login', { token: first.token, code: totp(secret), getauth: 1 }, { via: 'form' });
    expect(ok).toMatchObject({ result: 0, userid: carol.id, email: carol.email, auth: expect.any(String) });
    expect((await srv.call('listtokens', {}, { auth: ok.auth })).tokens.find((t: Json) => t.current)).toMatchObject({ device: 'Chrome on Linux' });
    // the token is spent
    expect((await srv.call('tfa_login', { token: first.token, code: totp(secret), getauth: 1 })).result).toBe(2064);
  });

  it('refuse unknown tokens with 2064 and ask for the code with 1022', async () => {
    expect((await srv.call('tfa_login', { token: 'nope', code: '123456' })).result).toBe(2064);
    expect((await srv.call('tfa_sendcodeviasms', { token: 'nope' })).result).toBe(2064);
    const first = await srv.call('login', { username: carol.email, password: carol.password });
    expect((await srv.call('tfa_login', { token: first.token })).result).toBe(1022);
  });

  it('skip the second step on a device trusted with trustdevice, and only there', async () => {
    const first = await srv.call('login', { username: carol.email, password: carol.password, deviceid: 'dev-1' });
    expect(first.result).toBe(2297);
    expect((await srv.call('tfa_login', { token: first.token, code: totp(secret), trustdevice: 1, getauth: 1 })).result).toBe(0);
    expect(await srv.call('login', { username: carol.email, password: carol.password, deviceid: 'dev-1', getauth: 1 })).toMatchObject({ result: 0, auth: expect.any(String) });
    expect((await srv.call('login', { username: carol.email, password: carol.password, deviceid: 'dev-2' })).result).toBe(2297);
    expect((await srv.call('login', { username: carol.email, password: 'wrong one', deviceid: 'dev-1' })).result).toBe(2000);
  });

  it('take each recovery code once', async () => {
    const t1 = (await srv.call('login', { username: carol.email, password: carol.password })).token;
    expect((await srv.call('tfa_loginwithrecoverycode', { token: t1, code: recovery[0], getauth: 1 })).result).toBe(0);
    const t2 = (await srv.call('login', { username: carol.email, password: carol.password })).token;
    expect((await srv.call('tfa_loginwithrecoverycode', { token: t2, code: recovery[0] })).result).toBe(2092);
    expect((await srv.call('tfa_loginwithrecoverycode', { token: t2, code: recovery[1] })).result).toBe(0);
  });

  it('send the code by "SMS" and to the signed-in devices (the outbox), and it works in tfa_login', async () => {
    const first = await srv.call('login', { username: carol.email, password: carol.password });
    expect(first.hasdevices).toBe(true);
    expect(await srv.call('tfa_sendcodeviasms', { token: first.token })).toMatchObject({ result: 0, phonedata: { countrycode: expect.any(String), msisdn: expect.any(String) } });
    const sms = (await srv.mails(carol.email)).at(-1)!;
    const code = /code: (\d{6})/.exec(sms.body)![1];
    const note = await srv.call('tfa_sendcodeviasysnotification', { token: first.token });
    expect(note.devices).toEqual(expect.arrayContaining([{ name: 'Chrome on Linux', type: 0 }]));
    expect((await srv.call('tfa_login', { token: first.token, code, getauth: 1 })).result).toBe(0);
  });
});

describe('the lockout', () => {
  it('answers 4000 after 20 wrong codes or passwords from one address, even to the right code', async () => {
    const s = await TestServer.start();
    try {
      const dave = await s.user({ password: 'locked out 5' });
      const { secret } = enableTfa(s.emu.st, dave.id);
      const token = (await s.call('login', { username: dave.email, password: dave.password })).token as string;
      for (let i = 0; i < 10; i++) expect((await s.call('tfa_login', { token, code: '000000' })).result).toBe(2092);
      for (let i = 0; i < 10; i++) expect((await s.call('login', { username: dave.email, password: 'guess' })).result).toBe(2000);
      expect(await s.call('tfa_login', { token, code: totp(secret) })).toEqual({ result: 4000, error: 'Too many login tries from this IP address.' });
      expect((await s.call('login', { username: dave.email, password: dave.password })).result).toBe(4000);
    } finally {
      await s.close();
    }
  });
});

describe('the CLI', () => {
  it('turns 2FA on with user add --tfa and prints the current code with tfa-code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pcloud-cli-tfa-'));
    const run = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'cli.ts'), ...args, '--data', dir]);
    try {
      const added = await run('user', 'add', 'erin@example.com', 'two steps 8', '--tfa');
      const secret = /secret[^:]*: ([A-Z2-7]+)/.exec(added.stdout)![1];
      expect(added.stdout).toMatch(/recovery codes[^:]*: ([0-9a-f]{10} ){7}[0-9a-f]{10}/);
      const before = totp(secret);
      const { stdout } = await run('tfa-code', 'erin@example.com');
      expect([before, totp(secret)]).toContain(stdout.trim());
      await expect(run('tfa-code', 'nobody@example.com')).rejects.toThrow(/no two-factor/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
