import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { Storage } from './store/storage';
import { registerServer } from './store/live-servers';
import { DEFAULT_LIMITS, FAITHFUL, type EmulatorOptions, type Limits, type Quirks } from './config';
import { ApiError, messageFor } from './errors';
import { Params } from './http/params';
import { parseBody, parseCookies, type FileSource } from './http/body';
import { authenticate } from './http/authenticate';
import { formatOptions, toJsonChunks, type JsonOptions } from './json';
import { ContentHost, plain } from './content';
import { RAW, type Ctx, type MethodDef } from './registry';
import type { Services } from './services';
import { allMethods } from './methods/index';
import { handleOAuthPage } from './oauth-pages';
import { Progress } from './progress';
import { BodyEnded } from './store/blobs';

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'private, max-age=0',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'X-Error, Content-Length, Content-Disposition',
  Server: 'CloudHTTPd-API v1.1 (pcloud-emulator)',
};
const SINGLE_WRITE_MAX = 1 << 20;

/**
 * The request pipeline, top to bottom: CORS preflight → special routes (content host, OAuth pages)
 * → method lookup → parameters (query, body, cookies) → authentication → handler → JSON envelope.
 */
export class Emulator implements Services {
  readonly quirks: Quirks;
  readonly limits: Limits;
  readonly methods = new Map<string, MethodDef>();
  readonly content: ContentHost;
  readonly progress = new Progress();
  readonly linkTtl: number;
  readonly diffTimeoutMs: number;
  readonly downloadAllow: string[];
  readonly appOrigins: string[];
  readonly log: (line: string) => void;
  private server: Server | null = null;
  /** The request a connection is carrying (for `clientError`: a half-closed upload still gets its 2041). */
  private readonly inflight = new WeakMap<Socket, { req: IncomingMessage; res: ServerResponse; upload: boolean }>();
  /** Digests handed out by getdigest (single use, 30 s), per emulator instance. */
  readonly digests = new Map<string, number>();
  /** API calls per client IP in the current second, for the `rateLimit` quirk. */
  private readonly rates = new Map<string, { second: number; count: number }>();
  /** Failed logins per client IP (4000 after too many), per emulator instance. */
  readonly failedLogins = new Map<string, { count: number; since: number; lockedUntil?: number }>();
  /** Called once per module at start-up (sharing, media, …) to hook into storage. */
  readonly shutdownHooks: (() => void)[] = [];

  private constructor(
    readonly st: Storage,
    readonly opts: EmulatorOptions,
    secret: Buffer,
  ) {
    this.quirks = { ...FAITHFUL, ...opts.quirks };
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.content = new ContentHost(secret);
    this.linkTtl = opts.linkTtl ?? 4 * 3600;
    this.diffTimeoutMs = opts.diffTimeoutMs ?? 30_000;
    this.downloadAllow = opts.downloadAllow ?? ['127.0.0.1', 'localhost', '[::1]'];
    this.appOrigins = opts.appOrigins ?? [];
    this.log = opts.log ?? (() => {});
    for (const def of allMethods(this)) this.methods.set(def.name, def);
  }

  static async create(opts: EmulatorOptions): Promise<Emulator> {
    await fsp.mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
    const live = await registerServer(opts.dataDir);
    const st = await Storage.open(opts.dataDir, { sweep: live.alone });
    if (!live.alone) opts.log?.('another server uses this data dir: the start-up sweep of temp files and orphan blobs is skipped');
    const secretFile = join(opts.dataDir, 'secret');
    let secret: Buffer;
    try {
      secret = await fsp.readFile(secretFile);
    } catch {
      secret = randomBytes(32);
      await fsp.writeFile(secretFile, secret, { mode: 0o600 });
    }
    const emu = new Emulator(st, opts, secret);
    emu.shutdownHooks.push(live.release);
    return emu;
  }

  /** 1 = US, 2 = EU, null = a host that is neither (loopback: every region). */
  regionOfHost(host: string): number | null {
    if (/^eapi\./.test(host)) return 2;
    if (/^api\./.test(host)) return 1;
    return null;
  }

