// uploadfile in all its transports, uploadprogress, downloadfile(async) (docs/pcloud/methods-core.md §3, docs/pcloud/protocol.md §1.1–1.2).
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, connection, multipart, sleep, type Json, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
});
afterAll(() => srv.close());

const sha1 = (b: Buffer | string) => createHash('sha1').update(b).digest('hex');

async function tmpFiles(): Promise<string[]> {
  return (await readdir(join(srv.dataDir, 'tmp'))).filter((n) => !n.startsWith('upload-'));
}

describe('uploadfile transports', () => {
  it('takes a raw PUT body named by `filename`, with metadata, fileids and checksums', async () => {
    const r = await alice.call('uploadfile', { folderid: 0, filename: 'raw.txt' }, { verb: 'PUT', body: 'raw body' });
    expect(r.result).toBe(0);
    expect(r.fileids).toEqual([r.metadata[0].fileid]);
    expect(r.metadata[0]).toMatchObject({ name: 'raw.txt', size: 8, parentfolderid: 0, isfolder: false });
    expect(r.checksums).toEqual([{ sha1: sha1('raw body'), md5: createHash('md5').update('raw body').digest('hex') }]);
  });

  it('takes a raw POST octet-stream body (SDK-swift style)', async () => {
    const r = await alice.call('uploadfile', { folderid: 0, filename: 'post.bin' }, { verb: 'POST', body: Buffer.from([0, 1, 2, 255]) });
    expect(r.metadata[0]).toMatchObject({ name: 'post.bin', size: 4 });
  });

  it('takes several multipart files with parameters in the fields before them', async () => {
    const r = await alice.call('uploadfile', { folderid: 0, nopartial: 1 }, {
      parts: [
        { field: 'file-upload-1', filename: 'one.txt', data: 'first' },
        { field: 'content', filename: 'two.txt', data: 'second!' },
      ],
    });
    expect(r.metadata.map((m: Json) => m.name)).toEqual(['one.txt', 'two.txt']);
    expect(r.checksums.map((c: Json) => c.sha1)).toEqual([sha1('first'), sha1('second!')]);
  });

  it('takes multipart files with the parameters in the query string', async () => {
    const d = await alice.mkdir('QueryTarget');
    const mp = multipart(new URLSearchParams(), [{ filename: 'q.txt', data: 'query params' }]);
    const r = await srv.send('uploadfile', {}, {
      path: `/uploadfile?folderid=${d.folderid}&access_token=${alice.token}`,
      verb: 'POST', body: mp.body, headers: { 'Content-Type': mp.type },
    });
    expect(r.json.metadata[0]).toMatchObject({ name: 'q.txt', parentfolderid: d.folderid });
  });

  it('accepts an empty file (multipart and raw)', async () => {
    const a = await alice.call('uploadfile', { folderid: 0 }, { parts: [{ filename: 'empty1', data: '' }] });
    expect(a.metadata[0].size).toBe(0);
    const b = await alice.call('uploadfile', { folderid: 0, filename: 'empty2' }, { verb: 'PUT', body: '' });
    expect(b.metadata[0].size).toBe(0);
  });

  it('uploads into the root when no folder is given, and by folder path', async () => {
    const a = await alice.call('uploadfile', { filename: 'rooted.txt' }, { verb: 'PUT', body: 'x' });
    expect(a.metadata[0].parentfolderid).toBe(0);
    await alice.mkdir('ByPath');
    const b = await alice.call('uploadfile', { path: '/ByPath', filename: 'p.txt' }, { verb: 'PUT', body: 'x' });
    expect(b.metadata[0].path).toBe('/ByPath/p.txt');
  });
});

