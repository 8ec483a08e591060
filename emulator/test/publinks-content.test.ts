// Public links, the visitor's side beyond showpublink/getpublinkdownload (docs/pcloud/methods-publinks.md §5):
// getpubthumb, getpubthumblink, getpubthumbslinks, savepubthumb, getpubzip, getpubziplink, savepubzip,
// getpubtextfile, getpubvideolinks, getmediatranscodepublink, getpubaudiolink; collection links
// (getcollectionpublink); counters; 7001–7006 and 7010; and proof that a code exposes nothing outside
// its scope. Also the two undocumented rows notifyuploadlink and account_teamshare.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type RawReply, type TestUser } from '../testing';
import { FFMPEG } from '../media/state';

let srv: TestServer;
let alice: TestUser;
let bob: TestUser;
let pub: Json; // folder "Pub"
let deep: Json; // Pub/Deep
let photo: Json; // Pub/photo.jpg 400x300
let notes: Json; // Pub/notes.txt (latin-1)
let deepPic: Json; // Pub/Deep/deep.png
let clip: Json; // Pub/clip.mp4 (video + audio)
let song: Json; // Pub/song.mp3
let secret: Json; // secret.jpg at the root (outside every folder link)
let secretText: Json; // secret.txt at the root
let folderLink: Json;
const SECRET_BYTES = 'TOP-SECRET-CONTENT';

async function zipNames(buf: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zf) => {
      if (err || !zf) return reject(err ?? new Error('no zip'));
      const names: string[] = [];
      zf.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zf.readEntry();
      });
      zf.on('end', () => resolve(names.sort()));
      zf.on('error', reject);
      zf.readEntry();
    });
  });
}

async function counters(linkid: number): Promise<{ downloads: number; traffic: number }> {
  const l = (await alice.call('listpublinks')).publinks.find((p: Json) => p.linkid === linkid);
  return { downloads: l.downloads, traffic: l.traffic };
}

const get = (method: string, params: Record<string, string | number | undefined>, headers?: Record<string, string>): Promise<RawReply> =>
  srv.send(method, params, headers ? { headers } : {});

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  bob = await srv.user();
  pub = await alice.mkdir('Pub');
  deep = await alice.mkdir('Deep', pub.folderid);
  const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3070c0' } }).jpeg().toBuffer();
  const png = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#30c070' } }).png().toBuffer();
  const dir = mkdtempSync(join(tmpdir(), 'pubcontent-test-'));
  execFileSync(FFMPEG, [
    '-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=1', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', join(dir, 'c.mp4'),
  ]);
  execFileSync(FFMPEG, ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:a', 'libmp3lame', join(dir, 's.mp3')]);
  const mp4 = readFileSync(join(dir, 'c.mp4'));
  const mp3 = readFileSync(join(dir, 's.mp3'));
  rmSync(dir, { recursive: true, force: true });
  photo = await alice.upload('photo.jpg', jpeg, { folderid: pub.folderid });
  notes = await alice.upload('notes.txt', Buffer.from('caf\xe9 cr\xe8me\n', 'latin1'), { folderid: pub.folderid });
  deepPic = await alice.upload('deep.png', png, { folderid: deep.folderid });
  clip = await alice.upload('clip.mp4', mp4, { folderid: pub.folderid });
  song = await alice.upload('song.mp3', mp3, { folderid: pub.folderid });
  secret = await alice.upload('secret.jpg', jpeg);
  secretText = await alice.upload('secret.txt', SECRET_BYTES);
  folderLink = await alice.call('getfolderpublink', { folderid: pub.folderid });
  expect(folderLink.result).toBe(0);
}, 60_000);
afterAll(() => srv.close());

