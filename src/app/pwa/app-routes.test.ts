import { describe, expect, it } from 'vitest';
import { paths } from '../../routing/paths';
import { isAppRoute, SHARE_TARGET_PATH } from './routes';

describe('isAppRoute (the service worker offline fallback)', () => {
  it('covers every route of the route table', () => {
    const concrete = Object.values(paths).map((p) => (typeof p === 'function' ? p('42').split('?')[0] : p.replace(/:[^/]+/g, '42')));
    for (const p of [...concrete, SHARE_TARGET_PATH]) expect(isAppRoute(p), p).toBe(true);
  });

  it('leaves content, OAuth, API-looking and asset paths to the network', () => {
    for (const p of ['/c/abc/file.jpg', '/oauth2/authorize', '/listfolder', '/userinfo', '/sw.js', '/assets/index.js', '/folder/1/extra', '/manifest.webmanifest', '/gethlslink'])
      expect(isAppRoute(p), p).toBe(false);
  });
});