describe('uploadfile semantics', () => {
  it('overwrites in place: same fileid, old content becomes a revision', async () => {
    const first = await alice.upload('doc.txt', 'version 1');
    const second = await alice.upload('doc.txt', 'version 2!');
    expect(second.fileid).toBe(first.fileid);
    expect(second.size).toBe(10);
    expect(second.hash).not.toBe(first.hash);
    const revs = await alice.call('listrevisions', { fileid: first.fileid });
    expect(revs.revisions).toHaveLength(1);
    expect(revs.revisions[0]).toMatchObject({ size: 9, hash: first.hash });
  });

  it('renameifexists saves as "a (2).txt", "a (3).txt"', async () => {
    await alice.upload('a.txt', '1');
    const b = await alice.upload('a.txt', '2', { renameifexists: 1 });
    const c = await alice.upload('a.txt', '3', { renameifexists: 1 });
    expect([b.name, c.name]).toEqual(['a (2).txt', 'a (3).txt']);
    const noext = await alice.upload('README', '1');
    expect((await alice.upload('README', '2', { renameifexists: 1 })).name).toBe('README (2)');
    expect(noext.name).toBe('README');
  });

  it('honours mtime, and ctime only together with mtime', async () => {
    const a = await alice.call('uploadfile', { folderid: 0, filename: 't1', mtime: 1_234_567_890, ctime: 1_111_111_111, timeformat: 'timestamp' }, { verb: 'PUT', body: 'x' });
    expect(a.metadata[0]).toMatchObject({ modified: 1_234_567_890, created: 1_111_111_111 });
    const b = await alice.call('uploadfile', { folderid: 0, filename: 't2', ctime: 1_111_111_111, timeformat: 'timestamp' }, { verb: 'PUT', body: 'x' });
    expect(b.metadata[0].created).not.toBe(1_111_111_111);
  });

  it('answers bad requests', async () => {
    expect((await srv.call('uploadfile', { filename: 'x' }, { verb: 'PUT', body: 'x' })).result).toBe(1000);
    expect((await alice.call('uploadfile', { folderid: 0 }, { verb: 'PUT', body: 'x' })).result).toBe(2001);
    expect((await alice.call('uploadfile', { folderid: 0, filename: 'a/b' }, { verb: 'PUT', body: 'x' })).result).toBe(2001);
    expect((await alice.call('uploadfile', { folderid: 31337, filename: 'x' }, { verb: 'PUT', body: 'x' })).result).toBe(2005);
    expect((await alice.call('uploadfile', { path: '/nope', filename: 'x' }, { verb: 'PUT', body: 'x' })).result).toBe(2005);
    const bob = await srv.user();
    const theirs = await bob.mkdir('Inbox');
    expect((await alice.call('uploadfile', { folderid: theirs.folderid, filename: 'x' }, { verb: 'PUT', body: 'x' })).result).toBe(2005);
    expect(await bob.names(theirs.folderid)).toEqual([]);
  });

  it('refuses uploads over quota and keeps nothing', async () => {
    const small = await srv.user({ quota: 100 });
    const r = await small.call('uploadfile', { folderid: 0, filename: 'big.bin' }, { verb: 'PUT', body: Buffer.alloc(101) });
    expect(r.result).toBe(2008);
    const m = await small.call('uploadfile', { folderid: 0 }, { parts: [{ filename: 'big2.bin', data: Buffer.alloc(200) }] });
    expect(m.result).toBe(2008);
    await small.upload('fits.bin', Buffer.alloc(60));
    expect((await small.call('uploadfile', { folderid: 0, filename: 'fits.bin' }, { verb: 'PUT', body: Buffer.alloc(50) })).result).toBe(2008);
    expect(await small.names()).toEqual(['fits.bin']);
  });
});

describe('refused uploads', () => {
  it('leave the keep-alive connection usable, whatever was left of the body', async () => {
    const agent = connection();
    try {
      const big = Buffer.alloc(3_000_000, 1);
      const a = await alice.call('uploadfile', { folderid: 4242 }, { agent, parts: [{ filename: 'x.bin', data: big }, { filename: 'y.bin', data: big }] });
      expect(a.result).toBe(2005);
      expect((await alice.call('userinfo', {}, { agent })).result).toBe(0);
      const b = await alice.call('uploadfile', { folderid: 4242, filename: 'x.bin' }, { agent, verb: 'PUT', body: big });
      expect(b.result).toBe(2005);
      const c = await srv.call('uploadfile', { folderid: 0, filename: 'x.bin' }, { agent, verb: 'PUT', body: big });
      expect(c.result).toBe(1000);
      const d = await alice.call('uploadfile', { folderid: 0 }, { agent, parts: [{ filename: 'bad/name', data: big }] });
      expect(d.result).toBe(2001);
      expect((await alice.call('userinfo', {}, { agent })).result).toBe(0);
    } finally {
      agent.destroy();
    }
  });
});

describe('broken uploads', () => {
  it('a multipart body that ends inside a file answers 2041 and stores nothing', async () => {
    const mp = multipart(new URLSearchParams({ folderid: '0', nopartial: '1' }), [{ filename: 'cut.bin', data: Buffer.alloc(5000, 7) }]);
    const cut = mp.body.subarray(0, mp.body.length - 3000);
    const r = await alice.send('uploadfile', {}, { verb: 'POST', body: cut, headers: { 'Content-Type': mp.type } });
    expect(r.json.result).toBe(2041);
    expect(await alice.names()).not.toContain('cut.bin');
    expect(await tmpFiles()).toEqual([]);
  });

  it('a raw body shorter than its Content-Length answers 2041 and stores nothing', async () => {
    const sock = connect(srv.port, '127.0.0.1');
    await new Promise((r) => sock.once('connect', r));
    const chunks: Buffer[] = [];
    sock.on('data', (c: Buffer) => chunks.push(c));
    const closed = new Promise((r) => sock.once('close', r));
    sock.write(
      `PUT /uploadfile?folderid=0&filename=short.bin&nopartial=1&access_token=${alice.token} HTTP/1.1\r\n` +
        `Host: 127.0.0.1\r\nContent-Length: 10000\r\nConnection: close\r\n\r\n`,
    );
    sock.write(Buffer.alloc(4000, 1));
    await sleep(50);
    sock.end(); // half-close: the body ends early
    await closed;
    const reply = Buffer.concat(chunks).toString();
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toContain('X-Error: 2041');
    expect(reply).toContain('"result":2041');
    await sleep(50);
    expect(await alice.names()).not.toContain('short.bin');
    expect(await tmpFiles()).toEqual([]);
  });
});

