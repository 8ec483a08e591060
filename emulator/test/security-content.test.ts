// Content host security: every content response is inert on the API origin (nosniff, sandboxing CSP,
// active types only as attachments), content URLs are bound to the caller's IP, every link call mints
// a fresh path, and a collection's public link publishes only its owner's files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type RawReply, type TestUser } from '../testing';
import { FFMPEG } from '../media/state';
import { Emulator } from '../server';
import { createUser } from '../store/ops';
import { issueToken } from '../http/authenticate';
import { ipKey, isActiveType } from '../content';

let srv: TestServer;
let alice: TestUser;
let bob: TestUser;
let photo: Json;
let clip: Json;
let text: Json;
let folder: Json;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  bob = await srv.user();
  folder = await alice.mkdir('Media');
  const dir = mkdtempSync(join(tmpdir(), 'seccontent-test-'));
  execFileSync(FFMPEG, [
    '-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=1', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', join(dir, 'c.mp4'),
  ]);
  const mp4 = readFileSync(join(dir, 'c.mp4'));
  rmSync(dir, { recursive: true, force: true });
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3070c0' } }).jpeg().toBuffer();
  photo = await alice.upload('photo.jpg', jpeg, { folderid: folder.folderid });
  clip = await alice.upload('clip.mp4', mp4, { folderid: folder.folderid });
  text = await alice.upload('notes.txt', 'plain words', { folderid: folder.folderid });
}, 60_000);
afterAll(() => srv.close());

function expectInert(r: RawReply, what: string): void {
  expect([what, r.headers['x-content-type-options']]).toEqual([what, 'nosniff']);
  const csp = String(r.headers['content-security-policy'] ?? '');
  expect([what, csp]).toEqual([what, expect.stringMatching(/^sandbox;/)]);
  expect(csp).toContain("default-src 'none'");
}

const fetchFirst = (link: Json) => srv.fetchLink({ hosts: link.hosts, path: link.path });

describe('content responses', () => {
  it('carry nosniff and a sandboxing CSP for every kind of content URL', async () => {
    const kinds: [string, () => Promise<Json>][] = [
      ['file', () => alice.call('getfilelink', { fileid: text.fileid })],
      ['thumb', () => alice.call('getthumblink', { fileid: photo.fileid, size: '32x32' })],
      ['stream', () => alice.call('getvideolink', { fileid: clip.fileid })],
      ['hls', () => alice.call('gethlslink', { fileid: clip.fileid })],
      ['zip', () => alice.call('getziplink', { folderid: folder.folderid })],
      ['publink', async () => srv.call('getpublinkdownload', { code: (await alice.call('getfilepublink', { fileid: text.fileid })).code })],
      ['pubw', async () => srv.call('getpubthumblink', { code: (await alice.call('getfilepublink', { fileid: photo.fileid })).code, size: '32x32' })],
    ];
    for (const [kind, mint] of kinds) {
      const link = await mint();
      expect([kind, link.result]).toEqual([kind, 0]);
      const r = await fetchFirst(link);
      expect([kind, r.status]).toEqual([kind, 200]);
      expectInert(r, kind);
    }
    // a transfer's links (mailed to others) too
    expect((await srv.call('uploadtransfer', { sendermail: 's@example.com', receivermails: 'r@example.com' }, { parts: [{ filename: 't.html', data: '<script>1</script>' }] })).result).toBe(0);
    const mail = (await srv.mails('r@example.com'))[0];
    const url = new URL(/(http:\/\/\S+)/.exec(mail.body)![1]);
    const t = await srv.send('', {}, { path: url.pathname });
    expectInert(t, 'transfer');
    expect(t.headers['content-disposition']).toMatch(/^attachment/);
    // and the content host's own errors
    expectInert(await srv.send('', {}, { path: '/c/forged.token/x' }), 'error');
  });

  it('sends active types (HTML, SVG, XML, unknown) only as attachments, whatever contenttype asks', async () => {
    const active = {
      'page.html': '<script>alert(document.domain)</script>',
      'page.xhtml': '<html xmlns="http://www.w3.org/1999/xhtml"><script>1</script></html>',
      'pic.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>',
      'data.xml': '<?xml version="1.0"?><x/>',
    };
    for (const [name, body] of Object.entries(active)) {
      const f = await alice.upload(name, body, { folderid: folder.folderid });
      const r = await fetchFirst(await alice.call('getfilelink', { fileid: f.fileid }));
      expect([name, r.status, r.headers['content-disposition']]).toEqual([name, 200, expect.stringMatching(/^attachment/)]);
      expect(r.text).toBe(body); // the bytes are untouched
      const pub = await alice.call('getfilepublink', { fileid: f.fileid });
      const p = await fetchFirst(await srv.call('getpublinkdownload', { code: pub.code }));
      expect([name, p.headers['content-disposition']]).toEqual([name, expect.stringMatching(/^attachment/)]);
    }
    for (const contenttype of ['text/html', 'image/svg+xml', 'application/xhtml+xml', 'text/xml', 'application/unknown']) {
      const r = await fetchFirst(await alice.call('getfilelink', { fileid: text.fileid, contenttype }));
      expect([contenttype, r.headers['content-disposition']]).toEqual([contenttype, 'attachment']);
    }
    // bytes a link serves on the API origin itself: a visitor's contenttype cannot make them active
    const pub = await alice.call('getfilepublink', { fileid: text.fileid });
    const asHtml = await srv.send('getpubtextfile', { code: pub.code, contenttype: 'text/html' });
    expect(asHtml.status).toBe(200);
    expectInert(asHtml, 'getpubtextfile');
    expect(asHtml.headers['content-disposition']).toMatch(/^attachment/);
    const ownHtml = await alice.send('gettextfile', { fileid: text.fileid, contenttype: 'text/html' });
    expect(ownHtml.status).toBe(200);
    expectInert(ownHtml, 'gettextfile');
    expect(ownHtml.headers['content-disposition']).toMatch(/^attachment/);
    expectInert(await srv.send('getpubzip', { code: pub.code }), 'getpubzip');
    expectInert(await alice.send('getthumb', { fileid: photo.fileid, size: '32x32' }), 'getthumb');
    // passive types stay inline (players and <img> keep working)
    const inline = await fetchFirst(await alice.call('getfilelink', { fileid: photo.fileid }));
    expect(inline.headers['content-disposition']).toBeUndefined();
    expect(inline.headers['content-type']).toBe('image/jpeg');
  });

  it('classifies types', () => {
    for (const t of ['text/html', 'TEXT/HTML; charset=utf-8', 'image/svg+xml', 'application/atom+xml', 'text/xml', '', 'garbage', 'unknown/unknown', '*/*']) {
      expect([t, isActiveType(t)]).toEqual([t, true]);
    }
    for (const t of ['text/plain', 'image/jpeg', 'video/mp4', 'application/octet-stream', 'application/zip', 'application/vnd.apple.mpegurl']) {
      expect([t, isActiveType(t)]).toEqual([t, false]);
    }
  });
});

