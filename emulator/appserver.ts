import { createServer, type Server } from 'node:http';
import { promises as fsp } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { lookup } from 'mime-types';
import { sendFile } from './content';

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
        const ok = await fsp.stat(file).then((s) => s.isFile(), () => false);
        if (ok) {
          for (const [k, v] of Object.entries(security)) res.setHeader(k, v);
          const immutable = rel.startsWith('/assets/');
          return sendFile(req, res, file, {
            contentType: lookup(file) || 'application/octet-stream',
            cache: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          });
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
