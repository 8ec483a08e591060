// Hostile but valid names round-trip byte for byte (docs/pcloud/structures.md §3) through every way in and out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
});
afterAll(() => srv.close());

const HOSTILE: [string, string][] = [
  ['html', '<img src=x onerror=alert(1)>&amp;"\'.html'],
  ['rtl override', 'invoice\u202Egpj.exe'],
  ['arabic + hebrew', 'مرحبا שלום.txt'],
  ['emoji + ZWJ', '👩‍👩‍👧 family 🎉.png'],
  ['combining marks', 'e\u0301\u0301 Z\u0335\u0321a\u0337lgo'],
  ['1000 bytes', 'é'.repeat(499) + 'xy'],
  ['leading dot', '.hidden'],
  ['leading dots', '...and more'],
  ['spaces', '  padded  '],
  ['percent + plus', '100% + 50%25 #1?.txt'],
  ['json-ish', '{"hash":12345678901234567890}'],
  ['CJK', '日本語のファイル名.txt'],
  ['control-ish', 'tab\there\u0001'],
];

describe('hostile names', () => {
  it.each(HOSTILE)('a folder named %s round-trips', async (_label, name) => {
    const r = await alice.call('createfolder', { folderid: 0, name });
    expect(r.result).toBe(0);
    expect(r.metadata.name).toBe(name);
    expect(r.metadata.path).toBe(`/${name}`);
    const listed = await alice.call('listfolder', { folderid: r.metadata.folderid });
    expect(listed.metadata.name).toBe(name);
    const byPath = await alice.call('listfolder', { path: `/${name}` });
    expect(byPath.metadata.folderid).toBe(r.metadata.folderid);
  });

  it.each(HOSTILE)('a file named %s round-trips through raw PUT, stat, rename and a download link', async (_label, name) => {
    const f = await alice.upload(name, `content of ${name}`);
    expect(f.name).toBe(name);
    expect((await alice.call('stat', { path: `/${name}` })).metadata.fileid).toBe(f.fileid);
    const renamed = await alice.call('renamefile', { fileid: f.fileid, toname: `${name}.2` });
    expect(renamed.metadata.name).toBe(`${name}.2`);
    const link = await alice.call('getfilelink', { fileid: f.fileid, forcedownload: 1 });
    const got = await srv.fetchLink(link);
    expect(got.text).toBe(`content of ${name}`);
    const disp = /filename\*=UTF-8''(.*)$/.exec(String(got.headers['content-disposition']))![1];
    expect(decodeURIComponent(disp)).toBe(`${name}.2`);
  });

  it('keeps names exact in multipart uploads (UTF-8 filename parameter)', async () => {
    const names = ['emoji 🎉 é.txt', 'مرحبا.txt', '.dotfile', '<b>bold<b>'];
    const r = await alice.call('uploadfile', { folderid: 0 }, { parts: names.map((filename) => ({ filename, data: filename })) });
    expect(r.metadata.map((m: Json) => m.name)).toEqual(names);
  });

  it('refuses a multipart filename with a slash instead of silently shortening it', async () => {
    const r = await alice.call('uploadfile', { folderid: 0 }, { parts: [{ filename: 'dir/inner.txt', data: 'x' }] });
    expect(r.result).toBe(2001);
    expect(await alice.names()).not.toContain('inner.txt');
  });

  it('tells names that differ only in case or normalisation apart', async () => {
    const d = await alice.mkdir('Case');
    for (const n of ['a.txt', 'A.txt', 'é.txt', 'e\u0301.txt']) await alice.upload(n, n, { folderid: d.folderid });
    expect((await alice.names(d.folderid)).sort()).toEqual(['A.txt', 'a.txt', 'e\u0301.txt', 'é.txt'].sort());
  });

  it('refuses names of 1024 bytes, with slashes, backslashes or NUL', async () => {
    for (const name of ['é'.repeat(512), 'a/b', 'a\\b', 'nul\u0000byte', '', '.', '..']) {
      expect((await alice.call('createfolder', { folderid: 0, name })).result).toBe(2001);
    }
  });
});
