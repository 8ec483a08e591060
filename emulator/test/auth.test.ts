// Logins and tokens (docs/pcloud/protocol.md §5): password, md5, digest, `auth` tokens, OAuth tokens,
// logout, listtokens / deletetoken, throttling.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user({ email: 'Alice@Example.com', password: 'open sesame 7' });
});
afterAll(() => srv.close());

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

describe('password logins', () => {
  it('logs in with username + password on any call, and getauth mints an auth token', async () => {
    const plain = await srv.call('userinfo', { username: alice.email, password: alice.password });
    expect(plain).toMatchObject({ result: 0, userid: alice.id });
    expect(plain.auth).toBeUndefined();
    const r = await srv.call('userinfo', { username: alice.email, password: alice.password, getauth: 1, device: 'laptop' });
    expect(typeof r.auth).toBe('string');
    const next = await srv.call('listfolder', { folderid: 0, auth: r.auth });
    expect(next.result).toBe(0);
    const tokens = await srv.call('listtokens', { auth: r.auth });
    expect(tokens.tokens.find((t: Json) => t.current)).toMatchObject({ device: 'laptop' });
  });

  it('accepts the e-mail in any letter case and passwordmd5', async () => {
    expect((await srv.call('userinfo', { username: 'alice@example.COM', password: alice.password })).result).toBe(0);
    const md5 = createHash('md5').update(alice.password).digest('hex');
    expect((await srv.call('userinfo', { username: alice.email, passwordmd5: md5 })).userid).toBe(alice.id);
  });

  it('logs in with getdigest + passworddigest, each digest once', async () => {
    const d = await srv.call('getdigest');
    expect(d.digest).toHaveLength(40);
    expect(new Date(d.expires).getTime() - Date.now()).toBeLessThanOrEqual(31_000);
    const passworddigest = sha1(alice.password + sha1(alice.email.toLowerCase()) + d.digest);
    const ok = await srv.call('userinfo', { username: alice.email, digest: d.digest, passworddigest, getauth: 1 });
    expect(ok).toMatchObject({ result: 0, userid: alice.id, auth: expect.any(String) });
    const again = await srv.call('userinfo', { username: alice.email, digest: d.digest, passworddigest });
    expect(again.result).toBe(2000);
    const d2 = await srv.call('getdigest');
    const wrong = sha1('bad password' + sha1(alice.email.toLowerCase()) + d2.digest);
    expect((await srv.call('userinfo', { username: alice.email, digest: d2.digest, passworddigest: wrong })).result).toBe(2000);
  });

  it('answers 2000 for wrong credentials, unknown users, and a username alone', async () => {
    expect(await srv.call('userinfo', { username: alice.email, password: 'nope nope' })).toEqual({ result: 2000, error: 'Log in failed.' });
    expect((await srv.call('userinfo', { username: 'ghost@example.com', password: 'whatever' })).result).toBe(2000);
    expect((await srv.call('userinfo', { username: alice.email })).result).toBe(2000);
  });

  it('answers the undocumented login method like userinfo', async () => {
    const r = await srv.call('login', { username: alice.email, password: alice.password, getauth: 1 });
    expect(r).toMatchObject({ result: 0, userid: alice.id, email: alice.email, auth: expect.any(String) });
    expect((await srv.call('login')).result).toBe(1000);
  });

  it('does not mint an auth token for an OAuth caller', async () => {
    const r = await alice.call('userinfo', { getauth: 1 });
    expect(r.result).toBe(0);
    expect(r.auth).toBeUndefined();
  });
});

describe('tokens', () => {
  it('answers 2000 for an unknown auth token and 2094 for an unknown OAuth token', async () => {
    expect((await srv.call('userinfo', { auth: 'no-such-token' })).result).toBe(2000);
    expect(await srv.call('userinfo', { access_token: 'no-such-token' })).toEqual({ result: 2094, error: "Invalid 'access_token' provided." });
    expect((await srv.call('userinfo', {}, { bearer: 'no-such-token' })).result).toBe(2094);
    // an auth token is no OAuth token and vice versa
    expect((await srv.call('userinfo', { access_token: alice.authToken() })).result).toBe(2094);
    expect((await srv.call('userinfo', { auth: alice.token })).result).toBe(2000);
  });

  it('logout ends the auth token used for the call', async () => {
    const auth = alice.authToken();
    expect(await srv.call('logout', { auth })).toMatchObject({ result: 0, auth_deleted: true });
    expect((await srv.call('userinfo', { auth })).result).toBe(2000);
    expect((await srv.call('logout')).result).toBe(1000);
  });

  it('lists tokens and deletes one by tokenid', async () => {
    const auth = alice.authToken();
    const other = alice.authToken();
    const list = await srv.call('listtokens', { auth });
    expect(list.result).toBe(0);
    const mine = list.tokens.find((t: Json) => t.current);
    const victim = list.tokens.find((t: Json) => !t.current && t.tokenid > mine.tokenid);
    expect(victim).toBeDefined();
    expect(victim).toMatchObject({ tokenid: expect.any(Number), device: 'test', created: expect.any(String), expires: expect.any(String), expires_inactive: expect.any(String) });
    expect((await srv.call('deletetoken', { auth, tokenid: victim.tokenid })).result).toBe(0);
    expect((await srv.call('userinfo', { auth: other })).result).toBe(2000);
    expect((await srv.call('deletetoken', { auth, tokenid: victim.tokenid })).result).toBe(2102);
    expect((await srv.call('deletetoken', { auth })).result).toBe(1076);
  });

  it('cannot delete another user\'s token', async () => {
    const bob = await srv.user();
    const bobAuth = bob.authToken();
    const bobTok = (await srv.call('listtokens', { auth: bobAuth })).tokens[0].tokenid;
    expect((await srv.call('deletetoken', { auth: alice.authToken(), tokenid: bobTok })).result).toBe(2102);
    expect((await srv.call('userinfo', { auth: bobAuth })).result).toBe(0);
  });

  it('refuses requests without credentials with 1000 and lets anonymous methods through', async () => {
    expect((await srv.call('userinfo')).result).toBe(1000);
    expect((await srv.call('getdigest')).result).toBe(0);
  });

  it('answers 2094 for a token presented to the other region\'s host when strictRegions is on', async () => {
    const p = await TestServer.start({ quirks: { strictRegions: true } });
    try {
      const eu = await p.user({ locationid: 2 });
      expect((await eu.call('userinfo', {}, { headers: { Host: 'api.pcloud.com' } })).result).toBe(2094);
      expect((await eu.call('userinfo', {}, { headers: { Host: 'eapi.pcloud.com' } })).result).toBe(0);
    } finally {
      await p.close();
    }
  });
});

describe('throttling', () => {
  it('answers 4000 after many failed logins from one IP, even with the right password', async () => {
    const p = await TestServer.start();
    try {
      const u = await p.user();
      let last: Json;
      for (let i = 0; i < 25; i++) {
        last = await p.call('userinfo', { username: u.email, password: `wrong ${i}` });
        if (last.result === 4000) break;
      }
      expect(last).toEqual({ result: 4000, error: 'Too many login tries from this IP address.' });
      expect((await p.call('userinfo', { username: u.email, password: u.password })).result).toBe(4000);
      // tokens keep working: only credential logins are throttled
      expect((await u.call('userinfo')).result).toBe(0);
    } finally {
      await p.close();
    }
  });
});
