// File methods other than uploads (docs/pcloud/methods-core.md §3): stat, checksumfile, copyfile, renamefile, deletefile.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;
let bob: TestUser;
let bobFile: Json;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  bob = await srv.user();
  bobFile = await bob.upload('bob.txt', 'bob secret');
});
afterAll(() => srv.close());

const hex = (algo: string, s: string) => createHash(algo).update(s).digest('hex');

/** Every file method must answer another user's fileid exactly like an unknown one. */
async function expectHidden(method: string, extra: Record<string, string | number> = {}) {
  const foreign = await alice.call(method, { fileid: bobFile.fileid, ...extra });
  const unknown = await alice.call(method, { fileid: 99999999, ...extra });
  expect(foreign).toEqual(unknown);
  expect(foreign.result).toBe(2009);
}

describe('stat', () => {
  it('describes a file by id and by path', async () => {
    const f = await alice.upload('photo.jpg', 'jpeg bytes');
    const a = await alice.call('stat', { fileid: f.fileid });
    expect(a.metadata).toMatchObject({
      name: 'photo.jpg', fileid: f.fileid, id: `f${f.fileid}`, isfolder: false, parentfolderid: 0,
      size: 10, contenttype: 'image/jpeg', category: 1, icon: 'image', ismine: true,
    });
    expect(typeof a.metadata.hash).toBe('string');
    const b = await alice.call('stat', { path: '/photo.jpg' });
    expect(b.metadata.fileid).toBe(f.fileid);
  });

  it('answers bad requests', async () => {
    expect((await alice.call('stat', {})).result).toBe(1004);
    expect((await alice.call('stat', { fileid: 'x1' })).result).toBe(1018);
    expect((await alice.call('stat', { path: '/no/such.txt' })).result).toBe(2002);
    expect((await alice.call('stat', { path: '/none.txt' })).result).toBe(2009);
    expect((await alice.call('stat', { path: 'none.txt' })).result).toBe(2010);
    await expectHidden('stat');
  });
});

describe('checksumfile', () => {
  it('gives sha1 + md5 to US accounts', async () => {
    const f = await alice.upload('sum.txt', 'checksum me');
    const r = await alice.call('checksumfile', { fileid: f.fileid });
    expect(r.sha1).toBe(hex('sha1', 'checksum me'));
    expect(r.md5).toBe(hex('md5', 'checksum me'));
    expect(r.sha256).toBeUndefined();
    expect(r.metadata.fileid).toBe(f.fileid);
  });

  it('gives sha1 + sha256 to EU accounts (locationid 2)', async () => {
    const eu = await srv.user({ locationid: 2 });
    const f = await eu.upload('eu.txt', 'europe');
    const r = await eu.call('checksumfile', { path: '/eu.txt' });
    expect(r.sha1).toBe(hex('sha1', 'europe'));
    expect(r.sha256).toBe(hex('sha256', 'europe'));
    expect(r.md5).toBeUndefined();
    expect(r.metadata.fileid).toBe(f.fileid);
  });

  it('answers bad requests', async () => {
    expect((await alice.call('checksumfile', {})).result).toBe(1004);
    expect((await alice.call('checksumfile', { path: '/missing/dir/x' })).result).toBe(2002);
    await expectHidden('checksumfile');
  });
});

