// Moves across share boundaries (issue: a recipient with modify but no delete right could move the
// owner's files out of a share; moved folders became nobody's). Owner + recipients at view,
// create+modify and create+modify+delete; after every step the tree invariant must hold.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';
import { treeProblems } from '../store/invariants';

let srv: TestServer;
let owner: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  owner = await srv.user();
});
afterAll(() => srv.close());
afterEach(() => {
  expect(treeProblems(srv.emu.st)).toEqual([]);
});

/** A fresh folder of `from` shared to a fresh recipient with `perms`: a.txt, sub/b.txt inside. */
async function shared(perms: number, from: TestUser = owner, opts: { quota?: number } = {}) {
  const to = await srv.user(opts);
  const dir = await from.mkdir(`S${Math.random().toString(36).slice(2, 8)}`);
  const a = await from.upload('a.txt', 'aaaa', { folderid: dir.folderid });
  const sub = await from.mkdir('sub', dir.folderid);
  const b = await from.upload('b.txt', 'bbbbbb', { folderid: sub.folderid });
  expect((await from.call('sharefolder', { folderid: dir.folderid, mail: to.email, permissions: perms })).result).toBe(0);
  const id = (await to.call('listshares')).requests.incoming[0].sharerequestid;
  expect((await to.call('acceptshare', { sharerequestid: id })).result).toBe(0);
  return { to, dir, a, sub, b };
}

const used = async (u: TestUser): Promise<number> => (await u.call('userinfo')).usedquota;

describe('moving out of a share', () => {
  it('view: neither files nor folders move anywhere', async () => {
    const { to, a, sub } = await shared(0);
    expect((await to.call('renamefile', { fileid: a.fileid, tofolderid: 0 })).result).toBe(2003);
    expect((await to.call('renamefolder', { folderid: sub.folderid, tofolderid: 0 })).result).toBe(2003);
  });

  it('create+modify: renames and moves inside the share, but 2003 for a move out', async () => {
    const { to, dir, a, sub, b } = await shared(3);
    expect((await to.call('renamefile', { fileid: a.fileid, tofolderid: sub.folderid })).result).toBe(0);
    expect((await to.call('renamefile', { fileid: a.fileid, tofolderid: dir.folderid, toname: 'a2.txt' })).result).toBe(0);
    const mine = await to.mkdir('Mine');
    const out = await to.call('renamefile', { fileid: b.fileid, tofolderid: mine.folderid });
    expect(out).toMatchObject({ result: 2003, error: 'Access denied. You do not have permissions to preform this operation.' });
    expect((await to.call('renamefile', { fileid: b.fileid, topath: '/Mine/b.txt' })).result).toBe(2003);
    expect((await to.call('renamefolder', { folderid: sub.folderid, tofolderid: 0 })).result).toBe(2003);
    expect((await to.call('renamefolder', { folderid: sub.folderid, topath: '/Mine/' })).result).toBe(2003);
    // the owner still has everything
    expect(await owner.names(dir.folderid)).toEqual(['sub', 'a2.txt']);
    expect(await owner.names(sub.folderid)).toEqual(['b.txt']);
    expect(await to.names(mine.folderid)).toEqual([]);
  });

  it('create+modify+delete: a moved file becomes the recipient\'s, with its bytes', async () => {
    const { to, dir, a } = await shared(7);
    const [ownerBefore, toBefore] = [await used(owner), await used(to)];
    const r = await to.call('renamefile', { fileid: a.fileid, tofolderid: 0 });
    expect(r.result).toBe(0);
    expect(r.metadata).toMatchObject({ ismine: true, parentfolderid: 0 });
    expect(await owner.names(dir.folderid)).toEqual(['sub']);
    expect((await owner.call('stat', { fileid: a.fileid })).result).toBe(2009);
    expect(await used(owner)).toBe(ownerBefore - 4);
    expect(await used(to)).toBe(toBefore + 4);
  });

  it('create+modify+delete: a moved folder and everything in it become the recipient\'s, reachable', async () => {
    const { to, dir, sub, b } = await shared(7);
    const ownerBefore = await used(owner);
    const ownerDiff = (await owner.call('diff', { last: 0 })).diffid;
    const r = await to.call('renamefolder', { folderid: sub.folderid, tofolderid: 0 });
    expect(r.result).toBe(0);
    expect(r.metadata).toMatchObject({ ismine: true, parentfolderid: 0 });
    const inside = await to.call('listfolder', { folderid: sub.folderid });
    expect(inside.metadata.contents).toEqual([expect.objectContaining({ name: 'b.txt', ismine: true })]);
    expect((await to.call('getfilelink', { fileid: b.fileid })).result).toBe(0);
    expect(await owner.names(dir.folderid)).toEqual(['a.txt']);
    expect((await owner.call('listfolder', { folderid: sub.folderid })).result).toBe(2005);
    expect(await used(owner)).toBe(ownerBefore - 6);
    // the owner is told the folder is gone from their tree
    const events = (await owner.call('diff', { diffid: ownerDiff })).entries as Json[];
    expect(events).toContainEqual(expect.objectContaining({ event: 'deletefolder', metadata: expect.objectContaining({ folderid: sub.folderid }) }));
  });

  it('a move that would not fit the new owner\'s quota is refused and changes nothing', async () => {
    const { to, sub } = await shared(7, owner, { quota: 3 });
    expect((await to.call('renamefolder', { folderid: sub.folderid, tofolderid: 0 })).result).toBe(2008);
    expect(await owner.names(sub.folderid)).toEqual(['b.txt']);
  });
});

