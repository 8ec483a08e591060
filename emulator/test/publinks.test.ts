// Public links (docs/pcloud/methods-publinks.md): creation, limits and counters, expiry, deletion, and what an
// anonymous viewer can and cannot reach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;
let bob: TestUser;
let folder: Json;
let sub: Json;
let inner: Json;
let nested: Json;
let outside: Json;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  bob = await srv.user();
  folder = await alice.mkdir('Pub');
  sub = await alice.mkdir('Deep', folder.folderid);
  inner = await alice.upload('in.txt', '0123456789', { folderid: folder.folderid });
  nested = await alice.upload('nested.txt', 'abc', { folderid: sub.folderid });
  outside = await alice.upload('secret.txt', 'top secret');
});
afterAll(() => srv.close());

describe('file links', () => {
  it('creates links with codes, short links and limits; lists and deletes them', async () => {
    expect((await alice.call('getfilepublink', {})).result).toBe(1004);
    expect((await bob.call('getfilepublink', { fileid: inner.fileid })).result).toBe(2009);
    expect((await alice.call('getfilepublink', { fileid: inner.fileid }, { headers: { Referer: 'https://evil.example/' } })).result).toBe(7010);
    const r = await alice.call('getfilepublink', { fileid: inner.fileid, shortlink: 1, maxdownloads: 2 });
    expect(r).toMatchObject({ result: 0, linkid: expect.any(Number), code: expect.stringMatching(/^XZ/), link: expect.stringContaining(`code=${r.code}`) });
    expect(r.shortlink).toContain(r.shortcode);
    const list = (await alice.call('listpublinks')).publinks;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ linkid: r.linkid, downloads: 0, traffic: 0, maxdownloads: 2, shortcode: r.shortcode, metadata: { fileid: inner.fileid } });
    const short = (await alice.call('listplshort')).publinks[0];
    expect(short).toMatchObject({ linkid: r.linkid, isfolder: false, fileid: inner.fileid, id: `f${inner.fileid}` });
    expect(short.metadata).toBeUndefined();

    const shown = await srv.call('showpublink', { code: r.shortcode });
    expect(shown.metadata).toMatchObject({ fileid: inner.fileid, name: 'in.txt', isshared: false, ismine: false });
    expect(shown.metadata.path).toBeUndefined();
    expect(shown.metadata.parentfolderid).toBeUndefined();
    expect(shown.ownerisme).toBeUndefined();
    expect((await alice.call('showpublink', { code: r.code })).ownerisme).toBe(true);
    expect((await bob.call('showpublink', { code: r.code })).ownerisme).toBe(false);

    // downloads count when the content link is fetched; the limit then answers 7006
    for (let i = 0; i < 2; i++) {
      const dl = await srv.call('getpublinkdownload', { code: r.code });
      expect(dl.result).toBe(0);
      const got = await srv.fetchLink(dl);
      expect(got.text).toBe('0123456789');
    }
    expect((await alice.call('listpublinks')).publinks[0]).toMatchObject({ downloads: 2, traffic: 20 });
    expect((await srv.call('getpublinkdownload', { code: r.code })).result).toBe(7006);
    expect((await srv.call('showpublink', { code: r.code })).result).toBe(7006);
    // copypubfile moves no bytes and still works
    const copy = await bob.call('copypubfile', { code: r.code, tofolderid: 0 });
    expect(copy.metadata).toMatchObject({ name: 'in.txt', ismine: true, size: 10 });
    expect((await bob.call('copypubfile', { code: r.code })).result).toBe(1016);

    expect((await alice.call('changepublink', { linkid: r.linkid, maxdownloads: 0, deleteshortlink: 1 })).result).toBe(0);
    expect((await srv.call('showpublink', { code: r.shortcode })).result).toBe(7001);
    expect((await srv.call('getpublinkdownload', { code: r.code })).result).toBe(0);
    expect((await srv.call('getpublinkdownload', { code: r.code, fileid: outside.fileid })).result).toBe(2009);

    expect((await alice.call('deletepublink', {})).result).toBe(1030);
    expect((await bob.call('deletepublink', { linkid: r.linkid })).result).toBe(2027);
    expect((await alice.call('deletepublink', { linkid: r.linkid })).result).toBe(0);
    expect((await alice.call('deletepublink', { linkid: r.linkid })).result).toBe(2027);
    expect((await srv.call('showpublink', { code: r.code })).result).toBe(7002);
    expect((await alice.call('listpublinks')).publinks).toEqual([]);
  });

  it('answers 1028 / 7001 / 7004 / 7005', async () => {
    expect((await srv.call('showpublink', {})).result).toBe(1028);
    expect((await srv.call('showpublink', { code: 'nope' })).result).toBe(7001);
    const past = await alice.call('getfilepublink', { fileid: inner.fileid, expire: '2001-01-01T00:00:00Z' });
    expect((await srv.call('showpublink', { code: past.code })).result).toBe(7004);
    expect((await alice.call('changepublink', { linkid: past.linkid, deleteexpire: 1 })).result).toBe(0);
    expect((await srv.call('showpublink', { code: past.code })).result).toBe(0);
    const t = await alice.call('getfilepublink', { fileid: inner.fileid, maxtraffic: 5 });
    await srv.fetchLink(await srv.call('getpublinkdownload', { code: t.code }));
    expect((await srv.call('getpublinkdownload', { code: t.code })).result).toBe(7005);
    expect((await alice.call('getfilepublink', { fileid: inner.fileid, expire: 'garbage' })).result).toBe(1013);
  });

  it('refuses what the caller does not own', async () => {
    const unverified = await srv.user({ verified: false });
    const f = await unverified.upload('u.txt', 'x');
    expect((await unverified.call('getfilepublink', { fileid: f.fileid })).result).toBe(2014);
  });
});

