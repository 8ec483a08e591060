// Fileops (docs/pcloud/methods-core.md §5): refused with 2003 by default, working descriptors in permissive mode.
import { createHash } from 'node:crypto';
import type { Agent } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, connection, sleep, type Json, type Params, type TestUser, type CallOptions } from '../testing';

const sha1 = (b: Buffer | string) => createHash('sha1').update(b).digest('hex');
const ALL = ['file_open', 'file_write', 'file_pwrite', 'file_read', 'file_pread', 'file_pread_ifmod', 'file_checksum', 'file_size', 'file_truncate', 'file_seek', 'file_close', 'file_lock'];

describe('faithful mode', () => {
  it('answers every file_* with 2003, after the login check', async () => {
    const srv = await TestServer.start();
    try {
      const u = await srv.user();
      await u.upload('f.txt', 'x');
      for (const m of ALL) {
        const r = await u.send(m, { flags: 0x42, path: '/f.txt', fd: 1, count: 1, offset: 0 });
        expect(r.json).toEqual({ result: 2003, error: 'Access denied. You do not have permissions to preform this operation.' });
        expect(r.headers['x-error']).toBe('2003');
        expect((await srv.call(m, { fd: 1 })).result).toBe(1000);
      }
    } finally {
      await srv.close();
    }
  });
});