/** The link-state errors every code-taking method shares: 1028, 7001, 7002, 7004, 7005, 7006. */
async function linkStates(method: string, extra: Record<string, string | number>, opts: { user?: TestUser; limits?: boolean } = {}) {
  const call = (params: Record<string, string | number>) => (opts.user ? opts.user.call(method, params) : srv.call(method, params));
  expect([method, (await call({ ...extra })).result]).toEqual([method, 1028]);
  expect([method, (await call({ ...extra, code: 'NoSuchCode' })).result]).toEqual([method, 7001]);
  const dead = await alice.call('getfolderpublink', { folderid: pub.folderid });
  await alice.call('deletepublink', { linkid: dead.linkid });
  expect([method, (await call({ ...extra, code: dead.code })).result]).toEqual([method, 7002]);
  const old = await alice.call('getfolderpublink', { folderid: pub.folderid, expire: '2001-01-01T00:00:00Z' });
  expect([method, (await call({ ...extra, code: old.code })).result]).toEqual([method, 7004]);
  if (opts.limits === false) return;
  const spent = await alice.call('getfolderpublink', { folderid: pub.folderid, maxdownloads: 1 });
  const db = srv.emu.st;
  db.q('UPDATE publinks SET downloads = 1 WHERE id = ?').run(spent.linkid);
  expect([method, (await call({ ...extra, code: spent.code })).result]).toEqual([method, 7006]);
  const full = await alice.call('getfolderpublink', { folderid: pub.folderid, maxtraffic: 10 });
  db.q('UPDATE publinks SET traffic = 10 WHERE id = ?').run(full.linkid);
  expect([method, (await call({ ...extra, code: full.code })).result]).toEqual([method, 7005]);
}

