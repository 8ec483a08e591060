// Test helpers: a recording fake fetch and a configured client. Not imported by app code.
import { createClient, type ClientConfig, type PcloudClient } from './client';

export interface RecordedCall {
  url: string;
  init: RequestInit;
}

export type Responder = (call: RecordedCall, index: number) => Response | Promise<Response>;

export function jsonResponse(body: string | object, headers: Record<string, string> = {}): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const errorCode = /"result"\s*:\s*(\d+)/.exec(text)?.[1];
  const extra: Record<string, string> = errorCode && errorCode !== '0' ? { 'X-Error': errorCode } : {};
  return new Response(text, {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...extra, ...headers },
  });
}

export function fakeFetch(responder: Responder): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetchImpl: typeof fetch = async (input, init = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return responder(call, calls.length - 1);
  };
  return { fetch: fetchImpl, calls };
}

export function testClient(
  responder: Responder,
  overrides: Partial<ClientConfig> = {},
): { client: PcloudClient; calls: RecordedCall[] } {
  const { fetch, calls } = fakeFetch(responder);
  const client = createClient({
    apiBase: () => 'https://eapi.pcloud.com',
    token: () => 'TOKEN123',
    tokenTransport: () => 'header',
    fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  });
  return { client, calls };
}

/** Form body of a recorded plain call as a URLSearchParams. */
export function formOf(call: RecordedCall): URLSearchParams {
  return new URLSearchParams(typeof call.init.body === 'string' ? call.init.body : '');
}

export function headerOf(call: RecordedCall, name: string): string | null {
  return new Headers(call.init.headers).get(name);
}
