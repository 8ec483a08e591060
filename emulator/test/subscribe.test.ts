// subscribe + nop: pclsync's one long poll for several change streams (docs/pcloud/quirks.md §1,
// docs/pcloud/errors.md §5). The parameters are those pclsync's pdiff.c sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, sleep, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;

beforeAll(async () => {
  srv = await TestServer.start({ diffTimeoutMs: 300 });
  alice = await srv.user();
});
afterAll(() => srv.close());

const PCLSYNC = { subscribefor: 'diff,notifications,publinks,uploadlinks,contacts', timeformat: 'timestamp', difflimit: 500000, notificationid: 0, publinkid: 0, uploadlinkid: 0 };

describe('subscribe', () => {
  it('answers from "diff" with the same entries as diff, at once when there are some', async () => {
    const all = await alice.call('diff', { diffid: 0, timeformat: 'timestamp' });
    const r = await alice.call('subscribe', { ...PCLSYNC, diffid: 0 });
    expect(r).toMatchObject({ result: 0, from: 'diff', diffid: all.diffid });
    expect(r.entries).toEqual(all.entries);
    const limited = await alice.call('subscribe', { ...PCLSYNC, diffid: 0, difflimit: 1 });
    expect(limited.entries).toHaveLength(1);
    expect(limited.diffid).toBe(all.entries[0].diffid);
  });

  it('holds the poll until this user changes something, and answers with that change', async () => {
    const { diffid } = await alice.call('diff', { last: 0 });
    const pending = alice.call('subscribe', { ...PCLSYNC, diffid });
    await sleep(50);
    await alice.call('createfolder', { folderid: 0, name: 'woken' });
    const r: Json = await pending;
    expect(r.from).toBe('diff');
    expect(r.entries.map((e: Json) => [e.event, e.metadata.name])).toEqual([['createfolder', 'woken']]);
    expect(r.diffid).toBeGreaterThan(diffid);
  });

  it('is not woken by other users, and answers 6003 when its wait ends with nothing new', async () => {
    const bob = await srv.user();
    const { diffid } = await alice.call('diff', { last: 0 });
    const pending = alice.send('subscribe', { ...PCLSYNC, diffid });
    await sleep(50);
    await bob.call('createfolder', { folderid: 0, name: 'not for alice' });
    const r = await pending;
    expect(r.json).toEqual({ result: 6003, error: 'Subscription timed out.' });
    expect(r.headers['x-error']).toBe('6003');
  });

  it('never answers for streams without news in the emulator (no notifications or link counters)', async () => {
    const r = await alice.call('subscribe', { subscribefor: 'notifications,publinks', notificationid: 0, publinkid: 0 });
    expect(r.result).toBe(6003);
  });

  it('needs a login like diff', async () => {
    expect((await srv.call('subscribe', PCLSYNC)).result).toBe(1000);
  });
});

describe('nop', () => {
  it('answers result 0 without credentials, echoing id as pclsync sends it', async () => {
    expect(await srv.call('nop', { id: 'ignore' })).toEqual({ result: 0, id: 'ignore' });
    expect(await alice.call('nop')).toEqual({ result: 0 });
  });
});
