// The second step of a two-factor login (undocumented; docs/pcloud/methods-core.md §7.3): the
// `token` of a 2297 answer plus a code from the authenticator, an SMS / notification, or a recovery code.
import { defineMethods, type Ctx } from '../registry';
import { fail } from '../errors';
import { issueToken } from '../http/authenticate';
import { checkLoginThrottle, noteLoginFailure } from '../login-throttle';
import { sendMail } from '../mail';
import { now } from '../store/model';
import { codeMatches, endPending, pendingLogin, totp, tfaAccount, trustDevice, useRecoveryCode, type PendingLogin } from '../tfa';
import { userInfo } from './general';

/** 2064 for an unknown or expired token: pclsync then starts the login again. */
function pending(ctx: Ctx): PendingLogin {
  const token = ctx.p.str('token');
  const row = token ? pendingLogin(ctx.st, token) : null;
  if (!row || row.expires < now()) fail(2064);
  const user = ctx.st.user(row.userid);
  if (!user || user.deactivated) fail(2064);
  return row;
}

function login(ctx: Ctx, check: (userid: number, code: string) => boolean) {
  checkLoginThrottle(ctx.emu, ctx.ip);
  const row = pending(ctx);
  const code = ctx.p.require('code', 1022);
  if (!check(row.userid, code)) {
    // wrong codes count toward the 4000 lockout like wrong passwords (our choice)
    noteLoginFailure(ctx.emu, ctx.ip);
    fail(2092);
  }
  endPending(ctx.st, row.token);
  const user = ctx.st.user(row.userid)!;
  const deviceid = ctx.p.str('deviceid') ?? row.deviceid;
  if (ctx.p.flag('trustdevice') && deviceid) trustDevice(ctx.st, user.id, deviceid, now());
  ctx.user = user;
  const out: Record<string, unknown> = userInfo(ctx.st, user);
  if (ctx.p.flag('getauth')) {
    const tok = issueToken(ctx, user, 'auth', {
      device: ctx.p.str('device') ?? row.device,
      expire: ctx.p.int('authexpire', 1000),
      inactive: ctx.p.int('authinactiveexpire', 1000),
    });
    ctx.token = tok;
    out.auth = tok.token;
  }
  return out;
}

/**
 * The emulator has no phones or apps to reach: an "SMS" or notification is a mail in the outbox
 * carrying the authenticator's current code (so the code works in `tfa_login` like pCloud's).
 */
async function deliver(ctx: Ctx, how: string) {
  const row = pending(ctx);
  const user = ctx.st.user(row.userid)!;
  const acc = tfaAccount(ctx.st, user.id);
  if (!acc) fail(2064);
  await sendMail(ctx.emu, user.email, `pCloud verification code (${how})`, `Your pCloud verification code: ${totp(acc.secret)}`);
  return user;
}

export const tfaMethods = () =>
  defineMethods([
    { name: 'tfa_login', auth: 'none', handler: (ctx) => login(ctx, (userid, code) => codeMatches(ctx.st, userid, code)) },
    { name: 'tfa_loginwithrecoverycode', auth: 'none', handler: (ctx) => login(ctx, (userid, code) => useRecoveryCode(ctx.st, userid, code)) },
    {
      name: 'tfa_sendcodeviasms',
      auth: 'none',
      async handler(ctx) {
        await deliver(ctx, 'SMS');
        // the number is masked as pCloud's apps show it; the emulator knows none (invented)
        return { phonedata: { countrycode: '+1', msisdn: '*******00' } };
      },
    },
    {
      name: 'tfa_sendcodeviasysnotification',
      auth: 'none',
      async handler(ctx) {
        const user = await deliver(ctx, 'notification');
        const devices = ctx.st.tokens.sessions(user.id, now());
        return { devices: devices.map((d) => ({ name: d.device || 'Unknown device', type: 0 })) };
      },
    },
  ]);
