// Refusals "for now" (docs/pcloud/errors.md §5): the rateLimit quirk's 429 + 4010 for clients'
// back-off, and how long 4000 locks an address out after too many failed logins.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestServer } from '../testing';
import { LOCKOUT_MS } from '../login-throttle';

afterEach(() => {
  vi.useRealTimers();
});

describe('rateLimit quirk', () => {
  it('answers HTTP 429 with 4010 beyond N calls a second from one address, then lets calls through again', async () => {
    // the clock stands still, so every call falls into the same second
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T10:00:00.100Z') });
    const p = await TestServer.start({ quirks: { rateLimit: 3 } });
    try {
      const u = await p.user();
      for (let i = 0; i < 3; i++) expect((await u.call('userinfo')).result).toBe(0);
      const refused = await u.send('listfolder', { folderid: 0, id: 'x' });
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.headers['x-error']).toBe('4010');
      expect(refused.json).toEqual({ result: 4010, error: 'Too many requests from this IP address.' });
      // anonymous methods count too: the limit is per address
      expect((await p.send('getdigest')).status).toBe(429);
      vi.setSystemTime(new Date('2026-03-01T10:00:01.000Z'));
      expect((await u.call('listfolder', { folderid: 0 })).result).toBe(0);
    } finally {
      await p.close();
    }
  });

  it('is off by default', async () => {
    const p = await TestServer.start();
    try {
      const u = await p.user();
      const replies = await Promise.all(Array.from({ length: 50 }, () => u.send('userinfo')));
      expect(replies.every((r) => r.status === 200 && r.json.result === 0)).toBe(true);
    } finally {
      await p.close();
    }
  });
});

describe('4000 lockout', () => {
  it('lasts five minutes from the failure that triggered it, right password or not, then counts afresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T10:00:00Z') });
    const p = await TestServer.start();
    try {
      const u = await p.user();
      let result = 0;
      for (let i = 0; i < 25 && result !== 4000; i++) result = (await p.call('userinfo', { username: u.email, password: `wrong ${i}` })).result;
      expect(result).toBe(4000);
      expect(LOCKOUT_MS).toBe(5 * 60_000);
      vi.setSystemTime(Date.now() + LOCKOUT_MS - 1000);
      expect((await p.call('userinfo', { username: u.email, password: u.password })).result).toBe(4000);
      vi.setSystemTime(Date.now() + 1000);
      expect((await p.call('userinfo', { username: u.email, password: u.password })).result).toBe(0);
      // a single failure after the lockout does not lock again
      expect((await p.call('userinfo', { username: u.email, password: 'wrong again' })).result).toBe(2000);
      expect((await p.call('userinfo', { username: u.email, password: u.password })).result).toBe(0);
    } finally {
      await p.close();
    }
  });
});
