// Collections (docs/pcloud/methods-misc.md §3): all 8 methods, shapes, positions, errors, OAuth refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let faithful: TestServer;
let alice: TestUser;
let songs: Json[];
let doc: Json;

beforeAll(async () => {
  srv = await TestServer.start({ quirks: { oauthRefusals: false } });
  faithful = await TestServer.start();
  alice = await srv.user();
  songs = [];
  for (const n of ['one', 'two', 'three', 'four']) songs.push(await alice.upload(`${n}.mp3`, `ID3 ${n}`));
  doc = await alice.upload('notes.txt', 'not audio');
});
afterAll(async () => {
  await srv.close();
  await faithful.close();
});

describe('collections', () => {
  it('refuses OAuth tokens with 1000 in faithful mode but accepts `auth` sessions', async () => {
    const u = await faithful.user();
    for (const m of ['collection_list', 'collection_details', 'collection_create', 'collection_rename', 'collection_delete', 'collection_linkfiles', 'collection_unlinkfiles', 'collection_move']) {
      expect([m, (await u.call(m, { name: 'x', collectionid: 1 })).result]).toEqual([m, 1000]);
    }
    const ok = await u.call('collection_create', { name: 'mine' }, { auth: u.authToken() });
    expect(ok.result).toBe(0);
  });

  it('creates system collections lazily on collection_list; they cannot be deleted or renamed', async () => {
    const r = await alice.call('collection_list');
    expect(r.result).toBe(0);
    const sys = r.collections.find((c: Json) => c.system);
    expect(sys).toMatchObject({ name: 'Most Listened', type: 'audio', ismine: true, system: true, items: 0 });
    expect(typeof sys.created).toBe('string');
    expect((await alice.call('collection_delete', { collectionid: sys.id })).result).toBe(2065);
    expect((await alice.call('collection_rename', { collectionid: sys.id, name: 'x' })).result).toBe(2065);
    const again = await alice.call('collection_list');
    expect(again.collections.filter((c: Json) => c.system)).toHaveLength(1);
  });

  it('creates with files: linkresult per file, items as a count, 1-based positions', async () => {
    const r = await alice.call('collection_create', { name: 'Road trip', type: 1, fileids: `${songs[0].fileid},${doc.fileid},999999,${songs[1].fileid},${songs[0].fileid}` });
    expect(r.result).toBe(0);
    expect(r.collection).toMatchObject({ name: 'Road trip', type: 'audio', items: 2, system: false, ismine: true });
    expect(r.collection.contents.map((c: Json) => [c.fileid, c.position])).toEqual([[songs[0].fileid, 1], [songs[1].fileid, 2]]);
    expect(r.linkresult.map((l: Json) => [l.fileid, l.result])).toEqual([
      [String(songs[0].fileid), 0], [String(doc.fileid), 2071], ['999999', 2009], [String(songs[1].fileid), 0], [String(songs[0].fileid), 2072],
    ]);
    expect(r.linkresult[2].message).toBe('File not found.');
    expect(r.linkresult[0].metadata).toMatchObject({ fileid: songs[0].fileid, position: 1, name: 'one.mp3' });
    expect(typeof r.linkresult[0].metadata.added).toBe('string');
    expect((await alice.call('collection_create', { name: 'Road trip' })).result).toBe(2073);
    expect((await alice.call('collection_create', {})).result).toBe(1039);
    expect((await alice.call('collection_create', { name: 'bad', type: 7 })).result).toBe(1058);
    const plain = await alice.call('collection_create', { name: 'Empty' });
    expect(plain.collection.items).toBe(0);
    expect(plain.linkresult).toBeUndefined();
  });

  it('links, details with pages, moves, unlinks with precedence, renames and deletes', async () => {
    const c = (await alice.call('collection_create', { name: 'Mix' })).collection;
    const link = await alice.call('collection_linkfiles', { collectionid: c.id, fileids: songs.map((s) => s.fileid).join(',') });
    expect(link.linkresult.map((l: Json) => l.metadata.position)).toEqual([1, 2, 3, 4]);
    expect(link.collection.items).toBe(4);
    const quiet = await alice.call('collection_linkfiles', { collectionid: c.id, fileids: String(songs[0].fileid), noitems: 1 });
    expect(quiet.linkresult).toEqual([]);
    expect((await alice.call('collection_linkfiles', { collectionid: c.id })).result).toBe(1038);

    const page2 = await alice.call('collection_details', { collectionid: c.id, page: 2, pagesize: 3 });
    expect(page2.collection.contents.map((x: Json) => x.position)).toEqual([4]);
    expect(page2.collection.items).toBe(4);

    // move item 4 to position 1
    expect((await alice.call('collection_move', { collectionid: c.id, item: 4, position: 1 })).result).toBe(0);
    const order = async () => (await alice.call('collection_details', { collectionid: c.id })).collection.contents.map((x: Json) => x.name);
    expect(await order()).toEqual(['four.mp3', 'one.mp3', 'two.mp3', 'three.mp3']);
    expect((await alice.call('collection_move', { collectionid: c.id, position: 1 })).result).toBe(1059);
    expect((await alice.call('collection_move', { collectionid: c.id, item: 1 })).result).toBe(1060);
    expect((await alice.call('collection_move', { collectionid: c.id, item: 9, position: 1 })).result).toBe(2066);
    expect((await alice.call('collection_move', { collectionid: c.id, item: 1, position: 2, fileid: songs[0].fileid })).result).toBe(2066);

    // positions win over fileids
    const un = await alice.call('collection_unlinkfiles', { collectionid: c.id, positions: '1', fileids: String(songs[2].fileid) });
    expect(un.collection.contents.map((x: Json) => [x.name, x.position])).toEqual([['one.mp3', 1], ['two.mp3', 2], ['three.mp3', 3]]);
    const byId = await alice.call('collection_unlinkfiles', { collectionid: c.id, fileids: String(songs[1].fileid) });
    expect(byId.collection.items).toBe(2);
    // `all` wins over fileids
    const all = await alice.call('collection_unlinkfiles', { collectionid: c.id, all: 1, fileids: String(songs[0].fileid) });
    expect(all.collection.items).toBe(0);
    expect((await alice.call('collection_unlinkfiles', { collectionid: c.id })).result).toBe(1038);

    const ren = await alice.call('collection_rename', { collectionid: c.id, name: 'Mix 2' });
    expect(ren.collection.name).toBe('Mix 2');
    expect((await alice.call('collection_rename', { collectionid: c.id, name: 'Road trip' })).result).toBe(2073);
    expect((await alice.call('collection_rename', { collectionid: c.id })).result).toBe(1039);
    expect((await alice.call('collection_delete', { collectionid: c.id })).result).toBe(0);
    expect((await alice.call('collection_details', { collectionid: c.id })).result).toBe(2065);
    expect((await alice.call('collection_details', {})).result).toBe(1057);
    expect((await alice.call('collection_list', { type: 5 })).result).toBe(1058);
  });

  it('drops items whose files were trashed and hides other users’ collections', async () => {
    const extra = await alice.upload('gone.mp3', 'ID3 gone');
    const c = (await alice.call('collection_create', { name: 'Fragile', fileids: `${songs[0].fileid},${extra.fileid}` })).collection;
    expect(c.items).toBe(2);
    await alice.call('deletefile', { fileid: extra.fileid });
    const d = await alice.call('collection_details', { collectionid: c.id });
    expect(d.collection.items).toBe(1);
    const list = await alice.call('collection_list', { showfiles: 1, pagesize: 1 });
    expect(list.collections.find((x: Json) => x.id === c.id).contents).toHaveLength(1);
    const eve = await srv.user();
    expect((await eve.call('collection_details', { collectionid: c.id })).result).toBe(2065);
  });
});
