// @vitest-environment jsdom
// A refusal names who refuses: never "pCloud" (or its web app) for someone signed in to a local server.
import { afterEach, describe, expect, it } from 'vitest';
import { PcloudError } from '../api/errors';
import { resetSessionStore, signedIn, type Session } from '../stores/session';
import { errorMessage } from './error-message';
import { serverName } from './server-name';

const session = (region: Session['region'], hostname: string): Session => ({
  token: 't', kind: 'oauth', hostname, apiBase: `http://${hostname}`, locationid: null, userid: 1, region, keep: false,
});

afterEach(() => resetSessionStore());

describe('who refuses a method to this sign-in', () => {
  it('is the local server by its host when signed in to one', () => {
    signedIn(session('local', '127.0.0.1:8787'));
    expect(serverName()).toBe('127.0.0.1:8787');
    const refused = new PcloudError(1000, 'Log in required.', 'trash_restore');
    expect(refused.kind).toBe('oauthRefused');
    expect(errorMessage(refused)).toBe('127.0.0.1:8787 does not let apps signed in through its sign-in page do this. Sign in with your e-mail and password (full access) to do it here.');
    expect(errorMessage(refused)).not.toMatch(/pcloud/i);
  });

  it('is pCloud on pCloud, and a dead session still says to sign in again', () => {
    signedIn(session('eu', 'eapi.pcloud.com'));
    expect(errorMessage(new PcloudError(1000, 'Log in required.', 'collection_list'))).toMatch(/^pCloud does not let apps/);
    expect(errorMessage(new PcloudError(1000, 'Log in required.', 'listfolder'))).toBe('Please sign in again.');
  });
});
