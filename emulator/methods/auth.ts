import { randomBytes } from 'node:crypto';
import { defineMethods, me, type Ctx } from '../registry';
import type { UserRow } from '../store/model';
import { PDate, now } from '../store/model';
import { fail } from '../errors';
import { checkPassword, createUser, setUserPassword } from '../store/ops';
import { publicUrl, sendMail } from '../mail';
import { userInfo, validEmail, LANGUAGES } from './general';

const CODE_TTL = 24 * 3600;

/** pCloud's password rules (errors 2032–2035). */
export function checkNewPassword(pw: string): void {
  if (pw.length < 6) fail(2032);
  if (pw !== pw.trim()) fail(2033);
  if (new Set(pw).size < 4) fail(2034);
  const codes = [...pw].map((c) => c.charCodeAt(0));
  const step = codes[1] - codes[0];
  if ((step === 1 || step === -1) && codes.every((c, i) => i === 0 || c - codes[i - 1] === step)) fail(2035);
  const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'];
  const lower = pw.toLowerCase();
  if (rows.some((r) => r.includes(lower) || [...r].reverse().join('').includes(lower))) fail(2035);
}

export function newCode(ctx: Pick<Ctx, 'st'>, kind: string, userid: number, data: string | null = null, ttl = CODE_TTL): string {
  const code = randomBytes(12).toString('hex');
  ctx.st.accounts.createCode({ code, kind, userid, data, expires: now() + ttl });
  return code;
}

function takeCode(ctx: Ctx, kind: string, expiredCode = 2012): { userid: number; data: string | null } {
  const code = ctx.p.require('code', 1022);
  const row = ctx.st.accounts.code(code, kind);
  if (!row) fail(2012);
  if (row.expires < now()) fail(expiredCode);
  ctx.st.accounts.deleteCode(code);
  return row;
}

/** Links in mails point at the configured public URL, never at the request's Host header (which the caller chooses). */
function link(ctx: Ctx, what: string, code: string): string {
  return `${publicUrl(ctx.emu, ctx.req)}/#${what}?code=${code}`;
}

/**
 * A new password ends every session of the account (auth and OAuth tokens) except `keep`: whoever
 * knew the old password, or held a token minted with it, is signed out.
 */
function setPassword(ctx: Ctx, user: UserRow, pw: string, keep: number | null): void {
  ctx.st.db.transaction(() => {
    setUserPassword(ctx.st, user.id, pw);
    ctx.st.tokens.revokeAllBut(user.id, keep);
  })();
}

function userChanged(ctx: Ctx, userid: number): void {
  ctx.st.event(userid, 'modifyuserinfo', { userinfo: userInfo(ctx.st, ctx.st.user(userid)!) });
}