describe('uploadprogress', () => {
  it('follows a slow upload by progresshash and reports it finished', async () => {
    expect((await alice.call('uploadprogress', { progresshash: 'nothing-yet' })).result).toBe(1900);
    expect((await alice.call('uploadprogress')).result).toBe(1900);
    const body = Buffer.alloc(64 * 1024, 3);
    const { req, reply } = srv.open('uploadfile', { folderid: 0, filename: 'slow.bin', progresshash: 'ph1', access_token: alice.token }, {
      headers: { 'Content-Length': String(body.length) },
    });
    req.write(body.subarray(0, 20_000));
    let seen: Json;
    for (let i = 0; i < 50; i++) {
      await sleep(20);
      seen = await alice.call('uploadprogress', { progresshash: 'ph1' });
      if (seen.result === 0 && seen.uploaded >= 20_000) break;
    }
    expect(seen).toMatchObject({ result: 0, total: body.length, finished: false, filenumber: 1, currentfile: 'slow.bin' });
    expect(seen.uploaded).toBeGreaterThanOrEqual(20_000);
    req.end(body.subarray(20_000));
    const done = await reply;
    expect(done.json.checksums[0].sha1).toBe(sha1(body));
    const fin = await alice.call('uploadprogress', { progresshash: 'ph1' });
    expect(fin).toMatchObject({ result: 0, finished: true, uploaded: body.length });
    expect(fin.files[0].name).toBe('slow.bin');
    const bob = await srv.user();
    expect((await bob.call('uploadprogress', { progresshash: 'ph1' })).result).toBe(1900);
  });
});

describe('downloadfile', () => {
  let origin: Server;
  let base: string;
  beforeAll(async () => {
    origin = createServer((req, res) => {
      if (req.url === '/missing') {
        res.writeHead(404);
        res.end();
        return;
      }
      const body = Buffer.from(`served ${req.url}`);
      res.writeHead(200, { 'Content-Length': body.length });
      if (req.url === '/slow.txt') setTimeout(() => res.end(body), 150);
      else res.end(body);
    });
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => origin.close(() => r())));

  it('fetches loopback URLs into a folder, named from the URL or `target`', async () => {
    const d = await alice.mkdir('Downloads');
    const r = await alice.call('downloadfile', { url: `${base}/first.txt ${base}/second.txt`, folderid: d.folderid, target: ',custom%20name.txt' });
    expect(r.result).toBe(0);
    expect(r.metadata.map((m: Json) => m.name)).toEqual(['first.txt', 'custom name.txt']);
    const sums = await alice.call('checksumfile', { fileid: r.metadata[0].fileid });
    expect(sums.sha1).toBe(sha1('served /first.txt'));
  });

  it('refuses non-loopback URLs (offline emulator) and answers bad requests', async () => {
    expect((await alice.call('downloadfile', { folderid: 0 })).result).toBe(1040);
    expect((await alice.call('downloadfile', { url: '   ' })).result).toBe(1040);
    const r = await alice.call('downloadfile', { url: 'http://example.com/file.txt', folderid: 0 });
    expect(r.result).not.toBe(0);
    expect(await alice.names()).not.toContain('file.txt');
    expect((await alice.call('downloadfile', { url: `${base}/x`, folderid: 4242 })).result).toBe(2005);
  });

  it('downloadfileasync returns at once; uploadprogress follows the job', async () => {
    const r = await alice.call('downloadfileasync', { url: `${base}/slow.txt ${base}/missing`, folderid: 0, progresshash: 'dl1' });
    expect(r.result).toBe(0);
    let p: Json;
    for (let i = 0; i < 100; i++) {
      p = await alice.call('uploadprogress', { progresshash: 'dl1' });
      if (p.finished) break;
      await sleep(20);
    }
    expect(p).toMatchObject({ result: 0, urlcount: 2, urlready: 1, finished: true });
    expect(p.files.map((f: Json) => f.status)).toEqual(['ready', 'error']);
    expect(await alice.names()).toContain('slow.txt');
  });
});
