// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { configureClient, contentUrl, resetClient } from './client';
import { PcloudError, PcloudNetworkError, isOAuthRefusal } from './errors';
import { listFolder } from './folder';
import { getFileLink } from './streaming';
import { deleteFile, uploadFile } from './file';
import { uploadWrite } from './upload';
import { getThumbsLinks } from './thumbnails';
import { trashList } from './trash';
import { formOf, headerOf, jsonResponse, testClient } from './testing';

afterEach(() => resetClient());

// Replies transcribed from the reference docs (docs/pcloud/structures.md §1.4, docs/pcloud/methods-media.md §3).
const LISTFOLDER_ROOT = `{ "result": 0,
  "metadata": {
    "name": "/", "path": "/", "id": "d0", "folderid": 0, "isfolder": true,
    "ismine": true, "isshared": false, "thumb": false, "icon": "folder",
    "created": "Thu, 19 Sep 2013 07:31:46 +0000", "modified": "Thu, 19 Sep 2013 07:31:46 +0000",
    "contents": [
      { "name": "Simple Audio.mp3", "path": "/Simple Audio.mp3", "id": "f1723778", "fileid": 1723778,
        "parentfolderid": 0, "isfolder": false, "ismine": true, "isshared": false,
        "thumb": false, "icon": "audio", "category": 3, "contenttype": "audio/mpeg",
        "size": 11252576, "hash": 10681749967730527559,
        "created": "Wed, 02 Oct 2013 13:23:19 +0000", "modified": "Wed, 02 Oct 2013 13:23:19 +0000" } ] } }`;

