// Limits that hold: public-link maxdownloads/maxtraffic on the content URL itself (URLs minted
// earlier or fetched in parallel included), upload-link maxfiles/maxspace under parallel anonymous
// uploads, and abandoned upload sessions that expire.
import { promises as fsp } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, sleep, type Json, type TestUser } from '../testing';
import { sweepUploadSessions } from '../methods/upload';

let srv: TestServer;
let alice: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
});
afterAll(() => srv.close());

async function counters(linkid: number): Promise<{ downloads: number; traffic: number }> {
  const l = (await alice.call('listpublinks')).publinks.find((p: Json) => p.linkid === linkid);
  return { downloads: l.downloads, traffic: l.traffic };
}

describe('public link limits on the content URL', () => {
  it('maxdownloads holds for URLs minted up front and fetched in parallel', async () => {
    const f = await alice.upload('once.txt', 'only one download');
    const l = await alice.call('getfilepublink', { fileid: f.fileid, maxdownloads: 1 });
    const urls = await Promise.all([1, 2, 3, 4].map(() => srv.call('getpublinkdownload', { code: l.code })));
    for (const u of urls) expect(u.result).toBe(0);
    const got = await Promise.all(urls.map((u) => srv.fetchLink(u)));
    expect(got.map((r) => r.status).sort()).toEqual([200, 410, 410, 410]);
    expect(got.find((r) => r.status === 200)!.text).toBe('only one download');
    expect(got.find((r) => r.status === 410)!.text).toBe('This link has reached maximum downloads.');
    expect(await counters(l.linkid)).toEqual({ downloads: 1, traffic: 'only one download'.length });
    // the API refuses to mint more, too
    expect((await srv.call('getpublinkdownload', { code: l.code })).result).toBe(7006);
  });

  it('one URL serves one download; a seek or resume on it continues that download', async () => {
    const f = await alice.upload('seek.txt', '0123456789');
    const l = await alice.call('getfilepublink', { fileid: f.fileid, maxdownloads: 1 });
    const url = await srv.call('getpublinkdownload', { code: l.code });
    expect((await srv.fetchLink(url)).status).toBe(200);
    const seek = await srv.fetchLink(url, { headers: { Range: 'bytes=5-' } });
    expect([seek.status, seek.text]).toEqual([206, '56789']);
    expect((await srv.fetchLink(url)).status).toBe(410);
    expect((await srv.fetchLink(url, { headers: { Range: 'bytes=0-3' } })).status).toBe(410);
    expect((await counters(l.linkid)).downloads).toBe(1);
  });

  it('maxtraffic refuses new fetches once reached, without cutting the download under way', async () => {
    const body = 'x'.repeat(1000);
    const f = await alice.upload('big.txt', body);
    const l = await alice.call('getfilepublink', { fileid: f.fileid, maxtraffic: 10 });
    const [a, b] = await Promise.all([1, 2].map(() => srv.call('getpublinkdownload', { code: l.code })));
    const first = await srv.fetchLink(a);
    expect([first.status, first.body.length]).toEqual([200, 1000]);
    const second = await srv.fetchLink(b);
    expect([second.status, second.text]).toEqual([410, 'This link has reached its traffic limit.']);
    expect(await counters(l.linkid)).toEqual({ downloads: 1, traffic: 1000 });
  });

  it('counts the bytes actually sent when the visitor stops early', async () => {
    const size = 32 * 1024 * 1024;
    const f = await alice.upload('huge.bin', Buffer.alloc(size, 7));
    const l = await alice.call('getfilepublink', { fileid: f.fileid });
    const url = await srv.call('getpublinkdownload', { code: l.code });
    await new Promise<void>((resolve, reject) => {
      const req = request(`${srv.url}${url.path}`, (res) => {
        res.once('data', () => {
          res.pause();
          setTimeout(() => {
            req.destroy();
            resolve();
          }, 100);
        });
      });
      req.on('error', (err) => (req.destroyed ? resolve() : reject(err)));
      req.end();
    });
    let traffic = 0;
    for (let i = 0; i < 50 && traffic === 0; i++) {
      await sleep(50);
      traffic = (await counters(l.linkid)).traffic;
    }
    expect(traffic).toBeGreaterThan(0);
    expect(traffic).toBeLessThan(size);
  });
});

