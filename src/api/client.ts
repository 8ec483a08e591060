// The only place that talks HTTP to pCloud (or the emulator). Everything else in src/api is a thin
// typed wrapper around request() / requestBinary().
import { PcloudError, PcloudNetworkError } from './errors';
import { parseJsonLossless } from './json';
import { encodeParams, toSearchParams } from './params';
import { isRetryableCode } from './protocol/errors';
import { methodInfo } from './protocol/methods';
import { sendFetch, sendXhr, type WireReply, type WireRequest } from './transport';

export type TokenTransport = 'header' | 'query';

export interface RetryPolicy {
  /** Extra attempts after the first one. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface ClientConfig {
  /** e.g. `https://eapi.pcloud.com` or `http://127.0.0.1:8787`; read on every call. */
  apiBase: () => string;
  token: () => string | null;
  /** Default 'header' (`Authorization: Bearer`); 'query' sends `access_token` as a parameter. */
  tokenTransport?: () => TokenTransport;
  /** 'auth': the token came from a password sign-in and travels as the `auth` parameter. Default 'oauth'. */
  tokenKind?: () => 'oauth' | 'auth';
  fetch?: typeof fetch;
  createXhr?: () => XMLHttpRequest;
  /** Default per-attempt timeout for calls without a body; 0 disables. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injected for deterministic jitter in tests. */
  random?: () => number;
}

export type UploadBody = FormData | Blob | ArrayBuffer;

export interface RequestOptions {
  signal?: AbortSignal;
  /** Per attempt; 0 disables. Default: config.timeoutMs for plain calls, none for uploads. */
  timeoutMs?: number;
  /** Number of extra attempts, or a partial policy; 0 disables retrying. */
  retry?: number | Partial<RetryPolicy>;
  /** FormData = multipart upload; Blob/ArrayBuffer = raw body. Params then go in the query. */
  body?: UploadBody;
  /** Raw bodies only; default PUT. */
  httpMethod?: 'PUT' | 'POST';
  /** Switches the call to XMLHttpRequest. */
  onUploadProgress?: (sent: number, total: number) => void;
  /** Send no credentials. Default: true for methods whose table row says auth 'no'. */
  anonymous?: boolean;
  /** Another API host for this call (e.g. `uploadprogress` on the server `currentserver` named). */
  apiBase?: string;
  /** Use this client instead of the configured default. */
  client?: PcloudClient;
  /**
   * The request outlives the page (fetch `keepalive`): for writes sent while the page goes away,
   * e.g. a held delete on `pagehide`. Small bodies only (browsers cap them at 64 KiB in flight).
   */
  keepalive?: boolean;
}

/** Options the per-method wrappers accept (they supply body/httpMethod themselves). */
export type CallOptions = Omit<RequestOptions, 'body' | 'httpMethod'>;

export interface PcloudClient {
  readonly config: ClientConfig;
  request<T extends object>(method: string, params?: object, opts?: RequestOptions): Promise<T>;
  /** For binary methods: the Response on success (body unread); JSON error replies throw. */
  requestBinary(method: string, params?: object, opts?: RequestOptions): Promise<Response>;
  /** GET URL for an anonymous method (e.g. `getpubthumb` as `<img src>`); never contains a token. */
  methodUrl(method: string, params?: object, opts?: { apiBase?: string }): string;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 500, maxDelayMs: 8_000 };

function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a JSON reply and throws PcloudError for `result != 0`. */
export function parseReply(method: string, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseJsonLossless(text);
  } catch (cause) {
    throw new PcloudNetworkError('parse', method, `Invalid JSON reply from ${method}`, { cause });
  }
  if (!isRecord(parsed) || typeof parsed.result !== 'number') {
    throw new PcloudNetworkError('parse', method, `Reply from ${method} has no result`);
  }
  if (parsed.result !== 0) {
    throw new PcloudError(parsed.result, typeof parsed.error === 'string' ? parsed.error : undefined, method, parsed);
  }
  return parsed;
}

function isRetryable(err: unknown): boolean {
  if (err instanceof PcloudError) return isRetryableCode(err.code);
  if (err instanceof PcloudNetworkError) {
    if (err.failure === 'network' || err.failure === 'timeout') return true;
    return err.failure === 'http' && err.status !== undefined && (err.status >= 500 || err.status === 429);
  }
  return false;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** One attempt's signal: the caller's signal plus a timeout we can tell apart from it. */
function attemptSignal(user: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort(user?.reason);
  if (user?.aborted) controller.abort(user.reason);
  else user?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clearTimer: () => clearTimeout(timer),
    unlinkUser: () => user?.removeEventListener('abort', onAbort),
  };
}