  async listen(port = 0, host = '127.0.0.1', tls?: { cert: Buffer; key: Buffer }): Promise<string> {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      this.handle(req, res).catch((err: unknown) => {
        this.log(`internal error: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) this.sendJson(res, { result: 5000, error: messageFor(5000) }, {}, 5000);
        else res.destroy();
        discardBody(req);
      });
    };
    const { headersTimeoutMs, requestTimeoutMs } = this.limits;
    const shortest = Math.min(60_000, ...[headersTimeoutMs, requestTimeoutMs].filter((t) => t > 0));
    const timeouts = {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // Node checks both timeouts only this often (30 s by default), so short test limits need it shorter
      connectionsCheckingInterval: Math.max(50, Math.floor(shortest / 4)),
    };
    const server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key, ...timeouts }, handler) : createHttpServer(timeouts, handler);
    server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => this.clientError(err, socket));
    server.keepAliveTimeout = 65_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const addr = server.address() as AddressInfo;
    return `${tls ? 'https' : 'http'}://${host}:${addr.port}`;
  }

  /**
   * A client that half-closes its side before the whole body arrived (Content-Length not reached)
   * makes Node's parser fail with HPE_INVALID_EOF_STATE. For an upload in progress we end the body
   * stream instead, so the handler sees a short body and answers 2041 "Connection broken." on the
   * still-writable half of the socket; everything else gets Node's default 400 and is closed.
   */
  private clientError(err: NodeJS.ErrnoException, socket: Socket): void {
    const current = this.inflight.get(socket);
    if (current?.upload && err.code === 'HPE_INVALID_EOF_STATE' && !current.req.complete && !current.res.headersSent) {
      current.res.setHeader('Connection', 'close');
      // `complete` keeps Node from tearing the socket down when the body stream ends (auto-destroy of
      // an incomplete message aborts its socket); handlers detect the short body from Content-Length.
      current.req.complete = true;
      current.req.push(null);
      return;
    }
    // otherwise what Node does by default: an error status unless a response is already under way
    if (err.code !== 'ECONNRESET' && socket.writable && !current?.res.headersSent) {
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    }
    socket.destroy(err);
  }

  /**
   * A body that stops arriving is cut off after `bodyIdleTimeoutMs`, whoever sends it (the form body
   * is read before authentication). Only while the body is being received: a long poll or a slow
   * download must not be cut by it.
   */
  private armBodyTimeout(req: IncomingMessage, res: ServerResponse): void {
    const ms = this.limits.bodyIdleTimeoutMs;
    // a request without Content-Length or Transfer-Encoding has no body (RFC 9112 §6.3)
    if (ms <= 0 || req.complete || (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined)) return;
    const socket = req.socket;
    // what to put back once the body is in (Node's own keep-alive timeout, when it set one meanwhile)
    let restore = socket.timeout ?? 0;
    let armed = true;
    const disarm = () => {
      if (!armed) return;
      armed = false;
      req.off('timeout', onTimeout);
      res.off('timeout', onTimeout);
      if (!socket.destroyed && socket.timeout === ms) socket.setTimeout(restore);
    };
    const onTimeout = () => {
      if (req.complete) return disarm();
      disarm();
      this.log(`request body idle for ${ms} ms: connection closed (${req.method} ${(req.url ?? '').replace(/\?.*$/, '')})`);
      socket.destroy();
    };
    // with a listener on req/res Node leaves the socket to us instead of destroying it itself
    req.on('timeout', onTimeout);
    res.on('timeout', onTimeout);
    socket.setTimeout(ms);
    req.once('end', disarm);
    req.once('close', disarm);
    res.once('finish', () => {
      // a refusal answered before the body ended (1000, 2041…): Node just set its keep-alive timeout;
      // the rest of the body is still bounded by ours
      if (req.complete) disarm();
      else if (armed && !socket.destroyed) {
        restore = socket.timeout ?? 0;
        socket.setTimeout(ms);
      }
    });
  }

  async close(): Promise<void> {
    for (const hook of this.shutdownHooks) hook();
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    }
    this.st.close();
  }

  /** Whether this call goes over the `rateLimit` quirk's calls per second for its client IP. */
  private overRate(ip: string): boolean {
    const limit = this.quirks.rateLimit;
    if (limit <= 0) return false;
    const second = Math.floor(Date.now() / 1000);
    let w = this.rates.get(ip);
    if (!w || w.second !== second) {
      // only this second's counts matter: a scan from many addresses cannot grow the map
      if (this.rates.size >= 10_000) this.rates.clear();
      w = { second, count: 0 };
      this.rates.set(ip, w);
    }
    return ++w.count > limit;
  }

  private jsonBytes(body: Record<string, unknown>, p: JsonOptions): Buffer {
    const parts = toJsonChunks(body, p);
    return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
  }

  private sendBytes(res: ServerResponse, bytes: Buffer): void {
    res.writeHead(200, { ...JSON_HEADERS, 'Content-Length': bytes.length });
    res.end(bytes);
  }

  sendJson(res: ServerResponse, body: Record<string, unknown>, p: JsonOptions, errorCode?: number, status = 200, extraHeaders: Record<string, string> = {}): void {
    const parts = toJsonChunks(body, p);
    let length = 0;
    for (const part of parts) length += typeof part === 'string' ? Buffer.byteLength(part) : part.length;
    // an object, not a flat list: Node drops a list when a handler already called setHeader
    const headers: Record<string, string | number> = { ...JSON_HEADERS, ...extraHeaders, 'Content-Length': length };
    if (errorCode) headers['X-Error'] = errorCode;
    res.writeHead(status, headers);
    if (parts.length === 1) {
      res.end(parts[0]);
      return;
    }
    // one write per reply: pieces written one by one cost a writev slot each and, for a small listing,
    // more than the bytes themselves; big listings stay in their chunks
    if (length <= SINGLE_WRITE_MAX) {
      res.end(Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)), length));
      return;
    }
    for (const part of parts) res.write(part);
    res.end();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const socket = req.socket;
    const entry = { req, res, upload: false };
    this.inflight.set(socket, entry);
    res.once('finish', () => {
      if (this.inflight.get(socket) === entry) this.inflight.delete(socket);
    });
    this.armBodyTimeout(req, res);
    const { pathname, query, url } = splitUrl(req.url ?? '/');
    const ip = req.socket.remoteAddress ?? '';
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Range',
        'Access-Control-Max-Age': '86400',
      });
      res.end();
      return;
    }
    if (pathname.startsWith('/c/')) return this.content.serve(req, res, pathname, ip);
    if (pathname.startsWith('/oauth2/')) return handleOAuthPage(this, req, res, url());
    if (pathname === '/health') return plain(res, 200, 'ok');

    const name = pathname.slice(1);
    const def = this.methods.get(name);
    let fmt: JsonOptions = formatOptions(new Params(query));
    if (this.overRate(ip)) {
      // pCloud's HTTP status for this is unknown: 429 is what HTTP clients back off from (rclone
      // retries it) and the body is pCloud's rate-limit class, which the JSON clients retry
      this.sendJson(res, { result: 4010, error: messageFor(4010) }, fmt, 4010, 429, { 'Retry-After': '1' });
      discardBody(req);
      return;
    }
    const echo: Record<string, unknown> = {};
    try {
      if (!def) {
        req.resume();
        // Unknown method: pCloud's reply for this is unverified; we answer 1000-range "Invalid method".
        // emulator-invented code and message (unverified what pCloud answers today)
        throw new ApiError(1099, 'Unknown method.');
      }
      entry.upload = def.upload === true;
      let body;
      try {
        body = await parseBody(req, def.upload === true);
      } catch {
        throw new ApiError(2041);
      }
      const merged = new Map([...query, ...body.fields, ...parseCookies(req.headers.cookie)]);
      const p = new Params(merged);
      fmt = formatOptions(p);
      if (p.has('id')) echo.id = p.str('id');
      const ctx: Ctx = {
        p,
        st: this.st,
        emu: this,
        req,
        res,
        user: null,
        token: null,
        // an upload method called without a body (GET, urlencoded POST) sees no files, never a null source
        files: def.upload ? body.files ?? NO_FILES : body.files,
        ip,
        host: req.headers.host ?? '127.0.0.1',
        scheme: 'encrypted' in req.socket ? 'https' : 'http',
        extra: {},
      };
      authenticate(ctx, def);
      const cacheKey = replyCacheKey(def, ctx);
      if (cacheKey !== null) {
        const { value, generation } = this.st.cacheLookup<Buffer>(cacheKey);
        if (value) return this.sendBytes(res, value);
        const out = await def.handler(ctx);
        if (out === RAW) return;
        const bytes = this.jsonBytes({ result: 0, ...(out ?? {}) }, fmt);
        if (bytes.length <= REPLY_CACHE_MAX) this.st.cacheStore(cacheKey, bytes, generation);
        return this.sendBytes(res, bytes);
      }
      const out = await def.handler(ctx);
      if (out === RAW) return;
      if (body.files) await drain(body.files);
      this.sendJson(res, { result: 0, ...ctx.extra, ...(out ?? {}), ...echo }, fmt);
    } catch (caught) {
      const err = caught instanceof BodyEnded ? new ApiError(2041) : caught;
      if (!(err instanceof ApiError)) throw err;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      this.sendJson(res, { result: err.code, error: err.message, ...err.extra, ...echo }, fmt, err.code);
      discardBody(req);
    }
  }
}

