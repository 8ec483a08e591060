import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** scrypt with Node's defaults (N=2^14, r=8, p=1): tens of milliseconds per guess, salted per user. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

export function checkPassword(stored: string, password: string): boolean {
  const [kind, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash || hash.length !== 64) return false;
  const got = scryptSync(password, Buffer.from(salt, 'hex'), 32);
  return timingSafeEqual(got, Buffer.from(hash, 'hex'));
}

const KEY_FILE = 'password.key';

/**
 * pCloud's digest login (`getdigest`, then `passworddigest = sha1(password + sha1(lower(username)) +
 * digest)`) and `passwordmd5` can only be checked by a server that can recompute them from the
 * password: a one-way hash is not enough. So besides the scrypt hash (used for every plain-password
 * check) each account keeps its password sealed with AES-256-GCM under a key that lives in its own
 * file in the data dir (mode 0600), used for nothing but these two login forms. A copy of the
 * database alone reveals no password; the database together with the key file does.
 */
export class PasswordVault {
  private constructor(private readonly key: Buffer) {}

  /** Reads the data dir's key, creating it (0600, exclusively) on first use. */
  static open(dataDir: string): PasswordVault {
    const file = join(dataDir, KEY_FILE);
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeSync(fd, randomBytes(32));
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const key = readFileSync(file);
    if (key.length !== 32) throw new Error(`${file} is damaged: expected a 32-byte key`);
    return new PasswordVault(key);
  }

  seal(password: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([c.update(password, 'utf8'), c.final()]);
    return `gcm1$${iv.toString('base64')}$${c.getAuthTag().toString('base64')}$${body.toString('base64')}`;
  }

  /** The sealed password, or null for a missing or tampered seal (or one made with another key). */
  unseal(sealed: string | null): string | null {
    const [kind, iv, tag, body] = (sealed ?? '').split('$');
    if (kind !== 'gcm1' || !iv || !tag || body === undefined) return null;
    try {
      const d = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** `passwordmd5` login: md5 of the password in lower-case hex. */
  checkMd5(sealed: string | null, md5: string): boolean {
    const clear = this.unseal(sealed);
    return clear !== null && safeEqual(createHash('md5').update(clear).digest('hex'), md5.toLowerCase());
  }

  /** `passworddigest` login (the documented sha1 form, and the older md5(password + digest)). */
  checkDigest(sealed: string | null, username: string, digest: string, passworddigest: string): boolean {
    const clear = this.unseal(sealed);
    if (clear === null) return false;
    const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
    const got = passworddigest.toLowerCase();
    const modern = sha1(clear + sha1(username.toLowerCase()) + digest);
    const legacy = createHash('md5').update(clear + digest).digest('hex');
    return safeEqual(modern, got) || safeEqual(legacy, got);
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
