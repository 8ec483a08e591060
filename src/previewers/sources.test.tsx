// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { configureClient, resetClient } from '../api/client';
import { fakeFetch, formOf, headerOf, jsonResponse, type RecordedCall, type Responder } from '../api/testing';
import { fileMeta, testQueryClient, wrapperFor } from '../queries/testing';
import { accountSource } from './account-source';
import { publicSource } from './public-source';

const LINK = { code: 'kZlink', apiBase: 'https://eapi.pcloud.com' };
const file = { ...fileMeta(9, 5, 'notes.txt'), contenttype: 'text/plain' };
let calls: RecordedCall[];

/** A default client holding a signed-in visitor's token, which a public link's previews must never send. */
function serve(responder: Responder) {
  const fake = fakeFetch(responder);
  calls = fake.calls;
  configureClient({ apiBase: () => 'https://session.example', token: () => 'VISITOR-TOKEN', tokenTransport: () => 'header', fetch: fake.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
}

const hosts = { hosts: ['c1.example'], path: '/x/y', expires: 'Thu, 01 Jan 2099 00:00:00 +0000' };
const variant = (height: number, isoriginal: boolean) => ({ ...hosts, path: `/v${height}${isoriginal ? 'o' : ''}`, width: height * 2, height, isoriginal, videocodec: 'h264' });
const nothing = () => undefined;

beforeEach(() => resetClient());
afterEach(() => resetClient());

describe('publicSource', () => {
  const source = publicSource(LINK, { files: [file], download: nothing, describeError: String });

  it('reads text through the link code on its own host, with no token', async () => {
    serve(() => new Response('hello', { status: 200, headers: { 'Content-Type': 'text/plain' } }));
    const { result } = renderHook(() => source.useText(file, true), { wrapper: wrapperFor(testQueryClient()) });
    await waitFor(() => expect(result.current.data).toBe('hello'));
    expect(calls).toHaveLength(1);
    expect(calls[0].url.startsWith(`${LINK.apiBase}/getpubtextfile`)).toBe(true);
    const params = formOf(calls[0]);
    expect(params.get('code')).toBe('kZlink');
    expect(params.get('fileid')).toBe('9');
    expect(headerOf(calls[0], 'Authorization')).toBeNull();
    expect(JSON.stringify(calls[0])).not.toContain('VISITOR-TOKEN');
  });

  it('offers the transcodes only (the original counts as a download) and no HLS, without asking for one', async () => {
    serve(() => jsonResponse({ result: 0, variants: [variant(1080, true), variant(360, false), variant(720, false)] }));
    const { result } = renderHook(() => ({ hls: source.useHlsUrl(file), videos: source.useVideoRenditions(file, true) }), { wrapper: wrapperFor(testQueryClient()) });
    await waitFor(() => expect(result.current.videos.data).toBeDefined());
    expect(result.current.videos.data?.map((v) => v.height)).toEqual([360, 720]);
    expect(result.current.hls.error).toBeTruthy();
    expect(source.hasHls).toBe(false);
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/getpubvideolinks']);
  });

  it('asks for nothing that counts as a download until a previewer needs the bytes', () => {
    serve(() => jsonResponse({ result: 0, ...hosts }));
    renderHook(() => ({ bytes: source.useFileUrl(undefined), audio: source.useAudioUrl(file, false), text: source.useText(file, false) }), { wrapper: wrapperFor(testQueryClient()) });
    expect(calls).toHaveLength(0);
  });
});

describe('accountSource', () => {
  it('streams through the account: HLS first, with the session token', async () => {
    serve(() => jsonResponse({ result: 0, ...hosts }));
    const source = accountSource({ files: [file], download: nothing });
    const { result } = renderHook(() => source.useHlsUrl(file), { wrapper: wrapperFor(testQueryClient()) });
    await waitFor(() => expect(result.current.data).toBeDefined());
    expect(result.current.data).toMatch(/^https:\/\/c1\.example\/x\/y$/);
    expect(new URL(calls[0].url).pathname).toBe('/gethlslink');
    expect(headerOf(calls[0], 'Authorization')).toBe('Bearer VISITOR-TOKEN');
  });
});
