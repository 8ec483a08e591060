// Resumable upload sessions: upload_create / upload_write / upload_info / upload_save / upload_delete
// (methods-core.md §4).
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, sleep, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
});
afterAll(() => srv.close());

const sha1 = (b: Buffer | string) => createHash('sha1').update(b).digest('hex');

async function create(u: TestUser = alice, params = {}): Promise<number> {
  const r = await u.call('upload_create', params);
  expect(r.result).toBe(0);
  expect(typeof r.uploadid).toBe('number');
  return r.uploadid;
}

const write = (id: number, offset: number, data: string | Buffer, u: TestUser = alice) =>
  u.call('upload_write', { uploadid: id, uploadoffset: offset }, { verb: 'PUT', body: data });

describe('a session from create to save', () => {
  it('writes chunks, reports size and checksums, saves as a file', async () => {
    const id = await create(alice, { filesize: 11 });
    expect(await write(id, 0, 'hello ')).toMatchObject({ result: 0 });
    expect(await write(id, 6, 'world')).toMatchObject({ result: 0 });
    const info = await alice.call('upload_info', { uploadid: id });
    expect(info).toMatchObject({ result: 0, size: 11, sha1: sha1('hello world'), md5: createHash('md5').update('hello world').digest('hex') });
    const d = await alice.mkdir('Sessions');
    const saved = await alice.call('upload_save', { uploadid: id, folderid: d.folderid, name: 'hello.txt', mtime: 1_300_000_000, timeformat: 'timestamp' });
    expect(saved.metadata).toMatchObject({ name: 'hello.txt', size: 11, parentfolderid: d.folderid, modified: 1_300_000_000 });
    const sums = await alice.call('checksumfile', { fileid: saved.metadata.fileid });
    expect(sums.sha1).toBe(sha1('hello world'));
    expect((await alice.call('upload_info', { uploadid: id })).result).toBe(2067);
  });

  it('accepts the same chunk written twice at the same offset', async () => {
    const id = await create();
    await write(id, 0, 'AAAA');
    await write(id, 4, 'BBBB');
    await write(id, 4, 'BBBB');
    await write(id, 8, 'CC');
    const info = await alice.call('upload_info', { uploadid: id });
    expect(info).toMatchObject({ size: 10, sha1: sha1('AAAABBBBCC') });
    const saved = await alice.call('upload_save', { uploadid: id, folderid: 0, name: 'twice.txt' });
    expect(saved.metadata.size).toBe(10);
  });

  it('takes the chunk as multipart and POST octet-stream too', async () => {
    const id = await create();
    expect((await alice.call('upload_write', { uploadid: id, uploadoffset: 0 }, { parts: [{ filename: 'blob', data: 'multi' }] })).result).toBe(0);
    expect((await alice.call('upload_write', { uploadid: id, uploadoffset: 5 }, { verb: 'POST', body: 'post' })).result).toBe(0);
    expect((await alice.call('upload_info', { uploadid: id })).sha1).toBe(sha1('multipost'));
  });

  it('resumes after a write whose body broke off', async () => {
    const id = await create();
    await write(id, 0, 'first-');
    // a chunk whose connection breaks half way: the client half-closes before Content-Length is reached
    const sock = connect(srv.port, '127.0.0.1');
    await new Promise((r) => sock.once('connect', r));
    const chunks: Buffer[] = [];
    sock.on('data', (c: Buffer) => chunks.push(c));
    const closed = new Promise((r) => sock.once('close', r));
    sock.write(`PUT /upload_write?uploadid=${id}&uploadoffset=6&access_token=${alice.token} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nbroken`);
    await sleep(30);
    sock.end();
    await closed;
    expect(Buffer.concat(chunks).toString()).toContain('"result":2041');
    const info = await alice.call('upload_info', { uploadid: id });
    expect(info).toMatchObject({ size: 6, sha1: sha1('first-') });
    await write(id, info.size, 'second');
    const saved = await alice.call('upload_save', { uploadid: id, folderid: 0, name: 'resumed.txt' });
    expect((await alice.call('checksumfile', { fileid: saved.metadata.fileid })).sha1).toBe(sha1('first-second'));
  });

  it('saves over an existing file as a new revision, or beside it with renameifexists', async () => {
    const old = await alice.upload('target.txt', 'old');
    let id = await create();
    await write(id, 0, 'new!');
    const a = await alice.call('upload_save', { uploadid: id, folderid: 0, name: 'target.txt' });
    expect(a.metadata).toMatchObject({ fileid: old.fileid, size: 4 });
    expect((await alice.call('listrevisions', { fileid: old.fileid })).revisions).toHaveLength(1);
    id = await create();
    await write(id, 0, 'other');
    const b = await alice.call('upload_save', { uploadid: id, folderid: 0, name: 'target.txt', renameifexists: 1 });
    expect(b.metadata.name).toBe('target (2).txt');
  });

  it('gives EU accounts sha256 instead of md5', async () => {
    const eu = await srv.user({ locationid: 2 });
    const id = await create(eu);
    await write(id, 0, 'eu data', eu);
    const info = await eu.call('upload_info', { uploadid: id });
    expect(info.sha256).toBe(createHash('sha256').update('eu data').digest('hex'));
    expect(info.md5).toBeUndefined();
  });

  it('deletes a session', async () => {
    const id = await create();
    expect((await alice.call('upload_delete', { uploadid: id })).result).toBe(0);
    expect((await write(id, 0, 'x')).result).toBe(2067);
  });
});