describe('fresh links', () => {
  it('every link method returns a new path per call, and both paths work', async () => {
    const pub = await alice.call('getfolderpublink', { folderid: folder.folderid });
    const methods: [string, () => Promise<Json>, (r: Json) => Json][] = [
      ['getfilelink', () => alice.call('getfilelink', { fileid: text.fileid }), (r) => r],
      ['getvideolink', () => alice.call('getvideolink', { fileid: clip.fileid }), (r) => r],
      ['getvideolinks', () => alice.call('getvideolinks', { fileid: clip.fileid }), (r) => r.variants[1]],
      ['getaudiolink', () => alice.call('getaudiolink', { fileid: clip.fileid }), (r) => r],
      ['gethlslink', () => alice.call('gethlslink', { fileid: clip.fileid }), (r) => r],
      ['getthumblink', () => alice.call('getthumblink', { fileid: photo.fileid, size: '32x32' }), (r) => r],
      ['getthumbslinks', () => alice.call('getthumbslinks', { fileids: String(photo.fileid), size: '32x32' }), (r) => r.thumbs[0]],
      ['getziplink', () => alice.call('getziplink', { fileids: String(text.fileid) }), (r) => r],
      ['getpublinkdownload', () => srv.call('getpublinkdownload', { code: pub.code, fileid: text.fileid }), (r) => r],
      ['getpubthumblink', () => srv.call('getpubthumblink', { code: pub.code, fileid: photo.fileid, size: '32x32' }), (r) => r],
      ['getpubthumbslinks', () => srv.call('getpubthumbslinks', { code: pub.code, fileids: String(photo.fileid), size: '32x32' }), (r) => r.thumbs[0]],
      ['getpubziplink', () => srv.call('getpubziplink', { code: pub.code, fileids: String(text.fileid) }), (r) => r],
      ['getpubvideolinks', () => srv.call('getpubvideolinks', { code: pub.code, fileid: clip.fileid }), (r) => r.variants[1]],
      ['getpubaudiolink', () => srv.call('getpubaudiolink', { code: pub.code, fileid: clip.fileid }), (r) => r],
    ];
    for (const [name, call, pick] of methods) {
      const [a, b] = await Promise.all([call(), call()]);
      expect([name, a.result, b.result]).toEqual([name, 0, 0]);
      const la = pick(a);
      const lb = pick(b);
      expect([name, la.path === lb.path]).toEqual([name, false]);
      for (const l of [la, lb]) {
        const r = await srv.fetchLink(l, { verb: 'HEAD' });
        expect([name, r.status]).toEqual([name, 200]);
      }
    }
  });
});

