// Folder shares between two users (docs/pcloud/methods-sharing.md): requests by mail and code, acceptance,
// permission bits enforced on the recipient's reads and writes, change and removal, diff events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;
let bob: TestUser;
let folder: Json;
let file: Json;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  bob = await srv.user();
  folder = await alice.mkdir('Shared');
  file = await alice.upload('a.txt', 'hello', { folderid: folder.folderid });
});
afterAll(() => srv.close());

const events = async (u: TestUser, after = 0): Promise<Json[]> => (await u.call('diff', { diffid: after })).entries;

describe('sharefolder', () => {
  it('validates its parameters', async () => {
    expect((await alice.call('sharefolder', { mail: bob.email, permissions: 0 })).result).toBe(1002);
    expect((await alice.call('sharefolder', { folderid: folder.folderid, permissions: 0 })).result).toBe(1023);
    expect((await alice.call('sharefolder', { folderid: folder.folderid, mail: bob.email })).result).toBe(1024);
    expect((await alice.call('sharefolder', { folderid: 0, mail: bob.email, permissions: 0 })).result).toBe(2015);
    expect((await alice.call('sharefolder', { folderid: folder.folderid, mail: 'nope', permissions: 0 })).result).toBe(2018);
    expect((await alice.call('sharefolder', { folderid: folder.folderid, mail: alice.email, permissions: 0 })).result).toBe(2020);
    expect((await bob.call('sharefolder', { folderid: folder.folderid, mail: alice.email, permissions: 0 })).result).toBe(2005);
    const unverified = await srv.user({ verified: false });
    const d = await unverified.mkdir('x');
    expect((await unverified.call('sharefolder', { folderid: d.folderid, mail: bob.email, permissions: 0 })).result).toBe(2014);
  });

  it('requests by mail, lists both sides, answers sharerequestinfo anonymously, cancels', async () => {
    const r = await alice.call('sharefolder', { folderid: folder.folderid, mail: bob.email, permissions: 'view', message: 'Hi Bob' });
    expect(r.result).toBe(0);
    expect((await alice.call('sharefolder', { folderid: folder.folderid, mail: bob.email, permissions: 0 })).result).toBe(2019);
    const code = await srv.lastCode(bob.email);
    const info = await srv.call('sharerequestinfo', { code });
    expect(info.share).toMatchObject({ sharerequestid: r.sharerequestid, folderid: folder.folderid, sharename: 'Shared', message: 'Hi Bob', frommail: alice.email, canread: true, cancreate: false });
    expect((await srv.call('sharerequestinfo', {})).result).toBe(1022);
    expect((await srv.call('sharerequestinfo', { code: 'ffff' })).result).toBe(2021);
    const out = await alice.call('listshares');
    expect(out.requests.outgoing).toHaveLength(1);
    expect(out.requests.outgoing[0]).toMatchObject({ tomail: bob.email, sharerequestid: r.sharerequestid });
    const inc = await bob.call('listshares', { nooutgoing: 1, noshares: 1 });
    expect(inc.shares).toBeUndefined();
    expect(inc.requests.incoming[0]).toMatchObject({ frommail: alice.email, fromuserid: alice.id });
    expect((await alice.call('listfolder', { folderid: folder.folderid })).metadata.isshared).toBe(true);
    const empty = await alice.mkdir('Empty');
    await alice.call('sharefolder', { folderid: empty.folderid, mail: bob.email, permissions: 0 });
    expect((await alice.call('deletefolder', { folderid: empty.folderid })).result).toBe(2028);
    const pending = (await alice.call('listshares')).requests.outgoing.find((q: Json) => q.folderid === empty.folderid);
    expect((await alice.call('cancelsharerequest', { sharerequestid: pending.sharerequestid })).result).toBe(0);
    expect((await alice.call('deletefolder', { folderid: empty.folderid })).result).toBe(0);
    expect((await bob.call('cancelsharerequest', { sharerequestid: r.sharerequestid })).result).toBe(2021);
    expect((await alice.call('cancelsharerequest', { sharerequestid: r.sharerequestid })).result).toBe(0);
    expect((await bob.call('listshares')).requests.incoming).toEqual([]);
    expect((await bob.call('acceptshare', { code })).result).toBe(2021);
    expect((await events(bob)).map((e: Json) => e.event)).toEqual(expect.arrayContaining(['requestsharein', 'cancelledsharein']));
  });

  it('declines, and blocks the sender when asked', async () => {
    const other = await srv.user();
    const d = await other.mkdir('Other');
    await other.call('sharefolder', { folderid: d.folderid, mail: bob.email, permissions: 7 });
    const id = (await bob.call('listshares')).requests.incoming[0].sharerequestid;
    expect((await bob.call('declineshare', {})).result).toBe(1025);
    expect((await alice.call('declineshare', { sharerequestid: id })).result).toBe(2022);
    expect((await bob.call('declineshare', { sharerequestid: id, block: 1 })).result).toBe(0);
    expect((await other.call('sharefolder', { folderid: d.folderid, mail: bob.email, permissions: 7 })).result).toBe(2017);
    expect((await events(other)).map((e: Json) => e.event)).toContain('declinedshareout');
  });
});

