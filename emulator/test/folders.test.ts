// Folder methods (docs/pcloud/methods-core.md §2) and their error codes (docs/pcloud/errors.md §3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  bob = await srv.user();
});
afterAll(() => srv.close());

const names = (m: Json) => (m.contents as { name: string }[]).map((c) => c.name);

describe('createfolder / createfolderifnotexists', () => {
  it('creates by parent id + name and by path', async () => {
    const a = await alice.call('createfolder', { folderid: 0, name: 'Docs' });
    expect(a.metadata).toMatchObject({ name: 'Docs', isfolder: true, parentfolderid: 0, path: '/Docs', icon: 'folder', ismine: true });
    expect(a.metadata.id).toBe(`d${a.metadata.folderid}`);
    const b = await alice.call('createfolder', { path: '/Docs/Inner' });
    expect(b.metadata).toMatchObject({ name: 'Inner', parentfolderid: a.metadata.folderid, path: '/Docs/Inner' });
  });

  it('refuses bad requests with the documented codes', async () => {
    expect((await alice.call('createfolder', {})).result).toBe(1001);
    expect((await alice.call('createfolder', { folderid: 0 })).result).toBe(1001);
    expect((await alice.call('createfolder', { folderid: 'abc', name: 'x' })).result).toBe(1017);
    expect((await alice.call('createfolder', { folderid: 0, name: 'a/b' })).result).toBe(2001);
    expect((await alice.call('createfolder', { folderid: 0, name: 'a\\b' })).result).toBe(2001);
    expect((await alice.call('createfolder', { folderid: 0, name: '..' })).result).toBe(2001);
    expect((await alice.call('createfolder', { folderid: 0, name: 'x'.repeat(1024) })).result).toBe(2001);
    expect((await alice.call('createfolder', { path: '/Missing/child' })).result).toBe(2002);
    expect((await alice.call('createfolder', { path: 'relative' })).result).toBe(2010);
    expect((await alice.call('createfolder', { folderid: 0, name: 'Docs' })).result).toBe(2004);
    expect((await alice.call('createfolder', { folderid: 987654, name: 'x' })).result).toBe(2005);
  });

  it('lets a file and a folder share a name', async () => {
    await alice.upload('twin', 'file');
    expect((await alice.call('createfolder', { folderid: 0, name: 'twin' })).result).toBe(0);
  });

  it('createfolderifnotexists returns the existing folder', async () => {
    const a = await alice.call('createfolderifnotexists', { folderid: 0, name: 'Maybe' });
    expect(a).toMatchObject({ result: 0, created: true });
    const b = await alice.call('createfolderifnotexists', { folderid: 0, name: 'Maybe' });
    expect(b).toMatchObject({ result: 0, created: false });
    expect(b.metadata.folderid).toBe(a.metadata.folderid);
  });

  it('cannot create inside another user\'s folder and learns nothing about it', async () => {
    const theirs = await bob.mkdir('Private');
    const r = await alice.call('createfolder', { folderid: theirs.folderid, name: 'x' });
    const missing = await alice.call('createfolder', { folderid: theirs.folderid + 100000, name: 'x' });
    expect(r).toEqual(missing);
  });
});

