// Revisions and Trash (docs/pcloud/methods-misc.md §1–2, §5 for the OAuth refusals).
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;
let auth: string;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  auth = alice.authToken();
});
afterAll(() => srv.close());

/** Trash methods refuse OAuth tokens (faithful mode): call them with a password-login `auth` token. */
const trash = (method: string, params: Record<string, string | number> = {}) => alice.call(method, params, { auth });
const trashNames = async (folderid = 0) => ((await trash('trash_list', { folderid })).metadata.contents as Json[]).map((c) => c.name);
const blobExists = (data: string) => {
  const key = createHash('sha256').update(data).digest('hex');
  return access(join(srv.dataDir, 'blobs', key.slice(0, 2), key)).then(() => true, () => false);
};

describe('revisions', () => {
  it('lists older versions newest first and reverts to one', async () => {
    const f = await alice.upload('r.txt', 'v1');
    await alice.upload('r.txt', 'v22');
    await alice.upload('r.txt', 'v333');
    const list = await alice.call('listrevisions', { fileid: f.fileid });
    expect(list.revisions.map((r: Json) => r.size)).toEqual([3, 2]);
    expect(list.revisions[1]).toMatchObject({ hash: f.hash, revisionid: expect.any(Number), created: expect.any(String) });
    expect(list.metadata).toMatchObject({ fileid: f.fileid, size: 4 });
    const back = await alice.call('revertrevision', { fileid: f.fileid, revisionid: list.revisions[1].revisionid });
    expect(back.metadata).toMatchObject({ fileid: f.fileid, size: 2, hash: f.hash });
    const after = await alice.call('listrevisions', { path: '/r.txt' });
    expect(after.revisions.map((r: Json) => r.size)).toEqual([4, 3, 2]);
  });

  it('answers bad requests and hides other users\' revisions', async () => {
    const f = await alice.upload('rr.txt', 'a');
    expect((await alice.call('listrevisions')).result).toBe(1004);
    expect((await alice.call('revertrevision', { fileid: f.fileid })).result).toBe(2029);
    expect((await alice.call('revertrevision', { fileid: f.fileid, revisionid: 123456 })).result).toBe(2029);
    expect((await alice.call('listrevisions', { fileid: 7777777 })).result).toBe(2009);
    const bob = await srv.user();
    const theirs = await bob.upload('b.txt', 'b1');
    await bob.upload('b.txt', 'b2');
    const rev = (await bob.call('listrevisions', { fileid: theirs.fileid })).revisions[0].revisionid;
    expect((await alice.call('listrevisions', { fileid: theirs.fileid })).result).toBe(2009);
    expect((await alice.call('revertrevision', { fileid: theirs.fileid, revisionid: rev })).result).toBe(2009);
    expect((await alice.call('revertrevision', { fileid: f.fileid, revisionid: rev })).result).toBe(2029);
  });
});

