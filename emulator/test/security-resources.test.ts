// Bounded resources (issue 13 item 6): a client cannot hold a connection open by stalling, and
// anonymous or server-side work cannot grow without bound.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, sleep, type TestUser } from '../testing';
import { rawSocket } from './security-harness';

describe('request timeouts', () => {
  let srv: TestServer;
  let alice: TestUser;
  beforeAll(async () => {
    srv = await TestServer.start({ limits: { headersTimeoutMs: 400, bodyIdleTimeoutMs: 400 }, diffTimeoutMs: 1200 });
    alice = await srv.user();
  });
  afterAll(() => srv.close());

  it('cuts off a form body that stalls, before any authentication', async () => {
    const { sock, closed } = await rawSocket(srv);
    sock.write('POST /userinfo HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nauth=');
    await closed;
    expect(sock.destroyed).toBe(true);
  });

  it('cuts off the headers of a request that never finishes them', async () => {
    const { sock, closed, received } = await rawSocket(srv);
    sock.write('POST /userinfo HTTP/1.1\r\nHost: x\r\n');
    await closed;
    expect(received()).not.toContain('"result":0');
  });

  it('cuts off an unauthenticated upload whose body stalls after its 1000', async () => {
    const { sock, closed, received } = await rawSocket(srv);
    sock.write('PUT /uploadfile?folderid=0&filename=a.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nabc');
    await closed;
    expect(received()).toContain('"result":1000');
  });

  it('cuts off an authenticated upload that stalls, and stores nothing', async () => {
    const { sock, closed } = await rawSocket(srv);
    sock.write(`PUT /uploadfile?folderid=0&filename=stalled.txt&access_token=${alice.token} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc`);
    await closed;
    expect(await alice.names()).not.toContain('stalled.txt');
  });

  it('does not cut a body that keeps arriving slowly, nor a long poll, nor a kept-alive idle connection in use', async () => {
    const { req, reply } = srv.open('uploadfile', { folderid: 0, filename: 'slow.txt', access_token: alice.token }, { headers: { 'Content-Length': '10' } });
    for (let i = 0; i < 10; i++) {
      req.write('x');
      await sleep(100);
    }
    req.end();
    expect((await reply).json.result).toBe(0);
    const poll = await alice.call('diff', { diffid: (await alice.call('diff', { last: 0 })).diffid, block: 1 });
    expect(poll.result).toBe(0);
  });
});

