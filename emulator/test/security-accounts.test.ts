// Account security: one login throttle for the API and the OAuth page, sessions ended by password
// changes, mail links that ignore the Host header, redirect_uri bound to its code, passwords kept only
// as a scrypt hash plus a sealed copy for digest logins, and a data dir readable by its owner alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TestServer, type RawReply, type TestUser } from '../testing';
import { registerApp } from '../domain/oauth';
import { MIGRATIONS } from '../store/schema';
import { hashPassword } from '../store/passwords';

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function submit(srv: TestServer, form: Record<string, string>): Promise<RawReply> {
  return srv.send('', {}, {
    path: '/oauth2/authorize', verb: 'POST', body: new URLSearchParams(form).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}

async function digestLogin(srv: TestServer, email: string, password: string) {
  const { digest } = await srv.call('getdigest');
  return srv.call('userinfo', { username: email, digest, passworddigest: sha1(password + sha1(email.toLowerCase()) + digest) });
}

describe('login throttling', () => {
  let srv: TestServer;
  let u: TestUser;
  beforeAll(async () => {
    srv = await TestServer.start();
    u = await srv.user();
  });
  afterAll(() => srv.close());

  it('counts failures on the OAuth page and the API together, then both answer 4000', async () => {
    const app = registerApp(srv.emu.st, 'App', ['https://app.example/cb']);
    const form = { client_id: app.clientid, response_type: 'code', redirect_uri: 'https://app.example/cb', email: u.email, decision: 'allow' };
    for (let i = 0; i < 10; i++) expect((await submit(srv, { ...form, password: `wrong ${i}` })).text).toContain('Wrong e-mail or password.');
    for (let i = 0; i < 10; i++) expect((await srv.call('userinfo', { username: u.email, password: `wrong ${i}` })).result).toBe(2000);
    // even the right password is refused now, on both doors
    const page = await submit(srv, { ...form, password: u.password });
    expect(page.status).toBe(429);
    expect(page.text).toContain('Too many login tries from this IP address.');
    expect(page.headers.location).toBeUndefined();
    expect(await srv.call('userinfo', { username: u.email, password: u.password })).toEqual({ result: 4000, error: 'Too many login tries from this IP address.' });
    // tokens are not passwords: a signed-in client goes on working
    expect((await u.call('userinfo')).result).toBe(0);
  });
});

describe('sessions and links', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await TestServer.start({ publicUrl: 'https://files.example.org/' });
  });
  afterAll(() => srv.close());

  it('changepassword ends every other session of the account and keeps the caller\'s', async () => {
    const u = await srv.user();
    const mine = u.authToken();
    const other = u.authToken();
    const r = await srv.call('changepassword', { oldpassword: u.password, newpassword: 'brand new 77' }, { auth: mine });
    expect(r.result).toBe(0);
    expect((await srv.call('userinfo', {}, { auth: mine })).result).toBe(0);
    expect((await srv.call('userinfo', {}, { auth: other })).result).toBe(2000);
    expect((await u.call('userinfo')).result).toBe(2095); // the OAuth token
    expect((await srv.call('userinfo', { username: u.email, password: 'brand new 77' })).result).toBe(0);
    expect((await digestLogin(srv, u.email, 'brand new 77')).result).toBe(0);
  });

  it('resetpassword ends every session; its mail links to the public URL whatever the Host header says', async () => {
    const u = await srv.user();
    const session = u.authToken();
    expect((await srv.call('lostpassword', { mail: u.email }, { headers: { Host: 'evil.example' } })).result).toBe(0);
    const mail = (await srv.mails(u.email)).pop()!;
    expect(mail.body).toContain('https://files.example.org/#resetpassword?code=');
    expect(mail.body).not.toContain('evil.example');
    const code = await srv.lastCode(u.email);
    expect((await srv.call('resetpassword', { code, newpassword: 'reset pass 88' })).result).toBe(0);
    expect((await srv.call('userinfo', {}, { auth: session })).result).toBe(2000);
    expect((await u.call('userinfo')).result).toBe(2095);
    expect((await srv.call('userinfo', { username: u.email, password: 'reset pass 88' })).result).toBe(0);
  });

  it('invitation links use the public URL too', async () => {
    const u = await srv.user();
    const r = await u.call('invite', {}, { headers: { Host: 'evil.example' } });
    expect(r.url).toBe(`https://files.example.org/#register?ref=${u.id}`);
  });

  it('without a public URL, links use the listening address, not the Host header', async () => {
    const plain = await TestServer.start();
    try {
      const u = await plain.user({ verified: false });
      await u.call('sendverificationemail', {}, { headers: { Host: 'evil.example' } });
      expect((await plain.mails(u.email)).pop()!.body).toContain(`${plain.url}/#verifyemail?code=`);
    } finally {
      await plain.close();
    }
  });

  it('oauth2_token refuses a redirect_uri other than the one the code was issued for', async () => {
    const u = await srv.user();
    const app = registerApp(srv.emu.st, 'App', ['https://app.example/cb', 'https://app.example/other']);
    const codeFor = async () => {
      const r = await submit(srv, { client_id: app.clientid, response_type: 'code', redirect_uri: 'https://app.example/cb', email: u.email, password: u.password, decision: 'allow' });
      return new URL(r.headers.location!).searchParams.get('code')!;
    };
    const creds = { client_id: app.clientid, client_secret: app.secret };
    const c = await codeFor();
    expect(await srv.call('oauth2_token', { ...creds, code: c, redirect_uri: 'https://app.example/other' })).toEqual({ result: 2012, error: "Invalid 'code' provided." });
    expect((await srv.call('oauth2_token', { ...creds, code: c, redirect_uri: 'https://app.example/cb' })).result).toBe(0);
  });
});

