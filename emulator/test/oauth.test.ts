// The OAuth authorize page and oauth2_token (docs/pcloud/methods-media.md §4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type RawReply, type TestUser } from '../testing';
import { BUNDLED_APP, registerApp, type AppRow } from '../domain/oauth';

let srv: TestServer;
let alice: TestUser;
let app: AppRow;
const REDIRECT = 'https://app.example/callback';

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user({ password: 'oauth secret 1' });
  app = registerApp(srv.emu.st, 'Test <App> & "Co"', [REDIRECT]);
});
afterAll(() => srv.close());

const authorizeUrl = (q: Record<string, string>) => `/oauth2/authorize?${new URLSearchParams(q)}`;
const page = (q: Record<string, string>) => srv.send('', {}, { path: authorizeUrl(q) });
const submit = (form: Record<string, string>): Promise<RawReply> =>
  srv.send('', {}, { path: '/oauth2/authorize', verb: 'POST', body: new URLSearchParams(form).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

function fragment(location: string | undefined): URLSearchParams {
  expect(location).toBeDefined();
  return new URLSearchParams(new URL(location!).hash.slice(1));
}

describe('authorize page', () => {
  it('shows a sign-in form carrying the request, with everything escaped', async () => {
    const r = await page({ client_id: app.clientid, response_type: 'token', redirect_uri: REDIRECT, state: '"><script>alert(1)</script>' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.text).toContain('<form method="post" action="/oauth2/authorize">');
    expect(r.text).toContain('Test &#60;App&#62; &#38; &#34;Co&#34;');
    expect(r.text).not.toContain('<script>alert(1)</script>');
    expect(r.text).toContain('&#34;&#62;&#60;script&#62;');
    expect(r.text).toMatch(/name="password" type="password"/);
  });

  it('refuses an unknown client_id with an error page', async () => {
    const r = await page({ client_id: 'nope', response_type: 'token', redirect_uri: REDIRECT });
    expect(r.status).toBe(400);
    expect(r.text).toContain("Invalid 'client_id'.");
    expect(r.headers.location).toBeUndefined();
  });

  it('never redirects to an unregistered redirect_uri', async () => {
    for (const bad of ['https://evil.example/callback', 'https://app.example/callback/../../evil', 'https://app.example/callback#frag']) {
      const q = { client_id: app.clientid, response_type: 'token', redirect_uri: bad };
      const shown = await page(q);
      expect(shown.status).toBe(400);
      expect(shown.text).toContain("Invalid 'redirect_uri'.");
      const posted = await submit({ ...q, email: alice.email, password: alice.password, decision: 'allow' });
      expect(posted.status).toBe(400);
      expect(posted.headers.location).toBeUndefined();
    }
  });

  it('shows the form again on wrong credentials, without redirecting', async () => {
    const r = await submit({ client_id: app.clientid, response_type: 'token', redirect_uri: REDIRECT, email: alice.email, password: 'wrong', decision: 'allow' });
    expect(r.status).toBe(200);
    expect(r.headers.location).toBeUndefined();
    expect(r.text).toContain('Wrong e-mail or password.');
  });
});

describe('token flow', () => {
  it('redirects with access_token, token_type, uid, userid, state, locationid, hostname in the fragment', async () => {
    const r = await submit({ client_id: app.clientid, response_type: 'token', redirect_uri: REDIRECT, state: 's t&8', email: alice.email, password: alice.password, decision: 'allow' });
    expect(r.status).toBe(302);
    expect(r.headers.location!.startsWith(`${REDIRECT}#`)).toBe(true);
    const f = fragment(r.headers.location);
    expect(Object.fromEntries(f)).toMatchObject({
      token_type: 'bearer', uid: String(alice.id), userid: String(alice.id), state: 's t&8', locationid: '1', hostname: `127.0.0.1:${srv.port}`,
    });
    const me = await srv.call('userinfo', { access_token: f.get('access_token')! });
    expect(me.userid).toBe(alice.id);
  });

  it('reports locationid 2 for EU accounts', async () => {
    const eu = await srv.user({ locationid: 2 });
    const r = await submit({ client_id: app.clientid, response_type: 'token', redirect_uri: REDIRECT, email: eu.email, password: eu.password, decision: 'allow' });
    expect(fragment(r.headers.location).get('locationid')).toBe('2');
  });

  it('redirects with error=access_denied when the user cancels', async () => {
    const r = await submit({ client_id: app.clientid, response_type: 'token', redirect_uri: REDIRECT, state: 'x', decision: 'deny' });
    expect(r.status).toBe(302);
    const f = fragment(r.headers.location);
    expect(f.get('error')).toBe('access_denied');
    expect(f.get('state')).toBe('x');
    expect(f.get('access_token')).toBeNull();
  });

  it('lets the bundled web app redirect to any loopback port', async () => {
    const r = await submit({ client_id: BUNDLED_APP.clientid, response_type: 'token', redirect_uri: 'http://127.0.0.1:5999/auth', email: alice.email, password: alice.password, decision: 'allow' });
    expect(r.status).toBe(302);
    expect(fragment(r.headers.location).get('access_token')).toBeTruthy();
  });
});

describe('code flow and oauth2_token', () => {
  async function code(state = 'st'): Promise<URL> {
    const r = await submit({ client_id: app.clientid, response_type: 'code', redirect_uri: REDIRECT, state, email: alice.email, password: alice.password, decision: 'allow' });
    expect(r.status).toBe(302);
    const u = new URL(r.headers.location!);
    expect(u.origin + u.pathname).toBe(REDIRECT);
    return u;
  }

  it('redirects with ?code, state, locationid, hostname and exchanges the code once', async () => {
    const u = await code('abc');
    expect(u.searchParams.get('state')).toBe('abc');
    expect(u.searchParams.get('locationid')).toBe('1');
    expect(u.searchParams.get('hostname')).toBe(`127.0.0.1:${srv.port}`);
    const c = u.searchParams.get('code')!;
    const r = await srv.call('oauth2_token', { client_id: app.clientid, client_secret: app.secret, code: c });
    expect(r).toMatchObject({ result: 0, token_type: 'bearer', uid: alice.id, userid: alice.id, locationid: 1, access_token: expect.any(String) });
    expect(r.expires_in).toBeUndefined();
    expect(r.refresh_token).toBeUndefined();
    expect((await srv.call('userinfo', {}, { bearer: r.access_token })).userid).toBe(alice.id);
    expect(await srv.call('oauth2_token', { client_id: app.clientid, client_secret: app.secret, code: c })).toEqual({ result: 2012, error: "Invalid 'code' provided." });
  });

  it('accepts HTTP Basic client credentials and a generic OAuth form', async () => {
    const c = (await code()).searchParams.get('code')!;
    const basic = Buffer.from(`${app.clientid}:${app.secret}`).toString('base64');
    const r = await srv.call('oauth2_token', { grant_type: 'authorization_code', code: c, redirect_uri: REDIRECT }, { via: 'form', headers: { Authorization: `Basic ${basic}` } });
    expect(r.result).toBe(0);
  });

  it('refuses wrong secrets, other apps\' codes and missing codes', async () => {
    const c = (await code()).searchParams.get('code')!;
    expect((await srv.call('oauth2_token', { client_id: app.clientid, client_secret: 'wrong', code: c })).result).toBe(2012);
    const other = registerApp(srv.emu.st, 'Other', [REDIRECT]);
    expect((await srv.call('oauth2_token', { client_id: other.clientid, client_secret: other.secret, code: c })).result).toBe(2012);
    expect((await srv.call('oauth2_token', { client_id: app.clientid, client_secret: app.secret })).result).toBe(2012);
    expect((await srv.call('oauth2_token', { client_id: app.clientid, client_secret: app.secret, code: c })).result).toBe(0);
  });

  it('shows the code on the page when no redirect_uri is given', async () => {
    const r = await submit({ client_id: app.clientid, response_type: 'code', email: alice.email, password: alice.password, decision: 'allow' });
    expect(r.status).toBe(200);
    const shown = /<code>([^<]+)<\/code>/.exec(r.text)![1];
    expect((await srv.call('oauth2_token', { client_id: app.clientid, client_secret: app.secret, code: shown })).result).toBe(0);
  });
});
