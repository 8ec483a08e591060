// diff (change feed + long poll) and getfilehistory (docs/pcloud/methods-core.md §1, docs/pcloud/structures.md §5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, sleep, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;

beforeAll(async () => {
  srv = await TestServer.start({ diffTimeoutMs: 300 });
  alice = await srv.user();
});
afterAll(() => srv.close());

describe('diff', () => {
  it('replays the whole history from diffid 0, starting with reset', async () => {
    await alice.mkdir('Feed');
    const r = await alice.call('diff', { diffid: 0 });
    expect(r.result).toBe(0);
    expect(r.entries[0].event).toBe('reset');
    const create = r.entries.find((e: Json) => e.event === 'createfolder');
    expect(create.metadata).toMatchObject({ name: 'Feed', isfolder: true });
    expect(create.time).toMatch(/\+0000$/);
    expect(r.diffid).toBe(r.entries[r.entries.length - 1].diffid);
    const ids = r.entries.map((e: Json) => e.diffid);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('last=0 answers the current diffid without entries', async () => {
    const all = await alice.call('diff', { diffid: 0 });
    const r = await alice.call('diff', { last: 0 });
    expect(r).toMatchObject({ result: 0, entries: [], diffid: all.diffid });
    const two = await alice.call('diff', { last: 2 });
    expect(two.entries).toHaveLength(2);
    expect(two.diffid).toBe(all.diffid);
  });

  it('returns only events after a diffid, honouring limit', async () => {
    const { diffid } = await alice.call('diff', { last: 0 });
    const f = await alice.upload('new.txt', 'x');
    await alice.upload('new.txt', 'y');
    await alice.call('deletefile', { fileid: f.fileid });
    const r = await alice.call('diff', { diffid });
    expect(r.entries.map((e: Json) => e.event)).toEqual(['createfile', 'modifyfile', 'deletefile']);
    expect(r.entries[0].metadata).toMatchObject({ fileid: f.fileid, name: 'new.txt' });
    const limited = await alice.call('diff', { diffid, limit: 1 });
    expect(limited.entries).toHaveLength(1);
    expect(limited.diffid).toBe(r.entries[0].diffid);
  });

  it('block=1 waits and wakes on a change made by another request', async () => {
    const { diffid } = await alice.call('diff', { last: 0 });
    const started = Date.now();
    const pending = alice.call('diff', { diffid, block: 1 });
    await sleep(100);
    await alice.mkdir('Woken');
    const r = await pending;
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(r.entries.map((e: Json) => e.event)).toEqual(['createfolder']);
    expect(r.entries[0].metadata.name).toBe('Woken');
    expect(r.diffid).toBeGreaterThan(diffid);
  });

  it('block=1 answers empty entries at the timeout', async () => {
    const { diffid } = await alice.call('diff', { last: 0 });
    const started = Date.now();
    const r = await alice.call('diff', { diffid, block: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(r).toEqual({ result: 0, entries: [], diffid });
  });

  it('does not wake for other users\' changes', async () => {
    const bob = await srv.user();
    const { diffid } = await alice.call('diff', { last: 0 });
    const pending = alice.call('diff', { diffid, block: 1 });
    await bob.mkdir('Elsewhere');
    expect((await pending).entries).toEqual([]);
  });

  it('filters by `after` and rejects unreadable dates', async () => {
    expect((await alice.call('diff', { after: 'not a date' })).result).toBe(1013);
    const future = await alice.call('diff', { after: '2099-01-01' });
    expect(future.entries).toEqual([]);
    const past = await alice.call('diff', { after: '2001-01-01T00:00:00+00:00' });
    expect(past.entries.length).toBeGreaterThan(3);
  });

  it('prints event times as timestamps with timeformat=timestamp', async () => {
    const r = await alice.call('diff', { last: 1, timeformat: 'timestamp' });
    expect(typeof r.entries[0].time).toBe('number');
  });

  it('needs a login', async () => {
    expect((await srv.call('diff', { last: 0 })).result).toBe(1000);
  });
});

describe('getfilehistory', () => {
  it('lists the events of one file, also after its deletion', async () => {
    const f = await alice.upload('hist.txt', '1');
    await alice.upload('hist.txt', '22');
    await alice.call('renamefile', { fileid: f.fileid, toname: 'hist2.txt' });
    await alice.call('deletefile', { fileid: f.fileid });
    const r = await alice.call('getfilehistory', { fileid: f.fileid });
    expect(r.entries.map((e: Json) => e.event)).toEqual(['createfile', 'modifyfile', 'modifyfile', 'deletefile']);
    expect(r.entries.every((e: Json) => e.metadata.fileid === f.fileid)).toBe(true);
  });

  it('answers bad requests and hides other users\' files', async () => {
    expect((await alice.call('getfilehistory')).result).toBe(1029);
    expect((await alice.call('getfilehistory', { fileid: 'abc' })).result).toBe(1029);
    expect((await alice.call('getfilehistory', { fileid: 9999999 })).result).toBe(2009);
    const bob = await srv.user();
    const theirs = await bob.upload('b.txt', 'b');
    expect((await alice.call('getfilehistory', { fileid: theirs.fileid })).result).toBe(2009);
  });
});
