// Resumable upload sessions: upload_create / upload_write / upload_info / upload_save / upload_delete
// (docs/pcloud/methods-core.md §4).
import { createHash, randomBytes } from 'node:crypto';
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

// upload_write keeps running checksums while chunks arrive in order, so upload_save does not re-read
// the session; whatever order the writes came in, the saved file and upload_info must be right.
describe('checksums of a session, however it was written', () => {
  const md5 = (b: Buffer | string) => createHash('md5').update(b).digest('hex');
  const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

  /** upload_info, then upload_save, then checksumfile and the content itself all match `want`. */
  async function expectSaved(id: number, want: Buffer, u: TestUser = alice) {
    const sums = u.row.locationid === 2 ? { sha1: sha1(want), sha256: sha256(want) } : { sha1: sha1(want), md5: md5(want) };
    expect(await u.call('upload_info', { uploadid: id })).toMatchObject({ result: 0, size: want.length, ...sums });
    const saved = await u.call('upload_save', { uploadid: id, folderid: 0, name: `s${id}.bin` });
    expect(saved.metadata).toMatchObject({ size: want.length });
    expect(await u.call('checksumfile', { fileid: saved.metadata.fileid })).toMatchObject({ result: 0, ...sums });
    const link = await u.call('getfilelink', { fileid: saved.metadata.fileid });
    expect((await srv.fetchLink(link)).body.equals(want)).toBe(true);
    return saved.metadata;
  }

  it('in order: the saved file carries the right checksums and the same hash as an uploadfile of it', async () => {
    const data = randomBytes(3 * 256 * 1024 + 17);
    const id = await create(alice, { filesize: data.length });
    for (let off = 0; off < data.length; off += 256 * 1024) {
      expect((await write(id, off, data.subarray(off, off + 256 * 1024))).result).toBe(0);
      // upload_info in between does not disturb the running checksums
      expect((await alice.call('upload_info', { uploadid: id })).sha1).toBe(sha1(data.subarray(0, Math.min(off + 256 * 1024, data.length))));
    }
    const meta = await expectSaved(id, data);
    expect((await alice.upload('same.bin', data)).hash).toBe(meta.hash);
  });

  it('in order on an EU account: sha256 is right too', async () => {
    const eu = await srv.user({ locationid: 2 });
    const data = randomBytes(100_000);
    const id = await create(eu);
    await write(id, 0, data.subarray(0, 60_000), eu);
    await write(id, 60_000, data.subarray(60_000), eu);
    await expectSaved(id, data, eu);
  });

  it('an empty session saves as an empty file', async () => {
    await expectSaved(await create(), Buffer.alloc(0));
  });

  it('out of order: a chunk rewritten after later ones arrived', async () => {
    const id = await create();
    await write(id, 0, 'AAAA');
    await write(id, 4, 'BBBB');
    await write(id, 0, 'aaaa'); // a retry with other bytes, after the next chunk was written
    await write(id, 8, 'CCCC');
    await expectSaved(id, Buffer.from('aaaaBBBBCCCC'));
  });

  it('a write that overwrites an earlier range and runs past the end', async () => {
    const id = await create();
    await write(id, 0, 'hello world');
    await write(id, 6, 'there, you!');
    await expectSaved(id, Buffer.from('hello there, you!'));
  });

  it('in-order writes after an out-of-order one, with and without upload_info in between', async () => {
    const id = await create();
    await write(id, 0, '0123456789');
    await write(id, 2, 'xy');
    expect((await alice.call('upload_info', { uploadid: id })).sha1).toBe(sha1('01xy456789'));
    await write(id, 10, 'tail');
    await write(id, 14, '!');
    await expectSaved(id, Buffer.from('01xy456789tail!'));
  });

  it('two writes at once at the same offset', async () => {
    const id = await create();
    await write(id, 0, 'aaaa');
    // the first write sends half its body and stalls; a second one at the same offset completes meanwhile
    const slow = srv.open('upload_write', { uploadid: id, uploadoffset: 4, access_token: alice.token }, { headers: { 'Content-Length': '4' } });
    slow.req.write('bb');
    await sleep(100);
    expect((await write(id, 4, 'cccc')).result).toBe(0);
    slow.req.end('bb');
    expect((await slow.reply).json.result).toBe(0);
    await expectSaved(id, Buffer.from('aaaaccbb'));
  });

  it('after a restart (checksums kept in memory are gone)', async () => {
    const own = await TestServer.start();
    try {
      const u = await own.user();
      const id = (await u.call('upload_create')).uploadid;
      const put = (offset: number, data: string) => u.call('upload_write', { uploadid: id, uploadoffset: offset }, { verb: 'PUT', body: data });
      await put(0, 'before ');
      await own.restart();
      expect(await u.call('upload_info', { uploadid: id })).toMatchObject({ size: 7, sha1: sha1('before ') });
      await put(7, 'and after');
      const saved = await u.call('upload_save', { uploadid: id, folderid: 0, name: 'restarted.txt' });
      expect(await u.call('checksumfile', { fileid: saved.metadata.fileid })).toMatchObject({ sha1: sha1('before and after'), md5: md5('before and after') });
      // a second restart between the last write and the save
      const id2 = (await u.call('upload_create')).uploadid;
      await u.call('upload_write', { uploadid: id2, uploadoffset: 0 }, { verb: 'PUT', body: 'saved after restart' });
      await own.restart();
      const saved2 = await u.call('upload_save', { uploadid: id2, folderid: 0, name: 'restarted2.txt' });
      expect(await u.call('checksumfile', { fileid: saved2.metadata.fileid })).toMatchObject({ sha1: sha1('saved after restart') });
    } finally {
      await own.close();
    }
  });
});
