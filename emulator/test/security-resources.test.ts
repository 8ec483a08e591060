// Bounded resources (issue 13 item 6): a client cannot hold a connection open by stalling, and
// anonymous or server-side work cannot grow without bound.
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
