// Two-factor accounts (docs/pcloud/methods-core.md §7): the authenticator secret, recovery codes,
// the short-lived tokens a 2297 answer hands out, and trusted devices (tables in store/schema.ts).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PasswordVault } from './store/passwords';
import type { Storage } from './store/storage';
import type { PendingLogin } from './store/repos/tfa';

/** pclsync's reading of `tfatype`: 2 = authenticator app (1 = SMS; unverified). */
export const TFA_AUTHENTICATOR = 2;
/** Our choices where pCloud's values are unknown (docs/pcloud/methods-core.md §7.3). */
export const TFA_TOKEN_TTL = 600;
export const TRUST_TTL = 30 * 24 * 3600;
export const RECOVERY_CODES = 8;

// ---- TOTP (RFC 6238 over RFC 4226, SHA-1, 30-second steps, 6 digits) ---------------------------

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

export function unbase32(s: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of s.replace(/[=\s]/g, '').toUpperCase()) {
    const i = B32.indexOf(c);
    if (i < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export function hotp(secret: Buffer, counter: number): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(msg).digest();
  const off = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(off) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

export function totp(secretB32: string, atMs = Date.now()): string {
  return hotp(unbase32(secretB32), Math.floor(atMs / 30_000));
}

/** One step either side, for clocks that drift and codes typed at the turn of a step. */
function totpMatches(secretB32: string, code: string, atMs = Date.now()): boolean {
  const step = Math.floor(atMs / 30_000);
  const key = unbase32(secretB32);
  return [step - 1, step, step + 1].some((c) => hotp(key, c) === code);
}

// ---- accounts ------------------------------------------------------------------------------------

const hashCode = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');

/** Turns two-factor on for a user; returns the authenticator secret and fresh recovery codes. */
export function enableTfa(st: Storage, userid: number): { secret: string; recovery: string[] } {
  const secret = base32(randomBytes(20));
  const recovery = Array.from({ length: RECOVERY_CODES }, () => randomBytes(5).toString('hex'));
  // sealed like the password (docs/security.md §4): the server must recompute codes from it
  st.tfa.enable(userid, st.vault.seal(secret), TFA_AUTHENTICATOR, recovery.map(hashCode));
  return { secret, recovery };
}

export function tfaAccount(st: Storage, userid: number): { secret: string; tfatype: number } | null {
  const row = st.tfa.account(userid);
  const secret = row ? st.vault.unseal(row.sealed) : null;
  return row && secret ? { secret, tfatype: row.tfatype } : null;
}

export function codeMatches(st: Storage, userid: number, code: string): boolean {
  const acc = tfaAccount(st, userid);
  return acc !== null && /^\d{6}$/.test(code.trim()) && totpMatches(acc.secret, code.trim());
}

/** A recovery code works once. */
export function useRecoveryCode(st: Storage, userid: number, code: string): boolean {
  return st.tfa.takeRecovery(userid, hashCode(code));
}

export function isTrusted(st: Storage, userid: number, deviceid: string | undefined, now: number): boolean {
  if (!deviceid) return false;
  const expires = st.tfa.trustedUntil(userid, deviceid);
  return expires !== undefined && expires > now;
}

export function trustDevice(st: Storage, userid: number, deviceid: string, now: number): void {
  st.tfa.trust(userid, deviceid, now + TRUST_TTL);
}

export type { PendingLogin } from './store/repos/tfa';

/** The token a 2297 answer carries; the device fields of the first step are kept for the second. */
export function startPending(st: Storage, userid: number, device: string, deviceid: string, now: number): string {
  const token = randomBytes(24).toString('base64url');
  st.tfa.startPending({ token, userid, expires: now + TFA_TOKEN_TTL, device, deviceid }, now);
  return token;
}

export function pendingLogin(st: Storage, token: string): PendingLogin | null {
  return st.tfa.pending(token) ?? null;
}

export function endPending(st: Storage, token: string): void {
  st.tfa.endPending(token);
}

/**
 * The current code of an account in a data dir, read straight from the database (read-only): opening
 * the store would run its start-up blob sweep, which must not race a server using the same dir.
 */
export function currentCodeIn(dataDir: string, email: string): string {
  const db = new Database(join(dataDir, 'pcloud.sqlite'), { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    let row: { sealed: string } | undefined;
    try {
      row = db.prepare('SELECT t.sealed FROM tfa_accounts t JOIN users u ON u.id = t.userid WHERE lower(u.email) = lower(?)').get(email) as typeof row;
    } catch {
      row = undefined; // no tfa table yet: nobody has two-factor sign-in
    }
    const secret = row ? PasswordVault.open(dataDir).unseal(row.sealed) : null;
    if (!secret) throw new Error(`${email} has no two-factor sign-in (user add … --tfa)`);
    return totp(secret);
  } finally {
    db.close();
  }
}
