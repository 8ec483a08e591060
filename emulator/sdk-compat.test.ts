// Third-party client compatibility: pCloud's own JavaScript SDK (pcloud-sdk-js 2.0.0, Node build)
// drives the emulator unchanged.
//
// How the SDK is pointed at the emulator. It has no host knob for its helpers: lib/api/ApiMethod.js
// builds `https://${locations[locationid] || apiServer}/${method}` where `locationid` is a global
// (1 → api.pcloud.com, 2 → eapi.pcloud.com) and `apiServer`/`apiProtocol` are per-call options that
// only `client.api(method, { apiServer })` can pass — listfolder, upload, downloadfile & co. never do,
// and `https` is fixed. So we set the SDK's own global `locationid = 1` (as an app does after OAuth)
// and intercept at the HTTP layer, in this test only: superagent (the SDK's HTTP client) picks its
// transport from its exported `protocols` table, and we swap the `https:` entry for one that sends the
// same request over plain HTTP to the emulator with the original `Host` header. No SDK file is patched.
// Content links the emulator returns name the host the client asked for (api.pcloud.com), so the
// SDK's downloads (`https://` + hosts[0] + path) take the same route.
import { createRequire } from 'node:module';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestServer, type Json, type TestUser } from './testing';
import { registerApp } from './domain/oauth';

const require = createRequire(import.meta.url);

interface SdkClient {
  api(method: string, options?: Record<string, unknown>): Promise<Json>;
  [helper: string]: (...args: Json[]) => Promise<Json>;
}
interface Sdk {
  createClient(token: string, type?: 'oauth' | 'pcloud'): SdkClient;
  oauth: { getTokenFromCode(code: string, clientId: string, secret: string): Promise<Json> };
}

const PCLOUD_HOSTS = new Set(['api.pcloud.com', 'eapi.pcloud.com']);

let srv: TestServer;
let alice: TestUser;
let sdk: Sdk;
let superagent: { protocols: Record<string, { request(o: RequestOptions): unknown }> };
let savedHttps: { request(o: RequestOptions): unknown };
let work: string;
const seenHosts: string[] = [];
const g = globalThis as { locationid?: number };
let savedLocation: number | undefined;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user({ password: 'sdk password 1' });
  work = mkdtempSync(join(tmpdir(), 'sdk-compat-'));
  superagent = require('superagent');
  savedHttps = superagent.protocols['https:'];
  superagent.protocols['https:'] = {
    request(options: RequestOptions) {
      const host = String(options.hostname ?? options.host);
      seenHosts.push(host);
      if (!PCLOUD_HOSTS.has(host)) throw new Error(`sdk-compat: unexpected host ${host}`);
      return httpRequest({
        method: options.method, path: options.path, headers: { ...(options.headers ?? {}), host },
        host: '127.0.0.1', port: srv.port,
      });
    },
  };
  savedLocation = g.locationid;
  g.locationid = 1;
  sdk = require('pcloud-sdk-js') as Sdk;
}, 30_000);

afterAll(async () => {
  superagent.protocols['https:'] = savedHttps;
  g.locationid = savedLocation;
  rmSync(work, { recursive: true, force: true });
  await srv.close();
});

