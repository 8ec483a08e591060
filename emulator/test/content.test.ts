// getfilelink and the content host behind its links (docs/pcloud/methods-media.md §1, docs/pcloud/protocol.md §7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;
let file: Json;
const DATA = Buffer.from('0123456789abcdefghij');

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
  file = await alice.upload('My file é.txt', DATA);
});
afterAll(() => srv.close());

describe('getfilelink', () => {
  it('answers hosts from the request Host, an encoded path, expires, hash and size', async () => {
    const r = await alice.call('getfilelink', { fileid: file.fileid });
    expect(r.result).toBe(0);
    expect(r.hosts).toEqual([`127.0.0.1:${srv.port}`]);
    expect(r.path).toMatch(/^\/.+\/My%20file%20%C3%A9\.txt$/);
    expect(new Date(r.expires).getTime()).toBeGreaterThan(Date.now());
    expect(r).toMatchObject({ hash: file.hash, size: DATA.length });
    const byPath = await alice.call('getfilelink', { path: '/My file é.txt', skipfilename: 1 });
    expect(byPath.path.endsWith('.txt')).toBe(false);
  });

  it('answers bad requests and hides other users\' files', async () => {
    expect((await alice.call('getfilelink')).result).toBe(1004);
    expect((await alice.call('getfilelink', { fileid: file.fileid, contenttype: 'not a type' })).result).toBe(1005);
    expect((await alice.call('getfilelink', { fileid: file.fileid, maxspeed: 1 })).result).toBe(2011);
    expect((await alice.call('getfilelink', { path: '/none.txt' })).result).toBe(2009);
    const bob = await srv.user();
    expect((await bob.call('getfilelink', { fileid: file.fileid })).result).toBe(2009);
  });

  it('refuses foreign web pages with 7010, accepting none and pCloud\'s own', async () => {
    const foreign = await alice.call('getfilelink', { fileid: file.fileid }, { headers: { Referer: 'https://evil.example/page' } });
    expect(foreign).toEqual({ result: 7010, error: 'Invalid link referer.' });
    const own = await alice.call('getfilelink', { fileid: file.fileid }, { headers: { Referer: 'https://my.pcloud.com/' } });
    expect(own.result).toBe(0);
  });

  it('allows any referer when the refererCheck quirk is off', async () => {
    const p = await TestServer.start({ quirks: { refererCheck: false } });
    try {
      const u = await p.user();
      const f = await u.upload('x.txt', 'x');
      expect((await u.call('getfilelink', { fileid: f.fileid }, { headers: { Referer: 'https://evil.example/' } })).result).toBe(0);
    } finally {
      await p.close();
    }
  });

  it('links to an old revision with revisionid', async () => {
    const f = await alice.upload('rev.txt', 'old text');
    await alice.upload('rev.txt', 'new text!');
    const revs = await alice.call('listrevisions', { fileid: f.fileid });
    const link = await alice.call('getfilelink', { fileid: f.fileid, revisionid: revs.revisions[0].revisionid });
    expect((await srv.fetchLink(link)).text).toBe('old text');
    expect((await alice.call('getfilelink', { fileid: f.fileid, revisionid: 999999 })).result).toBe(2029);
  });
});

describe('content host', () => {
  it('serves GET with the content type of the extension and HEAD without a body', async () => {
    const link = await alice.call('getfilelink', { fileid: file.fileid });
    const get = await srv.fetchLink(link);
    expect(get.status).toBe(200);
    expect(get.body.equals(DATA)).toBe(true);
    expect(get.headers['content-type']).toMatch(/^text\/plain/);
    expect(get.headers['accept-ranges']).toBe('bytes');
    const head = await srv.fetchLink(link, { verb: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(DATA.length));
    expect(head.body.length).toBe(0);
  });

  it('serves byte ranges with 206 and refuses unsatisfiable ones with 416', async () => {
    const link = await alice.call('getfilelink', { fileid: file.fileid });
    const mid = await srv.fetchLink(link, { headers: { Range: 'bytes=5-9' } });
    expect(mid.status).toBe(206);
    expect(mid.text).toBe('56789');
    expect(mid.headers['content-range']).toBe(`bytes 5-9/${DATA.length}`);
    expect((await srv.fetchLink(link, { headers: { Range: 'bytes=15-' } })).text).toBe('fghij');
    expect((await srv.fetchLink(link, { headers: { Range: 'bytes=-3' } })).text).toBe('hij');
    const bad = await srv.fetchLink(link, { headers: { Range: 'bytes=100-200' } });
    expect(bad.status).toBe(416);
    expect(bad.headers['content-range']).toBe(`bytes */${DATA.length}`);
  });

  it('lets a page on another origin read the range headers (pdf.js loads big PDFs by ranges)', async () => {
    const link = await alice.call('getfilelink', { fileid: file.fileid });
    const part = await srv.fetchLink(link, { headers: { Range: 'bytes=0-3', Origin: 'https://app.example' } });
    expect(part.headers['access-control-allow-origin']).toBe('*');
    const exposed = String(part.headers['access-control-expose-headers']).toLowerCase().split(/\s*,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['accept-ranges', 'content-range', 'content-length']));
  });

  it('forcedownload sends octet-stream with a Content-Disposition attachment', async () => {
    const link = await alice.call('getfilelink', { fileid: file.fileid, forcedownload: 1 });
    const r = await srv.fetchLink(link);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(r.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''My%20file%20%C3%A9.txt`);
  });

  it('honours contenttype', async () => {
    const link = await alice.call('getfilelink', { fileid: file.fileid, contenttype: 'application/json' });
    expect((await srv.fetchLink(link)).headers['content-type']).toBe('application/json');
  });

  it('answers a tampered link with 404 and an expired one with 410 text', async () => {
    const link = await alice.call('getfilelink', { fileid: file.fileid });
    const tampered = await srv.fetchLink({ ...link, path: link.path.replace(/^\/c\/./, '/c/X') });
    expect(tampered.status).toBe(404);
    const short = await TestServer.start({ linkTtl: -1 });
    try {
      const u = await short.user();
      const f = await u.upload('old.txt', 'x');
      const expired = await short.fetchLink(await u.call('getfilelink', { fileid: f.fileid }));
      expect(expired.status).toBe(410);
      expect(expired.text).toBe('Your download expired. Try previous step again.');
    } finally {
      await short.close();
    }
  });

  it('keeps serving the content of a link after the file is overwritten', async () => {
    const f = await alice.upload('stable.txt', 'before');
    const link = await alice.call('getfilelink', { fileid: f.fileid });
    await alice.upload('stable.txt', 'after');
    expect((await srv.fetchLink(link)).text).toBe('before');
  });
});
