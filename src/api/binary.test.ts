// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { configureClient, resetClient } from './client';
import { PcloudError } from './errors';
import { getZip } from './archiving';
import { getTextFile } from './streaming';
import { getThumb } from './thumbnails';
import { getPubThumbUrl } from './publinks';
import { uploadFile } from './file';
import { jsonResponse, testClient } from './testing';

describe('binary methods', () => {
  it('returns the unread Response on success', async () => {
    const { client } = testClient(() => new Response(new Uint8Array([0xff, 0xd8, 0xff]), { headers: { 'Content-Type': 'image/jpeg' } }));
    const response = await getThumb({ fileid: 1729212, size: '120x120' }, { client });
    expect(response.headers.get('Content-Type')).toBe('image/jpeg');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
  });

  it('throws PcloudError for a JSON error reply (X-Error + application/json)', async () => {
    const { client } = testClient(() =>
      jsonResponse({ result: 1014, error: 'Thumb can not be created from this file type.' }),
    );
    await expect(getThumb({ fileid: 1, size: '32x32' }, { client })).rejects.toMatchObject({
      code: 1014,
      method: 'getthumb',
      kind: 'badRequest',
    });
  });

  it('maps getzip’s OAuth refusal', async () => {
    const { client } = testClient(() => jsonResponse({ result: 1000, error: 'Log in required.' }));
    const err = await getZip({ folderid: 5 }, { client }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PcloudError);
    expect(err).toMatchObject({ kind: 'oauthRefused' });
  });

  it('trusts X-Error even when the content type is not JSON', async () => {
    const { client } = testClient(
      () => new Response('{"result": 2009, "error": "File not found."}', { headers: { 'X-Error': '2009', 'Content-Type': 'text/plain' } }),
    );
    await expect(getTextFile({ fileid: 3 }, { client })).rejects.toMatchObject({ code: 2009, message: 'File not found.' });
  });

  it('passes through a real JSON file served by gettextfile', async () => {
    const body = '{"name": "settings", "result": 0}';
    const { client } = testClient(() => new Response(body, { headers: { 'Content-Type': 'application/json' } }));
    const response = await getTextFile({ fileid: 3 }, { client });
    expect(await response.text()).toBe(body);
  });
});

describe('methodUrl', () => {
  afterEach(() => resetClient());

  it('builds an anonymous GET URL that never carries the token', () => {
    const { client } = testClient(() => jsonResponse({ result: 0 }), { tokenTransport: () => 'query' });
    configureClient(client.config);
    expect(getPubThumbUrl({ code: 'XZabc', fileid: 7, size: '256x256', crop: true })).toBe(
      'https://eapi.pcloud.com/getpubthumb?code=XZabc&fileid=7&size=256x256&crop=1',
    );
  });
});

class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  responseType = '';
  withCredentials = true;
  status = 0;
  responseText = '';
  body: unknown = null;
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  getResponseHeader(name: string): string | null {
    return name.toLowerCase() === 'content-type' ? 'application/json' : null;
  }
  send(body: unknown): void {
    this.body = body;
    queueMicrotask(() => {
      this.upload.onprogress?.({ loaded: 50, total: 100, lengthComputable: true } as ProgressEvent);
      this.upload.onprogress?.({ loaded: 100, total: 100, lengthComputable: true } as ProgressEvent);
      this.status = 200;
      this.responseText = '{"result":0,"fileids":[1729212],"metadata":[{"fileid":1729212,"isfolder":false,"hash":10681749967730527559}],"checksums":[]}';
      this.onload?.();
    });
  }
  abort(): void {
    queueMicrotask(() => this.onabort?.());
  }
}

describe('upload progress via XMLHttpRequest', () => {
  it('reports progress and parses the reply losslessly', async () => {
    const { client, calls } = testClient(() => jsonResponse({ result: 0 }), {
      createXhr: () => new FakeXhr() as unknown as XMLHttpRequest,
    });
    const progress: [number, number][] = [];
    const reply = await uploadFile({ folderid: 0 }, [new File(['x'.repeat(100)], 'a.txt')], {
      client,
      onUploadProgress: (sent, total) => progress.push([sent, total]),
    });
    expect(calls).toHaveLength(0);
    expect(progress).toEqual([
      [50, 100],
      [100, 100],
    ]);
    expect(reply.metadata[0]?.hash).toBe('10681749967730527559');
    const xhr = FakeXhr.last;
    expect(xhr?.method).toBe('POST');
    expect(xhr?.headers.Authorization).toBe('Bearer TOKEN123');
    expect(xhr?.url).not.toContain('TOKEN123');
    expect(xhr?.withCredentials).toBe(false);
  });

  it('aborts the XHR when the caller aborts', async () => {
    const { client } = testClient(() => jsonResponse({ result: 0 }), {
      createXhr: () => {
        const xhr = new FakeXhr();
        xhr.send = () => undefined;
        return xhr as unknown as XMLHttpRequest;
      },
    });
    const controller = new AbortController();
    const pending = uploadFile({ folderid: 0 }, [new File(['x'], 'a.txt')], {
      client,
      signal: controller.signal,
      onUploadProgress: () => undefined,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