/** A method call's path (`/listfolder`) in plain printable ASCII, without dot segments or a fragment. */
const SIMPLE_URL = /^\/[A-Za-z0-9_]*(\?[\x21-\x22\x24-\x7e]*)?$/;

/**
 * Path and query of a request target. Method calls take a short cut: for targets like
 * `/listfolder?folderid=1&auth=…` WHATWG URL parsing yields the same path and parameters (its
 * percent-encoding of `"'<>` in the query is decoded again by URLSearchParams) but cost several
 * per cent of a small listing's time. Everything else goes through URL.
 */
function splitUrl(target: string): { pathname: string; query: Map<string, string>; url: () => URL } {
  const url = () => new URL(target, 'http://x');
  if (SIMPLE_URL.test(target)) {
    const q = target.indexOf('?');
    if (q < 0) return { pathname: target, query: new Map(), url };
    return { pathname: target.slice(0, q), query: new Map(new URLSearchParams(target.slice(q + 1))), url };
  }
  const parsed = url();
  return { pathname: parsed.pathname, query: new Map(parsed.searchParams), url: () => parsed };
}

/**
 * Methods whose successful reply is a function of the caller, the parameters and the stored data
 * alone — no clock, no side effects, nothing minted per call (links must differ on every call, so
 * none of them belongs here). Their replies are kept in the storage's read cache, which any write
 * empties: 200 clients re-listing an unchanged folder cost a cache look-up each, not a listing.
 */