describe('bad requests', () => {
  it('answers unknown, foreign and malformed ids with 2067', async () => {
    const bob = await srv.user();
    const theirs = await create(bob);
    for (const uploadid of [theirs, 987654, 'abc']) {
      expect((await alice.call('upload_info', { uploadid })).result).toBe(2067);
      expect((await alice.call('upload_write', { uploadid, uploadoffset: 0 }, { verb: 'PUT', body: 'x' })).result).toBe(2067);
      expect((await alice.call('upload_save', { uploadid, folderid: 0, name: 'x' })).result).toBe(2067);
      expect((await alice.call('upload_delete', { uploadid })).result).toBe(2067);
    }
    expect((await alice.call('upload_info')).result).toBe(2067);
    expect((await bob.call('upload_info', { uploadid: theirs })).result).toBe(0);
  });

  it('refuses a write that would leave a hole, or without offset', async () => {
    const id = await create();
    expect((await write(id, 5, 'x')).result).toBe(2068);
    expect((await alice.call('upload_write', { uploadid: id }, { verb: 'PUT', body: 'x' })).result).toBe(2068);
  });

  it('refuses bad save targets and keeps the session usable', async () => {
    const id = await create();
    await write(id, 0, 'keep me');
    expect((await alice.call('upload_save', { uploadid: id, folderid: 0, name: 'a/b' })).result).toBe(2001);
    expect((await alice.call('upload_save', { uploadid: id, folderid: 0 })).result).toBe(2001);
    expect((await alice.call('upload_save', { uploadid: id, folderid: 4321, name: 'x' })).result).toBe(2005);
    const saved = await alice.call('upload_save', { uploadid: id, folderid: 0, name: 'kept.txt' });
    expect(saved.metadata.size).toBe(7);
  });

  it('refuses writes and saves over quota', async () => {
    const small = await srv.user({ quota: 10 });
    const id = await create(small);
    expect((await write(id, 0, Buffer.alloc(11), small)).result).toBe(2008);
    expect((await write(id, 0, Buffer.alloc(8), small)).result).toBe(0);
    await small.upload('filler', Buffer.alloc(5));
    expect((await small.call('upload_save', { uploadid: id, folderid: 0, name: 'late.bin' })).result).toBe(2008);
    expect(await small.names()).toEqual(['filler']);
  });
});