/** An OAuth token the way an SDK app gets one: authorize page → code → oauth.getTokenFromCode. */
async function oauthToken(): Promise<string> {
  const app = registerApp(srv.emu.st, 'SDK app', ['https://sdk.example/cb']);
  const form = { client_id: app.clientid, response_type: 'code', redirect_uri: 'https://sdk.example/cb', email: alice.email, password: alice.password, decision: 'allow' };
  const r = await srv.send('', {}, {
    path: '/oauth2/authorize', verb: 'POST', body: new URLSearchParams(form).toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  const code = new URL(String(r.headers.location)).searchParams.get('code');
  expect(code).toBeTruthy();
  const tok = await sdk.oauth.getTokenFromCode(code!, app.clientid, app.secret);
  expect(tok).toMatchObject({ result: 0, access_token: expect.any(String), locationid: 1 });
  return tok.access_token as string;
}

describe('pcloud-sdk-js against the emulator', () => {
  let client: SdkClient;

  it('gets an OAuth token through the SDK and reads the account', async () => {
    client = sdk.createClient(await oauthToken());
    const info = await client.userinfo();
    expect(info).toMatchObject({ result: 0, email: alice.email, userid: alice.id });
    expect(seenHosts.every((h) => h === 'api.pcloud.com')).toBe(true);
  });

  it('createfolder, listfolder, upload, downloadfile, getfilelink', async () => {
    const folder = await client.createfolder('SDK folder', 0);
    expect(folder).toMatchObject({ name: 'SDK folder', isfolder: true, folderid: expect.any(Number) });
    const root = await client.listfolder(0);
    expect(root.contents.map((c: Json) => c.name)).toContain('SDK folder');

    const local = join(work, 'hello.txt');
    writeFileSync(local, 'hello from the SDK\n');
    const progress: number[] = [];
    let finished: Json;
    const up = await client.upload(local, folder.folderid, { onProgress: (p: Json) => progress.push(p.loaded), onFinish: (r: Json) => (finished = r) });
    expect(up.metadata).toMatchObject({ name: 'hello.txt', size: 19, parentfolderid: folder.folderid });
    expect(up.checksums).toMatchObject({ sha1: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(finished!).toEqual(up);
    expect((await client.listfolder(folder.folderid)).contents.map((c: Json) => c.name)).toEqual(['hello.txt']);

    const url = await client.getfilelink(up.metadata.fileid);
    expect(url).toMatch(/^https:\/\/api\.pcloud\.com\/.+hello\.txt$/);
    const target = join(work, 'downloaded.txt');
    const got = await client.downloadfile(up.metadata.fileid, target);
    expect(got).toMatchObject({ name: 'downloaded.txt', size: 19 });
    expect(readFileSync(target, 'utf8')).toBe('hello from the SDK\n');

    // the recursive listing option passes through
    const deep = await client.listfolder(folder.folderid, { recursive: 1 });
    expect(deep.contents).toHaveLength(1);
  });

  it('rename, move and delete files and folders', async () => {
    const a = await client.createfolder('A', 0);
    const b = await client.createfolder('B', 0);
    const local = join(work, 'move-me.bin');
    writeFileSync(local, Buffer.alloc(1000, 7));
    const f = (await client.upload(local, a.folderid)).metadata;
    expect(await client.renamefile(f.fileid, 'renamed.bin')).toMatchObject({ fileid: f.fileid, name: 'renamed.bin' });
    expect(await client.movefile(f.fileid, b.folderid)).toMatchObject({ fileid: f.fileid, parentfolderid: b.folderid });
    expect(await client.renamefolder(a.folderid, 'A2')).toMatchObject({ folderid: a.folderid, name: 'A2' });
    expect(await client.movefolder(a.folderid, b.folderid)).toMatchObject({ folderid: a.folderid, parentfolderid: b.folderid });
    expect((await client.listfolder(b.folderid)).contents.map((c: Json) => c.name).sort()).toEqual(['A2', 'renamed.bin']);
    expect(await client.deletefile(f.fileid)).toBe(true);
    expect(await client.deletefolder(b.folderid)).toBe(true);
    expect((await client.listfolder(0)).contents.map((c: Json) => c.name)).not.toContain('B');
    // errors reach the SDK's caller as pCloud's rejection objects
    await expect(client.deletefile(f.fileid)).rejects.toMatchObject({ result: 2009, error: 'File not found.' });
    await expect(client.listfolder(987654)).rejects.toMatchObject({ result: 2005 });
  });

  it('sharefolder and remoteupload', async () => {
    const bob = await srv.user();
    const shared = await client.createfolder('Shared by SDK', 0);
    expect(await client.sharefolder(shared.folderid, bob.email, 'edit', 'have a look')).toBe(true);
    const out = await client.api('listshares');
    expect(out.requests.outgoing.map((r: Json) => r.tomail)).toContain(bob.email);

    // remote upload (downloadfile + uploadprogress polling) from a content link of the emulator itself
    const local = join(work, 'remote-src.txt');
    writeFileSync(local, 'fetched remotely');
    const src = await client.upload(local, 0);
    const link = await alice.call('getfilelink', { fileid: src.metadata.fileid });
    // the helper swallows failures into console.log("Error", …): watch for that
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args));
    let finished: Json;
    let remote: Json;
    try {
      remote = await client.remoteupload(`${srv.url}${link.path}`, shared.folderid, { onFinish: (r: Json) => (finished = r) });
    } finally {
      spy.mockRestore();
    }
    expect(logged.filter((l) => l[0] === 'Error')).toEqual([]);
    expect(remote.metadata).toMatchObject({ name: expect.stringContaining('remote-src'), size: 16, parentfolderid: shared.folderid });
    expect(finished!).toEqual(remote);
    const names = (await client.listfolder(shared.folderid)).contents.map((c: Json) => c.name);
    expect(names).toHaveLength(1);
    expect(names[0]).toContain('remote-src.txt');
  });

  it('raw client.api calls: public links, text, zips, diff, servers', async () => {
    const local = join(work, 'pub.txt');
    writeFileSync(local, 'public words');
    const f = (await client.upload(local, 0)).metadata;
    const link = await client.api('getfilepublink', { params: { fileid: f.fileid } });
    expect(link).toMatchObject({ result: 0, code: expect.any(String), linkid: expect.any(Number) });
    const shown = await client.api('showpublink', { params: { code: link.code } });
    expect(shown.metadata).toMatchObject({ name: 'pub.txt', size: 12 });
    // (the SDK refuses methods missing from its own list, getpublinkdownload among them)
    // Text bodies (getpubtextfile, gettextfile, getthumbs) are out of reach of the SDK in Node: its
    // `responseType: 'text'` calls superagent's responseType(), which buffers into `body` and leaves
    // the `text` it returns undefined, whatever the server sends. So the copy is checked by download.
    expect(await client.api('changepublink', { params: { linkid: link.linkid, maxdownloads: 5 } })).toMatchObject({ result: 0 });
    const copied = await client.api('copypubfile', { params: { code: link.code, tofolderid: 0, toname: 'copy.txt' } });
    expect(copied.metadata).toMatchObject({ name: 'copy.txt', size: 12 });
    const back = join(work, 'copy-back.txt');
    await client.downloadfile(copied.metadata.fileid, back);
    expect(readFileSync(back, 'utf8')).toBe('public words');
    expect((await client.api('listpublinks')).publinks.map((p: Json) => p.linkid)).toContain(link.linkid);
    expect(await client.api('deletepublink', { params: { linkid: link.linkid } })).toMatchObject({ result: 0 });
    await expect(client.api('showpublink', { params: { code: link.code } })).rejects.toMatchObject({ result: 7002 });

    const zl = await client.api('getziplink', { params: { fileids: String(f.fileid) } });
    expect(zl).toMatchObject({ result: 0, hosts: ['api.pcloud.com'] });
    const diff = await client.api('diff', { params: { last: 0, limit: 5 } });
    expect(diff).toMatchObject({ result: 0, diffid: expect.any(Number) });
    expect(await client.api('getapiserver')).toMatchObject({ result: 0, api: expect.any(Array) });
    expect(await client.api('currentserver')).toMatchObject({ result: 0 });
    // a per-call apiServer (the SDK's only host option) works too when it names pCloud's host
    expect(await client.api('userinfo', { apiServer: 'eapi.pcloud.com' })).toMatchObject({ result: 0, email: alice.email });
  });

  it('a pcloud-type client logs in with the SDK\'s login helper', async () => {
    const c = sdk.createClient('', 'pcloud');
    const auth = await c.login(alice.email, alice.password);
    expect(typeof auth).toBe('string');
    expect(await c.userinfo()).toMatchObject({ result: 0, email: alice.email });
    await expect(sdk.createClient('', 'pcloud').login(alice.email, 'wrong password')).rejects.toMatchObject({ result: 2000 });
  });
});