describe('moving into a share', () => {
  it('needs the create right on the target; what arrives becomes the share owner\'s', async () => {
    const viewer = await shared(0);
    const own = await viewer.to.upload('mine.txt', 'mine');
    expect((await viewer.to.call('renamefile', { fileid: own.fileid, tofolderid: viewer.dir.folderid })).result).toBe(2003);

    const { to, dir } = await shared(3);
    const file = await to.upload('gift.txt', 'gift!');
    const folder = await to.mkdir('Gifts');
    const inner = await to.upload('in.txt', 'inner', { folderid: folder.folderid });
    const before = await used(owner);
    expect((await to.call('renamefile', { fileid: file.fileid, tofolderid: dir.folderid })).metadata).toMatchObject({ ismine: false, userid: owner.id });
    expect((await to.call('renamefolder', { folderid: folder.folderid, tofolderid: dir.folderid })).result).toBe(0);
    expect(await used(owner)).toBe(before + 5 + 5);
    expect(await owner.names(folder.folderid)).toEqual(['in.txt']);
    expect((await owner.call('stat', { fileid: inner.fileid })).metadata).toMatchObject({ ismine: true });
    // and with create+modify only, the recipient cannot take it back out
    expect((await to.call('renamefolder', { folderid: folder.folderid, tofolderid: 0 })).result).toBe(2003);
  });

  it('a folder carrying a share of its own cannot go into another account\'s share (2023)', async () => {
    const { to, dir } = await shared(7);
    const own = await to.mkdir('Outgoing');
    const third = await srv.user();
    expect((await to.call('sharefolder', { folderid: own.folderid, mail: third.email, permissions: 0 })).result).toBe(0);
    expect((await to.call('renamefolder', { folderid: own.folderid, tofolderid: dir.folderid })).result).toBe(2023);
  });

  it('a trashed folder restored into a share becomes the share owner\'s', async () => {
    const { to, dir } = await shared(3);
    const d = await to.mkdir('Old');
    await to.upload('x.txt', 'xx', { folderid: d.folderid });
    expect((await to.call('deletefolderrecursive', { folderid: d.folderid })).result).toBe(0);
    const auth = to.authToken(); // trash_* refuse OAuth tokens
    expect((await to.call('trash_restore', { folderid: d.folderid, restoreto: dir.folderid }, { auth })).result).toBe(0);
    expect(await owner.names(d.folderid)).toEqual(['x.txt']);
  });
});

describe('the share itself', () => {
  it('renaming or moving the mounted share changes only the recipient\'s view', async () => {
    const { to, dir } = await shared(7);
    const r = await to.call('renamefolder', { folderid: dir.folderid, toname: 'Theirs' });
    expect(r).toMatchObject({ result: 0, metadata: { name: 'Theirs', ismine: false } });
    const place = await to.mkdir('Place');
    expect((await to.call('renamefolder', { folderid: dir.folderid, tofolderid: place.folderid })).result).toBe(0);
    expect(await to.names(place.folderid)).toEqual(['Theirs']);
    expect((await owner.call('listfolder', { folderid: dir.folderid })).metadata).toMatchObject({ name: dir.name, parentfolderid: 0 });
    const sub = (await to.call('listfolder', { folderid: dir.folderid })).metadata.contents.find((c: Json) => c.name === 'sub');
    expect((await to.call('renamefolder', { folderid: dir.folderid, tofolderid: sub.folderid })).result).toBe(2023);
  });

  it('trashing the recipient\'s folder that holds the mount leaves the owner\'s folder alone', async () => {
    const { to, dir } = await shared(7);
    const place = await to.mkdir('Holder');
    expect((await to.call('renamefolder', { folderid: dir.folderid, tofolderid: place.folderid })).result).toBe(0);
    expect((await to.call('deletefolderrecursive', { folderid: place.folderid })).result).toBe(0);
    expect(await owner.names(dir.folderid)).toEqual(['sub', 'a.txt']);
  });

  it('a third user of the recipient\'s folder cannot copy the mounted share out of it', async () => {
    const { to, dir } = await shared(0);
    const holder = await to.mkdir('Holder2');
    expect((await to.call('renamefolder', { folderid: dir.folderid, tofolderid: holder.folderid })).result).toBe(0);
    const third = await srv.user();
    expect((await to.call('sharefolder', { folderid: holder.folderid, mail: third.email, permissions: 0 })).result).toBe(0);
    const id = (await third.call('listshares')).requests.incoming[0].sharerequestid;
    expect((await third.call('acceptshare', { sharerequestid: id })).result).toBe(0);
    const copy = await third.call('copyfolder', { folderid: holder.folderid, tofolderid: 0 });
    expect(copy.result).toBe(0);
    expect(await third.names(copy.metadata.folderid)).toEqual([]);
  });
});