describe('folder and tree links', () => {
  it('shows the folder tree and downloads only files inside it', async () => {
    expect((await alice.call('getfolderpublink', { folderid: 0 })).result).toBe(2015);
    expect((await alice.call('getfolderpublink', {})).result).toBe(1002);
    const r = await alice.call('getfolderpublink', { folderid: folder.folderid });
    expect(r.code).toMatch(/^kZ/);
    const shown = await srv.call('showpublink', { code: r.code });
    expect(shown.metadata).toMatchObject({ folderid: folder.folderid, name: 'Pub', isfolder: true, isshared: false });
    expect(shown.metadata.parentfolderid).toBeUndefined();
    const names = (m: Json): string[] => m.contents.flatMap((c: Json) => [c.name, ...(c.contents ? names(c) : [])]);
    expect(names(shown.metadata).sort()).toEqual(['Deep', 'in.txt', 'nested.txt']);
    expect(JSON.stringify(shown)).not.toContain('"path"');
    expect((await srv.call('getpublinkdownload', { code: r.code })).result).toBe(1029);
    const dl = await srv.call('getpublinkdownload', { code: r.code, fileid: nested.fileid });
    expect((await srv.fetchLink(dl)).text).toBe('abc');
    // a file outside the link's tree (and another user's file) is not found
    expect((await srv.call('getpublinkdownload', { code: r.code, fileid: outside.fileid })).result).toBe(2009);
    const bobs = await bob.upload('b.txt', 'bob');
    expect((await srv.call('getpublinkdownload', { code: r.code, fileid: bobs.fileid })).result).toBe(2009);
    expect((await bob.call('copypubfile', { code: r.code, fileid: outside.fileid, tofolderid: 0 })).result).toBe(2009);
    expect((await alice.call('listplshort')).publinks.find((l: Json) => l.linkid === r.linkid)).toMatchObject({ isfolder: true, folderid: folder.folderid });
    // a trashed file leaves the link; a trashed folder kills it
    const gone = await alice.upload('gone.txt', 'g', { folderid: folder.folderid });
    await alice.call('deletefile', { fileid: gone.fileid });
    expect((await srv.call('getpublinkdownload', { code: r.code, fileid: gone.fileid })).result).toBe(2009);
  });

  it('gettreepublink links chosen files and folders only', async () => {
    expect((await alice.call('gettreepublink', { fileids: String(outside.fileid) })).result).toBe(1039);
    expect((await bob.call('gettreepublink', { name: 'x', fileids: String(outside.fileid) })).result).toBe(2009);
    const r = await alice.call('gettreepublink', { name: 'Picked', fileids: String(outside.fileid), folderids: String(sub.folderid) });
    expect(r.result).toBe(0);
    const shown = await srv.call('showpublink', { code: r.code });
    expect(shown.metadata.name).toBe('Picked');
    expect(shown.metadata.contents.map((c: Json) => c.name).sort()).toEqual(['Deep', 'secret.txt']);
    expect((await srv.fetchLink(await srv.call('getpublinkdownload', { code: r.code, fileid: nested.fileid }))).text).toBe('abc');
    expect((await srv.call('getpublinkdownload', { code: r.code, fileid: inner.fileid })).result).toBe(2009);
  });
});
