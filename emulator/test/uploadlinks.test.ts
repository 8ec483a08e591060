// Upload links (docs/pcloud/methods-uploadlinks.md): creation rules, anonymous uploads within the limits,
// counters, progress, copytolink, change and deletion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;
let bob: TestUser;
let drop: Json;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  bob = await srv.user();
  drop = await alice.mkdir('Drop');
});
afterAll(() => srv.close());

const upload = (code: string, files: { name: string; data: string }[], extra: Record<string, string> = {}) =>
  srv.call('uploadtolink', { code, names: 'Carol', ...extra }, { parts: files.map((f) => ({ filename: f.name, data: f.data })) });

describe('upload links', () => {
  it('validates creation', async () => {
    expect((await alice.call('createuploadlink', { comment: 'x' })).result).toBe(1002);
    expect((await alice.call('createuploadlink', { folderid: drop.folderid })).result).toBe(1035);
    expect((await bob.call('createuploadlink', { folderid: drop.folderid, comment: 'x' })).result).toBe(2005);
    expect((await alice.call('createuploadlink', { folderid: drop.folderid, comment: 'x', expire: 'nonsense' })).result).toBe(1013);
  });

  it('accepts anonymous uploads within maxfiles and maxspace, counting them', async () => {
    const r = await alice.call('createuploadlink', { folderid: drop.folderid, comment: 'Slides here', maxfiles: 3, maxspace: 10 });
    expect(r).toMatchObject({ result: 0, uploadlinkid: expect.any(Number), code: expect.any(String), mail: expect.stringContaining('@'), link: expect.stringContaining(r.code) });
    expect(await srv.call('showuploadlink', { code: r.code })).toEqual({ result: 0, comment: 'Slides here', mail: r.mail });
    expect((await srv.call('showuploadlink', {})).result).toBe(1022);
    expect((await srv.call('showuploadlink', { code: 'nope' })).result).toBe(7001);
    expect((await srv.call('uploadtolink', { code: r.code }, { parts: [{ filename: 'a.txt', data: 'a' }] })).result).toBe(2001);
    expect((await upload(r.code, [{ name: 'a.txt', data: 'abc' }], { progresshash: 'p1' })).result).toBe(0);
    const progress = await srv.call('uploadlinkprogress', { code: r.code, progresshash: 'p1' });
    expect(progress).toMatchObject({ result: 0, finished: true, filenumber: 1 });
    expect(progress.files).toBeUndefined();
    expect((await srv.call('uploadlinkprogress', { code: r.code, progresshash: 'other' })).result).toBe(1900);
    // a name clash is renamed, never overwritten
    expect((await upload(r.code, [{ name: 'a.txt', data: 'def' }])).result).toBe(0);
    expect(await alice.names(drop.folderid)).toEqual(['a (2).txt', 'a.txt']);
    // 7 bytes left: 8 more are refused and leave nothing behind
    expect((await upload(r.code, [{ name: 'big.txt', data: '12345678' }])).result).toBe(7007);
    expect(await alice.names(drop.folderid)).toEqual(['a (2).txt', 'a.txt']);
    expect((await upload(r.code, [{ name: 'c.txt', data: 'c' }])).result).toBe(0);
    expect((await upload(r.code, [{ name: 'd.txt', data: 'd' }])).result).toBe(7008);
    expect((await srv.call('showuploadlink', { code: r.code })).result).toBe(7008);
    const list = (await alice.call('listuploadlinks')).uploadlinks;
    expect(list[0]).toMatchObject({ uploadlinkid: r.uploadlinkid, files: 3, space: 7, maxfiles: 3, maxspace: 10, comment: 'Slides here', metadata: { folderid: drop.folderid, isshared: true } });
    // lifting the file limit lets more in; diff tells the owner
    expect((await alice.call('changeuploadlink', { uploadlinkid: r.uploadlinkid, maxfiles: 0 })).result).toBe(0);
    expect((await upload(r.code, [{ name: 'd.txt', data: 'd' }])).result).toBe(0);
    const ev = (await alice.call('diff', { diffid: 0 })).entries.filter((e: Json) => e.event === 'createfile').map((e: Json) => e.metadata.name);
    expect(ev).toEqual(expect.arrayContaining(['a.txt', 'a (2).txt', 'c.txt', 'd.txt']));
  });

  it('copytolink, expiry, change and delete', async () => {
    const r = await alice.call('createuploadlink', { path: '/Drop', comment: 'Copy', maxspace: 5 });
    const mine = await bob.upload('bob.txt', 'bob');
    expect((await bob.call('copytolink', { code: r.code, fileid: mine.fileid, toname: 'from-bob.txt' })).result).toBe(0);
    expect((await bob.call('copytolink', { code: r.code, fileid: mine.fileid })).result).toBe(7007);
    expect((await bob.call('copytolink', { code: r.code })).result).toBe(1004);
    expect((await bob.call('listfolder', { folderid: drop.folderid })).result).toBe(2005);
    expect(await alice.names(drop.folderid)).toContain('from-bob.txt');

    expect((await alice.call('changeuploadlink', {})).result).toBe(1036);
    expect((await bob.call('changeuploadlink', { uploadlinkid: r.uploadlinkid, maxspace: 0 })).result).toBe(2040);
    expect((await alice.call('changeuploadlink', { uploadlinkid: r.uploadlinkid, expire: '2001-01-01T00:00:00Z' })).result).toBe(0);
    expect((await srv.call('showuploadlink', { code: r.code })).result).toBe(7004);
    expect((await upload(r.code, [{ name: 'late.txt', data: 'x' }])).result).toBe(7004);
    expect((await alice.call('changeuploadlink', { uploadlinkid: r.uploadlinkid, deleteexpire: 1 })).result).toBe(0);
    expect((await srv.call('showuploadlink', { code: r.code })).result).toBe(0);

    expect((await bob.call('deleteuploadlink', { uploadlinkid: r.uploadlinkid })).result).toBe(2040);
    expect((await alice.call('deleteuploadlink', { uploadlinkid: r.uploadlinkid })).result).toBe(0);
    expect((await alice.call('deleteuploadlink', { uploadlinkid: r.uploadlinkid })).result).toBe(2040);
    expect((await srv.call('showuploadlink', { code: r.code })).result).toBe(7002);
    expect((await upload(r.code, [{ name: 'x.txt', data: 'x' }])).result).toBe(7002);
    expect((await alice.call('listuploadlinks')).uploadlinks.map((l: Json) => l.uploadlinkid)).not.toContain(r.uploadlinkid);
  });

  it('needs a folder the caller owns (2039 inside a share)', async () => {
    const d = await bob.mkdir('BobShare');
    await bob.call('sharefolder', { folderid: d.folderid, mail: alice.email, permissions: 7 });
    const id = (await alice.call('listshares')).requests.incoming[0].sharerequestid;
    expect((await alice.call('acceptshare', { sharerequestid: id })).result).toBe(0);
    expect((await alice.call('createuploadlink', { folderid: d.folderid, comment: 'x' })).result).toBe(2039);
  });
});
