import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PDate, now } from './store/model';

/** What a content link grants; signed, so the content host needs no state. */
export interface LinkGrant {
  k: string; // kind: 'file', 'thumb', 'hls', 'zip', …
  e: number; // expires, unix seconds
  ip?: string; // bound client IP (when the quirk is on)
  [field: string]: unknown;
}

export type ContentHandler = (grant: LinkGrant, req: IncomingMessage, res: ServerResponse, rest: string) => Promise<void>;

export class ContentHost {
  readonly handlers = new Map<string, ContentHandler>();

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

  /** The pCloud file-link object: `hosts` + `path` + `expires` (structures.md §6). */
  link(host: string, grant: LinkGrant, name: string | null): { hosts: string[]; path: string; expires: PDate } {
    const path = `/c/${this.sign(grant)}/` + (name === null ? '' : encodeURIComponent(name));
    return { hosts: [host], path, expires: new PDate(grant.e) };
  }

  /** Serves `/c/<token>/<rest>`; HTTP-level errors as pCloud's content servers answer them. */
  async serve(req: IncomingMessage, res: ServerResponse, pathname: string, ip: string): Promise<void> {
    const m = /^\/c\/([^/]+)\/?(.*)$/.exec(pathname);
    const grant = m ? this.verify(m[1]) : null;
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (!grant) return plain(res, 404, 'Not found.');
    if (grant.e < now()) return plain(res, 410, 'Your download expired. Try previous step again.');
    if (grant.ip && grant.ip !== ip) return plain(res, 410, 'This link was generated for another IP address. Try previous step again.');
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
