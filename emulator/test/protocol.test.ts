// Request/reply conventions every method shares (docs/pcloud/protocol.md §1–§4, §8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from '../testing';

let srv: TestServer;
let alice: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
});
afterAll(() => srv.close());

describe('reply envelope', () => {
  it('answers success with HTTP 200, JSON content type and result 0', async () => {
    const r = await alice.send('userinfo');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['x-error']).toBeUndefined();
    expect(r.json.result).toBe(0);
    expect(r.json.email).toBe(alice.email);
  });

  it('answers errors with HTTP 200, the code in X-Error and the exact message', async () => {
    const r = await srv.send('listfolder', { folderid: 0 });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['x-error']).toBe('1000');
    expect(r.json).toEqual({ result: 1000, error: 'Log in required.' });
  });

  it('exposes X-Error to browsers and allows any origin', async () => {
    const r = await srv.send('getip');
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(String(r.headers['access-control-expose-headers'])).toMatch(/X-Error/);
  });

  it('answers an unknown method with an error code, not a crash', async () => {
    const r = await alice.send('nosuchmethod');
    expect(r.status).toBe(200);
    expect(r.json.result).toBeGreaterThan(0);
    expect(r.headers['x-error']).toBe(String(r.json.result));
  });

  it('answers a CORS preflight that allows the Authorization header', async () => {
    const r = await srv.send('listfolder', {}, {
      verb: 'OPTIONS',
      headers: { Origin: 'http://app.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(String(r.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    expect(String(r.headers['access-control-allow-methods'])).toContain('POST');
  });
});

describe('global parameters', () => {
  it('echoes `id` on success and on failure', async () => {
    expect((await alice.call('userinfo', { id: 'req-7' })).id).toBe('req-7');
    const bad = await alice.call('listfolder', { folderid: 999999, id: 'x y' });
    expect(bad).toMatchObject({ result: 2005, id: 'x y' });
  });

  it('prints datetimes as RFC 2822 by default and unix seconds with timeformat=timestamp', async () => {
    const a = await alice.call('listfolder', { folderid: 0 });
    expect(a.metadata.created).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    const b = await alice.call('listfolder', { folderid: 0, timeformat: 'timestamp' });
    expect(typeof b.metadata.created).toBe('number');
    expect(Math.abs(b.metadata.created - Date.now() / 1000)).toBeLessThan(60);
    expect(new Date(a.metadata.created).getTime() / 1000).toBe(b.metadata.created);
  });

  it('gives numeric icons with iconformat=id', async () => {
    await alice.upload('pic.jpg', 'not really a jpeg');
    const a = await alice.call('listfolder', { folderid: 0 });
    const b = await alice.call('listfolder', { folderid: 0, iconformat: 'id' });
    expect(a.metadata.icon).toBe('folder');
    expect(b.metadata.icon).toBe(20);
    const pic = b.metadata.contents.find((c: { name: string }) => c.name === 'pic.jpg');
    expect(pic.icon).toBe(1);
  });

  it('trims metadata to filtermeta fields, keeping listings intact', async () => {
    const r = await alice.call('listfolder', { folderid: 0, filtermeta: 'name,fileid' });
    expect(Object.keys(r.metadata).sort()).toEqual(['contents', 'name']);
    const pic = r.metadata.contents.find((c: { name: string }) => c.name === 'pic.jpg');
    expect(Object.keys(pic).sort()).toEqual(['fileid', 'name']);
  });

  it('writes hash as an exact unsigned 64-bit JSON number', async () => {
    const r = await alice.send('uploadfile', { folderid: 0, filename: 'h.bin' }, { verb: 'PUT', body: 'hash me' });
    const m = /"hash":(\d+)/.exec(r.text);
    expect(m).not.toBeNull();
    const sums = await alice.call('checksumfile', { fileid: r.json.fileids[0] });
    expect(BigInt(m![1])).toBe(BigInt('0x' + sums.sha1.slice(0, 16)));
    expect(r.json.metadata[0].hash).toBe(m![1]);
  });
});

describe('parameter sources', () => {
  it('decodes + as a space in query strings', async () => {
    const r = await srv.send('createfolder', {}, { path: `/createfolder?folderid=0&name=two+words&access_token=${alice.token}` });
    expect(r.json.metadata.name).toBe('two words');
  });

  it('reads parameters from an urlencoded body', async () => {
    const r = await alice.call('createfolder', { folderid: 0, name: 'from form' }, { via: 'form' });
    expect(r.result).toBe(0);
    expect(r.metadata.name).toBe('from form');
  });

  it('reads parameters from multipart fields', async () => {
    const r = await alice.call('createfolder', { folderid: 0, name: 'from multipart' }, { via: 'multipart' });
    expect(r.metadata.name).toBe('from multipart');
  });

  it('merges query and body, the body winning for the same name', async () => {
    const r = await srv.send('createfolder', { name: 'body name' }, {
      via: 'form',
      path: `/createfolder?folderid=0&name=query+name&access_token=${alice.token}`,
    });
    expect(r.json.metadata.name).toBe('body name');
  });

  it('accepts the OAuth token as Bearer header, access_token, and the auth token as a cookie', async () => {
    expect((await srv.call('userinfo', {}, { bearer: alice.token })).userid).toBe(alice.id);
    expect((await srv.call('userinfo', { access_token: alice.token })).userid).toBe(alice.id);
    const auth = alice.authToken();
    expect((await srv.call('userinfo', {}, { headers: { Cookie: `auth=${auth}` } })).userid).toBe(alice.id);
  });

  it('treats flag=0 as off', async () => {
    await alice.upload('same.txt', 'one');
    const r = await alice.call('uploadfile', { folderid: 0, filename: 'same.txt', renameifexists: 0 }, { verb: 'PUT', body: 'two' });
    expect(r.metadata[0].name).toBe('same.txt');
  });
});

describe('general methods', () => {
  it('answers the anonymous informational methods', async () => {
    expect((await srv.call('getip')).ip).toBe('127.0.0.1');
    expect((await srv.call('getapiserver')).api).toEqual([`127.0.0.1:${srv.port}`]);
    expect((await srv.call('currentserver')).hostname).toBe(`127.0.0.1:${srv.port}`);
    expect((await srv.call('supportedlanguages')).languages.en).toBe('English');
  });

  it('sets the language and rejects bad ones', async () => {
    expect((await alice.call('setlanguage')).result).toBe(1020);
    expect((await alice.call('setlanguage', { language: 'xx' })).result).toBe(1021);
    expect((await alice.call('setlanguage', { language: 'de' })).result).toBe(0);
    expect((await alice.call('userinfo')).language).toBe('de');
  });

  it('takes feedback and validates it', async () => {
    expect((await srv.call('feedback', { reason: 'r', message: 'm' })).result).toBe(1033);
    expect((await srv.call('feedback', { mail: 'a@b.example', message: 'm' })).result).toBe(1042);
    expect((await srv.call('feedback', { mail: 'a@b.example', reason: 'r' })).result).toBe(1041);
    expect((await srv.call('feedback', { mail: 'nope', reason: 'r', message: 'm' })).result).toBe(2018);
    expect((await srv.call('feedback', { mail: 'a@b.example', reason: 'r', message: 'm' })).result).toBe(0);
  });

  it('reports the user with the documented fields', async () => {
    const u = await alice.call('userinfo', { getapiserver: 1 });
    expect(u).toMatchObject({ result: 0, userid: alice.id, emailverified: true, premium: false, language: expect.any(String) });
    expect(typeof u.quota).toBe('number');
    expect(typeof u.usedquota).toBe('number');
    expect(u.apiserver.api.length).toBe(1);
    expect(u.auth).toBeUndefined();
  });
});