describe('listfolder', () => {
  it('lists the root with its metadata and children', async () => {
    const r = await alice.call('listfolder', { folderid: 0 });
    expect(r.metadata).toMatchObject({ name: '/', path: '/', id: 'd0', folderid: 0, isfolder: true });
    expect(r.metadata.parentfolderid).toBeUndefined();
    expect(names(r.metadata)).toEqual(expect.arrayContaining(['Docs', 'Maybe', 'twin']));
    const sub = r.metadata.contents.find((c: Json) => c.name === 'Docs');
    expect(sub.contents).toBeUndefined();
  });

  it('lists by path, recursively below the root, with nofiles', async () => {
    const docs = await alice.call('listfolder', { path: '/Docs' });
    expect(names(docs.metadata)).toEqual(['Inner']);
    await alice.upload('deep.txt', 'x', { path: '/Docs/Inner', folderid: undefined });
    const rec = await alice.call('listfolder', { path: '/Docs', recursive: 1 });
    expect(rec.metadata.contents[0].contents.map((c: Json) => c.name)).toEqual(['deep.txt']);
    const nf = await alice.call('listfolder', { folderid: 0, nofiles: 1 });
    expect(nf.metadata.contents.every((c: Json) => c.isfolder)).toBe(true);
  });

  it('refuses a recursive listing of the root with 1101 (faithful default)', async () => {
    const r = await alice.send('listfolder', { folderid: 0, recursive: 1 });
    expect(r.json.result).toBe(1101);
    expect(r.headers['x-error']).toBe('1101');
  });

  it('shows deleted items with showdeleted', async () => {
    const f = await alice.upload('gone.txt', 'bye');
    await alice.call('deletefile', { fileid: f.fileid });
    expect(await alice.names()).not.toContain('gone.txt');
    const r = await alice.call('listfolder', { folderid: 0, showdeleted: 1 });
    expect(r.metadata.contents.find((c: Json) => c.name === 'gone.txt').isdeleted).toBe(true);
  });

  it('describes each file exactly as stat does, in every output format', async () => {
    const d = await alice.mkdir('Same');
    await alice.upload('pic.jpg', 'x', { folderid: d.folderid, mtime: 1_000_000_000 });
    await alice.upload('empty.bin', '', { folderid: d.folderid });
    await alice.upload('quote "name".txt', 'q', { folderid: d.folderid });
    const gone = await alice.upload('deleted.txt', 'q', { folderid: d.folderid });
    await alice.call('deletefile', { fileid: gone.fileid });
    for (const fmt of [{}, { timeformat: 'timestamp', iconformat: 'id' }, { filtermeta: 'name,hash,created,icon,path' }]) {
      const list = await alice.call('listfolder', { folderid: d.folderid, ...fmt });
      expect(list.metadata.contents).toHaveLength(3);
      for (const entry of list.metadata.contents) {
        const stat = await alice.call('stat', { path: `/Same/${entry.name}`, ...fmt });
        expect(entry).toEqual(stat.metadata);
      }
    }
    const shown = await alice.call('listfolder', { folderid: d.folderid, showdeleted: 1 });
    expect(shown.metadata.contents.find((c: Json) => c.name === 'deleted.txt')).toMatchObject({ isdeleted: true, fileid: gone.fileid, size: 1 });
  });

  it('answers bad requests', async () => {
    expect((await alice.call('listfolder', {})).result).toBe(1002);
    expect((await alice.call('listfolder', { folderid: '-1' })).result).toBe(1017);
    expect((await alice.call('listfolder', { folderid: 424242 })).result).toBe(2005);
    expect((await alice.call('listfolder', { path: '/nope' })).result).toBe(2005);
  });

  it('reveals nothing about another user\'s folder', async () => {
    const theirs = await bob.mkdir('Secret');
    const r = await alice.call('listfolder', { folderid: theirs.folderid });
    expect(r).toEqual({ result: 2005, error: 'Directory does not exist.' });
  });
});

describe('permissive quirks', () => {
  it('lists the root recursively when rootRecursiveRefused is off', async () => {
    const p = await TestServer.start({ quirks: { rootRecursiveRefused: false } });
    try {
      const u = await p.user();
      const d = await u.mkdir('A');
      await u.upload('in-a.txt', 'x', { folderid: d.folderid });
      const r = await u.call('listfolder', { folderid: 0, recursive: 1 });
      expect(r.result).toBe(0);
      expect(r.metadata.contents[0].contents[0].name).toBe('in-a.txt');
    } finally {
      await p.close();
    }
  });
});

describe('renamefolder', () => {
  it('renames, moves, and moves into a folder with a trailing-slash topath', async () => {
    const a = await alice.mkdir('R1');
    const b = await alice.mkdir('R2');
    expect((await alice.call('renamefolder', { folderid: a.folderid, toname: 'R1b' })).metadata.name).toBe('R1b');
    const moved = await alice.call('renamefolder', { folderid: a.folderid, tofolderid: b.folderid });
    expect(moved.metadata).toMatchObject({ name: 'R1b', parentfolderid: b.folderid, path: '/R2/R1b' });
    const back = await alice.call('renamefolder', { path: '/R2/R1b', topath: '/' });
    expect(back.metadata.parentfolderid).toBe(0);
    const renamed = await alice.call('renamefolder', { folderid: a.folderid, topath: '/R2/Final' });
    expect(renamed.metadata.path).toBe('/R2/Final');
  });

  it('answers the documented errors', async () => {
    const a = await alice.mkdir('RA');
    const child = await alice.mkdir('Child', a.folderid);
    await alice.mkdir('Taken');
    expect((await alice.call('renamefolder', { toname: 'x' })).result).toBe(1002);
    expect((await alice.call('renamefolder', { folderid: a.folderid })).result).toBe(1037);
    expect((await alice.call('renamefolder', { folderid: 0, toname: 'root' })).result).toBe(2042);
    expect((await alice.call('renamefolder', { folderid: a.folderid, tofolderid: child.folderid })).result).toBe(2043);
    expect((await alice.call('renamefolder', { folderid: a.folderid, tofolderid: a.folderid })).result).toBe(2043);
    expect((await alice.call('renamefolder', { folderid: a.folderid, toname: 'Taken' })).result).toBe(2004);
    expect((await alice.call('renamefolder', { folderid: a.folderid, toname: 'bad/name' })).result).toBe(2001);
    expect((await alice.call('renamefolder', { folderid: a.folderid, topath: '/nope/x' })).result).toBe(2005);
    expect((await alice.call('renamefolder', { folderid: a.folderid, tofolderid: 555555 })).result).toBe(2005);
  });

  it('cannot move into or out of another user\'s tree', async () => {
    const mine = await alice.mkdir('MineToMove');
    const theirs = await bob.mkdir('TheirTarget');
    expect((await alice.call('renamefolder', { folderid: mine.folderid, tofolderid: theirs.folderid })).result).toBe(2005);
    expect((await alice.call('renamefolder', { folderid: theirs.folderid, toname: 'stolen' })).result).toBe(2005);
    expect(await bob.names()).toContain('TheirTarget');
  });
});

