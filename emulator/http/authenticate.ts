import { randomBytes } from 'node:crypto';
import type { Ctx, MethodDef, TokenRow } from '../registry';
import type { UserRow } from '../store/model';
import { now } from '../store/model';
import { checkPassword } from '../store/ops';
import { fail } from '../errors';
import { checkLoginThrottle, noteLoginFailure } from '../login-throttle';
import { isTrusted, startPending, tfaAccount } from '../tfa';

const AUTH_EXPIRE = 31_536_000;
const AUTH_EXPIRE_MAX = 63_072_000;
const INACTIVE_EXPIRE = 2_678_400;
const INACTIVE_EXPIRE_MAX = 5_356_800;

export function newTokenString(): string {
  return randomBytes(30).toString('base64url');
}

/**
 * Whether a token has run out: its own lifetimes (an auth token's `authexpire` and
 * `authinactiveexpire`; an OAuth token has none unless `expireToken` set one), or the
 * `tokenLifetime` quirk, which makes every token expire that many seconds after it was issued.
 */
function isExpired(ctx: Ctx, row: TokenRow, t: number): boolean {
  const lifetime = ctx.emu.quirks.tokenLifetime;
  if (lifetime > 0 && row.created + lifetime <= t) return true;
  if (row.kind === 'oauth') return row.expires !== 0 && row.expires <= t;
  return row.expires < t || row.lastused + row.inactiveexpire < t;
}

/** Makes a token expire now (tests): it then answers 2205 if it is an auth token, 2094 if an OAuth one. */
export function expireToken(st: Pick<Ctx['st'], 'q'>, token: string): boolean {
  return st.q('UPDATE tokens SET expires = ? WHERE token = ?').run(now() - 1, token).changes > 0;
}

