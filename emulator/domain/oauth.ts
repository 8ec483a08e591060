// OAuth apps, authorization codes and tokens: shared by oauth2_token, the sign-in pages and the CLI.
import { randomBytes } from 'node:crypto';
import type { Storage } from '../store/storage';
import type { UserRow } from '../store/model';
import type { AppRow } from '../store/repos/tokens';
import { now } from '../store/model';
import { issueToken } from '../http/authenticate';

/** The web app in this repository, registered in every data dir (redirects to any loopback port). */
export const BUNDLED_APP = { clientid: 'pcloud-web-local', secret: 'pcloud-web-local-secret', name: 'pCloud Web (this project)' };

export type { AppRow } from '../store/repos/tokens';

export function ensureBundledApp(st: Storage, extraRedirects: string[]): void {
  st.tokens.ensureApp({ ...BUNDLED_APP, loopbackany: 1 }, extraRedirects);
}

export function registerApp(st: Storage, name: string, redirectUris: string[]): AppRow {
  const clientid = randomBytes(8).toString('hex');
  const secret = randomBytes(16).toString('hex');
  return st.tokens.createApp({ clientid, secret, name, redirecturis: JSON.stringify(redirectUris), loopbackany: 0 });
}

export function findApp(st: Storage, clientid: string | undefined): AppRow | undefined {
  if (!clientid) return undefined;
  return st.tokens.app(clientid);
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
  if (revokeEarlier) st.tokens.revokeApp(user.id, app.clientid);
  return issueToken({ st }, user, 'oauth', { clientid: app.clientid, device: app.name });
}

export function newAuthCode(st: Storage, user: UserRow, app: AppRow, redirectUri: string | null): string {
  const code = randomBytes(18).toString('base64url');
  st.tokens.createCode({ code, clientid: app.clientid, userid: user.id, redirecturi: redirectUri, expires: now() + 600 });
  return code;
}