describe('copyfile', () => {
  it('copies to a folder, to a new name, and into a folder by trailing-slash topath', async () => {
    const f = await alice.upload('orig.txt', 'original', { mtime: 1_000_000_000 });
    const d = await alice.mkdir('Copies');
    const a = await alice.call('copyfile', { fileid: f.fileid, tofolderid: d.folderid });
    expect(a.metadata).toMatchObject({ name: 'orig.txt', parentfolderid: d.folderid, size: 8 });
    expect(a.metadata.fileid).not.toBe(f.fileid);
    const b = await alice.call('copyfile', { fileid: f.fileid, tofolderid: d.folderid, toname: 'renamed.txt' });
    expect(b.metadata.name).toBe('renamed.txt');
    const c = await alice.call('copyfile', { path: '/orig.txt', topath: '/Copies/by-path.txt' });
    expect(c.metadata.path).toBe('/Copies/by-path.txt');
    await alice.mkdir('Sub', d.folderid);
    const e = await alice.call('copyfile', { fileid: f.fileid, topath: '/Copies/Sub/' });
    expect(e.metadata).toMatchObject({ name: 'orig.txt', path: '/Copies/Sub/orig.txt' });
  });

  it('overwrites an existing target in place unless noover', async () => {
    const src = await alice.upload('src.txt', 'new content');
    const dst = await alice.upload('dst.txt', 'old');
    expect((await alice.call('copyfile', { fileid: src.fileid, topath: '/dst.txt', noover: 1 })).result).toBe(2004);
    const r = await alice.call('copyfile', { fileid: src.fileid, topath: '/dst.txt' });
    expect(r.metadata).toMatchObject({ fileid: dst.fileid, size: 11 });
    const revs = await alice.call('listrevisions', { fileid: dst.fileid });
    expect(revs.revisions.map((x: Json) => x.size)).toEqual([3]);
  });

  it('copying a file onto itself with mtime only changes its times', async () => {
    const f = await alice.upload('times.txt', 'same');
    const r = await alice.call('copyfile', { fileid: f.fileid, tofolderid: 0, mtime: 1_500_000_000, ctime: 1_400_000_000, timeformat: 'timestamp' });
    expect(r.metadata).toMatchObject({ fileid: f.fileid, modified: 1_500_000_000, created: 1_400_000_000, hash: f.hash });
  });

  it('answers bad requests', async () => {
    const f = await alice.upload('c.txt', 'c');
    expect((await alice.call('copyfile', { tofolderid: 0 })).result).toBe(1004);
    expect((await alice.call('copyfile', { fileid: f.fileid })).result).toBe(1016);
    expect((await alice.call('copyfile', { fileid: f.fileid, tofolderid: 0, toname: 'a/b' })).result).toBe(2001);
    expect((await alice.call('copyfile', { fileid: f.fileid, topath: '/nowhere/x.txt' })).result).toBe(2005);
    await expectHidden('copyfile', { tofolderid: 0 });
    const theirs = await bob.mkdir('BobDir');
    const r = await alice.call('copyfile', { fileid: f.fileid, tofolderid: theirs.folderid });
    expect(r.result).toBe(2005);
    expect(await bob.names(theirs.folderid)).toEqual([]);
  });

  it('refuses a copy over quota', async () => {
    const small = await srv.user({ quota: 10 });
    const f = await small.upload('seven.txt', '1234567');
    expect((await small.call('copyfile', { fileid: f.fileid, tofolderid: 0, toname: 'copy.txt' })).result).toBe(2008);
    expect(await small.names()).toEqual(['seven.txt']);
  });
});

describe('renamefile', () => {
  it('renames and moves, keeping the fileid', async () => {
    const f = await alice.upload('r.txt', 'r');
    const d = await alice.mkdir('Moved');
    const a = await alice.call('renamefile', { fileid: f.fileid, toname: 'r2.txt' });
    expect(a.metadata).toMatchObject({ fileid: f.fileid, name: 'r2.txt' });
    const b = await alice.call('renamefile', { fileid: f.fileid, tofolderid: d.folderid });
    expect(b.metadata).toMatchObject({ fileid: f.fileid, name: 'r2.txt', parentfolderid: d.folderid });
    const c = await alice.call('renamefile', { path: '/Moved/r2.txt', topath: '/r3.txt' });
    expect(c.metadata).toMatchObject({ fileid: f.fileid, name: 'r3.txt', parentfolderid: 0 });
  });

  it('replaces an existing target atomically and reports deletedfileid', async () => {
    const a = await alice.upload('keep.txt', 'keep');
    const b = await alice.upload('replaced.txt', 'replaced');
    const r = await alice.call('renamefile', { fileid: a.fileid, toname: 'replaced.txt' });
    expect(r.metadata).toMatchObject({ fileid: a.fileid, name: 'replaced.txt', deletedfileid: b.fileid });
    expect((await alice.call('stat', { fileid: b.fileid })).result).toBe(2009);
  });

  it('answers bad requests', async () => {
    const f = await alice.upload('rr.txt', 'x');
    expect((await alice.call('renamefile', { toname: 'x' })).result).toBe(1004);
    expect((await alice.call('renamefile', { fileid: f.fileid })).result).toBe(1037);
    expect((await alice.call('renamefile', { fileid: f.fileid, toname: '' })).result).toBe(2001);
    expect((await alice.call('renamefile', { fileid: f.fileid, toname: 'a\u0000b' })).result).toBe(2001);
    expect((await alice.call('renamefile', { fileid: f.fileid, topath: '/none/x' })).result).toBe(2005);
    await expectHidden('renamefile', { toname: 'mine.txt' });
    const theirs = await bob.mkdir('BobTarget');
    expect((await alice.call('renamefile', { fileid: f.fileid, tofolderid: theirs.folderid })).result).toBe(2005);
    expect(await alice.names()).toContain('rr.txt');
  });
});

describe('deletefile', () => {
  it('moves a file to the trash', async () => {
    const f = await alice.upload('del.txt', 'x');
    const r = await alice.call('deletefile', { fileid: f.fileid });
    expect(r.metadata).toMatchObject({ fileid: f.fileid, isdeleted: true });
    expect((await alice.call('stat', { fileid: f.fileid })).result).toBe(2009);
    expect((await alice.call('deletefile', { fileid: f.fileid })).result).toBe(2009);
  });

  it('answers bad requests', async () => {
    expect((await alice.call('deletefile', {})).result).toBe(1004);
    expect((await alice.call('deletefile', { path: '/x/y/z' })).result).toBe(2002);
    await expectHidden('deletefile');
    expect((await bob.call('stat', { fileid: bobFile.fileid })).result).toBe(0);
  });
});
