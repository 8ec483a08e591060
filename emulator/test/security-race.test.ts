// Races (issue 13 item 8): two operations on one resource, started together, 30 rounds each with
// varying overlap; the invariants are checked after every round.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';
import { race } from './security-harness';

const ROUNDS = 30;
const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

let srv: TestServer;
let alice: TestUser;
let bob: TestUser;
let base: number;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  bob = await srv.user();
  base = (await alice.mkdir('races')).folderid;
});
afterAll(() => srv.close());

const names = async (folderid: number) => ((await alice.call('listfolder', { folderid })).metadata.contents as { name: string }[]).map((c) => c.name);
const fresh = async (i: number, tag: string) => (await alice.mkdir(`${tag}-${i}`, base)).folderid as number;

describe('races on one resource', () => {
  it('renamefile vs deletefile: the file ends up exactly once (renamed) or in the trash', async () => {
    await race(ROUNDS, {
      setup: async (i) => {
        const folder = await fresh(i, 'rd');
        return { folder, file: await alice.upload('old.txt', `body ${i}`, { folderid: folder }) };
      },
      a: (s) => alice.call('renamefile', { fileid: s.file.fileid, toname: 'new.txt' }),
      b: (s) => alice.call('deletefile', { fileid: s.file.fileid }),
      check: async (s, _rename, del) => {
        const visible = (await names(s.folder)).filter((n) => n === 'old.txt' || n === 'new.txt');
        if ((del as Json).result === 0) {
          expect(visible).toEqual([]);
          expect((await alice.call('stat', { fileid: s.file.fileid })).result).not.toBe(0);
        } else {
          expect(visible).toEqual(['new.txt']);
        }
      },
    });
  });

  it('two createfolder of one name: exactly one wins, the other gets 2004', async () => {
    await race(ROUNDS, {
      setup: (i) => fresh(i, 'cf'),
      a: (folder) => alice.call('createfolder', { folderid: folder, name: 'same' }),
      b: (folder) => alice.call('createfolder', { folderid: folder, name: 'same' }),
      check: async (folder, ra, rb) => {
        expect([(ra as Json).result, (rb as Json).result].sort()).toEqual([0, 2004]);
        expect((await names(folder)).filter((n) => n === 'same')).toHaveLength(1);
      },
    });
  });

  it('copyfile vs deletefile of the source: a copy made is whole, the source is gone if deleted', async () => {
    await race(ROUNDS, {
      setup: async (i) => {
        const folder = await fresh(i, 'cd');
        return { folder, i, file: await alice.upload('src.txt', `source ${i}`, { folderid: folder }) };
      },
      a: (s) => alice.call('copyfile', { fileid: s.file.fileid, tofolderid: s.folder, toname: 'copy.txt' }),
      b: (s) => alice.call('deletefile', { fileid: s.file.fileid }),
      check: async (s, copy, del) => {
        const visible = await names(s.folder);
        if ((copy as Json).result === 0) {
          expect(visible).toContain('copy.txt');
          expect((await alice.call('checksumfile', { fileid: (copy as Json).metadata.fileid })).sha1).toBe(sha1(`source ${s.i}`));
        } else {
          expect(visible).not.toContain('copy.txt');
        }
        expect(visible.includes('src.txt')).toBe((del as Json).result !== 0);
      },
    });
  });

  it('two acceptshare of one request: one share, one mount', async () => {
    await race(ROUNDS, {
      setup: async (i) => {
        const folder = await fresh(i, 'as');
        const r = await alice.call('sharefolder', { folderid: folder, mail: bob.email, permissions: 'view' });
        return { folder, id: r.sharerequestid as number };
      },
      a: (s) => bob.call('acceptshare', { sharerequestid: s.id }),
      b: (s) => bob.call('acceptshare', { sharerequestid: s.id }),
      check: async (s, ra, rb) => {
        expect([(ra as Json).result, (rb as Json).result].filter((r) => r === 0)).toHaveLength(1);
        const incoming = ((await bob.call('listshares')).shares.incoming as { folderid: number }[]).filter((x) => x.folderid === s.folder);
        expect(incoming).toHaveLength(1);
        const mounts = ((await bob.call('listfolder', { folderid: 0 })).metadata.contents as { folderid?: number }[]).filter((c) => c.folderid === s.folder);
        expect(mounts).toHaveLength(1);
      },
    });
  });

  it('deletepublink vs a download through it: once deleted, no URL of the link serves content', async () => {
    await race(ROUNDS, {
      setup: async (i) => {
        const file = await alice.upload(`pub-${i}.txt`, `public ${i}`, { folderid: base });
        const link = await alice.call('getfilepublink', { fileid: file.fileid });
        return { link };
      },
      a: (s) => alice.call('deletepublink', { linkid: s.link.linkid }),
      b: async (s) => {
        const dl = await srv.call('getpublinkdownload', { code: s.link.code });
        if (dl.result !== 0) return null;
        await srv.fetchLink(dl);
        return dl;
      },
      check: async (s, del, dl) => {
        expect((del as Json).result).toBe(0);
        expect((await srv.call('getpublinkdownload', { code: s.link.code })).result).not.toBe(0);
        if (dl) expect((await srv.fetchLink(dl as Json)).status).not.toBe(200);
      },
    });
  });

  it('upload_save twice of one session: exactly one file', async () => {
    await race(ROUNDS, {
      setup: async (i) => {
        const folder = await fresh(i, 'us');
        const id = (await alice.call('upload_create', {})).uploadid as number;
        await alice.call('upload_write', { uploadid: id, uploadoffset: 0 }, { verb: 'PUT', body: `session ${i}` });
        return { folder, id };
      },
      a: (s) => alice.call('upload_save', { uploadid: s.id, folderid: s.folder, name: 'a.txt' }),
      b: (s) => alice.call('upload_save', { uploadid: s.id, folderid: s.folder, name: 'b.txt' }),
      check: async (s, ra, rb) => {
        expect([(ra as Json).result, (rb as Json).result].filter((r) => r === 0)).toHaveLength(1);
        expect((await names(s.folder)).filter((n) => n === 'a.txt' || n === 'b.txt')).toHaveLength(1);
      },
    });
  });

  it('upload_write in flight vs upload_save: the saved file\'s bytes match its checksum, and later uploads of them too', async () => {
    await race(ROUNDS, {
      setup: async (i) => {
        const folder = await fresh(i, 'ws');
        const id = (await alice.call('upload_create', {})).uploadid as number;
        await alice.call('upload_write', { uploadid: id, uploadoffset: 0 }, { verb: 'PUT', body: `genuine ${i} ` });
        return { folder, id, i };
      },
      a: (s) => alice.call('upload_save', { uploadid: s.id, folderid: s.folder, name: 'saved.txt' }),
      b: async (s) => {
        const { req, reply } = srv.open('upload_write', { uploadid: s.id, uploadoffset: `genuine ${s.i} `.length, access_token: alice.token }, { headers: { 'Content-Length': '8' } });
        req.write('EVIL');
        await new Promise((r) => setTimeout(r, s.i % 3));
        req.end('EVIL');
        return reply;
      },
      check: async (s, saved) => {
        if ((saved as Json).result !== 0) return;
        const fileid = (saved as Json).metadata.fileid;
        const body = (await srv.fetchLink(await alice.call('getfilelink', { fileid }))).body;
        expect((await alice.call('checksumfile', { fileid })).sha1).toBe(createHash('sha1').update(body).digest('hex'));
        // whoever uploads those bytes later gets exactly them back
        const again = await alice.upload(`again-${s.i}.txt`, body, { folderid: s.folder });
        expect((await srv.fetchLink(await alice.call('getfilelink', { fileid: again.fileid }))).body).toEqual(body);
      },
    });
  });

  it('deletefolderrecursive vs uploadfile into it: no live file is left in a deleted folder', async () => {
    await race(ROUNDS, {
      setup: async (i) => (await alice.mkdir(`dr-${i}`, base)).folderid as number,
      a: (folder) => alice.call('deletefolderrecursive', { folderid: folder }),
      b: (folder) => alice.call('uploadfile', { folderid: folder, filename: 'late.txt', nopartial: 1 }, { verb: 'PUT', body: 'late' }),
      check: async (folder, del, up) => {
        expect((del as Json).result).toBe(0);
        expect((await alice.call('listfolder', { folderid: folder })).result).not.toBe(0);
        if ((up as Json).result === 0) {
          // the file went to the trash with its folder, or was refused: never live and unreachable
          const fileid = (up as Json).metadata[0].fileid;
          expect((await alice.call('stat', { fileid })).result).not.toBe(0);
        }
      },
    });
  });

  it('two uploads of one name into one folder: one file, the other write kept as a revision', async () => {
    await race(ROUNDS, {
      setup: (i) => fresh(i, 'uu'),
      a: (folder) => alice.call('uploadfile', { folderid: folder, filename: 'same.txt', nopartial: 1 }, { verb: 'PUT', body: 'first' }),
      b: (folder) => alice.call('uploadfile', { folderid: folder, filename: 'same.txt', nopartial: 1 }, { verb: 'PUT', body: 'second' }),
      check: async (folder, ra, rb) => {
        expect([(ra as Json).result, (rb as Json).result]).toEqual([0, 0]);
        const files = ((await alice.call('listfolder', { folderid: folder })).metadata.contents as { name: string; fileid: number }[]).filter((c) => c.name === 'same.txt');
        expect(files).toHaveLength(1);
        const sum = (await alice.call('checksumfile', { fileid: files[0].fileid })).sha1;
        expect([sha1('first'), sha1('second')]).toContain(sum);
        expect((await alice.call('listrevisions', { fileid: files[0].fileid })).revisions).toHaveLength(1);
      },
    });
  });
});