const CACHED_REPLIES = new Set(['listfolder']);
/** The largest reply kept (a listing of about a thousand files). */
const REPLY_CACHE_MAX = 256 * 1024;
/** Parameters that carry credentials: the caller's id stands for them in the cache key. */
const CREDENTIALS = new Set(['auth', 'access_token']);

/** The read-cache key of this call's reply, or null when it is not to be cached. */
function replyCacheKey(def: MethodDef, ctx: Ctx): string | null {
  // an `id` to echo or fields added by a login (getauth) make the reply this call's own
  if (!CACHED_REPLIES.has(def.name) || !ctx.user || !ctx.token || ctx.p.has('id') || Object.keys(ctx.extra).length > 0) return null;
  const params = [...ctx.p.values].filter(([k]) => !CREDENTIALS.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `reply:${def.name}:${ctx.user.id}:${JSON.stringify(params)}`;
}

const NO_FILES: FileSource = { lateFields: new Map(), next: () => Promise.resolve(null) };

/**
 * Discards what is left of a refused request's body so the keep-alive connection can carry the next
 * request (a multipart body is piped into busboy, whose unread file parts would stall it).
 */
function discardBody(req: IncomingMessage): void {
  if (req.complete) return;
  req.unpipe();
  req.resume();
}

async function drain(files: { next(): Promise<{ stream: NodeJS.ReadableStream } | null> }): Promise<void> {
  for (let f = await files.next(); f; f = await files.next()) f.stream.resume();
}
