// Several pCloud clients only speak https: the emulator serves TLS with a given certificate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../server';
import { createUser } from '../store/ops';
import { issueToken } from '../http/authenticate';

let emu: Emulator;
let base: string;
let cert: Buffer;
let token: string;
const dir = mkdtempSync(join(tmpdir(), 'pcloud-tls-'));

function get(url: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: cert, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  cert = readFileSync(join(dir, 'cert.pem'));
  emu = await Emulator.create({ dataDir: join(dir, 'data') });
  const user = createUser(emu.st, 'tls@example.com', 'secret-pass-1');
  token = issueToken({ st: emu.st }, user, 'oauth').token;
  base = await emu.listen(0, '127.0.0.1', { cert, key: readFileSync(join(dir, 'key.pem')) });
});

afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('https', () => {
  it('answers API calls and serves content links over TLS', async () => {
    expect(base.startsWith('https://')).toBe(true);
    const info = JSON.parse((await get(`${base}/userinfo`)).body.toString()) as { result: number; email: string };
    expect(info).toMatchObject({ result: 0, email: 'tls@example.com' });
    const folder = JSON.parse((await get(`${base}/listfolder?folderid=0`)).body.toString()) as { result: number };
    expect(folder.result).toBe(0);
  });
});