export function createClient(config: ClientConfig): PcloudClient {
  const fetchImpl: typeof fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const createXhr = config.createXhr ?? (() => new XMLHttpRequest());
  const random = config.random ?? Math.random;

  function build(method: string, params: object, opts: RequestOptions): WireRequest {
    const pairs = encodeParams(params);
    const headers: Record<string, string> = {};
    const anonymous = opts.anonymous ?? methodInfo(method)?.auth === 'no';
    const token = anonymous ? null : config.token();
    if (token && config.tokenKind?.() === 'auth') {
      // pCloud reads `auth` only as a parameter (or cookie, which we never send): docs/pcloud/protocol.md §4
      pairs.push(['auth', token]);
    } else if (token) {
      const transport = config.tokenTransport?.() ?? 'header';
      if (transport === 'header') headers.Authorization = `Bearer ${token}`;
      else pairs.push(['access_token', token]);
    }
    const url = `${trimBase(opts.apiBase ?? config.apiBase())}/${method}`;
    const search = toSearchParams(pairs).toString();
    if (opts.body === undefined) {
      // A form body keeps parameters (and a query-mode token) out of URLs and needs no preflight.
      headers['Content-Type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
      return { httpMethod: 'POST', url, headers, body: search, ...(opts.keepalive ? { keepalive: true } : {}) };
    }
    if (token && !headers.Authorization) {
      // A token never goes into a URL (URLs end up in logs and histories), yet here it travels as a
      // parameter (a full-access `auth`, or `access_token` in query mode): so every parameter goes
      // as a multipart field ahead of the file part, which pCloud honours (docs/pcloud/protocol.md §1.1).
      const form = new FormData();
      for (const [k, v] of pairs) form.append(k, v);
      if (opts.body instanceof FormData) for (const [k, v] of opts.body.entries()) form.append(k, v);
      else form.append('data', opts.body instanceof Blob ? opts.body : new Blob([opts.body]), 'data');
      return { httpMethod: 'POST', url, headers, body: form };
    }
    // Uploads: parameters must precede files, so they all travel in the query string.
    const withQuery = search ? `${url}?${search}` : url;
    if (opts.body instanceof FormData) return { httpMethod: 'POST', url: withQuery, headers, body: opts.body };
    headers['Content-Type'] = 'application/octet-stream';
    return { httpMethod: opts.httpMethod ?? 'PUT', url: withQuery, headers, body: opts.body };
  }

  async function attempt<R>(
    method: string,
    params: object,
    opts: RequestOptions,
    handle: (reply: WireReply) => Promise<R>,
    keepUserLink: boolean,
  ): Promise<R> {
    if (opts.signal?.aborted) throw opts.signal.reason;
    // Built outside the try: a bad parameter is a programming error, not a network failure.
    const req = build(method, params, opts);
    const defaultTimeout = opts.body === undefined ? (config.timeoutMs ?? DEFAULT_TIMEOUT_MS) : 0;
    const linked = attemptSignal(opts.signal, opts.timeoutMs ?? defaultTimeout);
    let keep = false;
    try {
      const reply =
        opts.onUploadProgress && opts.body !== undefined
          ? await sendXhr(createXhr, req, linked.signal, opts.onUploadProgress)
          : await sendFetch(fetchImpl, req, linked.signal);
      const result = await handle(reply);
      keep = keepUserLink;
      return result;
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? err;
      if (linked.timedOut()) throw new PcloudNetworkError('timeout', method, `${method} timed out`, { cause: err });
      if (err instanceof PcloudError || err instanceof PcloudNetworkError) throw err;
      throw new PcloudNetworkError('network', method, `${method}: network error`, { cause: err });
    } finally {
      linked.clearTimer();
      // A binary body is read after we return; the caller's signal must still cancel it.
      if (!keep) linked.unlinkUser();
    }
  }

  async function withRetry<R>(opts: RequestOptions, run: () => Promise<R>): Promise<R> {
    const policy: RetryPolicy =
      typeof opts.retry === 'number'
        ? { ...DEFAULT_RETRY, ...config.retry, retries: opts.retry }
        : { ...DEFAULT_RETRY, ...config.retry, ...opts.retry };
    for (let n = 0; ; n++) {
      try {
        return await run();
      } catch (err) {
        if (n >= policy.retries || !isRetryable(err) || opts.signal?.aborted) throw err;
        // Exponential backoff with "equal jitter": never zero, never in lockstep with other tabs.
        const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** n);
        await sleep(cap / 2 + random() * (cap / 2), opts.signal);
      }
    }
  }

  function checkStatus(method: string, reply: WireReply): void {
    if (reply.status < 200 || reply.status > 299) {
      throw new PcloudNetworkError('http', method, `${method}: HTTP ${reply.status}`, { status: reply.status });
    }
  }

  return {
    config,
    request<T extends object>(method: string, params: object = {}, opts: RequestOptions = {}): Promise<T> {
      return withRetry(opts, () =>
        attempt(method, params, opts, async (reply) => {
          checkStatus(method, reply);
          // The reply was validated to be an object with result 0; its shape is the method's contract.
          return parseReply(method, await reply.text()) as T;
        }, false),
      );
    },
    requestBinary(method: string, params: object = {}, opts: RequestOptions = {}): Promise<Response> {
      const binaryOpts: RequestOptions = { ...opts, onUploadProgress: undefined };
      return withRetry(binaryOpts, () =>
        attempt(method, params, binaryOpts, async (reply) => {
          checkStatus(method, reply);
          const response = reply.response;
          if (!response) throw new PcloudNetworkError('parse', method, `${method}: no response body`);
          const xError = reply.header('X-Error');
          const isJson = (reply.header('Content-Type') ?? '').toLowerCase().includes('application/json');
          if (xError !== null) {
            const text = await response.text();
            parseReply(method, text);
            // X-Error without a parsable non-zero result: trust the header.
            throw new PcloudError(Number(xError), undefined, method);
          }
          // A successful JSON-looking body may be a real .json file (gettextfile); only a
          // pCloud envelope with a non-zero result is an error.
          if (isJson) {
            const text = await response.clone().text();
            let parsed: unknown;
            try {
              parsed = parseJsonLossless(text);
            } catch {
              parsed = undefined;
            }
            if (isRecord(parsed) && typeof parsed.result === 'number' && parsed.result !== 0) parseReply(method, text);
          }
          return response;
        }, true),
      );
    },
    methodUrl(method: string, params: object = {}, opts: { apiBase?: string } = {}): string {
      const search = toSearchParams(encodeParams(params)).toString();
      const url = `${trimBase(opts.apiBase ?? config.apiBase())}/${method}`;
      return search ? `${url}?${search}` : url;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Module-level default client, so api functions are callable from anywhere (stores, commands).

let current: PcloudClient | null = null;

export function configureClient(config: ClientConfig): PcloudClient {
  current = createClient(config);
  return current;
}

export function getClient(): PcloudClient {
  if (!current) throw new Error('pCloud client is not configured: call configureClient() first');
  return current;
}

/** Forget the default client (tests). */
export function resetClient(): void {
  current = null;
}

export function request<T extends object>(method: string, params: object = {}, opts: RequestOptions = {}): Promise<T> {
  return (opts.client ?? getClient()).request<T>(method, params, opts);
}

export function requestBinary(method: string, params: object = {}, opts: RequestOptions = {}): Promise<Response> {
  return (opts.client ?? getClient()).requestBinary(method, params, opts);
}

export function methodUrl(method: string, params: object = {}, opts: { apiBase?: string; client?: PcloudClient } = {}): string {
  return (opts.client ?? getClient()).methodUrl(method, params, opts);
}

/** `hosts[0] + path` with the API base's scheme (http for a local emulator, https otherwise). */
export function contentUrl(link: { hosts: readonly string[]; path: string }, apiBase: string): string {
  const host = link.hosts[0];
  if (host === undefined) throw new Error('Content link has no hosts');
  let scheme: string;
  try {
    scheme = new URL(apiBase).protocol === 'http:' ? 'http:' : 'https:';
  } catch {
    scheme = 'https:';
  }
  return `${scheme}//${host}${link.path}`;
}

/**
 * The bytes behind a content URL, for previewers that parse a document in the page (Word, Excel).
 * Content links carry their own grant: no token goes with them, and no cookie or referrer either.
 */
export async function fetchContent(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new PcloudNetworkError('network', 'content', 'The file could not be downloaded', { cause });
  }
  if (!res.ok) throw new PcloudNetworkError('http', 'content', `The file could not be downloaded (HTTP ${res.status})`, { status: res.status });
  return res.arrayBuffer();
}
