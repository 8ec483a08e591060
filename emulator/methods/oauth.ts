import { randomBytes } from 'node:crypto';
import { defineMethods } from '../registry';
import type { Storage } from '../store/storage';
import type { UserRow } from '../store/model';
import { now } from '../store/model';
import { fail } from '../errors';
import { issueToken } from '../http/authenticate';

/** The web app in this repository, registered in every data dir (redirects to any loopback port). */
export const BUNDLED_APP = { clientid: 'pcloud-web-local', secret: 'pcloud-web-local-secret', name: 'pCloud Web (this project)' };

export interface AppRow {
  clientid: string;
  secret: string;
  name: string;
  redirecturis: string;
  loopbackany: number;
}

export function ensureBundledApp(st: Storage, extraRedirects: string[]): void {
  st.q('INSERT OR IGNORE INTO apps (clientid, secret, name, redirecturis, loopbackany) VALUES (?, ?, ?, ?, 1)').run(
    BUNDLED_APP.clientid, BUNDLED_APP.secret, BUNDLED_APP.name, '[]',
  );
  st.q('UPDATE apps SET redirecturis = ? WHERE clientid = ?').run(JSON.stringify(extraRedirects), BUNDLED_APP.clientid);
}

export function registerApp(st: Storage, name: string, redirectUris: string[]): AppRow {
  const clientid = randomBytes(8).toString('hex');
  const secret = randomBytes(16).toString('hex');
  st.q('INSERT INTO apps (clientid, secret, name, redirecturis, loopbackany) VALUES (?, ?, ?, ?, 0)').run(clientid, secret, name, JSON.stringify(redirectUris));
  return st.q('SELECT * FROM apps WHERE clientid = ?').get(clientid) as AppRow;
}

export function findApp(st: Storage, clientid: string | undefined): AppRow | undefined {
  if (!clientid) return undefined;
  return st.q('SELECT * FROM apps WHERE clientid = ?').get(clientid) as AppRow | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Exact match with a registered URI; loopback redirects on any port for apps that allow it (RFC 8252 §7.3). */
export function redirectAllowed(app: AppRow, uri: string): boolean {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return false;
  }
  if (u.hash) return false;
  const list = JSON.parse(app.redirecturis) as string[];
  // Compare the address the browser will really go to: `…/callback/../evil` must not pass as `…/callback/…`.
  const target = u.href;
  if (list.includes(uri) && target === uri) return true;
  if (list.some((r) => target === r || target.startsWith(r.endsWith('/') ? r : r + '/'))) return true;
  return app.loopbackany === 1 && (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK.has(u.hostname);
}

export function issueOAuthToken(st: Storage, user: UserRow, app: AppRow, revokeEarlier: boolean) {
  if (revokeEarlier) st.q("UPDATE tokens SET revoked = 1 WHERE userid = ? AND clientid = ? AND kind = 'oauth'").run(user.id, app.clientid);
  return issueToken({ st }, user, 'oauth', { clientid: app.clientid, device: app.name });
}

export function newAuthCode(st: Storage, user: UserRow, app: AppRow, redirectUri: string | null): string {
  const code = randomBytes(18).toString('base64url');
  st.q('INSERT INTO oauthcodes (code, clientid, userid, redirecturi, expires) VALUES (?, ?, ?, ?, ?)').run(code, app.clientid, user.id, redirectUri, now() + 600);
  return code;
}

export const oauthMethods = () =>
  defineMethods([
    {
      name: 'oauth2_token',
      auth: 'none',
      handler(ctx) {
        // Generic OAuth libraries may send the client credentials as HTTP Basic auth instead.
        let clientid = ctx.p.str('client_id');
        let secret = ctx.p.str('client_secret');
        const basic = ctx.req.headers.authorization;
        if (basic && /^basic\s+/i.test(basic)) {
          const [id, sec] = Buffer.from(basic.replace(/^basic\s+/i, ''), 'base64').toString('utf8').split(':');
          clientid ??= decodeURIComponent(id ?? '');
          secret ??= decodeURIComponent(sec ?? '');
        }
        const code = ctx.p.str('code');
        const app = findApp(ctx.st, clientid);
        // Bad client credentials: pCloud's code is unverified; we answer 2012 like a bad code.
        if (!app || app.secret !== secret || !code) fail(2012);
        const row = ctx.st.q('SELECT * FROM oauthcodes WHERE code = ?').get(code) as
          | { clientid: string; userid: number; expires: number; redirecturi: string | null }
          | undefined;
        if (!row || row.clientid !== app.clientid || row.expires < now()) fail(2012);
        // A `redirect_uri` sent here must be the one the code was issued for (RFC 6749 §4.1.3), so a
        // code caught on one address cannot be redeemed as if it came back to another. pCloud
        // documents no such check and no code for it: we answer 2012 like any unusable code (OAuth's
        // invalid_grant covers both). Clients that omit the parameter, as pCloud's own SDKs do, still work.
        const redirect = ctx.p.str('redirect_uri');
        if (redirect !== undefined && row.redirecturi !== null && redirect !== row.redirecturi) fail(2012);
        ctx.st.q('DELETE FROM oauthcodes WHERE code = ?').run(code); // single use
        const user = ctx.st.user(row.userid)!;
        const tok = issueOAuthToken(ctx.st, user, app, ctx.emu.quirks.revokeEarlierOAuthTokens);
        return { access_token: tok.token, token_type: 'bearer', uid: user.id, userid: user.id, locationid: user.locationid };
      },
    },
  ]);
