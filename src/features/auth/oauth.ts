import { authorizeUrl, parseTokenRedirect } from '../../api/oauth';
import { apiBaseFor, config, type Region } from '../../app/config';
import { signedIn, signInFailed } from '../../stores/session';

const PENDING = 'pcloud.oauth.pending';

interface Pending {
  state: string;
  region: Region['id'];
  keep: boolean;
}

function randomState(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Leaves for the region's consent page with a fresh random `state` kept in this tab only. */
export function startSignIn(region: Region, keep: boolean, navigate: (url: string) => void = (u) => window.location.assign(u)): void {
  const pending: Pending = { state: randomState(), region: region.id, keep };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  navigate(
    authorizeUrl(
      { client_id: region.clientId, response_type: 'token', redirect_uri: config.redirectUri, state: pending.state },
      region.authorizeUrl,
    ),
  );
}

/**
 * Reads an OAuth redirect once, before the router runs: checks `state`, stores the session and
 * removes the token from the address bar. Returns true when the URL carried a redirect.
 *
 * State policy (methods-media.md §4): a state that differs from ours is refused; a missing state
 * (pCloud has been seen to drop it) is accepted only in the tab that started the flow.
 */
export function consumeOAuthRedirect(loc: Location = window.location, history: History = window.history): boolean {
  if (!loc.hash || !/(^#|&)(access_token|error)=/.test(loc.hash)) return false;
  const parsed = parseTokenRedirect(loc.hash);
  const fields = new URLSearchParams(loc.hash.slice(1));
  // the token must not stay in the address bar or in history
  history.replaceState(history.state, '', loc.pathname + loc.search);
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  if (!parsed) return false;
  if (!parsed.ok) {
    signInFailed(parsed.error === 'access_denied' ? 'Access was not granted.' : `pCloud refused the sign-in (${parsed.error}).`);
    return true;
  }
  const state = parsed.value.state ?? fields.get('state') ?? undefined;
  if (!pending) {
    signInFailed('This sign-in was not started from this tab. Please sign in again.');
    return true;
  }
  if (state !== undefined && state !== pending.state) {
    signInFailed('The sign-in reply did not match the request (state mismatch). Please sign in again.');
    return true;
  }
  const hostname = parsed.value.hostname;
  if (!hostname) {
    signInFailed('The sign-in reply did not say which pCloud server to use.');
    return true;
  }
  signedIn({
    token: parsed.value.accessToken,
    hostname,
    apiBase: apiBaseFor(hostname),
    locationid: parsed.value.locationid ?? null,
    userid: parsed.value.userid ?? null,
    region: pending.region,
    keep: pending.keep,
  });
  return true;
}