describe('gettextfile / getpubtextfile above the in-memory limit', () => {
  let srv: TestServer;
  let alice: TestUser;
  beforeAll(async () => {
    srv = await TestServer.start({ limits: { textFileMaxBytes: 1000 } });
    alice = await srv.user();
  });
  afterAll(() => srv.close());

  it('streams a large UTF-8 file unchanged (BOM dropped), decodes a large Windows-1252 one, refuses other targets', async () => {
    const text = 'é€ line\n'.repeat(500);
    const f = await alice.upload('big.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const r = await alice.send('gettextfile', { fileid: f.fileid });
    expect(r.status).toBe(200);
    expect(r.text).toBe(text);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    const latin = await alice.upload('latin.txt', Buffer.from('caf\xe9 \x80\n'.repeat(400), 'latin1'));
    expect((await alice.send('gettextfile', { fileid: latin.fileid })).text).toBe('café €\n'.repeat(400));
    const refused = await alice.call('gettextfile', { fileid: f.fileid, toencoding: 'iso-8859-1' });
    expect(refused.result).toBe(2061);
    expect((await alice.call('gettextfile', { fileid: f.fileid, fromencoding: 'no-such-charset' })).result).toBe(2061);
    // small files still convert to any target
    const small = await alice.upload('small.txt', 'café');
    expect((await alice.send('gettextfile', { fileid: small.fileid, toencoding: 'iso-8859-1' })).body).toEqual(Buffer.from('caf\xe9', 'latin1'));
    const link = await alice.call('getfilepublink', { fileid: f.fileid });
    expect((await srv.send('getpubtextfile', { code: link.code })).text).toBe(text);
  });
});

describe('anonymous storage', () => {
  let srv: TestServer;
  const base = { sendermail: 'anon@example.com', receivermails: 'to@example.com' };
  beforeAll(async () => {
    srv = await TestServer.start({ limits: { transferTotalBytes: 250, transferMaxCount: 3, transferSweepMs: 50, feedbackPerHour: 3, feedbackMaxBytes: 100 } });
  });
  afterAll(() => srv.close());

  const transfer = (data: Buffer | string) => srv.call('uploadtransfer', base, { parts: [{ filename: 'a.bin', data }] });

  it('caps the bytes of all live transfers together, also when they arrive in parallel', async () => {
    const replies = await Promise.all([1, 2, 3].map(() => transfer(Buffer.alloc(100, 1))));
    expect(replies.map((r) => r.result).sort()).toEqual([0, 0, 2097]);
    expect((await transfer(Buffer.alloc(100))).result).toBe(2097);
  });

  it('caps the number of live transfers, and purges expired ones (rows and files) periodically', async () => {
    expect((await transfer('x')).result).toBe(0);
    expect((await transfer('y')).result).toBe(4010);
    srv.emu.st.q('UPDATE transfers SET expires = 0').run();
    const dir = join(srv.dataDir, 'transfers');
    for (let i = 0; i < 200 && (await readdir(dir)).length > 0; i++) await sleep(25);
    expect(await readdir(dir)).toEqual([]);
    expect(srv.emu.st.q('SELECT COUNT(*) AS n FROM transfer_files').get()).toEqual({ n: 0 });
    // purged bytes are given back
    expect((await transfer(Buffer.alloc(200))).result).toBe(0);
    // files left without their row (a crash between the two) are swept too
    await mkdir(join(dir, '999999'));
    await writeFile(join(dir, '999999', '0'), 'orphan');
    for (let i = 0; i < 200 && (await readdir(dir)).includes('999999'); i++) await sleep(25);
    expect(await readdir(dir)).not.toContain('999999');
  });

  it('bounds feedback per client and cuts long messages', async () => {
    const send = (message: string) => srv.call('feedback', { mail: 'a@example.com', reason: 'r', message });
    expect((await send('m'.repeat(5000))).result).toBe(0);
    const mail = (await srv.mails('support@pcloud-emulator.local'))[0];
    expect(mail.body.length).toBeLessThan(400);
    expect((await send('2')).result).toBe(0);
    expect((await send('3')).result).toBe(0);
    const over = await send('4');
    expect(over).toMatchObject({ result: 4010 });
  });
});

describe('downloadfile redirects', () => {
  let srv: TestServer;
  let alice: TestUser;
  let inside: Server;
  let front: Server;
  let frontUrl: string;
  let insideUrl: string;
  beforeAll(async () => {
    // an "internal" service on another loopback address that is not on the allow-list
    inside = createServer((_req, res) => res.end('internal secret'));
    await new Promise<void>((r) => inside.listen(0, '127.0.0.2', r));
    insideUrl = `http://127.0.0.2:${(inside.address() as AddressInfo).port}/secret.txt`;
    front = createServer((req, res) => {
      const hops = /^\/hop(\d+)$/.exec(req.url ?? '');
      if (req.url === '/to-inside') res.writeHead(302, { Location: insideUrl }).end();
      else if (hops) res.writeHead(301, { Location: `/hop${Number(hops[1]) + 1}` }).end();
      else if (req.url === '/to-file') res.writeHead(307, { Location: '/plain.txt' }).end();
      else res.end('public data');
    });
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
    frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
    srv = await TestServer.start({ downloadAllow: ['127.0.0.1', '*'], limits: { downloadMaxRedirects: 3 } });
    alice = await srv.user();
  });
  afterAll(async () => {
    await srv.close();
    await new Promise((r) => inside.close(r));
    await new Promise((r) => front.close(r));
  });

  it('re-checks the allow-list on every hop: a redirect to an unlisted internal address is refused', async () => {
    const r = await alice.call('downloadfile', { url: `${frontUrl}/to-inside`, folderid: 0, progresshash: 'in' });
    expect(r.result).not.toBe(0);
    expect(await alice.names()).not.toContain('to-inside');
    const async = await alice.call('downloadfileasync', { url: `${frontUrl}/to-inside`, folderid: 0, target: 'async.txt', progresshash: 'async' });
    expect(async.result).toBe(0);
    let p = await alice.call('uploadprogress', { progresshash: 'async' });
    for (let i = 0; i < 200 && !p.finished; i++) {
      await sleep(25);
      p = await alice.call('uploadprogress', { progresshash: 'async' });
    }
    expect(p.files.map((f: { status: string }) => f.status)).toEqual(['error']);
    expect(await alice.names()).not.toContain('async.txt');
    // `*` never admits internal addresses given directly either
    expect((await alice.call('downloadfile', { url: insideUrl, folderid: 0 })).result).not.toBe(0);
  });

  it('answers 1040 when no URL could be fetched at all (found by the fuzz: it was 5001)', async () => {
    expect((await alice.call('downloadfile', { url: '-1', folderid: 0 })).result).toBe(1040);
    expect((await alice.call('downloadfileasync', { url: 'ftp://127.0.0.1/x ///', folderid: 0 })).result).toBe(1040);
  });

  it('follows allowed redirects up to the limit', async () => {
    const ok = await alice.call('downloadfile', { url: `${frontUrl}/to-file`, folderid: 0 });
    expect(ok.result).toBe(0);
    expect(ok.metadata[0].name).toBe('to-file');
    expect((await alice.call('downloadfile', { url: `${frontUrl}/hop0`, folderid: 0, target: 'loop.txt' })).result).not.toBe(0);
  });
});

describe('downloadfile with only `*` allowed', () => {
  it('refuses names and literals that lead to internal addresses, checked where the socket connects', async () => {
    const origin = createServer((_req, res) => res.end('internal'));
    await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
    const port = (origin.address() as AddressInfo).port;
    const srv = await TestServer.start({ downloadAllow: ['*'] });
    try {
      const u = await srv.user();
      // `localhost` is a name that resolves to loopback; the others are loopback/private spellings
      for (const url of [`http://localhost:${port}/a.txt`, `http://127.0.0.1:${port}/b.txt`, `http://2130706433:${port}/c.txt`, `http://[::ffff:127.0.0.1]:${port}/d.txt`, 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/x']) {
        expect((await u.call('downloadfile', { url, folderid: 0 })).result, url).not.toBe(0);
      }
      expect(await u.names()).toEqual([]);
    } finally {
      await srv.close();
      await new Promise((r) => origin.close(r));
    }
  });

  it('classifies addresses', async () => {
    const { isInternalAddress } = await import('../http/outbound');
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', 'not-an-ip']) {
      expect([a, isInternalAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect([a, isInternalAddress(a)]).toEqual([a, false]);
  });
});