describe('addresses', () => {
  it('refuses over-long or control-laden addresses before anything is stored or mailed', async () => {
    const srv = await TestServer.start();
    try {
      const owner = await srv.user();
      const dir = await owner.mkdir('Share me');
      const long = `${'a'.repeat(300)}@example.com`;
      const longLocal = `${'b'.repeat(65)}@example.com`;
      const longDomain = `c@${'d'.repeat(250)}.com`;
      for (const mail of [long, longLocal, longDomain, `${'e'.repeat(20_000)}@x.io`, 'ctl\u0001@example.com']) {
        expect((await owner.call('sharefolder', { folderid: dir.folderid, mail, permissions: 0 }, { via: 'form' })).result).toBe(2018);
        expect((await srv.call('register', { termsaccepted: 'yes', mail, password: 'good pass 12' }, { via: 'form' })).result).toBe(2018);
        expect((await srv.call('feedback', { mail, reason: 'r', message: 'm' }, { via: 'form' })).result).toBe(2018);
      }
      expect((await owner.call('listshares')).requests.outgoing).toEqual([]);
      expect(await srv.mails()).toEqual([]);
      // the longest valid address still works
      const ok = `${'f'.repeat(64)}@${'g'.repeat(180)}.example`;
      expect((await owner.call('sharefolder', { folderid: dir.folderid, mail: ok, permissions: 0 })).result).toBe(0);
      expect((await srv.mails(ok)).length).toBe(1);
    } finally {
      await srv.close();
    }
  });
});

describe('password storage and the data dir', () => {
  it('keeps no clear password in the database; password, md5 and digest logins work', async () => {
    const srv = await TestServer.start();
    try {
      const u = await srv.user({ password: 'needle in 1 haystack' });
      const row = srv.emu.st.db.prepare('SELECT password, plain, sealed FROM users WHERE id = ?').get(u.id) as Record<string, string>;
      expect(row.password).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
      expect(row.plain).toBe('');
      expect(row.sealed).toMatch(/^gcm1\$/);
      expect(JSON.stringify(row)).not.toContain('needle');
      srv.emu.st.db.pragma('wal_checkpoint(TRUNCATE)');
      expect((await readFile(join(srv.dataDir, 'pcloud.sqlite'))).includes('needle in 1 haystack')).toBe(false);
      expect((await srv.call('userinfo', { username: u.email, password: u.password })).result).toBe(0);
      expect((await srv.call('userinfo', { username: u.email, passwordmd5: md5(u.password) })).result).toBe(0);
      expect((await digestLogin(srv, u.email, u.password)).result).toBe(0);
      expect((await digestLogin(srv, u.email, 'not it at all')).result).toBe(2000);
    } finally {
      await srv.close();
    }
  });

  it('opens a data dir of the previous version, seals its clear passwords and still logs in', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pcloud-emu-old-'));
    const old = new Database(join(dataDir, 'pcloud.sqlite'));
    old.exec(MIGRATIONS[0]);
    old.pragma('user_version = 1');
    const t = Math.floor(Date.now() / 1000);
    const uid = Number(old.prepare("INSERT INTO users (email, password, plain, created, quota) VALUES ('old@example.com', ?, 'old secret 55', ?, 1000000)").run(hashPassword('old secret 55'), t).lastInsertRowid);
    const root = Number(old.prepare("INSERT INTO folders (owner, parent, name, created, modified) VALUES (?, NULL, '/', ?, ?)").run(uid, t, t).lastInsertRowid);
    old.prepare('UPDATE users SET rootfolder = ? WHERE id = ?').run(root, uid);
    old.close();
    const srv = await TestServer.start({ dataDir });
    try {
      expect((await srv.call('userinfo', { username: 'old@example.com', password: 'old secret 55' })).result).toBe(0);
      expect((await digestLogin(srv, 'old@example.com', 'old secret 55')).result).toBe(0);
      expect((srv.emu.st.db.prepare('SELECT plain FROM users WHERE id = ?').get(uid) as { plain: string }).plain).toBe('');
      srv.emu.st.db.pragma('wal_checkpoint(TRUNCATE)');
      expect((await readFile(join(dataDir, 'pcloud.sqlite'))).includes('old secret 55')).toBe(false);
    } finally {
      await srv.close();
    }
  });

  it('makes the data dir, database, keys and mails readable by the owner only', async () => {
    const srv = await TestServer.start();
    try {
      const u = await srv.user({ verified: false });
      await u.call('sendverificationemail');
      const mode = async (p: string) => (await stat(join(srv.dataDir, p))).mode & 0o777;
      expect(await mode('.')).toBe(0o700);
      for (const f of ['pcloud.sqlite', 'pcloud.sqlite-wal', 'pcloud.sqlite-shm', 'password.key', 'secret']) expect([f, await mode(f)]).toEqual([f, 0o600]);
      expect(await mode('outbox')).toBe(0o700);
      for (const f of await readdir(join(srv.dataDir, 'outbox'))) expect(await mode(join('outbox', f))).toBe(0o600);
    } finally {
      await srv.close();
    }
  });
});