describe('permissive mode', () => {
  let srv: TestServer;
  let alice: TestUser;
  const agents: Agent[] = [];
  beforeAll(async () => {
    srv = await TestServer.start({ quirks: { fileopsRefused: false } });
    alice = await srv.user();
  });
  afterAll(() => srv.close());
  afterEach(() => {
    for (const a of agents.splice(0)) a.destroy();
  });

  /** One TCP connection: descriptors live as long as it does. */
  function conn(user: TestUser = alice) {
    const agent = connection();
    agents.push(agent);
    const call = (m: string, p: Params = {}, o: CallOptions = {}) => user.call(m, p, { ...o, agent });
    const send = (m: string, p: Params = {}, o: CallOptions = {}) => user.send(m, p, { ...o, agent });
    return { agent, call, send, close: () => agent.destroy() };
  }

  it('creates a file, writes, seeks, reads back, and commits at close with a revision', async () => {
    const c = conn();
    const o = await c.call('file_open', { flags: 0x0042, path: '/new.txt' });
    expect(o).toMatchObject({ result: 0, fd: 1, fileid: expect.any(Number) });
    expect((await c.call('file_write', { fd: o.fd }, { verb: 'PUT', body: 'hello ' })).bytes).toBe(6);
    expect((await c.call('file_write', { fd: o.fd }, { parts: [{ field: 'data', filename: 'data', data: 'world' }] })).bytes).toBe(5);
    expect(await c.call('file_size', { fd: o.fd })).toMatchObject({ size: 11, offset: 11 });
    expect((await c.call('file_seek', { fd: o.fd, offset: 0 })).offset).toBe(0);
    const first = await c.send('file_read', { fd: o.fd, count: 5 });
    expect(first.headers['content-type']).toBe('application/octet-stream');
    expect(first.text).toBe('hello');
    expect((await c.send('file_read', { fd: o.fd, count: 100 })).text).toBe(' world');
    expect((await c.send('file_read', { fd: o.fd, count: 100 })).text).toBe('');
    // other methods still see the committed (empty) content until close
    expect((await alice.call('stat', { fileid: o.fileid })).metadata.size).toBe(0);
    expect((await c.call('file_close', { fd: o.fd })).result).toBe(0);
    expect((await alice.call('checksumfile', { fileid: o.fileid })).sha1).toBe(sha1('hello world'));
    expect((await alice.call('listrevisions', { fileid: o.fileid })).revisions).toHaveLength(1);
    expect((await c.call('file_size', { fd: o.fd })).result).toBe(1007);
  });

  it('pwrite / pread at offsets, pread_ifmod, checksum, truncate, seek whence 1 and 2', async () => {
    const f = await alice.upload('data.bin', '0123456789');
    const c = conn();
    const { fd } = await c.call('file_open', { flags: 0x0002, fileid: f.fileid });
    expect((await c.call('file_pwrite', { fd, offset: 2 }, { verb: 'PUT', body: 'AB' })).bytes).toBe(2);
    expect((await c.send('file_pread', { fd, offset: 0, count: 5 })).text).toBe('01AB4');
    expect((await c.call('file_size', { fd })).offset).toBe(0);
    const range = '01AB4';
    expect(await c.call('file_pread_ifmod', { fd, offset: 0, count: 5, sha1: sha1(range) })).toEqual({ result: 6000, error: 'Not modified' });
    expect((await c.send('file_pread_ifmod', { fd, offset: 0, count: 5, md5: 'ffff' })).text).toBe(range);
    expect((await c.call('file_pread_ifmod', { fd, offset: 0, count: 5 })).result).toBe(1019);
    const sums = await c.call('file_checksum', { fd, offset: 8, count: 10 });
    expect(sums).toMatchObject({ size: 2, sha1: sha1('89'), md5: createHash('md5').update('89').digest('hex') });
    expect((await c.call('file_seek', { fd, offset: -3, whence: 2 })).offset).toBe(7);
    expect((await c.call('file_seek', { fd, offset: 1, whence: 1 })).offset).toBe(8);
    expect((await c.call('file_seek', { fd, offset: -1, whence: 0 })).result).toBe(5004);
    expect((await c.call('file_seek', { fd, offset: 0, whence: 7 })).result).toBe(5004);
    expect((await c.call('file_truncate', { fd, length: 4 })).result).toBe(0);
    expect((await c.call('file_size', { fd })).size).toBe(4);
    await c.call('file_close', { fd });
    expect((await alice.call('checksumfile', { fileid: f.fileid })).sha1).toBe(sha1('01AB'));
  });

  it('honours TRUNC, APPEND and EXCL', async () => {
    const f = await alice.upload('log.txt', 'line1\n');
    const c = conn();
    const a = await c.call('file_open', { flags: 0x0402, path: '/log.txt' });
    await c.call('file_write', { fd: a.fd }, { verb: 'PUT', body: 'line2\n' });
    await c.call('file_close', { fd: a.fd });
    expect((await alice.call('checksumfile', { fileid: f.fileid })).sha1).toBe(sha1('line1\nline2\n'));
    const t = await c.call('file_open', { flags: 0x0202, fileid: f.fileid });
    expect((await c.call('file_size', { fd: t.fd })).size).toBe(0);
    await c.call('file_close', { fd: t.fd });
    expect((await alice.call('stat', { fileid: f.fileid })).metadata.size).toBe(0);
    expect((await c.call('file_open', { flags: 0x00c2, path: '/log.txt' })).result).toBe(2004);
    const d = await alice.mkdir('FO');
    const n = await c.call('file_open', { flags: 0x00c2, folderid: d.folderid, name: 'fresh.txt' });
    expect(n.result).toBe(0);
    expect(await alice.names(d.folderid)).toEqual(['fresh.txt']);
  });

  it('keeps descriptors per user: the same user reaches them from any connection, another user never', async () => {
    await alice.upload('p.txt', 'per user');
    const one = conn();
    const two = conn();
    const a = await one.call('file_open', { flags: 0, path: '/p.txt' });
    const b = await one.call('file_open', { flags: 0, path: '/p.txt' });
    expect(b.fd).toBe(a.fd + 1);
    expect((await one.call('file_seek', { fd: -1, offset: 4 })).offset).toBe(4);
    expect((await two.call('file_size', { fd: b.fd })).offset).toBe(4);
    expect((await one.call('file_size', { fd: -2 })).offset).toBe(0);
    expect((await one.call('file_size', { fd: b.fd + 1 })).result).toBe(1007);
    // another account, even on the very connection that opened them, gets nothing
    const bob = await srv.user();
    expect((await one.call('file_size', { fd: a.fd }, { token: bob.token })).result).toBe(1007);
    expect((await one.call('file_pread', { fd: a.fd, offset: 0, count: 3 }, { token: bob.token })).result).toBe(1007);
    expect((await one.call('file_close', { fd: -1 }, { token: bob.token })).result).toBe(1007);
    expect((await bob.call('file_open', { flags: 0, path: '/p.txt' })).result).toBe(2009);
    // the owner's descriptors outlive their connections (a keep-alive socket that was closed)
    one.close();
    two.close();
    const three = conn();
    expect((await three.send('file_pread', { fd: a.fd, offset: 0, count: 3 })).text).toBe('per');
    expect((await three.call('file_close', { fd: b.fd })).result).toBe(0);
    expect((await three.call('file_size', { fd: b.fd })).result).toBe(1007);
  });

  it('commits pending writes when the connection ends', async () => {
    const f = await alice.upload('dropped.txt', 'before');
    const c = conn();
    const { fd } = await c.call('file_open', { flags: 0x0002, fileid: f.fileid });
    await c.call('file_write', { fd }, { verb: 'PUT', body: 'after!' });
    c.close();
    let sum = '';
    for (let i = 0; i < 50 && sum !== sha1('after!'); i++) {
      await sleep(20);
      sum = (await alice.call('checksumfile', { fileid: f.fileid })).sha1;
    }
    expect(sum).toBe(sha1('after!'));
  });

  it('answers the documented errors', async () => {
    const f = await alice.upload('e.txt', 'errors');
    const c = conn();
    expect((await c.call('file_open', { path: '/e.txt' })).result).toBe(1006);
    expect((await c.call('file_open', { flags: 0 })).result).toBe(1004);
    expect((await c.call('file_open', { flags: 0x40 })).result).toBe(1001);
    expect((await c.call('file_open', { flags: 0, path: '/missing.txt' })).result).toBe(2009);
    expect((await c.call('file_open', { flags: 0x42, path: '/no/dir.txt' })).result).toBe(2002);
    expect((await c.call('file_open', { flags: 0x42, folderid: 0, name: 'a/b' })).result).toBe(2001);
    const { fd } = await c.call('file_open', { flags: 0, fileid: f.fileid });
    expect((await c.call('file_read', {})).result).toBe(1007);
    expect((await c.call('file_read', { fd: 'x', count: 1 })).result).toBe(1007);
    expect((await c.call('file_read', { fd })).result).toBe(1011);
    expect((await c.call('file_pread', { fd, count: 1 })).result).toBe(1009);
    expect((await c.call('file_pwrite', { fd }, { verb: 'PUT', body: 'x' })).result).toBe(1009);
    expect((await c.call('file_checksum', { fd, count: 1 })).result).toBe(1009);
    expect((await c.call('file_checksum', { fd, offset: 0 })).result).toBe(1011);
    expect((await c.call('file_truncate', { fd })).result).toBe(1010);
    expect((await c.call('file_seek', { fd })).result).toBe(1009);
    expect((await c.call('file_lock', { fd })).result).toBe(1008);
    expect(await c.call('file_lock', { fd, type: 3 })).toEqual({ result: 1012, error: 'Invalid lock type. Please provide type (supported values: 0, 1, 2).' });
    // a read-only descriptor cannot write
    expect((await c.call('file_write', { fd }, { verb: 'PUT', body: 'x' })).result).toBe(5003);
    expect((await c.call('file_truncate', { fd, length: 0 })).result).toBe(5003);
    // another user's file is unknown
    const bob = await srv.user();
    const theirs = await bob.upload('bob.txt', 'b');
    expect((await c.call('file_open', { flags: 0, fileid: theirs.fileid })).result).toBe(2009);
  });

  it('reads fail with 5004 and writes with 5003 once the file is deleted', async () => {
    const f = await alice.upload('vanish.txt', 'soon gone, unique');
    const c = conn();
    const { fd } = await c.call('file_open', { flags: 0x0002, fileid: f.fileid });
    await alice.call('deletefile', { fileid: f.fileid });
    expect((await c.send('file_pread', { fd, offset: 0, count: 4 })).json.result).toBe(5004);
    expect((await c.call('file_write', { fd }, { verb: 'PUT', body: 'x' })).result).toBe(5003);
  });

  it('refuses writes over quota with 2008', async () => {
    const small = await srv.user({ quota: 20 });
    const f = await small.upload('q.txt', '12345');
    const c = conn(small);
    const { fd } = await c.call('file_open', { flags: 0x0002, fileid: f.fileid });
    expect((await c.call('file_write', { fd }, { verb: 'PUT', body: Buffer.alloc(16) })).result).toBe(2008);
    expect((await c.call('file_write', { fd }, { verb: 'PUT', body: Buffer.alloc(10) })).result).toBe(0);
  });

  it('locks: shared locks coexist, exclusive ones wait or fail with noblock', async () => {
    const f = await alice.upload('lock.txt', 'l');
    const a = conn();
    const b = conn();
    const fa = (await a.call('file_open', { flags: 0, fileid: f.fileid })).fd;
    const fb = (await b.call('file_open', { flags: 0, fileid: f.fileid })).fd;
    expect((await a.call('file_lock', { fd: fa, type: 1 })).locked).toBe(true);
    expect((await b.call('file_lock', { fd: fb, type: 1 })).locked).toBe(true);
    expect((await b.call('file_lock', { fd: fb, type: 2, noblock: 1 })).locked).toBe(false);
    expect((await b.call('file_lock', { fd: fb, type: 2, get: 1 })).locked).toBe(true);
    const waiting = b.call('file_lock', { fd: fb, type: 2 });
    await sleep(50);
    expect((await a.call('file_lock', { fd: fa, type: 0 })).result).toBe(0);
    expect(await waiting).toMatchObject({ result: 0, locked: true });
    expect((await a.call('file_lock', { fd: fa, type: 1, noblock: 1 })).locked).toBe(false);
    await b.call('file_close', { fd: fb });
    expect((await a.call('file_lock', { fd: fa, type: 2, noblock: 1 })).locked).toBe(true);
  });

  it('keeps working with OAuth and auth tokens alike', async () => {
    const c = conn();
    const r: Json = await c.call('file_open', { flags: 0x42, path: '/tok.txt' }, { auth: alice.authToken() });
    expect(r.result).toBe(0);
  });
});
