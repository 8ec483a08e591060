// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureClient, resetClient } from '../api/client';
import { PcloudError } from '../api/errors';
import { fakeFetch, formOf, headerOf, jsonResponse, type RecordedCall, type Responder } from '../api/testing';
import { fileMeta, folderMeta, testQueryClient } from './testing';
import { openPublinkOptions, openUploadLinkOptions, publicDownloadUrl, publicThumbsOptions, publicZipUrl } from './public';

const US = 'https://api.pcloud.com';
const EU = 'https://eapi.pcloud.com';
let calls: RecordedCall[];

/** A default client that holds a signed-in visitor's token, which anonymous calls must never send. */
function serve(responder: Responder) {
  const fake = fakeFetch(responder);
  calls = fake.calls;
  configureClient({ apiBase: () => 'https://session.example', token: () => 'VISITOR-TOKEN', tokenTransport: () => 'query', fetch: fake.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
}

function assertAnonymous(call: RecordedCall) {
  expect(headerOf(call, 'Authorization')).toBeNull();
  expect(call.url).not.toContain('VISITOR-TOKEN');
  expect(formOf(call).has('access_token')).toBe(false);
  expect(formOf(call).has('auth')).toBe(false);
}

beforeEach(() => resetClient());
afterEach(() => resetClient());

describe('openPublinkOptions', () => {
  it('tries the EU API when the US API does not know the code (7001), anonymously', async () => {
    const root = folderMeta(5, 0, 'Holiday', [fileMeta(9, 5, 'a.jpg')]);
    serve((call) => (call.url.startsWith(US) ? jsonResponse({ result: 7001, error: "Invalid link 'code'." }) : jsonResponse({ result: 0, metadata: root })));
    const qc = testQueryClient();
    const opened = await qc.fetchQuery(openPublinkOptions('kZabc', [US, EU]));
    expect(opened.apiBase).toBe(EU);
    expect(opened.metadata.name).toBe('Holiday');
    expect(calls.map((c) => c.url)).toEqual([`${US}/showpublink`, `${EU}/showpublink`]);
    expect(formOf(calls[1]).get('code')).toBe('kZabc');
    calls.forEach(assertAnonymous);
  });

  it('stops at the first host for any other answer, such as an expired link', async () => {
    serve(() => jsonResponse({ result: 7004, error: 'This link has expired.' }));
    const qc = testQueryClient();
    const failure = await qc.fetchQuery(openPublinkOptions('kZold', [US, EU])).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PcloudError);
    expect((failure as PcloudError).code).toBe(7004);
    expect(calls).toHaveLength(1);
  });

  it('reports 7001 when no host knows the code', async () => {
    serve(() => jsonResponse({ result: 7001, error: "Invalid link 'code'." }));
    const failure = await testQueryClient().fetchQuery(openPublinkOptions('nope', [US, EU])).catch((e: unknown) => e);
    expect((failure as PcloudError).code).toBe(7001);
    expect(calls).toHaveLength(2);
  });
});

describe('link actions', () => {
  it('builds download and zip URLs on the link host, with forcedownload and without the visitor token', async () => {
    serve((call) => jsonResponse({ result: 0, hosts: ['c1.example'], path: call.url.endsWith('/getpubziplink') ? '/zip/x.zip' : '/dl/a.jpg', expires: 'Wed, 02 Oct 2030 14:29:11 +0000' }));
    const link = { code: 'kZabc', apiBase: EU };
    expect(await publicDownloadUrl(link, 9)).toBe('https://c1.example/dl/a.jpg');
    expect(await publicZipUrl(link, { fileids: [9, 10], filename: 'Holiday.zip' })).toBe('https://c1.example/zip/x.zip');
    expect(calls[0].url).toBe(`${EU}/getpublinkdownload`);
    expect(Object.fromEntries(formOf(calls[0]))).toEqual({ code: 'kZabc', fileid: '9', forcedownload: '1' });
    expect(Object.fromEntries(formOf(calls[1]))).toEqual({ code: 'kZabc', fileids: '9,10', filename: 'Holiday.zip', forcedownload: '1' });
    calls.forEach(assertAnonymous);
  });

  it('omits fileid for a file link', async () => {
    serve(() => jsonResponse({ result: 0, hosts: ['c1.example'], path: '/dl/a.jpg', expires: 'Wed, 02 Oct 2030 14:29:11 +0000' }));
    await publicDownloadUrl({ code: 'XZone', apiBase: US, isFileLink: true }, 9);
    expect(formOf(calls[0]).has('fileid')).toBe(false);
  });

  it('maps thumbnail links of one screenful, skipping entries without a thumbnail', async () => {
    serve(() =>
      jsonResponse({
        result: 0,
        thumbs: [
          { fileid: 9, result: 0, hosts: ['t.example'], path: '/t/9.jpg', expires: 'Wed, 02 Oct 2030 14:29:11 +0000', size: '80x80' },
          { fileid: 10, result: 1014, error: 'Thumb can not be created from this file type.' },
        ],
      }),
    );
    const urls = await testQueryClient().fetchQuery(publicThumbsOptions({ code: 'kZabc', apiBase: US }, [10, 9], { size: '80x80', crop: true }));
    expect([...urls]).toEqual([[9, 'https://t.example/t/9.jpg']]);
    expect(Object.fromEntries(formOf(calls[0]))).toEqual({ code: 'kZabc', fileids: '9,10', size: '80x80', crop: '1' });
    assertAnonymous(calls[0]);
  });
});

describe('openUploadLinkOptions', () => {
  it('returns the comment and the host that answered', async () => {
    serve(() => jsonResponse({ result: 0, comment: 'Slides here', mail: 'x@u.pcloud.com' }));
    const opened = await testQueryClient().fetchQuery(openUploadLinkOptions('up1', [US, EU]));
    expect(opened).toEqual({ apiBase: US, info: { comment: 'Slides here', mail: 'x@u.pcloud.com' } });
    assertAnonymous(calls[0]);
  });
});
