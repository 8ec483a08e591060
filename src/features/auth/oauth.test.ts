import { afterEach, describe, expect, it, vi } from 'vitest';
import { consumeOAuthRedirect, signInProblem, startSignIn } from './oauth';
import { getSession, resetSessionStore } from '../../stores/session';

function fakeLocation(hash: string) {
  return { hash, pathname: '/', search: '' } as Location;
}

afterEach(() => {
  resetSessionStore();
  sessionStorage.clear();
  localStorage.clear();
});

const region = { id: 'local' as const, authorizeUrl: 'http://127.0.0.1:9/oauth2/authorize', clientId: 'app' };

describe('OAuth implicit flow', () => {
  it('sends client_id, response_type=token, redirect_uri and a random state', () => {
    const navigate = vi.fn();
    startSignIn(region, true, navigate);
    const url = new URL(navigate.mock.calls[0][0] as string);
    expect(url.searchParams.get('response_type')).toBe('token');
    expect(url.searchParams.get('client_id')).toBe('app');
    expect(url.searchParams.get('state')).toMatch(/^[0-9a-f]{48}$/);
  });

  it('stores the session from a matching redirect and scrubs the token from the URL', () => {
    const navigate = vi.fn();
    startSignIn(region, false, navigate);
    const state = new URL(navigate.mock.calls[0][0] as string).searchParams.get('state');
    const replace = vi.fn();
    const ok = consumeOAuthRedirect(fakeLocation(`#access_token=T0K&token_type=bearer&userid=7&state=${state}&locationid=2&hostname=eapi.pcloud.com`), { replaceState: replace, state: null } as unknown as History);
    expect(ok).toBe(true);
    expect(replace).toHaveBeenCalledWith(null, '', '/');
    expect(getSession()).toMatchObject({ token: 'T0K', hostname: 'eapi.pcloud.com', apiBase: 'https://eapi.pcloud.com', locationid: 2, userid: 7, keep: false });
    expect(sessionStorage.getItem('pcloud.session')).toContain('T0K');
    expect(localStorage.getItem('pcloud.session')).toBeNull();
  });

  it('refuses a redirect with a different state, and one this tab did not start', () => {
    startSignIn(region, true, vi.fn());
    consumeOAuthRedirect(fakeLocation('#access_token=X&state=forged&hostname=api.pcloud.com'), { replaceState: vi.fn(), state: null } as unknown as History);
    expect(getSession()).toBeNull();
    consumeOAuthRedirect(fakeLocation('#access_token=X&hostname=api.pcloud.com'), { replaceState: vi.fn(), state: null } as unknown as History);
    expect(getSession()).toBeNull();
  });

  it('keeps a refused sign-in as a code the welcome page words in its language', () => {
    startSignIn(region, true, vi.fn());
    consumeOAuthRedirect(fakeLocation('#error=server_error'), { replaceState: vi.fn(), state: null } as unknown as History);
    const stored = sessionStorage.getItem('pcloud.signInError');
    expect(stored && signInProblem(stored)).toEqual({ problem: 'refused', detail: 'server_error' });
    expect(signInProblem('Your session has ended. Please sign in again.')).toBeNull();
  });

  it('ignores URLs that are not OAuth replies', () => {
    expect(consumeOAuthRedirect(fakeLocation('#section'), { replaceState: vi.fn(), state: null } as unknown as History)).toBe(false);
  });
});