/** A non-loopback IPv4 address of this machine, if it has one. */
function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('IP binding of content URLs', () => {
  it('treats every loopback address as one machine', () => {
    expect(ipKey('127.0.0.1')).toBe('loopback');
    expect(ipKey('::ffff:127.0.0.1')).toBe('loopback');
    expect(ipKey('::1')).toBe('loopback');
    expect(ipKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
  });

  const lan = lanAddress();
  it.skipIf(!lan)('a URL minted from one address answers 410 to another (quirk on), works everywhere with it off', async () => {
    for (const bind of [true, false]) {
      const dataDir = await mkdtemp(join(tmpdir(), 'ipbind-'));
      const emu = await Emulator.create({ dataDir, quirks: { contentIpBinding: bind } });
      try {
        const base = await emu.listen(0, '0.0.0.0');
        const port = new URL(base).port;
        const u = createUser(emu.st, 'ip@example.com', 'pw-pw-pw-1');
        const auth = issueToken({ st: emu.st }, u, 'auth', { device: 'test' }).token;
        const up = JSON.parse(await new Promise<string>((resolve, reject) => {
          const req = request(`http://127.0.0.1:${port}/uploadfile?auth=${auth}&folderid=0&filename=a.txt`, { method: 'PUT' }, (res) => {
            let b = '';
            res.on('data', (c: Buffer) => (b += c.toString()));
            res.on('end', () => resolve(b));
          });
          req.on('error', reject);
          req.end('bound bytes');
        })) as Json;
        const fileid = up.metadata[0].fileid;
        // minted over the LAN address, fetched over loopback and over the LAN address
        const link = JSON.parse((await get(`http://${lan}:${port}/getfilelink?auth=${auth}&fileid=${fileid}`)).body) as Json;
        expect(link.result).toBe(0);
        const fromLan = await get(`http://${lan}:${port}${link.path}`);
        expect(fromLan).toEqual({ status: 200, body: 'bound bytes' });
        const fromLoopback = await get(`http://127.0.0.1:${port}${link.path}`);
        if (bind) expect(fromLoopback).toEqual({ status: 410, body: 'This link was generated for another IP address. Try previous step again.' });
        else expect(fromLoopback).toEqual({ status: 200, body: 'bound bytes' });
      } finally {
        await emu.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  });
});

describe('collection public links', () => {
  it('never republish files shared to the collection owner', async () => {
    const shared = await bob.mkdir('ForAlice');
    const bobs = await bob.upload('bobs.mp3', 'BOB-ONLY', { folderid: shared.folderid });
    const mine = await alice.upload('mine.mp3', 'ALICE-SONG');
    expect((await bob.call('sharefolder', { folderid: shared.folderid, mail: alice.email, permissions: 0 })).result).toBe(0);
    const id = (await alice.call('listshares')).requests.incoming[0].sharerequestid;
    expect((await alice.call('acceptshare', { sharerequestid: id })).result).toBe(0);
    // as getfilepublink refuses it
    expect((await alice.call('getfilepublink', { fileid: bobs.fileid })).result).toBe(2026);
    const auth = alice.authToken();
    const c = await alice.call('collection_create', { name: 'Mixed', fileids: `${mine.fileid},${bobs.fileid}` }, { auth });
    expect(c.result).toBe(0);
    expect(c.collection.items).toBe(2); // the owner herself sees both
    const l = await alice.call('getcollectionpublink', { collectionid: c.collection.id });
    expect(l.result).toBe(0);
    const shown = await srv.call('showpublink', { code: l.code });
    expect(shown.metadata.contents.map((f: Json) => f.name)).toEqual(['mine.mp3']);
    expect((await srv.call('getpublinkdownload', { code: l.code, fileid: bobs.fileid })).result).toBe(2009);
    const zip = await srv.send('getpubzip', { code: l.code });
    expect(zip.body.includes(Buffer.from('BOB-ONLY'))).toBe(false);
  });
});
