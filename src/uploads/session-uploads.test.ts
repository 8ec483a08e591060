import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { resetSessionStore, signedIn, signedOut, type Session } from '../stores/session';
import { getUploads, resetUploadsStore, uploadChanged, uploadsQueued } from '../stores/uploads';
import { sessionUploads } from './session-uploads';
import { fileOf } from './testing';

const session = (userid: number): Session => ({ token: `t${userid}`, hostname: 'api.example', apiBase: 'https://api.example', locationid: 1, userid, region: 'us', keep: true });

afterEach(() => {
  resetSessionStore();
  resetUploadsStore();
  localStorage.clear();
});

describe('the signed-in account’s uploads', () => {
  it('are one engine per account: another account gets a new one, and the old one is disposed', () => {
    const qc = new QueryClient();
    expect(sessionUploads(qc)).toBeNull();
    signedIn(session(1));
    const first = sessionUploads(qc)!;
    expect(sessionUploads(qc)).toBe(first);
    signedIn(session(2));
    const second = sessionUploads(qc)!;
    expect(second).not.toBe(first);
    // the old engine no longer touches the queue
    const [item] = uploadsQueued([{ file: fileOf('a.txt', 'a'), dir: '' }], 0);
    uploadChanged(item.id, { status: 'failed' });
    first.engine.retry(item.id);
    expect(getUploads()[0].status).toBe('failed');
  });

  it('sign-out empties the queue in this tab; the same account finds its unfinished uploads after signing in again', () => {
    const qc = new QueryClient();
    signedIn(session(3));
    const [item] = uploadsQueued([{ file: fileOf('big.bin', 'abc'), dir: '' }], 0);
    uploadChanged(item.id, { status: 'failed', uploadid: 9, loaded: 2 });
    const before = sessionUploads(qc);
    signedOut();
    expect(getUploads()).toEqual([]);
    expect(sessionUploads(qc)).toBeNull();
    signedIn(session(4));
    expect(getUploads()).toEqual([]);
    signedIn(session(3));
    expect(getUploads().map((i) => [i.name, i.status, i.uploadid])).toEqual([['big.bin', 'interrupted', 9]]);
    expect(sessionUploads(qc)).not.toBe(before);
  });
});
