// `search` (docs/pcloud/methods-core.md §8): name matching, categories, paging, shares, trash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  bob = await srv.user();
  carol = await srv.user();
  const trip = await alice.mkdir('Sommer Urlaub');
  await alice.upload('Holiday Beach.jpg', 'img', { folderid: trip.folderid });
  await alice.upload('Crème Brûlée Recipe.pdf', 'pdf');
  await alice.upload('beach-party.mp4', 'vid');
  await alice.upload('notes.txt', 'txt');
  await alice.upload('Strand.PNG', 'png');
  await carol.upload('Holiday Secret.jpg', 'theirs');
});
afterAll(() => srv.close());

const names = (r: Json) => (r.items as { name: string }[]).map((i) => i.name).sort();

describe('search', () => {
  it('finds substrings of names in the whole tree, case- and accent-insensitive, words in any order', async () => {
    expect(names(await alice.call('search', { query: 'beach' }))).toEqual(['Holiday Beach.jpg', 'beach-party.mp4']);
    expect(names(await alice.call('search', { query: 'BEACH holi' }))).toEqual(['Holiday Beach.jpg']);
    expect(names(await alice.call('search', { query: 'holi BEACH' }))).toEqual(['Holiday Beach.jpg']);
    expect(names(await alice.call('search', { query: 'creme brulee' }))).toEqual(['Crème Brûlée Recipe.pdf']);
    expect(names(await alice.call('search', { query: 'BRÛL' }))).toEqual(['Crème Brûlée Recipe.pdf']);
    expect(names(await alice.call('search', { query: 'nothing-like-this' }))).toEqual([]);
  });

  it('matches short words too', async () => {
    expect(names(await alice.call('search', { query: 'st' }))).toEqual(['Strand.PNG']);
    expect(names(await alice.call('search', { query: 'pa mp4' }))).toEqual(['beach-party.mp4']);
  });

  it('returns folders and pCloud metadata without paths, with the total', async () => {
    const r = await alice.call('search', { query: 'urlaub' });
    expect(r).toMatchObject({ result: 0, total: 1 });
    expect(r.items[0]).toMatchObject({ name: 'Sommer Urlaub', isfolder: true, parentfolderid: 0, ismine: true });
    expect(r.items[0].id).toBe(`d${r.items[0].folderid}`);
    const f = (await alice.call('search', { query: 'holiday' })).items[0];
    expect(f).toMatchObject({ name: 'Holiday Beach.jpg', isfolder: false, category: 1, contenttype: 'image/jpeg', size: 3 });
    expect(f.id).toBe(`f${f.fileid}`);
    expect(f.path).toBeUndefined();
    const ids = await alice.call('search', { query: 'holiday', iconformat: 'id' });
    expect(typeof ids.items[0].icon).toBe('number');
  });

  it('filters by category and lists a whole category with an empty query', async () => {
    expect(names(await alice.call('search', { query: 'beach', category: 1 }))).toEqual(['Holiday Beach.jpg']);
    expect(names(await alice.call('search', { query: 'beach', category: 2 }))).toEqual(['beach-party.mp4']);
    expect(names(await alice.call('search', { query: '', category: 1 }))).toEqual(['Holiday Beach.jpg', 'Strand.PNG']);
    expect(names(await alice.call('search', { query: '', category: 4 }))).toEqual(['Crème Brûlée Recipe.pdf', 'notes.txt']);
    expect(names(await alice.call('search', { query: '', category: 5 }))).toEqual([]);
  });

  it('pages with offset and limit, newest first, total across pages', async () => {
    const all = await alice.call('search', { query: '' });
    expect(all.total).toBe(6);
    const seen: string[] = [];
    for (let offset = 0; offset < 6; offset += 4) {
      const page = await alice.call('search', { query: '', offset, limit: 4 });
      expect(page.total).toBe(6);
      seen.push(...page.items.map((i: Json) => i.id));
    }
    expect(seen).toEqual(all.items.map((i: Json) => i.id));
    const times = all.items.map((i: Json) => Date.parse(i.modified));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(await alice.call('search', { query: '', offset: 100 })).toMatchObject({ total: 6, items: [] });
    expect(await alice.call('search', { query: 'beach', offset: 100 })).toMatchObject({ total: 2, items: [] });
    expect((await alice.call('search', { query: '', limit: 'lots' })).items).toHaveLength(6);
  });

  it('never returns other accounts\' files, but searches folders shared with the caller', async () => {
    expect(names(await alice.call('search', { query: 'secret' }))).toEqual([]);
    const shared = await bob.mkdir('Team');
    await bob.upload('Budget Plan.xlsx', 'x', { folderid: shared.folderid });
    await bob.upload('Budget Private.xlsx', 'x');
    expect(names(await alice.call('search', { query: 'budget' }))).toEqual([]);
    await bob.call('sharefolder', { folderid: shared.folderid, mail: alice.email, permissions: 'view' });
    const code = await srv.lastCode(alice.email);
    expect((await alice.call('acceptshare', { code })).result).toBe(0);
    const r = await alice.call('search', { query: 'budget' });
    expect(names(r)).toEqual(['Budget Plan.xlsx']);
    expect(r.items[0]).toMatchObject({ ismine: false, userid: bob.id, canread: true, canmodify: false });
    expect(names(await alice.call('search', { query: 'team' }))).toEqual(['Team']);
    expect(names(await carol.call('search', { query: 'budget' }))).toEqual([]);
  });

  it('leaves out deleted items and follows renames', async () => {
    const f = await alice.upload('Temporary Draft.doc', 'x');
    expect(names(await alice.call('search', { query: 'draft' }))).toEqual(['Temporary Draft.doc']);
    await alice.call('renamefile', { fileid: f.fileid, toname: 'Final Version.doc' });
    expect(names(await alice.call('search', { query: 'draft' }))).toEqual([]);
    expect(names(await alice.call('search', { query: 'final' }))).toEqual(['Final Version.doc']);
    await alice.call('deletefile', { fileid: f.fileid });
    expect(names(await alice.call('search', { query: 'final' }))).toEqual([]);
    const d = await alice.mkdir('Old Stuff');
    await alice.upload('inside old.txt', 'x', { folderid: d.folderid });
    await alice.call('deletefolderrecursive', { folderid: d.folderid });
    expect(names(await alice.call('search', { query: 'old' }))).toEqual([]);
  });

  it('needs a session', async () => {
    expect((await srv.call('search', { query: 'x' })).result).toBe(1000);
  });
});
