// OAuth 2.0 (docs/pcloud/methods-media.md §4, docs/architecture.md §4). `authorize` is a page, not an API call: the app
// navigates to it and reads the redirect fragment once at start-up.
import { request, type CallOptions } from './client';
import type { LocationId, OAuthTokenResult } from './types';

export const DEFAULT_AUTHORIZE_URL = 'https://my.pcloud.com/oauth2/authorize';

export interface AuthorizeParams {
  client_id: string;
  response_type: 'token' | 'code';
  redirect_uri?: string;
  state?: string;
  force_reapprove?: boolean;
  /** e.g. `manageshares`. */
  permissions?: string;
}

/** `authorizePage` is the region's page, or the emulator's `<origin>/oauth2/authorize`. */
export function authorizeUrl(params: AuthorizeParams, authorizePage: string = DEFAULT_AUTHORIZE_URL): string {
  const url = new URL(authorizePage);
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === false) continue;
    url.searchParams.set(name, value === true ? 'true' : String(value));
  }
  return url.toString();
}

/** Leaves the app for the consent page; resolves only if `navigate` returns (e.g. in tests). */
export async function authorize(
  params: AuthorizeParams,
  opts: { authorizePage?: string; navigate?: (url: string) => void } = {},
): Promise<void> {
  const url = authorizeUrl(params, opts.authorizePage);
  (opts.navigate ?? ((target: string) => window.location.assign(target)))(url);
}

export interface TokenRedirect {
  accessToken: string;
  tokenType: string;
  userid: number | undefined;
  state: string | undefined;
  locationid: LocationId | undefined;
  /** API host to use from now on, e.g. `eapi.pcloud.com` or the emulator's `127.0.0.1:8787`. */
  hostname: string | undefined;
}

export type TokenRedirectResult = { ok: true; value: TokenRedirect } | { ok: false; error: string } | null;

/**
 * Parses the implicit-flow fragment (`#access_token=…&…`). Returns null when the fragment is not
 * an OAuth reply. Checking `state` is the caller's job (pCloud has been seen to drop it).
 */
export function parseTokenRedirect(fragment: string): TokenRedirectResult {
  const fields = new URLSearchParams(fragment.replace(/^#/, ''));
  const error = fields.get('error');
  if (error !== null) return { ok: false, error };
  const accessToken = fields.get('access_token');
  if (accessToken === null) return null;
  const uid = fields.get('userid') ?? fields.get('uid');
  const location = fields.get('locationid');
  return {
    ok: true,
    value: {
      accessToken,
      tokenType: fields.get('token_type') ?? 'bearer',
      userid: uid === null ? undefined : Number(uid),
      state: fields.get('state') ?? undefined,
      locationid: location === '1' ? 1 : location === '2' ? 2 : undefined,
      hostname: fields.get('hostname') ?? undefined,
    },
  };
}

export interface OAuth2TokenParams {
  client_id: string;
  client_secret: string;
  code: string;
}

/** Code flow exchange; call it on the `hostname` the redirect named (pass it as `apiBase`). */
export function oauth2Token(params: OAuth2TokenParams, opts?: CallOptions): Promise<OAuthTokenResult> {
  return request<OAuthTokenResult>('oauth2_token', params, opts);
}
