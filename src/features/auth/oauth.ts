import { authorizeUrl, parseTokenRedirect } from '../../api/oauth';
import { apiBaseFor, config, type Region } from '../../config';
import { signedIn, signInFailed } from '../../stores/session';

const PENDING = 'pcloud.oauth.pending';

/**
 * What went wrong with an OAuth reply. This runs before any page (and its messages) has loaded, so
 * the problem is kept as a code (`oauth:<problem>[:<pCloud's error>]`) and the welcome page words it
 * in the reader's language.
 */
export type SignInProblem = 'accessDenied' | 'refused' | 'otherTab' | 'stateMismatch' | 'noServer';
const PROBLEM_PREFIX = 'oauth:';

function failed(problem: SignInProblem, detail = ''): void {
  signInFailed(`${PROBLEM_PREFIX}${problem}${detail ? `:${detail}` : ''}`);
}

/** The problem a stored sign-in error stands for, or null for a message that is already worded. */
export function signInProblem(stored: string): { problem: SignInProblem; detail: string } | null {
  const m = /^oauth:(accessDenied|refused|otherTab|stateMismatch|noServer)(?::(.*))?$/s.exec(stored);
  return m ? { problem: m[1] as SignInProblem, detail: m[2] ?? '' } : null;
}

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
 * State policy (docs/pcloud/methods-media.md §4): a state that differs from ours is refused; a missing state
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
    if (parsed.error === 'access_denied') failed('accessDenied');
    else failed('refused', parsed.error);
    return true;
  }
  const state = parsed.value.state ?? fields.get('state') ?? undefined;
  if (!pending) {
    failed('otherTab');
    return true;
  }
  if (state !== undefined && state !== pending.state) {
    failed('stateMismatch');
    return true;
  }
  const hostname = parsed.value.hostname;
  if (!hostname) {
    failed('noServer');
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