describe('thumbnails of a link', () => {
  it('getpubthumb streams the image anonymously, with size/crop/type', async () => {
    const r = await get('getpubthumb', { code: folderLink.code, fileid: photo.fileid, size: '120x120' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(r.body).metadata()).toMatchObject({ format: 'jpeg', width: 120, height: 90 });
    const crop = await get('getpubthumb', { code: folderLink.code, fileid: photo.fileid, size: '64x64', crop: 1, type: 'png' });
    expect(await sharp(crop.body).metadata()).toMatchObject({ format: 'png', width: 64, height: 64 });
    // a file inside a sub-folder; a file link needs no fileid
    expect((await get('getpubthumb', { code: folderLink.code, fileid: deepPic.fileid, size: '32x32' })).status).toBe(200);
    const fl = await alice.call('getfilepublink', { fileid: photo.fileid });
    expect((await get('getpubthumb', { code: fl.code, size: '32x32' })).headers['content-type']).toBe('image/jpeg');
  });

  it('getpubthumb errors', async () => {
    const err = async (params: Record<string, string | number | undefined>) => {
      const r = await get('getpubthumb', params);
      expect(r.headers['x-error']).toBeDefined();
      return r.json.result as number;
    };
    expect(await err({ code: folderLink.code, size: '120x120' })).toBe(1029);
    expect(await err({ code: folderLink.code, fileid: photo.fileid })).toBe(1015);
    expect(await err({ code: folderLink.code, fileid: photo.fileid, size: '7x7' })).toBe(1015);
    expect(await err({ code: folderLink.code, fileid: notes.fileid, size: '32x32' })).toBe(1014);
    expect(await err({ code: folderLink.code, fileid: secret.fileid, size: '32x32' })).toBe(2009);
    await linkStates('getpubthumb', { fileid: photo.fileid, size: '32x32' });
  });

  it('getpubthumblink gives a URL that dies with the link; getpubthumbslinks answers per file', async () => {
    const temp = await alice.call('getfolderpublink', { folderid: pub.folderid });
    const r = await srv.call('getpubthumblink', { code: temp.code, fileid: photo.fileid, size: '120x120' });
    expect(r).toMatchObject({ result: 0, size: '120x90', hosts: expect.any(Array), path: expect.any(String), expires: expect.any(String) });
    const img = await srv.fetchLink(r);
    expect(img.status).toBe(200);
    expect(await sharp(img.body).metadata()).toMatchObject({ width: 120, height: 90 });
    expect(await counters(temp.linkid)).toEqual({ downloads: 0, traffic: 0 }); // thumbnails count nothing
    await alice.call('deletepublink', { linkid: temp.linkid });
    expect((await srv.fetchLink(r)).status).toBe(410);
    expect((await srv.call('getpubthumblink', { code: folderLink.code, fileid: secret.fileid, size: '32x32' })).result).toBe(2009);
    await linkStates('getpubthumblink', { fileid: photo.fileid, size: '32x32' });

    const many = await srv.call('getpubthumbslinks', { code: folderLink.code, fileids: `${photo.fileid},${deepPic.fileid},${notes.fileid},${secret.fileid}`, size: '32x32' });
    expect(many.result).toBe(0);
    expect(many.thumbs.map((t: Json) => [t.fileid, t.result])).toEqual([
      [photo.fileid, 0], [deepPic.fileid, 0], [notes.fileid, 1014], [secret.fileid, 2009],
    ]);
    expect(many.thumbs[3]).toEqual({ fileid: secret.fileid, result: 2009, error: 'File not found.' });
    expect((await srv.fetchLink(many.thumbs[1])).status).toBe(200);
    expect((await srv.call('getpubthumbslinks', { code: folderLink.code, size: '32x32' })).result).toBe(1038);
    expect((await srv.call('getpubthumbslinks', { code: folderLink.code, fileid: photo.fileid, size: '32x32' })).result).toBe(1038);
    expect((await srv.call('getpubthumbslinks', { code: folderLink.code, fileids: String(photo.fileid), size: '1x1' })).result).toBe(1015);
    await linkStates('getpubthumbslinks', { fileids: String(photo.fileid), size: '32x32' });
  });

  it('savepubthumb stores the thumbnail in the caller\'s account', async () => {
    expect((await srv.call('savepubthumb', { code: folderLink.code, fileid: photo.fileid, size: '64x64', tofolderid: 0 })).result).toBe(1000);
    expect((await bob.call('savepubthumb', { code: folderLink.code, fileid: photo.fileid, size: '64x64' })).result).toBe(1016);
    const r = await bob.call('savepubthumb', { code: folderLink.code, fileid: photo.fileid, size: '64x64', tofolderid: 0, toname: 'thumb.jpg' });
    expect(r).toMatchObject({ result: 0, width: 64, height: 48, metadata: { name: 'thumb.jpg', ismine: true, parentfolderid: 0 } });
    expect(await bob.names()).toContain('thumb.jpg');
    expect((await bob.call('savepubthumb', { code: folderLink.code, fileid: photo.fileid, size: '64x64', tofolderid: 0, toname: 'thumb.jpg', noover: 1 })).result).toBe(2004);
    expect((await bob.call('savepubthumb', { code: folderLink.code, fileid: secret.fileid, size: '64x64', tofolderid: 0 })).result).toBe(2009);
    expect((await bob.call('savepubthumb', { code: folderLink.code, size: '64x64', tofolderid: 0 })).result).toBe(1029);
    await linkStates('savepubthumb', { fileid: photo.fileid, size: '64x64', tofolderid: 0 }, { user: bob });
  });
});

describe('zips of a link', () => {
  it('getpubzip streams the whole link or a sub-tree inside it, and counts a download and its bytes', async () => {
    const l = await alice.call('getfolderpublink', { folderid: pub.folderid });
    const r = await get('getpubzip', { code: l.code, filename: 'Pub.zip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.headers['content-disposition']).toContain('Pub.zip');
    expect(await zipNames(r.body)).toEqual(['Pub/', 'Pub/Deep/', 'Pub/Deep/deep.png', 'Pub/clip.mp4', 'Pub/notes.txt', 'Pub/photo.jpg', 'Pub/song.mp3']);
    expect(await counters(l.linkid)).toEqual({ downloads: 1, traffic: r.body.length });
    const part = await get('getpubzip', { code: l.code, fileids: String(photo.fileid), folderids: String(deep.folderid), forcedownload: 1 });
    expect(part.headers['content-type']).toBe('application/octet-stream');
    expect(await zipNames(part.body)).toEqual(['Deep/', 'Deep/deep.png', 'photo.jpg']);
    expect(await zipNames((await get('getpubzip', { code: l.code, folderid: deep.folderid })).body)).toEqual(['deep.png']);
    expect(await counters(l.linkid)).toMatchObject({ downloads: 3 });
    // anything outside the link: 1018 for files, 1017 for folders (the root too)
    expect((await get('getpubzip', { code: l.code, fileids: `${photo.fileid},${secret.fileid}` })).json.result).toBe(1018);
    expect((await get('getpubzip', { code: l.code, folderids: '0' })).json.result).toBe(1017);
    expect((await get('getpubzip', { code: l.code, folderid: 0 })).json.result).toBe(1017);
    expect(await counters(l.linkid)).toMatchObject({ downloads: 3 });
    await linkStates('getpubzip', {});
  });

  it('getpubzip of file, tree and maxdownloads-limited links', async () => {
    const fl = await alice.call('getfilepublink', { fileid: notes.fileid, maxdownloads: 1 });
    expect(await zipNames((await get('getpubzip', { code: fl.code })).body)).toEqual(['notes.txt']);
    expect((await get('getpubzip', { code: fl.code })).json.result).toBe(7006);
    const tree = await alice.call('gettreepublink', { name: 'Picked', fileids: String(secret.fileid), folderids: String(deep.folderid) });
    expect(await zipNames((await get('getpubzip', { code: tree.code })).body)).toEqual(['Deep/', 'Deep/deep.png', 'secret.jpg']);
    // top-level items hang off the virtual root (folderid 0), not their real folders outside the link
    const shown = await srv.call('showpublink', { code: tree.code });
    expect(shown.metadata.contents.map((c: Json) => c.parentfolderid)).toEqual([0, 0]);
    expect((await get('getpubzip', { code: tree.code, fileids: String(photo.fileid) })).json.result).toBe(1018);
  });

  it('getpubziplink counts when the URL is fetched', async () => {
    const l = await alice.call('getfolderpublink', { folderid: pub.folderid });
    const r = await srv.call('getpubziplink', { code: l.code, folderid: deep.folderid, filename: 'deep.zip' });
    expect(r).toMatchObject({ result: 0, hosts: expect.any(Array), path: expect.stringContaining('deep.zip') });
    expect(await counters(l.linkid)).toEqual({ downloads: 0, traffic: 0 });
    const z = await srv.fetchLink(r);
    expect(await zipNames(z.body)).toEqual(['deep.png']);
    expect(await counters(l.linkid)).toEqual({ downloads: 1, traffic: z.body.length });
    expect((await srv.call('getpubziplink', { code: l.code, maxspeed: 10 })).result).toBe(2011);
    expect((await srv.call('getpubziplink', { code: l.code, fileids: String(secretText.fileid) })).result).toBe(1018);
    await alice.call('deletepublink', { linkid: l.linkid });
    expect((await srv.fetchLink(r)).status).toBe(410);
    await linkStates('getpubziplink', {});
  });

  it('savepubzip stores the zip in the caller\'s account', async () => {
    expect((await srv.call('savepubzip', { code: folderLink.code, tofolderid: 0, toname: 'x.zip' })).result).toBe(1000);
    expect((await bob.call('savepubzip', { code: folderLink.code })).result).toBe(1016);
    const r = await bob.call('savepubzip', { code: folderLink.code, folderids: String(deep.folderid), tofolderid: 0, toname: 'saved.zip' });
    expect(r).toMatchObject({ result: 0, metadata: { name: 'saved.zip', ismine: true } });
    const dl = await bob.call('getfilelink', { fileid: r.metadata.fileid });
    expect(await zipNames((await srv.fetchLink(dl)).body)).toEqual(['Deep/', 'Deep/deep.png']);
    expect((await bob.call('savepubzip', { code: folderLink.code, fileids: String(secret.fileid), tofolderid: 0, toname: 'y.zip' })).result).toBe(1018);
    await linkStates('savepubzip', { tofolderid: 0, toname: 'z.zip' }, { user: bob });
  });
});

describe('media and text of a link', () => {
  it('getpubtextfile re-encodes the body and counts its traffic', async () => {
    const l = await alice.call('getfolderpublink', { folderid: pub.folderid });
    const r = await get('getpubtextfile', { code: l.code, fileid: notes.fileid, fromencoding: 'latin1' });
    expect(r.status).toBe(200);
    expect(r.text).toBe('café crème\n');
    expect(r.headers['content-type']).toMatch(/^text\/plain; charset=utf-8/);
    expect(await counters(l.linkid)).toEqual({ downloads: 0, traffic: r.body.length });
    const dl = await get('getpubtextfile', { code: l.code, fileid: notes.fileid, forcedownload: 1 });
    expect(dl.headers['content-disposition']).toContain('notes.txt');
    expect((await get('getpubtextfile', { code: l.code })).json.result).toBe(1029);
    expect((await get('getpubtextfile', { code: l.code, fileid: notes.fileid, contenttype: 'bad type' })).json.result).toBe(1005);
    const outside = await get('getpubtextfile', { code: l.code, fileid: secretText.fileid });
    expect(outside.json.result).toBe(2009);
    expect(outside.text).not.toContain(SECRET_BYTES);
    expect((await counters(l.linkid)).traffic).toBe(r.body.length + dl.body.length); // errors count nothing
    await linkStates('getpubtextfile', { fileid: notes.fileid });
  });

  it('getpubvideolinks / getmediatranscodepublink give variants; the original counts as a download', async () => {
    const l = await alice.call('getfolderpublink', { folderid: pub.folderid });
    const r = await srv.call('getpubvideolinks', { code: l.code, fileid: clip.fileid });
    expect(r.result).toBe(0);
    expect(r.variants).toHaveLength(2);
    const original = r.variants.find((v: Json) => v.isoriginal);
    expect(original).toMatchObject({ width: 320, height: 240, hosts: expect.any(Array), path: expect.any(String) });
    const got = await srv.fetchLink(original);
    expect(got.body.length).toBe(clip.size);
    expect(await counters(l.linkid)).toEqual({ downloads: 1, traffic: clip.size });
    const tc = await srv.call('getmediatranscodepublink', { code: l.code, fileid: clip.fileid, forcedownload: 1 });
    expect(tc.variants.map((v: Json) => v.transcodetype).sort()).toEqual(['240p', 'original']);
    expect((await srv.call('getpubvideolinks', { code: l.code, fileid: notes.fileid })).result).toBe(2044);
    expect((await srv.call('getpubvideolinks', { code: l.code })).result).toBe(1029);
    expect((await srv.call('getpubvideolinks', { code: l.code, fileid: secret.fileid })).result).toBe(2009);
    expect((await srv.call('getpubvideolinks', { code: l.code, fileid: clip.fileid }, { headers: { Referer: 'https://evil.example/page' } })).result).toBe(7010);
    expect((await srv.call('getmediatranscodepublink', { code: l.code, fileid: clip.fileid }, { headers: { Referer: 'https://evil.example/' } })).result).toBe(7010);
    expect((await srv.call('getpubvideolinks', { code: l.code, fileid: clip.fileid }, { headers: { Referer: 'https://u.pcloud.link/publink/show' } })).result).toBe(0);
    await linkStates('getpubvideolinks', { fileid: clip.fileid });
    await linkStates('getmediatranscodepublink', { fileid: clip.fileid });
  });

  it('getpubaudiolink gives an mp3 stream of audio (or video) files', async () => {
    const l = await alice.call('getfolderpublink', { folderid: pub.folderid });
    const r = await srv.call('getpubaudiolink', { code: l.code, fileid: song.fileid, abitrate: 64 });
    expect(r).toMatchObject({ result: 0, hosts: expect.any(Array), path: expect.stringMatching(/song\.mp3$/) });
    const mp3 = await srv.fetchLink(r);
    expect(mp3.status).toBe(200);
    expect(mp3.headers['content-type']).toBe('audio/mpeg');
    expect(await counters(l.linkid)).toEqual({ downloads: 0, traffic: mp3.body.length });
    expect((await srv.call('getpubaudiolink', { code: l.code, fileid: clip.fileid })).result).toBe(0);
    expect((await srv.call('getpubaudiolink', { code: l.code, fileid: photo.fileid })).result).toBe(2044);
    expect((await srv.call('getpubaudiolink', { code: l.code, fileid: secretText.fileid })).result).toBe(2009);
    expect((await srv.call('getpubaudiolink', { code: l.code, fileid: song.fileid }, { headers: { Referer: 'https://evil.example/' } })).result).toBe(7010);
    await linkStates('getpubaudiolink', { fileid: song.fileid });
  });

  it('7010 only while the referer quirk is on', async () => {
    const loose = await TestServer.start({ quirks: { refererCheck: false } });
    try {
      const u = await loose.user();
      const f = await u.upload('a.txt', 'plain');
      const l = await u.call('getfilepublink', { fileid: f.fileid }, { headers: { Referer: 'https://evil.example/' } });
      expect(l.result).toBe(0);
      const evil = { headers: { Referer: 'https://evil.example/' } };
      expect((await loose.call('getpublinkdownload', { code: l.code }, evil)).result).toBe(0);
      expect((await loose.call('getpubaudiolink', { code: l.code }, evil)).result).toBe(2044);
      expect((await loose.call('getpubvideolinks', { code: l.code }, evil)).result).toBe(2044);
    } finally {
      await loose.close();
    }
  });
});

describe('collection links', () => {
  it('getcollectionpublink links a collection live; showpublink, getpublinkdownload and zips follow it', async () => {
    const auth = { auth: alice.authToken() };
    const one = await alice.upload('one.mp3', 'first track', { folderid: deep.folderid });
    const two = await alice.upload('two.mp3', 'second track');
    const c = await alice.call('collection_create', { name: 'Mix', fileids: `${two.fileid},${one.fileid}` }, auth);
    expect(c.result).toBe(0);
    const cid = c.collection.id;
    expect((await alice.call('getcollectionpublink', {})).result).toBe(1057);
    expect((await alice.call('getcollectionpublink', { collectionid: 999999 })).result).toBe(2065);
    expect((await bob.call('getcollectionpublink', { collectionid: cid })).result).toBe(2065);
    expect((await srv.call('getcollectionpublink', { collectionid: cid })).result).toBe(1000);
    const l = await alice.call('getcollectionpublink', { collectionid: cid, maxdownloads: 10 });
    expect(l).toMatchObject({ result: 0, linkid: expect.any(Number), code: expect.any(String), link: expect.stringContaining(l.code) });

    const shown = await srv.call('showpublink', { code: l.code });
    expect(shown.metadata).toMatchObject({ isfolder: true, name: 'Mix', isshared: false });
    expect(shown.metadata.contents.map((f: Json) => [f.name, f.parentfolderid])).toEqual([['two.mp3', 0], ['one.mp3', 0]]);
    expect(JSON.stringify(shown)).not.toContain('"path"');

    const dl = await srv.call('getpublinkdownload', { code: l.code, fileid: one.fileid });
    expect((await srv.fetchLink(dl)).text).toBe('first track');
    expect(await counters(l.linkid)).toEqual({ downloads: 1, traffic: 11 });
    expect((await srv.call('getpublinkdownload', { code: l.code })).result).toBe(1029);
    // Deep is not in the collection even though one.mp3 lives there
    expect((await srv.call('getpublinkdownload', { code: l.code, fileid: deepPic.fileid })).result).toBe(2009);
    expect(await zipNames((await get('getpubzip', { code: l.code })).body)).toEqual(['one.mp3', 'two.mp3']);
    expect((await get('getpubzip', { code: l.code, folderid: deep.folderid })).json.result).toBe(1017);

    const listed = (await alice.call('listpublinks')).publinks.find((p: Json) => p.linkid === l.linkid);
    expect(listed).toMatchObject({ metadata: { name: 'Mix', isfolder: true }, maxdownloads: 10 });
    expect((await alice.call('listplshort')).publinks.find((p: Json) => p.linkid === l.linkid)).toMatchObject({ isfolder: true, collectionid: cid });

    // live: unlinking a file takes it out of the link; deleting the collection kills the link
    expect((await alice.call('collection_unlinkfiles', { collectionid: cid, fileids: String(one.fileid) }, auth)).result).toBe(0);
    expect((await srv.call('getpublinkdownload', { code: l.code, fileid: one.fileid })).result).toBe(2009);
    expect((await srv.call('showpublink', { code: l.code })).metadata.contents.map((f: Json) => f.name)).toEqual(['two.mp3']);
    const copy = await bob.call('copypubfile', { code: l.code, fileid: two.fileid, tofolderid: 0 });
    expect(copy.metadata).toMatchObject({ name: 'two.mp3', size: 12 });
    expect((await alice.call('collection_delete', { collectionid: cid }, auth)).result).toBe(0);
    expect((await srv.call('showpublink', { code: l.code })).result).toBe(7002);
  });
});

describe('scope', () => {
  it('a code exposes nothing outside its link, whatever id a visitor tries', async () => {
    const owned = [secret, secretText];
    const bobs = await bob.upload('bobs.txt', SECRET_BYTES);
    const strangers = [...owned, bobs];
    const fileLink = await alice.call('getfilepublink', { fileid: notes.fileid });
    const subLink = await alice.call('getfolderpublink', { folderid: deep.folderid });
    // every id from 1 to beyond the last one: only files inside the link answer anything but 2009
    const last = Math.max(...strangers.map((f) => f.fileid));
    const ids = Array.from({ length: last + 3 }, (_, i) => i + 1);
    const th = await srv.call('getpubthumbslinks', { code: subLink.code, fileids: ids.join(','), size: '32x32' });
    const answered = th.thumbs.filter((t: Json) => t.result !== 2009).map((t: Json) => t.fileid);
    const inside = (await alice.call('listfolder', { folderid: deep.folderid, recursive: 1 })).metadata.contents.filter((c: Json) => !c.isfolder);
    expect(answered).toEqual(inside.map((c: Json) => c.fileid).sort((a: number, b: number) => a - b));
    expect(answered).toContain(deepPic.fileid);
    for (const code of [fileLink.code, subLink.code]) {
      for (const f of strangers) {
        const replies: RawReply[] = [
          await get('getpublinkdownload', { code, fileid: f.fileid }),
          await get('getpubthumb', { code, fileid: f.fileid, size: '32x32' }),
          await get('getpubthumblink', { code, fileid: f.fileid, size: '32x32' }),
          await get('getpubtextfile', { code, fileid: f.fileid }),
          await get('getpubvideolinks', { code, fileid: f.fileid }),
          await get('getmediatranscodepublink', { code, fileid: f.fileid }),
          await get('getpubaudiolink', { code, fileid: f.fileid }),
          await get('getpubzip', { code, fileids: String(f.fileid) }),
          await get('getpubziplink', { code, fileids: String(f.fileid) }),
          await bob.send('copypubfile', { code, fileid: f.fileid, tofolderid: 0 }),
          await bob.send('savepubthumb', { code, fileid: f.fileid, size: '32x32', tofolderid: 0 }),
          await bob.send('savepubzip', { code, fileids: String(f.fileid), tofolderid: 0, toname: 'leak.zip' }),
        ];
        for (const r of replies) {
          expect(r.json?.result === 2009 || r.json?.result === 1018).toBe(true);
          expect(r.text).not.toContain(SECRET_BYTES);
          expect(r.text).not.toContain(f.name);
          expect(r.text).not.toContain('hosts');
        }
      }
      // folders outside (the root, the link folder's parent, a sibling) are not zippable either
      for (const folderid of [0, pub.folderid]) {
        if (code === subLink.code || folderid === 0) expect((await get('getpubzip', { code, folderid })).json.result).toBe(1017);
      }
    }
    // the sub-folder link's tree shows nothing above it
    const shown = await srv.call('showpublink', { code: subLink.code });
    expect(JSON.stringify(shown)).not.toMatch(/photo\.jpg|secret|"Pub"|parentfolderid":\s*\d+\s*,\s*"[^"]*":\s*[^,]*,\s*"name":"Deep"/);
    expect(shown.metadata.parentfolderid).toBeUndefined();
    expect(await bob.names()).not.toContain('leak.zip');
  });
});

describe('undocumented rows', () => {
  it('notifyuploadlink validates the code and does nothing else', async () => {
    const drop = await alice.mkdir('Drop');
    const up = await alice.call('createuploadlink', { folderid: drop.folderid, comment: 'send me' });
    expect(up.result).toBe(0);
    expect((await srv.call('notifyuploadlink', {})).result).toBe(1022);
    expect((await srv.call('notifyuploadlink', { code: 'nope' })).result).toBe(2012);
    expect(await srv.call('notifyuploadlink', { code: up.code })).toEqual({ result: 0 });
    await alice.call('deleteuploadlink', { uploadlinkid: up.uploadlinkid });
    expect((await srv.call('notifyuploadlink', { code: up.code })).result).toBe(2012);
  });

  it('account_teamshare checks the folder, then refuses: no Business teams here', async () => {
    expect((await srv.call('account_teamshare', { folderid: pub.folderid, teamid: 1 })).result).toBe(1000);
    expect((await alice.call('account_teamshare', { teamid: 1 })).result).toBe(1002);
    expect((await alice.call('account_teamshare', { folderid: 0, teamid: 1 })).result).toBe(2015);
    expect((await bob.call('account_teamshare', { folderid: pub.folderid, teamid: 1 })).result).toBe(2005);
    expect((await alice.call('account_teamshare', { folderid: pub.folderid, teamid: 1, permissions: 1 })).result).toBe(2003);
  });
});