describe('parameter encoding', () => {
  it('POSTs a form body with flags as 1, omits false flags, and keeps the token in the header', async () => {
    const { client, calls } = testClient(() => jsonResponse(LISTFOLDER_ROOT));
    await listFolder({ folderid: 0, recursive: true, nofiles: false }, { client });
    const [call] = calls;
    expect(call.url).toBe('https://eapi.pcloud.com/listfolder');
    expect(call.init.method).toBe('POST');
    expect(call.init.referrerPolicy).toBe('no-referrer');
    expect(headerOf(call, 'Content-Type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(headerOf(call, 'Authorization')).toBe('Bearer TOKEN123');
    const form = formOf(call);
    expect(form.get('folderid')).toBe('0');
    expect(form.get('recursive')).toBe('1');
    expect(form.has('nofiles')).toBe(false);
    expect(form.has('access_token')).toBe(false);
    expect(call.url).not.toContain('TOKEN123');
  });

  it('asks fetch to keep a call alive past the page only when told (a delete sent on pagehide)', async () => {
    const { client, calls } = testClient(() => jsonResponse({ result: 0, metadata: {} }));
    await deleteFile({ fileid: 7 }, { client, keepalive: true });
    await deleteFile({ fileid: 8 }, { client });
    expect(calls[0].init.keepalive).toBe(true);
    expect(formOf(calls[0]).get('fileid')).toBe('7');
    expect(calls[1].init.keepalive).toBeUndefined();
  });

  it('comma-joins lists', async () => {
    const { client, calls } = testClient(() => jsonResponse({ result: 0, thumbs: [] }));
    await getThumbsLinks({ fileids: [1729212, 1729213], size: '120x120', crop: true }, { client });
    const form = formOf(calls[0]);
    expect(form.get('fileids')).toBe('1729212,1729213');
    expect(form.get('size')).toBe('120x120');
    expect(form.get('crop')).toBe('1');
  });

  it('sends access_token as a form parameter in query mode, never the header', async () => {
    const { client, calls } = testClient(() => jsonResponse(LISTFOLDER_ROOT), { tokenTransport: () => 'query' });
    await listFolder({ folderid: 0 }, { client });
    expect(formOf(calls[0]).get('access_token')).toBe('TOKEN123');
    expect(headerOf(calls[0], 'Authorization')).toBeNull();
  });

  it('sends a full-access token as the auth parameter, never as a header or access_token', async () => {
    const { client, calls } = testClient(() => jsonResponse(LISTFOLDER_ROOT), { tokenKind: () => 'auth' });
    await listFolder({ folderid: 0 }, { client });
    expect(formOf(calls[0]).get('auth')).toBe('TOKEN123');
    expect(formOf(calls[0]).has('access_token')).toBe(false);
    expect(headerOf(calls[0], 'Authorization')).toBeNull();
    expect(calls[0].url).not.toContain('TOKEN123');
  });

  it('sends no credentials to anonymous methods', async () => {
    const { client, calls } = testClient(() => jsonResponse({ result: 0, ip: '127.0.0.1', country: 'gb' }));
    await client.request('getip');
    expect(headerOf(calls[0], 'Authorization')).toBeNull();
    expect(formOf(calls[0]).has('access_token')).toBe(false);
  });

  it('multipart uploads put params in the query and each file as a named part', async () => {
    const { client, calls } = testClient(() => jsonResponse({ result: 0, fileids: [], metadata: [], checksums: [] }));
    const blob = new Blob(['hello']);
    await uploadFile({ folderid: 12, renameifexists: true }, [{ name: 'héllo wörld.txt', data: blob }], { client });
    const url = new URL(calls[0].url);
    expect(url.pathname).toBe('/uploadfile');
    expect(url.searchParams.get('folderid')).toBe('12');
    expect(url.searchParams.get('renameifexists')).toBe('1');
    expect(url.searchParams.get('nopartial')).toBe('1');
    expect(url.searchParams.has('access_token')).toBe(false);
    const body = calls[0].init.body;
    expect(body).toBeInstanceOf(FormData);
    const part = (body as FormData).get('file0');
    expect(part).toBeInstanceOf(File);
    expect((part as File).name).toBe('héllo wörld.txt');
  });

  it('raw uploads are PUT with an octet-stream body and the token in the header', async () => {
    const { client, calls } = testClient(() => jsonResponse({ result: 0 }));
    await uploadWrite({ uploadid: 7, uploadoffset: 1024 }, new ArrayBuffer(8), { client });
    const url = new URL(calls[0].url);
    expect(calls[0].init.method).toBe('PUT');
    expect(headerOf(calls[0], 'Content-Type')).toBe('application/octet-stream');
    expect(url.searchParams.get('uploadoffset')).toBe('1024');
    expect(headerOf(calls[0], 'Authorization')).toBe('Bearer TOKEN123');
  });

  for (const [what, config] of [
    ['a full-access token', { tokenKind: () => 'auth' as const }],
    ['a query-mode token', { tokenTransport: () => 'query' as const }],
  ] as const) {
    it(`uploads with ${what} send every parameter as multipart fields before the file, never in the URL`, async () => {
      const { client, calls } = testClient(() => jsonResponse({ result: 0, fileids: [], metadata: [], checksums: [] }), config);
      await uploadWrite({ uploadid: 7, uploadoffset: 1024 }, new ArrayBuffer(8), { client });
      await uploadFile({ folderid: 12 }, [{ name: 'a.txt', data: new Blob(['hello']) }], { client });
      for (const call of calls) {
        expect(call.url).not.toContain('TOKEN123');
        expect(new URL(call.url).search).toBe('');
        expect(call.init.method).toBe('POST');
        const form = call.init.body as FormData;
        const keys = [...form.keys()];
        const fileAt = keys.findIndex((k) => form.get(k) instanceof File);
        expect(fileAt).toBe(keys.length - 1);
        expect(keys.slice(0, fileAt)).toContain('tokenKind' in config ? 'auth' : 'access_token');
      }
      expect((calls[0].init.body as FormData).get('uploadoffset')).toBe('1024');
      expect(((calls[1].init.body as FormData).get('file0') as File).name).toBe('a.txt');
    });
  }

  it('works through the module-level default client', async () => {
    const { client, calls } = testClient(() => jsonResponse(LISTFOLDER_ROOT));
    configureClient(client.config);
    const reply = await listFolder({ folderid: 0 });
    expect(reply.metadata.contents?.[0]?.name).toBe('Simple Audio.mp3');
    expect(calls).toHaveLength(1);
  });
});

describe('replies', () => {
  it('keeps hash exact', async () => {
    const { client } = testClient(() => jsonResponse(LISTFOLDER_ROOT));
    const { metadata } = await listFolder({ folderid: 0 }, { client });
    const file = metadata.contents?.[0];
    expect(file?.isfolder === false ? file.hash : null).toBe('10681749967730527559');
  });

  it('maps result != 0 to PcloudError with code, message, method and kind', async () => {
    const { client } = testClient(() => jsonResponse({ result: 2005, error: 'Directory does not exist.' }));
    const err = await listFolder({ folderid: 99 }, { client }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PcloudError);
    expect(err).toMatchObject({ code: 2005, message: 'Directory does not exist.', method: 'listfolder', kind: 'notFound' });
  });

  it('maps 7010 on link methods to kind link', async () => {
    const { client } = testClient(() => jsonResponse({ result: 7010, error: 'Invalid link referer.' }));
    await expect(getFileLink({ fileid: 1 }, { client })).rejects.toMatchObject({ code: 7010, kind: 'link' });
  });

  it('detects OAuth refusals: 1000 on trash_list, but not on listfolder', async () => {
    const { client } = testClient(() => jsonResponse({ result: 1000, error: 'Log in required.' }));
    const refused = await trashList({}, { client }).catch((e: unknown) => e);
    expect(isOAuthRefusal(refused)).toBe(true);
    expect(refused).toMatchObject({ kind: 'oauthRefused' });
    const signedOut = await listFolder({ folderid: 0 }, { client }).catch((e: unknown) => e);
    expect(isOAuthRefusal(signedOut)).toBe(false);
    expect(signedOut).toMatchObject({ kind: 'auth' });
  });

  it('carries the whole reply for codes with extra fields', async () => {
    const { client } = testClient(() =>
      jsonResponse({ result: 2011, error: 'Requested speed limit too low, see minspeed for minimum.', minspeed: 1024 }),
    );
    const err = await getFileLink({ fileid: 1, maxspeed: 1 }, { client }).catch((e: unknown) => e);
    expect(err instanceof PcloudError && err.details.minspeed).toBe(1024);
  });

  it('reports invalid JSON and HTTP failures as PcloudNetworkError', async () => {
    const bad = testClient(() => new Response('<html>', { status: 200 }));
    await expect(bad.client.request('userinfo', {}, { retry: 0 })).rejects.toMatchObject({ failure: 'parse' });
    const down = testClient(() => new Response('bad gateway', { status: 502 }));
    const err = await down.client.request('userinfo', {}, { retry: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PcloudNetworkError);
    expect(err).toMatchObject({ failure: 'http', status: 502 });
  });
});

describe('contentUrl', () => {
  const link = { hosts: ['c63.pcloud.com', 'c1.pcloud.com'], path: '/cBZ/My%20picture.jpg' };
  it('uses https for pCloud and http for a local emulator', () => {
    expect(contentUrl(link, 'https://eapi.pcloud.com')).toBe('https://c63.pcloud.com/cBZ/My%20picture.jpg');
    expect(contentUrl({ hosts: ['127.0.0.1:8787'], path: '/c/x/a.jpg' }, 'http://127.0.0.1:8787')).toBe(
      'http://127.0.0.1:8787/c/x/a.jpg',
    );
  });
});