describe('upload link limits under parallel anonymous uploads', () => {
  it('6 parallel uploads to a maxfiles=1 link store exactly 1 file', async () => {
    const d = await alice.mkdir('Drop1');
    const link = await alice.call('createuploadlink', { folderid: d.folderid, comment: 'one', maxfiles: 1 });
    const replies = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        srv.call('uploadtolink', { code: link.code, names: 'Anon' }, { parts: [{ filename: `f${i}.txt`, data: 'y'.repeat(200_000) }] }),
      ),
    );
    expect(replies.map((r) => r.result).sort()).toEqual([0, 7008, 7008, 7008, 7008, 7008]);
    expect(await alice.names(d.folderid)).toHaveLength(1);
    const listed = (await alice.call('listuploadlinks')).uploadlinks.find((u: Json) => u.uploadlinkid === link.uploadlinkid);
    expect(listed).toMatchObject({ files: 1, space: 200_000 });
  });

  it('maxspace holds for parallel uploads of known and unknown length', async () => {
    for (const via of ['raw', 'multipart'] as const) {
      const d = await alice.mkdir(`Drop-${via}`);
      const link = await alice.call('createuploadlink', { folderid: d.folderid, comment: 'space', maxspace: 150_000 });
      const data = 'z'.repeat(100_000);
      const replies = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          via === 'raw'
            ? srv.call('uploadtolink', { code: link.code, names: 'Anon', filename: `r${i}.txt` }, { verb: 'PUT', body: data })
            : srv.call('uploadtolink', { code: link.code, names: 'Anon' }, { parts: [{ filename: `m${i}.txt`, data }] }),
        ),
      );
      expect([via, replies.filter((r) => r.result === 0).length]).toEqual([via, 1]);
      for (const r of replies) expect([0, 7007]).toContain(r.result);
      expect(await alice.names(d.folderid)).toHaveLength(1);
      const listed = (await alice.call('listuploadlinks')).uploadlinks.find((u: Json) => u.uploadlinkid === link.uploadlinkid);
      expect(listed).toMatchObject({ files: 1, space: 100_000 });
    }
  });
});

describe('abandoned upload sessions', () => {
  it('the sweep removes sessions idle past the TTL with their files, and keeps live ones', async () => {
    const u = await srv.user();
    const put = (id: number, data: string) => u.call('upload_write', { uploadid: id, uploadoffset: 0 }, { verb: 'PUT', body: data });
    const old = (await u.call('upload_create')).uploadid as number;
    const fresh = (await u.call('upload_create')).uploadid as number;
    await put(old, 'abandoned');
    await put(fresh, 'in use');
    const oldFile = join(srv.dataDir, 'tmp', `upload-${old}`);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await fsp.utimes(oldFile, twoHoursAgo, twoHoursAgo);
    expect(await sweepUploadSessions(srv.emu.st, 3600)).toBe(1);
    expect((await u.call('upload_info', { uploadid: old })).result).toBe(2067);
    await expect(fsp.access(oldFile)).rejects.toThrow();
    expect((await u.call('upload_info', { uploadid: fresh })).size).toBe(6);
    expect((await u.call('upload_save', { uploadid: fresh, folderid: 0, name: 'kept.txt' })).result).toBe(0);
  });

  it('runs by itself in a serving emulator (uploadSessionTtl)', async () => {
    const own = await TestServer.start({ uploadSessionTtl: 1 });
    try {
      const u = await own.user();
      const id = (await u.call('upload_create')).uploadid as number;
      await u.call('upload_write', { uploadid: id, uploadoffset: 0 }, { verb: 'PUT', body: 'soon gone' });
      const file = join(own.dataDir, 'tmp', `upload-${id}`);
      const exists = () => fsp.access(file).then(() => true, () => false);
      let result = 0;
      for (let i = 0; i < 100 && (result !== 2067 || (await exists())); i++) {
        await sleep(100);
        result = (await u.call('upload_info', { uploadid: id })).result;
      }
      expect(result).toBe(2067);
      expect(await exists()).toBe(false);
    } finally {
      await own.close();
    }
  });
});