describe('trash', () => {
  it('lists deleted files and folders with their original place', async () => {
    const d = await alice.mkdir('TrashMe');
    await alice.upload('inside.txt', 'in', { folderid: d.folderid });
    const f = await alice.upload('loose.txt', 'loose');
    await alice.call('deletefolderrecursive', { folderid: d.folderid });
    await alice.call('deletefile', { fileid: f.fileid });
    const r = await trash('trash_list');
    expect(r.metadata).toMatchObject({ folderid: 0, isdeleted: true });
    const folder = r.metadata.contents.find((c: Json) => c.name === 'TrashMe');
    expect(folder).toMatchObject({ isdeleted: true, parentfolderid: 0, origparentfolderid: 0, isfolder: true });
    expect(r.metadata.contents.find((c: Json) => c.name === 'loose.txt')).toMatchObject({ fileid: f.fileid, origparentfolderid: 0 });
    expect(await trashNames(folder.folderid)).toEqual(['inside.txt']);
    const rec = await trash('trash_list', { recursive: 1, nofiles: 1 });
    expect(rec.metadata.contents.every((c: Json) => c.isfolder)).toBe(true);
  });

  it('tells where an item would be restored and restores it there', async () => {
    const d = await alice.mkdir('Home');
    const f = await alice.upload('back.txt', 'b', { folderid: d.folderid });
    await alice.call('deletefile', { fileid: f.fileid });
    const where = await trash('trash_restorepath', { fileid: f.fileid });
    expect(where.destination).toMatchObject({ folderid: d.folderid });
    const r = await trash('trash_restore', { fileid: f.fileid });
    expect(r.metadata).toMatchObject({ fileid: f.fileid, parentfolderid: d.folderid });
    expect(r.metadata.isdeleted).toBeUndefined();
    expect(await alice.names(d.folderid)).toEqual(['back.txt']);
  });

  it('restores into the nearest live ancestor, with a free name, or into restoreto', async () => {
    const d = await alice.mkdir('Parent');
    const f = await alice.upload('orphan.txt', 'o', { folderid: d.folderid });
    await alice.call('deletefile', { fileid: f.fileid });
    await alice.call('deletefolder', { folderid: d.folderid });
    await alice.upload('orphan.txt', 'clash');
    expect((await trash('trash_restorepath', { fileid: f.fileid })).destination.folderid).toBe(0);
    const r = await trash('trash_restore', { fileid: f.fileid });
    expect(r.metadata).toMatchObject({ parentfolderid: 0, name: 'orphan (2).txt' });
    const g = await alice.upload('elsewhere.txt', 'e');
    await alice.call('deletefile', { fileid: g.fileid });
    const to = await alice.mkdir('Chosen');
    const r2 = await trash('trash_restore', { fileid: g.fileid, restoreto: to.folderid });
    expect(r2.metadata.parentfolderid).toBe(to.folderid);
  });

  it('restores a folder with its contents, and a file from inside a trashed folder', async () => {
    const d = await alice.mkdir('Box');
    const a = await alice.upload('a.txt', 'a', { folderid: d.folderid });
    await alice.upload('b.txt', 'b', { folderid: d.folderid });
    await alice.call('deletefolderrecursive', { folderid: d.folderid });
    const one = await trash('trash_restore', { fileid: a.fileid });
    expect(one.metadata).toMatchObject({ fileid: a.fileid, parentfolderid: 0 });
    const r = await trash('trash_restore', { folderid: d.folderid, metadata: 1 });
    expect(r.metadata.folderid).toBe(d.folderid);
    expect(r.metadata.contents.map((c: Json) => c.name)).toEqual(['b.txt']);
  });

  it('restores the whole trash', async () => {
    const u = await srv.user();
    const ua = u.authToken();
    const f1 = await u.upload('1.txt', '1');
    const f2 = await u.upload('2.txt', '2');
    await u.call('deletefile', { fileid: f1.fileid });
    await u.call('deletefile', { fileid: f2.fileid });
    const r = await u.call('trash_restore', { folderid: 0 }, { auth: ua });
    expect(r.restored.map((m: Json) => m.name).sort()).toEqual(['1.txt', '2.txt']);
    expect((await u.names()).sort()).toEqual(['1.txt', '2.txt']);
  });

  it('clears items for good and removes their unreferenced content from disk', async () => {
    const f = await alice.upload('forever.txt', 'unique content 1');
    await alice.upload('forever.txt', 'unique content 2');
    const shared = await alice.upload('shared1.txt', 'same bytes');
    await alice.upload('shared2.txt', 'same bytes');
    await alice.call('deletefile', { fileid: f.fileid });
    await alice.call('deletefile', { fileid: shared.fileid });
    expect(await blobExists('unique content 1')).toBe(true);
    expect((await trash('trash_clear', { fileid: f.fileid })).result).toBe(0);
    expect((await trash('trash_clear', { fileid: shared.fileid })).result).toBe(0);
    expect(await trashNames()).not.toContain('forever.txt');
    expect(await blobExists('unique content 1')).toBe(false);
    expect(await blobExists('unique content 2')).toBe(false);
    expect(await blobExists('same bytes')).toBe(true);
    expect((await trash('trash_restore', { fileid: f.fileid })).result).toBe(2009);
  });

  it('empties the whole trash with folderid=0', async () => {
    const d = await alice.mkdir('Doomed');
    await alice.upload('x.txt', 'doomed bytes', { folderid: d.folderid });
    await alice.call('deletefolderrecursive', { folderid: d.folderid });
    expect((await trash('trash_clear', { folderid: 0 })).result).toBe(0);
    expect(await trashNames()).toEqual([]);
    expect(await blobExists('doomed bytes')).toBe(false);
    const left = await readdir(join(srv.dataDir, 'tmp'));
    expect(left.filter((n) => !n.startsWith('upload-'))).toEqual([]);
  });

  it('answers bad requests and hides other users\' trash', async () => {
    expect((await trash('trash_restore')).result).toBe(1053);
    expect((await trash('trash_clear')).result).toBe(1053);
    expect((await trash('trash_restorepath')).result).toBe(1053);
    expect((await trash('trash_list', { folderid: 'x' })).result).toBe(1017);
    expect((await trash('trash_restore', { fileid: 'x' })).result).toBe(1018);
    expect((await trash('trash_list', { folderid: 9999999 })).result).toBe(2005);
    const live = await alice.upload('live.txt', 'l');
    expect((await trash('trash_restore', { fileid: live.fileid })).result).toBe(2009);
    const bob = await srv.user();
    const theirs = await bob.upload('bobs.txt', 'b');
    await bob.call('deletefile', { fileid: theirs.fileid });
    expect((await trash('trash_restore', { fileid: theirs.fileid })).result).toBe(2009);
    expect((await trash('trash_clear', { fileid: theirs.fileid })).result).toBe(2009);
    expect(await trashNames()).not.toContain('bobs.txt');
  });
});

describe('OAuth tokens and the trash', () => {
  it('refuses OAuth callers with 1000 in faithful mode (trash_*, listtokens)', async () => {
    for (const m of ['trash_list', 'trash_clear', 'trash_restore', 'trash_restorepath', 'listtokens']) {
      const r = await alice.send(m, { folderid: 0 });
      expect(r.json).toEqual({ result: 1000, error: 'Log in required.' });
      expect(r.headers['x-error']).toBe('1000');
    }
    expect((await alice.call('trash_list', {}, { bearer: alice.token })).result).toBe(1000);
  });

  it('lets OAuth callers in when the oauthRefusals quirk is off', async () => {
    const p = await TestServer.start({ quirks: { oauthRefusals: false } });
    try {
      const u = await p.user();
      const f = await u.upload('t.txt', 't');
      await u.call('deletefile', { fileid: f.fileid });
      expect((await u.call('trash_list')).metadata.contents[0].name).toBe('t.txt');
      expect((await u.call('trash_restore', { fileid: f.fileid })).result).toBe(0);
      expect((await u.call('listtokens')).result).toBe(0);
    } finally {
      await p.close();
    }
  });
});
