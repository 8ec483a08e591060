import { createHash, randomBytes } from 'node:crypto';
import type { Ctx, MethodDef, TokenRow } from '../registry';
import type { UserRow } from '../store/model';
import { now } from '../store/model';
import { checkPassword } from '../store/ops';
import { fail } from '../errors';

const AUTH_EXPIRE = 31_536_000;
const AUTH_EXPIRE_MAX = 63_072_000;
const INACTIVE_EXPIRE = 2_678_400;
const INACTIVE_EXPIRE_MAX = 5_356_800;
const MAX_FAILED_LOGINS = 20; // per IP per 10 minutes, then 4000

export function newTokenString(): string {
  return randomBytes(30).toString('base64url');
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
  const t = Date.now();
  const f = ctx.emu.failedLogins.get(ctx.ip);
  if (!f || t - f.since > 600_000) ctx.emu.failedLogins.set(ctx.ip, { count: 1, since: t });
  else f.count++;
  fail(2000);
}

function checkThrottle(ctx: Ctx): void {
  const f = ctx.emu.failedLogins.get(ctx.ip);
  if (f && Date.now() - f.since < 600_000 && f.count >= MAX_FAILED_LOGINS) fail(4000);
}

function credentialLogin(ctx: Ctx): UserRow | null {
  const { p } = ctx;
  const username = p.str('username');
  if (username === undefined) return null;
  checkThrottle(ctx);
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
  if (md5 !== undefined || (digest !== undefined && pd !== undefined)) {
    const clear = user.plain;
    if (md5 !== undefined) {
      if (createHash('md5').update(clear).digest('hex') !== md5.toLowerCase()) noteFailure(ctx);
      return user;
    }
    const expires = ctx.emu.digests.get(digest!);
    if (expires === undefined || expires < Date.now()) noteFailure(ctx);
    ctx.emu.digests.delete(digest!);
    const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
    const modern = sha1(clear + sha1(username.toLowerCase()) + digest);
    const legacy = createHash('md5').update(clear + digest).digest('hex');
    if (pd!.toLowerCase() !== modern && pd!.toLowerCase() !== legacy) noteFailure(ctx);
    return user;
  }
  noteFailure(ctx);
}

function bearer(ctx: Ctx): string | undefined {
  const h = ctx.req.headers.authorization;
  if (h && /^bearer\s+/i.test(h)) return h.replace(/^bearer\s+/i, '').trim();
  return undefined;
}

/**
 * Credentials, in this order: `Authorization: Bearer`, `access_token`, `auth` (param or cookie),
 * then username + password/passwordmd5/digest (protocol.md §5.3).
 */
export function authenticate(ctx: Ctx, def: MethodDef): void {
  if (def.auth === 'none') return;
  const st = ctx.st;
  const oauthToken = bearer(ctx) ?? ctx.p.str('access_token');
  if (oauthToken) {
    const row = st.q("SELECT * FROM tokens WHERE token = ? AND kind = 'oauth'").get(oauthToken) as TokenRow | undefined;
    if (!row) fail(2094);
    if (row.revoked) fail(2095);
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
    const row = st.q("SELECT * FROM tokens WHERE token = ? AND kind = 'auth'").get(auth) as TokenRow | undefined;
    const t = now();
    if (!row || row.revoked || row.expires < t || row.lastused + row.inactiveexpire < t) fail(2000);
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
