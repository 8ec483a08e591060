// Tokens that run out (docs/pcloud/errors.md §5): an expired auth token answers 2205, which pCloud's
// sync library tells from a wrong login (2000); an OAuth token made to expire answers 2094.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from '../testing';
import { expireToken } from '../http/authenticate';
import { errorKind } from '../../src/api/protocol/errors';

let srv: TestServer;
let alice: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
});
afterAll(() => srv.close());

async function login(user: TestUser, params: Record<string, number> = {}): Promise<string> {
  const r = await srv.call('userinfo', { username: user.email, password: user.password, getauth: 1, ...params });
  expect(r.result).toBe(0);
  return r.auth as string;
}

describe('auth tokens', () => {
  it('answer 2205 once expired, which the app reads as an expired sign-in', async () => {
    const auth = await login(alice);
    expect((await srv.call('userinfo', { auth })).result).toBe(0);
    expect(expireToken(srv.emu.st, auth)).toBe(true);
    const r = await srv.send('listfolder', { auth, folderid: 0 });
    expect(r.json).toMatchObject({ result: 2205, error: 'Your login has expired, please log in again.' });
    expect(r.headers['x-error']).toBe('2205');
    // the app signs out on it (reason tokenExpired: src/api/errors.test.ts)
    expect(errorKind(r.json.result)).toBe('auth');
  });

  it('keep answering 2000 when unknown or logged out: only expiry is 2205', async () => {
    expect((await srv.call('userinfo', { auth: 'no-such-token' })).result).toBe(2000);
    const auth = await login(alice);
    expect((await srv.call('logout', { auth })).result).toBe(0);
    expect((await srv.call('userinfo', { auth })).result).toBe(2000);
  });

  it('expire after authinactiveexpire seconds without use', async () => {
    const auth = await login(alice, { authinactiveexpire: 1 });
    srv.emu.st.q('UPDATE tokens SET lastused = lastused - 5 WHERE token = ?').run(auth);
    expect((await srv.call('userinfo', { auth })).result).toBe(2205);
  });

  it('a fresh login works again after one expired', async () => {
    const old = await login(alice);
    expireToken(srv.emu.st, old);
    const fresh = await login(alice);
    expect((await srv.call('userinfo', { auth: fresh })).result).toBe(0);
    expect((await srv.call('userinfo', { auth: old })).result).toBe(2205);
  });
});

describe('OAuth tokens', () => {
  it('never expire on their own, and answer 2094 when made to', async () => {
    const bob = await srv.user();
    expect((await bob.call('userinfo')).result).toBe(0);
    srv.emu.st.q('UPDATE tokens SET created = created - 400000000 WHERE token = ?').run(bob.token);
    expect((await bob.call('userinfo')).result).toBe(0);
    expireToken(srv.emu.st, bob.token);
    expect(await bob.call('userinfo')).toMatchObject({ result: 2094, error: "Invalid 'access_token' provided." });
    expect((await bob.call('userinfo', {}, { bearer: bob.token, token: undefined })).result).toBe(2094);
  });
});

describe('tokenLifetime quirk', () => {
  it('expires every token that many seconds after it was issued', async () => {
    const p = await TestServer.start({ quirks: { tokenLifetime: 60 } });
    try {
      const carol = await p.user();
      const r = await p.call('userinfo', { username: carol.email, password: carol.password, getauth: 1 });
      expect((await p.call('userinfo', { auth: r.auth })).result).toBe(0);
      expect((await carol.call('userinfo')).result).toBe(0);
      p.emu.st.q('UPDATE tokens SET created = created - 60').run();
      expect((await p.call('userinfo', { auth: r.auth })).result).toBe(2205);
      expect((await carol.call('userinfo')).result).toBe(2094);
    } finally {
      await p.close();
    }
  });
});
