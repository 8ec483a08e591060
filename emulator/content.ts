import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PDate, now } from './store/model';

/** What a content link grants; signed, so the content host needs no state. */
export interface LinkGrant {
  k: string; // kind: 'file', 'thumb', 'hls', 'zip', …
  e: number; // expires, unix seconds
  ip?: string; // bound client IP (when the quirk is on), as `ipKey` gives it
  r?: string; // nonce: every link call mints a new path, as pCloud's do
  [field: string]: unknown;
}

/** Where a link is minted for: the request's Host (links point back at it) and the caller's IP. */
export interface LinkOrigin {
  host: string;
  ip: string;
}

/** The IP a link is bound to; every loopback address is one machine (dual-stack clients switch). */
export function ipKey(ip: string): string {
  const v = ip.replace(/^::ffff:/i, '');
  return v === '::1' || v.startsWith('127.') ? 'loopback' : v;
}

/**
 * Sent with every content response. User files are served from the API origin, which is also the
 * OAuth sign-in origin: nothing served may run script there. `sandbox` gives a document opened
 * from a content URL a unique opaque origin; images and media may still load their own bytes.
 */
export const CONTENT_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'unsafe-inline'",
};

const ACTIVE_TYPES = new Set([
  'text/html', 'application/xhtml+xml', 'image/svg+xml', 'text/xml', 'application/xml', 'text/xsl', 'application/xslt+xml',
  'application/rdf+xml', 'application/mathml+xml', 'application/vnd.wap.xhtml+xml', 'multipart/x-mixed-replace',
]);

/**
 * Whether a browser could run script in a document of this type: HTML, SVG, XML and friends, and
 * anything malformed or "unknown" that browsers sniff (possibly as HTML) instead of trusting.
 */
export function isActiveType(contentType: string | undefined): boolean {
  const t = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(t)) return true;
  if (t === 'unknown/unknown' || t === 'application/unknown' || t.endsWith('+xml') || t.endsWith('/xml')) return true;
  return ACTIVE_TYPES.has(t);
}

/**
 * Makes `res` carry CONTENT_SECURITY_HEADERS, and an active type `Content-Disposition: attachment`
 * (saved, never rendered), whatever a handler passes to writeHead.
 */
export function guardContent(res: ServerResponse): void {
  for (const [k, v] of Object.entries(CONTENT_SECURITY_HEADERS)) res.setHeader(k, v);
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...args: unknown[]) {
    let message: string | undefined;
    for (const a of args) {
      if (typeof a === 'string') message = a;
      else if (a && typeof a === 'object' && !Array.isArray(a)) {
        for (const [k, v] of Object.entries(a as Record<string, unknown>)) {
          if (v !== undefined) this.setHeader(k, v as string | number | string[]);
        }
      }
    }
    const type = this.getHeader('Content-Type');
    const disposition = String(this.getHeader('Content-Disposition') ?? '');
    if (status < 300 && isActiveType(type === undefined ? undefined : String(type)) && !/^attachment\b/i.test(disposition)) {
      this.setHeader('Content-Disposition', 'attachment');
    }
    return message === undefined ? writeHead.call(this, status) : (writeHead as (s: number, m: string) => ServerResponse).call(this, status, message);
  } as typeof res.writeHead;
}

export type ContentHandler = (grant: LinkGrant, req: IncomingMessage, res: ServerResponse, rest: string) => Promise<void>;

export class ContentHost {
  readonly handlers = new Map<string, ContentHandler>();

  /** Whether content links are bound to the caller's IP (the `contentIpBinding` quirk). */
  bindIp: () => boolean = () => false;

  constructor(private readonly secret: Buffer) {}

  sign(grant: LinkGrant): string {
    const body = Buffer.from(JSON.stringify(grant)).toString('base64url');
    const mac = createHmac('sha256', this.secret).update(body).digest('base64url').slice(0, 32);
    return `${body}.${mac}`;
  }

  verify(token: string): LinkGrant | null {
    const [body, mac] = token.split('.');
    if (!body || !mac) return null;
    const want = createHmac('sha256', this.secret).update(body).digest('base64url').slice(0, 32);
    if (mac.length !== want.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(want))) return null;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LinkGrant;
    } catch {
      return null;
    }
  }

  /**
   * The pCloud file-link object: `hosts` + `path` + `expires`. Each call mints a new path (a nonce is
   * signed in): clients de-duplicate downloads by URL. Given the caller (`at` with its IP), the
   * link is bound to that IP when the quirk is on; a bare host mints an unbound link (links meant
   * for other people, such as transfers).
   */
  link(at: string | LinkOrigin, grant: LinkGrant, name: string | null): { hosts: string[]; path: string; expires: PDate } {
    const host = typeof at === 'string' ? at : at.host;
    const signed: LinkGrant = { ...grant, r: randomBytes(9).toString('base64url') };
    if (typeof at !== 'string' && this.bindIp()) signed.ip = ipKey(at.ip);
    const path = `/c/${this.sign(signed)}/` + (name === null ? '' : encodeURIComponent(name));
    return { hosts: [host], path, expires: new PDate(grant.e) };
  }

  /** Serves `/c/<token>/<rest>`; HTTP-level errors as pCloud's content servers answer them. */
  async serve(req: IncomingMessage, res: ServerResponse, pathname: string, ip: string): Promise<void> {
    const m = /^\/c\/([^/]+)\/?(.*)$/.exec(pathname);
    const grant = m ? this.verify(m[1]) : null;
    res.setHeader('Access-Control-Allow-Origin', '*');
    // a viewer that loads by byte ranges (pdf.js) must read these cross-origin to know it may
    res.setHeader('Access-Control-Expose-Headers', 'Accept-Ranges, Content-Range, Content-Length, Content-Disposition');
    guardContent(res);
    if (!grant) return plain(res, 404, 'Not found.');
    if (grant.e < now()) return plain(res, 410, 'Your download expired. Try previous step again.');
    if (grant.ip && grant.ip !== ipKey(ip)) return plain(res, 410, 'This link was generated for another IP address. Try previous step again.');
    const handler = this.handlers.get(grant.k);
    if (!handler) return plain(res, 404, 'Not found.');
    await handler(grant, req, res, m![2] ?? '');
  }
}

export function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Sends a file with Range support (video seeking, resumable downloads) and HEAD. */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  opts: { contentType: string; downloadName?: string; cache?: string },
): Promise<void> {
  let size: number;
  try {
    size = (await fsp.stat(file)).size;
  } catch {
    return plain(res, 404, 'Not found.');
  }
  const headers: Record<string, string | number> = {
    'Content-Type': opts.contentType,
    'Accept-Ranges': 'bytes',
    'Cache-Control': opts.cache ?? 'private, max-age=3600',
  };
  if (opts.downloadName !== undefined) {
    headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(opts.downloadName)}`;
  }
  let start = 0;
  let end = size - 1;
  let status = 200;
  const range = req.headers.range;
  if (range) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    if (m && (m[1] !== '' || m[2] !== '')) {
      if (m[1] === '') {
        start = Math.max(0, size - Number(m[2]));
      } else {
        start = Number(m[1]);
        if (m[2] !== '') end = Math.min(Number(m[2]), size - 1);
      }
      if (start >= size || start > end) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` });
        res.end();
        return;
      }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
  }
  headers['Content-Length'] = size === 0 ? 0 : end - start + 1;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file, { start, end, highWaterMark: 256 * 1024 });
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}
