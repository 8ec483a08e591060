// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PcloudNetworkError } from './errors';
import { jsonResponse, testClient } from './testing';

const ok = { result: 0, userid: 1234, email: 'user@example.com' };

describe('retry', () => {
  it('retries 5xxx and 4xxx result codes with backoff, then succeeds', async () => {
    const replies = [
      { result: 5000, error: 'Internal error. Try again later.' },
      { result: 4000, error: 'Too many login tries from this IP address.' },
      ok,
    ];
    const { client, calls } = testClient((_call, i) => jsonResponse(replies[i] ?? ok));
    await expect(client.request('userinfo', {}, { retry: 3 })).resolves.toMatchObject({ userid: 1234 });
    expect(calls).toHaveLength(3);
  });

  it('never retries 1xxx or 2xxx', async () => {
    for (const reply of [
      { result: 1002, error: 'No full path or folderid provided.' },
      { result: 2009, error: 'File not found.' },
    ]) {
      const { client, calls } = testClient(() => jsonResponse(reply));
      await expect(client.request('stat', { fileid: 1 }, { retry: 3 })).rejects.toMatchObject({ code: reply.result });
      expect(calls).toHaveLength(1);
    }
  });

  it('retries network errors and gives up after the configured attempts', async () => {
    const { client, calls } = testClient(() => {
      throw new TypeError('Failed to fetch');
    });
    const err = await client.request('userinfo', {}, { retry: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PcloudNetworkError);
    expect(err).toMatchObject({ failure: 'network' });
    expect(calls).toHaveLength(3);
  });

  it('waits between attempts with exponential backoff', async () => {
    const stamps: number[] = [];
    const { client } = testClient(
      (_call, i) => {
        stamps.push(Date.now());
        return jsonResponse(i < 2 ? { result: 5002, error: 'Internal error, no servers available. Try again later.' } : ok);
      },
      { retry: { baseDelayMs: 20, maxDelayMs: 1000 }, random: () => 0 },
    );
    await client.request('userinfo', {}, { retry: 2 });
    // Equal jitter with random()=0 waits half the cap: 10 ms, then 20 ms.
    expect(stamps[1] - stamps[0]).toBeGreaterThanOrEqual(9);
    expect(stamps[2] - stamps[1]).toBeGreaterThanOrEqual(19);
  });
});

describe('abort and timeout', () => {
  function hanging(call: { init: RequestInit }): Promise<Response> {
    return new Promise((_resolve, reject) => {
      call.init.signal?.addEventListener('abort', () => reject(call.init.signal?.reason));
    });
  }

  it('rejects with the caller’s AbortError and does not retry', async () => {
    const { client, calls } = testClient(hanging);
    const controller = new AbortController();
    const pending = client.request('userinfo', {}, { signal: controller.signal, retry: 3 });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });

  it('rejects immediately when the signal is already aborted', async () => {
    const { client } = testClient(hanging);
    const controller = new AbortController();
    controller.abort();
    await expect(client.request('userinfo', {}, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('cancels a pending backoff wait', async () => {
    const { client, calls } = testClient(() => jsonResponse({ result: 5000, error: 'Internal error. Try again later.' }), {
      retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 },
    });
    const controller = new AbortController();
    const pending = client.request('userinfo', {}, { signal: controller.signal, retry: 2 });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });

  it('times out each attempt as a retryable network failure', async () => {
    const { client, calls } = testClient(hanging);
    const err = await client.request('userinfo', {}, { timeoutMs: 20, retry: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PcloudNetworkError);
    expect(err).toMatchObject({ failure: 'timeout', method: 'userinfo' });
    expect(calls).toHaveLength(2);
  });
});