describe('deletefolder / deletefolderrecursive', () => {
  it('deletes an empty folder, refuses a full one and the root', async () => {
    const e = await alice.mkdir('Empty');
    const full = await alice.mkdir('Full');
    await alice.upload('x.txt', 'x', { folderid: full.folderid });
    expect((await alice.call('deletefolder', { folderid: full.folderid })).result).toBe(2006);
    expect((await alice.call('deletefolder', { folderid: 0 })).result).toBe(2007);
    expect((await alice.call('deletefolder', { path: '/' })).result).toBe(2007);
    expect((await alice.call('deletefolder', {})).result).toBe(1002);
    const r = await alice.call('deletefolder', { folderid: e.folderid });
    expect(r.metadata).toMatchObject({ folderid: e.folderid, isdeleted: true });
    expect((await alice.call('listfolder', { folderid: e.folderid })).result).toBe(2005);
    expect((await alice.call('deletefolder', { folderid: e.folderid })).result).toBe(2005);
  });

  it('deletes a tree and counts what went', async () => {
    const t = await alice.mkdir('Tree');
    const s = await alice.mkdir('Sub', t.folderid);
    await alice.upload('1.txt', '1', { folderid: t.folderid });
    await alice.upload('2.txt', '2', { folderid: s.folderid });
    expect((await alice.call('deletefolderrecursive', { folderid: 0 })).result).toBe(2007);
    const r = await alice.call('deletefolderrecursive', { folderid: t.folderid });
    expect(r).toMatchObject({ result: 0, deletedfiles: 2, deletedfolders: 2 });
    expect((await alice.call('listfolder', { folderid: s.folderid })).result).toBe(2005);
  });

  it('cannot delete another user\'s folder', async () => {
    const theirs = await bob.mkdir('Keep');
    expect((await alice.call('deletefolder', { folderid: theirs.folderid })).result).toBe(2005);
    expect((await alice.call('deletefolderrecursive', { folderid: theirs.folderid })).result).toBe(2005);
    expect(await bob.names()).toContain('Keep');
  });
});

describe('copyfolder', () => {
  it('copies a tree, merges with copycontentonly, honours noover and skipexisting', async () => {
    const src = await alice.mkdir('CopySrc');
    const inner = await alice.mkdir('In', src.folderid);
    await alice.upload('a.txt', 'A', { folderid: src.folderid });
    await alice.upload('b.txt', 'B', { folderid: inner.folderid });
    const dst = await alice.mkdir('CopyDst');
    const r = await alice.call('copyfolder', { folderid: src.folderid, tofolderid: dst.folderid });
    expect(r.metadata).toMatchObject({ name: 'CopySrc', parentfolderid: dst.folderid });
    const rec = await alice.call('listfolder', { folderid: r.metadata.folderid, recursive: 1 });
    expect(names(rec.metadata).sort()).toEqual(['In', 'a.txt']);
    expect((await alice.call('copyfolder', { folderid: src.folderid, tofolderid: dst.folderid, noover: 1 })).result).toBe(2004);
    expect((await alice.call('copyfolder', { folderid: src.folderid, tofolderid: dst.folderid, skipexisting: 1 })).result).toBe(0);
    const flat = await alice.mkdir('Flat');
    await alice.call('copyfolder', { folderid: src.folderid, topath: '/Flat', copycontentonly: 1 });
    expect((await alice.names(flat.folderid)).sort()).toEqual(['In', 'a.txt']);
  });

  it('answers the documented errors', async () => {
    const src = await alice.mkdir('CSrc');
    const sub = await alice.mkdir('CSub', src.folderid);
    expect((await alice.call('copyfolder', { folderid: src.folderid })).result).toBe(1016);
    expect((await alice.call('copyfolder', { tofolderid: 0 })).result).toBe(1002);
    expect((await alice.call('copyfolder', { folderid: src.folderid, tofolderid: src.folderid })).result).toBe(2206);
    expect((await alice.call('copyfolder', { folderid: src.folderid, tofolderid: sub.folderid })).result).toBe(2207);
    expect((await alice.call('copyfolder', { folderid: src.folderid, tofolderid: 777777 })).result).toBe(2208);
    const theirs = await bob.mkdir('NotYours');
    expect((await alice.call('copyfolder', { folderid: src.folderid, tofolderid: theirs.folderid })).result).toBe(2208);
    expect((await alice.call('copyfolder', { folderid: theirs.folderid, tofolderid: 0 })).result).toBe(2005);
  });

  it('refuses a copy that does not fit the quota', async () => {
    const small = await srv.user({ quota: 10 });
    const d = await small.mkdir('D');
    await small.upload('six.txt', '123456', { folderid: d.folderid });
    const r = await small.call('copyfolder', { folderid: d.folderid, tofolderid: 0, copycontentonly: 0 });
    expect(r.result).toBe(2008);
    expect(await small.names()).toEqual(['D']);
  });
});