describe('an accepted share', () => {
  let shareid: number;
  let bobDiff: number;

  it('mounts in the recipient root, read-only for view', async () => {
    bobDiff = (await bob.call('diff', { last: 0 })).diffid;
    await alice.call('sharefolder', { folderid: folder.folderid, mail: bob.email, permissions: 0 });
    const id = (await bob.call('listshares')).requests.incoming[0].sharerequestid;
    const acc = await bob.call('acceptshare', { sharerequestid: id });
    expect(acc.result).toBe(0);
    shareid = acc.shareid;
    const list = await bob.call('listfolder', { folderid: 0 });
    const mounted = list.metadata.contents.find((c: Json) => c.name === 'Shared');
    expect(mounted).toMatchObject({ folderid: folder.folderid, ismine: false, userid: alice.id, canread: true, canmodify: false, cancreate: false, parentfolderid: 0 });
    const inside = await bob.call('listfolder', { path: '/Shared' });
    expect(inside.metadata.contents.map((c: Json) => c.name)).toEqual(['a.txt']);
    expect((await bob.call('stat', { fileid: file.fileid })).metadata).toMatchObject({ ismine: false, canread: true, candelete: false });
    const link = await bob.call('getfilelink', { fileid: file.fileid });
    expect((await srv.fetchLink(link)).text).toBe('hello');
    expect((await bob.call('uploadfile', { folderid: folder.folderid, filename: 'b.txt' }, { verb: 'PUT', body: 'x' })).result).toBe(2003);
    expect((await bob.call('renamefile', { fileid: file.fileid, toname: 'z.txt' })).result).toBe(2003);
    expect((await bob.call('deletefile', { fileid: file.fileid })).result).toBe(2003);
    expect((await bob.call('createfolder', { folderid: folder.folderid, name: 'sub' })).result).toBe(2003);
    const ev = (await events(bob, bobDiff)).map((e: Json) => e.event);
    expect(ev.indexOf('createfolder')).toBeGreaterThanOrEqual(0);
    expect(ev.indexOf('createfolder')).toBeLessThan(ev.indexOf('acceptedsharein'));
    expect((await events(alice)).map((e: Json) => e.event)).toContain('acceptedshareout');
    const shares = await alice.call('listshares');
    expect(shares.shares.outgoing[0]).toMatchObject({ shareid, tomail: bob.email, touserid: bob.id, canmodify: false });
    expect((await bob.call('listshares')).shares.incoming[0]).toMatchObject({ shareid, frommail: alice.email });
    expect((await alice.call('sharefolder', { folderid: folder.folderid, mail: bob.email, permissions: 0 })).result).toBe(2024);
  });

  it('changeshare to edit lets the recipient write; the owner sees the changes and pays the quota', async () => {
    expect((await bob.call('changeshare', { shareid, permissions: 7 })).result).toBe(2025);
    expect((await alice.call('changeshare', { shareid })).result).toBe(1024);
    expect((await alice.call('changeshare', { permissions: 7 })).result).toBe(1027);
    expect((await alice.call('changeshare', { shareid, permissions: 'edit' })).result).toBe(0);
    const up = await bob.call('uploadfile', { folderid: folder.folderid, filename: 'b.txt' }, { verb: 'PUT', body: 'from bob' });
    expect(up.result).toBe(0);
    expect(up.metadata[0]).toMatchObject({ ismine: false, userid: alice.id });
    expect((await bob.call('renamefile', { fileid: file.fileid, toname: 'renamed.txt' })).result).toBe(0);
    expect((await bob.call('createfolder', { path: '/Shared/sub' })).result).toBe(0);
    expect(await alice.names(folder.folderid)).toEqual(['sub', 'b.txt', 'renamed.txt']);
    expect((await bob.call('deletefile', { fileid: up.metadata[0].fileid })).result).toBe(0);
    expect(await alice.names(folder.folderid)).toEqual(['sub', 'renamed.txt']);
    expect((await events(bob)).map((e: Json) => e.event)).toContain('modifiedsharein');
    expect((await events(alice)).map((e: Json) => e.event)).toEqual(expect.arrayContaining(['modifiedshareout', 'createfile', 'deletefile']));
  });

  it('removeshare takes the access away', async () => {
    expect((await alice.call('removeshare', {})).result).toBe(1027);
    const stranger = await srv.user();
    expect((await stranger.call('removeshare', { shareid })).result).toBe(2025);
    expect((await bob.call('removeshare', { shareid })).result).toBe(0);
    expect((await bob.call('removeshare', { shareid })).result).toBe(2025);
    expect(await bob.names(0)).toEqual([]);
    expect((await bob.call('listfolder', { folderid: folder.folderid })).result).toBe(2005);
    expect((await bob.call('stat', { fileid: file.fileid })).result).toBe(2009);
    expect((await bob.call('getfilelink', { fileid: file.fileid })).result).toBe(2009);
    const ev = (await events(bob)).map((e: Json) => e.event);
    expect(ev).toEqual(expect.arrayContaining(['deletefolder', 'removedsharein']));
    expect((await events(alice)).map((e: Json) => e.event)).toContain('removedshareout');
    expect((await alice.call('listshares')).shares.outgoing).toEqual([]);
  });

  it('accepts by mailed code with "always", after which new shares from that sender arrive accepted', async () => {
    await alice.call('sharefolder', { folderid: folder.folderid, mail: bob.email, permissions: 'create,modify' });
    const code = await srv.lastCode(bob.email);
    expect((await alice.call('acceptshare', { code })).result).toBe(2020);
    const acc = await bob.call('acceptshare', { code, always: 1 });
    expect(acc.result).toBe(0);
    expect((await bob.call('listshares')).shares.incoming[0]).toMatchObject({ cancreate: true, canmodify: true, candelete: false });
    const second = await alice.mkdir('Second');
    const r = await alice.call('sharefolder', { folderid: second.folderid, mail: bob.email, permissions: 0 });
    expect(r.shareid).toBeGreaterThan(0);
    expect(await bob.names(0)).toEqual(['Second', 'Shared']);
  });
});

describe('acceptshare with a place and a name', () => {
  it('mounts the share in the chosen folder under the chosen name', async () => {
    const carol = await srv.user();
    const dave = await srv.user();
    const src = await carol.mkdir('Project');
    await carol.upload('plan.txt', 'the plan', { folderid: src.folderid });
    const place = await dave.mkdir('From others');
    await carol.call('sharefolder', { folderid: src.folderid, mail: dave.email, permissions: 'view' });
    const id = (await dave.call('listshares')).requests.incoming[0].sharerequestid;
    expect((await dave.call('acceptshare', { sharerequestid: id, folderid: place.folderid, name: 'Carol project' })).result).toBe(0);
    const root = await dave.call('listfolder', { folderid: 0 });
    expect(root.metadata.contents.map((c: Json) => c.name)).not.toContain('Project');
    const inPlace = await dave.call('listfolder', { folderid: place.folderid });
    expect(inPlace.metadata.contents).toEqual([expect.objectContaining({ name: 'Carol project', folderid: src.folderid, ismine: false })]);
    const inside = await dave.call('listfolder', { path: '/From others/Carol project' });
    expect(inside.metadata.contents.map((c: Json) => c.name)).toEqual(['plan.txt']);
  });
});