export const authMethods = () =>
  defineMethods([
    {
      name: 'register',
      auth: 'none',
      async handler(ctx) {
        if (ctx.p.str('termsaccepted') !== 'yes') fail(2037);
        const mail = ctx.p.require('mail', 1033);
        const password = ctx.p.require('password', 1034);
        if (!validEmail(mail)) fail(2018);
        checkNewPassword(password);
        const user = createUser(ctx.st, mail, password, { verified: false });
        const lang = ctx.p.str('language');
        if (lang && lang in LANGUAGES) ctx.st.accounts.setLanguage(user.id, lang);
        const referer = ctx.p.int('referer', 1000);
        if (referer !== undefined && ctx.st.user(referer)) ctx.st.accounts.addInvite(referer, mail, now());
        ctx.st.event(user.id, 'reset', {});
        userChanged(ctx, user.id);
        const code = newCode(ctx, 'verifyemail', user.id);
        await sendMail(ctx.emu, mail, 'Welcome to pCloud — verify your e-mail', `Verification code: ${code}\n${link(ctx, 'verifyemail', code)}`);
        return {};
      },
    },
    {
      name: 'sendverificationemail',
      auth: 'required',
      async handler(ctx) {
        const user = me(ctx);
        if (user.emailverified) fail(2013);
        const code = newCode(ctx, 'verifyemail', user.id);
        await sendMail(ctx.emu, user.email, 'Verify your e-mail', `Verification code: ${code}\n${link(ctx, 'verifyemail', code)}`);
        return {};
      },
    },
    {
      name: 'verifyemail',
      auth: 'none',
      handler(ctx) {
        const code = ctx.p.require('code', 1022);
        const row = ctx.st.accounts.code(code, 'verifyemail');
        if (!row) fail(2012);
        const user = ctx.st.user(row.userid)!;
        if (user.emailverified) fail(2013);
        ctx.st.accounts.deleteCode(code);
        ctx.st.accounts.setVerified(user.id);
        userChanged(ctx, user.id);
        return { email: user.email, userid: user.id };
      },
    },
    {
      name: 'changepassword',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const oldpw = ctx.p.require('oldpassword', 1031);
        const newpw = ctx.p.require('newpassword', 1032);
        if (oldpw === newpw) fail(2030);
        if (!checkPassword(user.password, oldpw)) fail(2031);
        checkNewPassword(newpw);
        setPassword(ctx, user, newpw, ctx.token?.id ?? null);
        return {};
      },
    },
    {
      name: 'lostpassword',
      auth: 'none',
      async handler(ctx) {
        const mail = ctx.p.require('mail', 1033);
        const user = ctx.st.userByEmail(mail);
        // Always succeeds, so the method cannot be used to probe which addresses have accounts.
        if (user) {
          const code = newCode(ctx, 'resetpassword', user.id, null, 3600);
          await sendMail(ctx.emu, user.email, 'Reset your pCloud password', `Reset code: ${code}\n${link(ctx, 'resetpassword', code)}`);
        }
        return {};
      },
    },
    {
      name: 'resetpassword',
      auth: 'none',
      handler(ctx) {
        ctx.p.require('code', 1022);
        const newpw = ctx.p.require('newpassword', 1032);
        checkNewPassword(newpw);
        const { userid } = takeCode(ctx, 'resetpassword', 2036);
        setPassword(ctx, ctx.st.user(userid)!, newpw, null);
        return {};
      },
    },
    {
      name: 'invite',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        return { url: `${publicUrl(ctx.emu, ctx.req)}/#register?ref=${user.id}`, spacelimitreached: false };
      },
    },
    {
      name: 'userinvites',
      auth: 'required',
      handler(ctx) {
        // An invite is someone who registered with `referer` = my userid; pending until they verify.
        const invited = ctx.st.accounts.invited(me(ctx).id);
        const mask = (e: string) => e.replace(/^(.)[^@]*/, (_m, a: string) => `${a}**`);
        return { invites: invited.map((email) => ({ email: mask(email), is_pending: !ctx.st.userByEmail(email)?.emailverified })) };
      },
    },
    {
      name: 'logout',
      auth: 'required',
      handler(ctx) {
        // Invalidates the token the call was made with (an auth token, or — our choice — an OAuth token).
        if (!ctx.token) return { auth_deleted: false };
        ctx.st.tokens.revoke(ctx.token.id);
        return { auth_deleted: true };
      },
    },
    {
      name: 'listtokens',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const rows = ctx.st.tokens.sessions(me(ctx).id, now());
        return {
          tokens: rows.map((t) => ({
            tokenid: t.id,
            device: t.device,
            created: new PDate(t.created),
            expires_inactive: new PDate(t.lastused + t.inactiveexpire),
            expires: new PDate(t.expires),
            current: ctx.token?.id === t.id,
          })),
        };
      },
    },
    {
      name: 'deletetoken',
      auth: 'required',
      handler(ctx) {
        const id = ctx.p.int('tokenid', 2102);
        if (id === undefined) fail(1076);
        if (!ctx.st.tokens.revokeOwned(id, me(ctx).id)) fail(2102);
        return {};
      },
    },
    {
      name: 'sendchangemail',
      auth: 'required',
      async handler(ctx) {
        const user = me(ctx);
        const newmail = ctx.p.str('newmail');
        if (newmail === undefined) {
          const code = newCode(ctx, 'changemail1', user.id);
          await sendMail(ctx.emu, user.email, 'Change your pCloud e-mail', `Code: ${code}`);
          return {};
        }
        const { userid } = takeCode(ctx, 'changemail1', 2074);
        if (userid !== user.id) fail(2012);
        if (!validEmail(newmail)) fail(2018);
        if (newmail.toLowerCase() === user.email.toLowerCase()) fail(2271);
        if (ctx.st.userByEmail(newmail)) fail(2038);
        const code = newCode(ctx, 'changemail2', user.id, newmail);
        await sendMail(ctx.emu, newmail, 'Confirm your new pCloud e-mail', `Code: ${code}\n${link(ctx, 'changemail', code)}`);
        return {};
      },
    },
    {
      name: 'changemail',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        ctx.p.require('code', 1022);
        const password = ctx.p.require('password', 1034);
        if (!checkPassword(user.password, password)) fail(2272);
        const { userid, data } = takeCode(ctx, 'changemail2', 2074);
        if (userid !== user.id || !data) fail(2012);
        if (ctx.st.userByEmail(data)) fail(2038);
        ctx.st.accounts.setEmail(user.id, data);
        userChanged(ctx, user.id);
        return {};
      },
    },
    {
      name: 'senddeactivatemail',
      auth: 'required',
      async handler(ctx) {
        const user = me(ctx);
        const code = newCode(ctx, 'deactivate', user.id);
        await sendMail(ctx.emu, user.email, 'Deactivate your pCloud account', `Code: ${code}`);
        return {};
      },
    },
    {
      name: 'deactivateuser',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        ctx.p.require('code', 1022);
        const password = ctx.p.require('password', 1034);
        if (!checkPassword(user.password, password)) fail(2272);
        const { userid } = takeCode(ctx, 'deactivate', 2074);
        if (userid !== user.id) fail(2012);
        ctx.st.accounts.deactivate(user.id);
        ctx.st.tokens.revokeAll(user.id);
        return {};
      },
    },
  ]);
