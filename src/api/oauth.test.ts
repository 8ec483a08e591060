import { describe, expect, it } from 'vitest';
import { authorize, authorizeUrl, parseTokenRedirect } from './oauth';

describe('OAuth helpers', () => {
  it('builds the authorize URL for the implicit flow', () => {
    const url = new URL(
      authorizeUrl({ client_id: 'abc', response_type: 'token', redirect_uri: 'http://localhost:5173/', state: 's1' }),
    );
    expect(url.origin + url.pathname).toBe('https://my.pcloud.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('abc');
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost:5173/');
  });

  it('navigates through the injected function', async () => {
    const seen: string[] = [];
    await authorize(
      { client_id: 'abc', response_type: 'token', redirect_uri: 'http://127.0.0.1:8787/app' },
      { authorizePage: 'http://127.0.0.1:8787/oauth2/authorize', navigate: (u) => seen.push(u) },
    );
    expect(seen[0]).toMatch(/^http:\/\/127\.0\.0\.1:8787\/oauth2\/authorize\?client_id=abc/);
  });

  it('parses the redirect fragment (docs/pcloud/methods-media.md §4)', () => {
    const parsed = parseTokenRedirect(
      '#access_token=TOK&token_type=bearer&uid=34535&state=s1&locationid=2&hostname=eapi.pcloud.com',
    );
    expect(parsed).toEqual({
      ok: true,
      value: { accessToken: 'TOK', tokenType: 'bearer', userid: 34535, state: 's1', locationid: 2, hostname: 'eapi.pcloud.com' },
    });
    expect(parseTokenRedirect('#error=access_denied')).toEqual({ ok: false, error: 'access_denied' });
    expect(parseTokenRedirect('#/folder/12')).toBeNull();
  });
});
