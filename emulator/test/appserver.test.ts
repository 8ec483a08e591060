// The app server (emulator/appserver.ts): the built app on its own origin with the security headers,
// the SPA fallback with the local API's <meta>, and text assets compressed as a static host would.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickEncoding, serveApp } from '../appserver';

let dir: string;
let url: string;
let close: () => void;
const js = `export const words = ${JSON.stringify('pcloud '.repeat(5000))};\n`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'appserver-test-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(dir, 'assets', 'app-abc.js'), js);
  writeFileSync(join(dir, 'assets', 'tiny.js'), 'x');
  const app = await serveApp(dir, 'http://127.0.0.1:9/', 0);
  url = app.url;
  close = () => app.server.close();
});
afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveApp', () => {
  it('sends brotli, gzip or plain bytes as the client accepts, with long caching for hashed assets', async () => {
    const br = await get('/assets/app-abc.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.body.length).toBeLessThan(js.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(js);
    const gz = await get('/assets/app-abc.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(js);
    const plain = await get('/assets/app-abc.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
    // ranges and tiny files go as they are
    const ranged = await get('/assets/app-abc.js', { 'Accept-Encoding': 'br', Range: 'bytes=0-9' });
    expect(ranged.status).toBe(206);
    expect(ranged.body.toString()).toBe(js.slice(0, 10));
    expect((await get('/assets/tiny.js', { 'Accept-Encoding': 'br' })).headers['content-encoding']).toBeUndefined();
  });

  it('answers every app route with index.html carrying the local API and the security headers', async () => {
    const page = await get('/folder/12?view=3');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<meta name="pcloud-local-api" content="http://127.0.0.1:9/">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/../../etc/passwd')).body.toString()).not.toContain('root:');
  });

  it('reads Accept-Encoding with q-values', () => {
    expect(pickEncoding('gzip, br')).toBe('br');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding(undefined)).toBeNull();
  });
});
