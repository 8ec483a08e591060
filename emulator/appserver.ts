import { createServer, type Server } from 'node:http';
import { promises as fsp } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { lookup } from 'mime-types';
import { sendFile } from './content';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt', '.map']);

type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts (q=0 refuses), or null for identity. */
export function pickEncoding(header: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (e: string) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

/**
 * Compressed copies of the app's text assets, made once per file version (path, size, mtime) and
 * kept in memory: the built app is a few hundred KB, and a static host would serve it precompressed.
 */
class CompressedAssets {
  private readonly cache = new Map<string, Promise<Buffer>>();

  get(file: string, stat: { size: number; mtimeMs: number }, encoding: Encoding): Promise<Buffer> {
    const key = `${encoding}:${file}:${stat.size}:${stat.mtimeMs}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = fsp.readFile(file).then((raw) =>
        encoding === 'br' ? brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }) : gzipAsync(raw, { level: 9 }),
      );
      hit.catch(() => this.cache.delete(key));
      this.cache.set(key, hit);
    }
    return hit;
  }
}

/**
 * Serves the built web app (dist/) on its own origin, as a static host would, with the security
 * headers we recommend, and tells the app where the local API is through a <meta> tag.
 */
export async function serveApp(dir: string, apiUrl: string, port: number, host = '127.0.0.1'): Promise<{ url: string; server: Server }> {
  const root = normalize(dir);
  const meta = `<meta name="pcloud-local-api" content="${apiUrl.replace(/"/g, '&quot;')}">`;
  // read per request (it is tiny) so a rebuild while the server runs is picked up
  const html = async () => (await fsp.readFile(join(root, 'index.html'), 'utf8')).replace('<head>', `<head>\n    ${meta}`);
  await html(); // fail early when the app was not built
  const api = new URL(apiUrl).origin;
  const csp = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the upload worker compile its WebAssembly SHA-1; it allows no JS eval
    "script-src 'self' 'wasm-unsafe-eval'",
    `connect-src 'self' ${api} https://*.pcloud.com`,
    `img-src 'self' data: blob: ${api} https://*.pcloud.com`,
    `media-src 'self' blob: ${api} https://*.pcloud.com`,
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action 'self' ${api}`,
  ].join('; ');
  const security = {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  const compressed = new CompressedAssets();
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      let rel: string;
      try {
        rel = decodeURIComponent(url.pathname);
      } catch {
        rel = '/';
      }
      const file = normalize(join(root, rel));
      const inside = file.startsWith(root + sep);
      if (inside && extname(file) && extname(file) !== '.html') {
        const stat = await fsp.stat(file).catch(() => null);
        if (stat?.isFile()) {
          for (const [k, v] of Object.entries(security)) res.setHeader(k, v);
          const immutable = rel.startsWith('/assets/');
          const contentType = lookup(file) || 'application/octet-stream';
          const cache = immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
          const encoding = COMPRESSIBLE.has(extname(file)) && !req.headers.range ? pickEncoding(req.headers['accept-encoding']) : null;
          if (encoding && stat.size > 1024) {
            const body = await compressed.get(file, stat, encoding);
            res.writeHead(200, {
              'Content-Type': contentType.startsWith('text/') || contentType.includes('javascript') ? `${contentType}; charset=utf-8` : contentType,
              'Content-Encoding': encoding,
              'Content-Length': body.length,
              'Cache-Control': cache,
              Vary: 'Accept-Encoding',
            });
            res.end(req.method === 'HEAD' ? undefined : body);
            return;
          }
          res.setHeader('Vary', 'Accept-Encoding');
          return sendFile(req, res, file, { contentType, cache });
        }
        res.writeHead(404, security);
        res.end('Not found');
        return;
      }
      // every route of the single-page app gets index.html
      res.writeHead(200, { ...security, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(await html());
    })().catch(() => {
      res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, server };
}
