import { create } from 'zustand';
import type { RegionId } from '../config';

/**
 * How the session signed in: `oauth` through pCloud's page (an access token some methods refuse),
 * `auth` with e-mail and password (an `auth` token, full access) — docs/pcloud/methods-core.md §7.
 */
export type TokenKind = 'oauth' | 'auth';

export interface Session {
  token: string;
  /** Missing in sessions stored before password sign-in existed: those are OAuth ones. */
  kind?: TokenKind;
  /** API host pCloud's redirect named (`api.pcloud.com`, `eapi.pcloud.com`, or the emulator's host:port). */
  hostname: string;
  apiBase: string;
  locationid: number | null;
  userid: number | null;
  region: RegionId;
  /** true: kept in localStorage across browser restarts; false: sessionStorage (this tab only). */
  keep: boolean;
}

interface SessionState {
  session: Session | null;
  tokenTransport: 'header' | 'query';
  /** Route to return to after signing in again. */
  returnTo: string | null;
  /** A sign-in problem to show on the welcome page. */
  signInError: string | null;
}

const KEY = 'pcloud.session';
const PREFS_KEY = 'pcloud.transport';
const ERROR_KEY = 'pcloud.signInError';

function load(): Session | null {
  for (const storage of [localStorage, sessionStorage]) {
    try {
      const raw = storage.getItem(KEY);
      if (raw) return JSON.parse(raw) as Session;
    } catch {
      /* unreadable storage: treat as signed out */
    }
  }
  return null;
}

const useSessionStore = create<SessionState>()(() => ({
  session: load(),
  tokenTransport: (localStorage.getItem(PREFS_KEY) as 'header' | 'query' | null) ?? 'header',
  returnTo: sessionStorage.getItem('pcloud.returnTo'),
  // kept for this tab, so the reason survives a reload of the welcome page
  signInError: sessionStorage.getItem(ERROR_KEY),
}));

// ---- hooks (small selectors) ----------------------------------------------------------------
export const useSession = () => useSessionStore((s) => s.session);
export const useSignInError = () => useSessionStore((s) => s.signInError);
export const useTokenTransport = () => useSessionStore((s) => s.tokenTransport);
/** What the session may do follows from its kind of token, never from the server's name. */
export const useFullAccess = () => useSessionStore((s) => tokenKindOf(s.session) === 'auth');

// ---- actions: plain functions, usable outside React (bootstrap, api client) -------------------
export function getSession(): Session | null {
  return useSessionStore.getState().session;
}

/** Calls `listener` after every sign-in, sign-out or account switch (not for other session state). */
export function onSessionChanged(listener: (now: Session | null, before: Session | null) => void): () => void {
  return useSessionStore.subscribe((s, prev) => {
    if (s.session !== prev.session) listener(s.session, prev.session);
  });
}

export function tokenKindOf(session: Session | null): TokenKind {
  return session?.kind ?? 'oauth';
}

export function getTokenKind(): TokenKind {
  return tokenKindOf(useSessionStore.getState().session);
}

export function getTokenTransport(): 'header' | 'query' {
  return useSessionStore.getState().tokenTransport;
}

export function signedIn(session: Session): void {
  localStorage.removeItem(KEY);
  sessionStorage.removeItem(KEY);
  (session.keep ? localStorage : sessionStorage).setItem(KEY, JSON.stringify(session));
  sessionStorage.removeItem(ERROR_KEY);
  useSessionStore.setState({ session, signInError: null });
}

export function signedOut(opts: { returnTo?: string | null; error?: string | null } = {}): void {
  localStorage.removeItem(KEY);
  sessionStorage.removeItem(KEY);
  if (opts.returnTo) sessionStorage.setItem('pcloud.returnTo', opts.returnTo);
  if (opts.error) sessionStorage.setItem(ERROR_KEY, opts.error);
  else sessionStorage.removeItem(ERROR_KEY);
  useSessionStore.setState({ session: null, returnTo: opts.returnTo ?? null, signInError: opts.error ?? null });
}

export function signInFailed(error: string): void {
  sessionStorage.setItem(ERROR_KEY, error);
  useSessionStore.setState({ signInError: error });
}

export function takeReturnTo(): string | null {
  const r = useSessionStore.getState().returnTo;
  sessionStorage.removeItem('pcloud.returnTo');
  useSessionStore.setState({ returnTo: null });
  return r;
}

export function tokenTransportChosen(t: 'header' | 'query'): void {
  localStorage.setItem(PREFS_KEY, t);
  useSessionStore.setState({ tokenTransport: t });
}

/** Test helper: every store resets between tests. */
export function resetSessionStore(): void {
  useSessionStore.setState({ session: null, tokenTransport: 'header', returnTo: null, signInError: null });
}