export function issueToken(ctx: Pick<Ctx, 'st'>, user: UserRow, kind: 'auth' | 'oauth', opts: { clientid?: string; device?: string; expire?: number; inactive?: number } = {}): TokenRow {
  const t = now();
  const token = newTokenString();
  const expire = Math.min(opts.expire ?? AUTH_EXPIRE, AUTH_EXPIRE_MAX);
  const inactive = Math.min(opts.inactive ?? INACTIVE_EXPIRE, INACTIVE_EXPIRE_MAX);
  const info = ctx.st.db
    .prepare('INSERT INTO tokens (userid, token, kind, clientid, device, created, expires, inactiveexpire, lastused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(user.id, token, kind, opts.clientid ?? null, opts.device ?? '', t, kind === 'oauth' ? 0 : t + expire, inactive, t);
  return ctx.st.db.prepare('SELECT * FROM tokens WHERE id = ?').get(Number(info.lastInsertRowid)) as TokenRow;
}

function noteFailure(ctx: Ctx): never {
  noteLoginFailure(ctx.emu, ctx.ip);
  fail(2000);
}

function credentialLogin(ctx: Ctx): UserRow | null {
  const { p } = ctx;
  const username = p.str('username');
  if (username === undefined) return null;
  checkLoginThrottle(ctx.emu, ctx.ip);
  const user = ctx.st.userByEmail(username);
  const password = p.str('password');
  const md5 = p.str('passwordmd5');
  const digest = p.str('digest');
  const pd = p.str('passworddigest');
  if (!user || user.deactivated) noteFailure(ctx);
  if (password !== undefined) {
    if (!checkPassword(user.password, password)) noteFailure(ctx);
    return user;
  }
  if (md5 !== undefined) {
    if (!ctx.st.vault.checkMd5(user.sealed, md5)) noteFailure(ctx);
    return user;
  }
  if (digest !== undefined && pd !== undefined) {
    const expires = ctx.emu.digests.get(digest);
    if (expires === undefined || expires < Date.now()) noteFailure(ctx);
    ctx.emu.digests.delete(digest);
    if (!ctx.st.vault.checkDigest(user.sealed, username, digest, pd)) noteFailure(ctx);
    return user;
  }
  noteFailure(ctx);
}

/**
 * After a right password: an account of the other region answers 2321 with the `location` to sign in
 * at (pclsync reads `id` and `binapi`), only when the Host names a region; a two-factor account
 * answers 2297 with a token for `tfa_login`, unless the `deviceid` was trusted there
 * (docs/pcloud/methods-core.md §7.2).
 */
function afterPassword(ctx: Ctx, user: UserRow): void {
  const region = ctx.emu.regionOfHost(ctx.host);
  if (region !== null && region !== user.locationid) {
    fail(2321, { location: { id: user.locationid, binapi: user.locationid === 2 ? 'bineapi.pcloud.com' : 'binapi.pcloud.com' } });
  }
  const tfa = tfaAccount(ctx.st, user.id);
  const deviceid = ctx.p.str('deviceid');
  if (!tfa || isTrusted(ctx.st, user.id, deviceid, now())) return;
  const hasdevices = ctx.st.q("SELECT 1 FROM tokens WHERE userid = ? AND kind = 'auth' AND revoked = 0 AND expires > ? LIMIT 1").get(user.id, now()) !== undefined;
  fail(2297, { token: startPending(ctx.st, user.id, ctx.p.str('device') ?? '', deviceid ?? '', now()), tfatype: tfa.tfatype, hasdevices });
}

const BEARER = /^bearer\s+/i;

function bearer(ctx: Ctx): string | undefined {
  const h = ctx.req.headers.authorization;
  if (h && BEARER.test(h)) return h.replace(BEARER, '').trim();
  return undefined;
}

/**
 * Credentials, in this order: `Authorization: Bearer`, `access_token`, `auth` (param or cookie),
 * then username + password/passwordmd5/digest (docs/pcloud/protocol.md §5.3).
 */
export function authenticate(ctx: Ctx, def: MethodDef): void {
  if (def.auth === 'none') return;
  const st = ctx.st;
  const oauthToken = bearer(ctx) ?? ctx.p.str('access_token');
  if (oauthToken) {
    const row = st.cachedRow(`token:oauth:${oauthToken}`, () => st.q("SELECT * FROM tokens WHERE token = ? AND kind = 'oauth'").get(oauthToken) as TokenRow | undefined);
    if (!row) fail(2094);
    if (row.revoked) fail(2095);
    // pCloud knows no expiry for OAuth tokens; one made to expire is simply no longer valid
    if (isExpired(ctx, row, now())) fail(2094);
    const user = st.user(row.userid);
    if (!user || user.deactivated) fail(2094);
    if (ctx.emu.quirks.strictRegions && ctx.emu.regionOfHost(ctx.host) !== null && ctx.emu.regionOfHost(ctx.host) !== user.locationid) fail(2094);
    if (def.oauth === false && ctx.emu.quirks.oauthRefusals) fail(1000);
    ctx.user = user;
    ctx.token = row;
    return;
  }
  const auth = ctx.p.str('auth');
  if (auth) {
    const row = st.cachedRow(`token:auth:${auth}`, () => st.q("SELECT * FROM tokens WHERE token = ? AND kind = 'auth'").get(auth) as TokenRow | undefined);
    const t = now();
    if (!row || row.revoked) fail(2000);
    // pclsync tells an expired login (2205, 2229) from a wrong one (2000): docs/pcloud/errors.md §5
    if (isExpired(ctx, row, t)) fail(2205);
    // one write per second at most: a busy client would otherwise commit (and grow the WAL) per request
    if (row.lastused !== t) {
      st.q('UPDATE tokens SET lastused = ? WHERE id = ?').run(t, row.id);
      row.lastused = t;
    }
    const user = st.user(row.userid);
    if (!user || user.deactivated) fail(2000);
    ctx.user = user;
    ctx.token = row;
    return;
  }
  const user = credentialLogin(ctx);
  if (user) {
    afterPassword(ctx, user);
    ctx.user = user;
    if (ctx.p.flag('getauth')) {
      const tok = issueToken(ctx, user, 'auth', {
        device: ctx.p.str('device') ?? '',
        expire: ctx.p.int('authexpire', 1000),
        inactive: ctx.p.int('authinactiveexpire', 1000),
      });
      ctx.token = tok;
      ctx.extra.auth = tok.token;
    }
    return;
  }
  if (def.auth === 'required') fail(1000);
}
