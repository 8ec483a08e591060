import { randomBytes } from 'node:crypto';
import { defineMethods, me, type Ctx } from '../registry';
import type { UserRow } from '../store/model';
import { PDate } from '../store/model';
import type { Meta, Storage } from '../store/storage';
import { fail } from '../errors';
import { sendMail } from '../mail';

export const LANGUAGES: Record<string, string> = {
  en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', it: 'Italiano', bg: 'Български',
  pt: 'Português', nl: 'Nederlands', tr: 'Türkçe', ru: 'Русский', ja: '日本語', zh: '中文',
};

export function userInfo(st: Storage, user: UserRow): Meta {
  const used = st.usedQuota(user.id);
  return {
    userid: user.id,
    email: user.email,
    emailverified: user.emailverified === 1,
    registered: new PDate(user.created),
    language: user.language,
    premium: user.premium === 1,
    premiumlifetime: false,
    business: false,
    plan: user.premium ? 1 : 0,
    quota: user.quota,
    usedquota: used,
    freequota: Math.max(0, user.quota - used),
    publiclinkquota: 50 * 1024 ** 3,
    trashrevretentiondays: 15,
    cryptosetup: false,
    cryptosubscription: false,
    cryptolifetime: false,
    haspassword: true,
    agreedwithpp: true,
    usedpublinkbranding: false,
    haspaidrelocation: false,
    currency: 'EUR',
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/**
 * An address one could really mail: RFC 5321's limits (254 characters, 64 before the @) and no
 * control characters. Longer ones would be stored, listed and used as mail file names.
 */
export const validEmail = (s: string) =>
  s.length <= 254 && EMAIL.test(s) && s.indexOf('@') <= 64 && ![...s].some((c) => c < ' ' || c === '\u007f');

function eventsReply(ctx: Ctx, rows: { diffid: number; event: string; time: number; body: string }[], current: number) {
  return {
    diffid: rows.length ? rows[rows.length - 1].diffid : current,
    entries: rows.map((r) => ({ event: r.event, time: new PDate(r.time), diffid: r.diffid, ...ctx.st.reviveEvent(r.body) })),
  };
}

/**
 * Holds a long poll until the user has a new event, the timeout passes or the client goes away.
 * Waiters listen on their own user's channel only: an event wakes that user's polls and no one else's,
 * so thousands of idle polls cost nothing per request or per change of other accounts.
 */
function waitForEvent(ctx: Ctx, userid: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const key = `user:${userid}`;
    const done = () => {
      clearTimeout(timer);
      ctx.st.changes.off(key, done);
      ctx.res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ctx.emu.diffTimeoutMs);
    ctx.st.changes.on(key, done);
    ctx.res.on('close', done);
  });
}

type EventRow = { diffid: number; event: string; time: number; body: string };

function eventsAfter(ctx: Ctx, userid: number, since: number, limit: number): EventRow[] {
  return ctx.st.q('SELECT * FROM events WHERE userid = ? AND diffid > ? ORDER BY diffid LIMIT ?').all(userid, since, limit) as EventRow[];
}

/**
 * Undocumented `subscribe`: pCloud's own sync library keeps one long poll open for file changes,
 * notifications and links (pclsync pdiff.c, `subscribefor=diff,notifications,publinks,uploadlinks,…`)
 * and reads `from` to learn which stream answered. The emulator feeds the `diff` stream — the same
 * events as `diff`, with `diffid`/`difflimit` — and has no notifications, teams or contacts and no
 * link counters, so those streams never answer. A poll with nothing new answers 6003 at the timeout,
 * which pclsync (like 6002, "cancelled") takes as "subscribe again" (docs/pcloud/errors.md §5).
 */
async function subscribe(ctx: Ctx) {
  const user = me(ctx);
  const streams = new Set((ctx.p.str('subscribefor') ?? '').split(',').map((s) => s.trim()));
  const since = ctx.p.int('diffid', 1000) ?? 0;
  const limit = ctx.p.int('difflimit', 1000) ?? 1_000_000;
  const read = () => (streams.has('diff') ? eventsAfter(ctx, user.id, since, limit) : []);
  let rows = read();
  if (!rows.length) {
    await waitForEvent(ctx, user.id);
    rows = read();
  }
  if (!rows.length) fail(6003);
  return { from: 'diff', ...eventsReply(ctx, rows, 0) };
}

async function diff(ctx: Ctx) {
  const user = me(ctx);
  const st = ctx.st;
  const limit = ctx.p.int('limit', 1000) ?? 1_000_000;
  const current = () => (st.q('SELECT COALESCE(MAX(diffid), 0) AS d FROM events WHERE userid = ?').get(user.id) as { d: number }).d;
  const last = ctx.p.int('last', 1000);
  if (last !== undefined) {
    const rows = (st.q('SELECT * FROM events WHERE userid = ? ORDER BY diffid DESC LIMIT ?').all(user.id, Math.min(last, limit)) as EventRow[]).reverse();
    return eventsReply(ctx, rows, current());
  }
  const after = ctx.p.date('after');
  if (after !== undefined && !ctx.p.has('diffid')) {
    const rows = st.q('SELECT * FROM events WHERE userid = ? AND time > ? ORDER BY diffid LIMIT ?').all(user.id, after, limit) as EventRow[];
    return eventsReply(ctx, rows, current());
  }
  const since = ctx.p.int('diffid', 1000) ?? 0;
  let rows = eventsAfter(ctx, user.id, since, limit);
  if (!rows.length && ctx.p.flag('block') && ctx.p.has('diffid')) {
    await waitForEvent(ctx, user.id);
    rows = eventsAfter(ctx, user.id, since, limit);
  }
  return eventsReply(ctx, rows, rows.length ? 0 : Math.max(since, current()));
}

/** feedback mails per client IP in the current hour (anonymous storage: bounded, 4010 beyond). */
const feedbackCounts = new WeakMap<object, Map<string, { count: number; since: number }>>();

function feedbackAllowed(ctx: Ctx): void {
  let byIp = feedbackCounts.get(ctx.emu);
  if (!byIp) feedbackCounts.set(ctx.emu, (byIp = new Map()));
  const t = Date.now();
  const c = byIp.get(ctx.ip);
  if (!c || t - c.since > 3_600_000) byIp.set(ctx.ip, { count: 1, since: t });
  else if (c.count >= ctx.emu.limits.feedbackPerHour) fail(4010);
  else c.count++;
}

export const generalMethods = () =>
  defineMethods([
    {
      name: 'getdigest',
      auth: 'none',
      handler(ctx) {
        const digest = randomBytes(30).toString('base64url').slice(0, 40);
        const expires = Date.now() + 30_000;
        const digests = ctx.emu.digests;
        digests.set(digest, expires);
        for (const [d, e] of digests) if (e < Date.now()) digests.delete(d);
        return { digest, expires: new PDate(Math.floor(expires / 1000)) };
      },
    },
    {
      name: 'userinfo',
      auth: 'required',
      handler(ctx) {
        const out: Meta = userInfo(ctx.st, me(ctx));
        if (ctx.p.flag('getapiserver')) out.apiserver = { api: [ctx.host], binapi: [] };
        if (ctx.p.flag('getregistrationinfo')) out.registrationinfo = { provider: 'email', device: 'web', country: false, ref: 0 };
        return out;
      },
    },
    // Undocumented (observed): an explicit login call that takes the same credentials as userinfo.
    { name: 'login', auth: 'required', handler: (ctx) => userInfo(ctx.st, me(ctx)) },
    { name: 'supportedlanguages', auth: 'none', handler: () => ({ languages: LANGUAGES }) },
    {
      name: 'setlanguage',
      auth: 'required',
      handler(ctx) {
        const lang = ctx.p.require('language', 1020);
        if (!(lang in LANGUAGES)) fail(1021);
        const user = me(ctx);
        ctx.st.q('UPDATE users SET language = ? WHERE id = ?').run(lang, user.id);
        ctx.st.event(user.id, 'modifyuserinfo', { userinfo: userInfo(ctx.st, ctx.st.user(user.id)!) });
        return {};
      },
    },
    {
      name: 'feedback',
      auth: 'none',
      async handler(ctx) {
        const mail = ctx.p.require('mail', 1033);
        const reason = ctx.p.require('reason', 1042);
        const message = ctx.p.require('message', 1041);
        if (!validEmail(mail)) fail(2018);
        feedbackAllowed(ctx);
        const cap = ctx.emu.limits.feedbackMaxBytes;
        const cut = (text: string, max: number) => (Buffer.byteLength(text) > max ? Buffer.from(text).subarray(0, max).toString('utf8') : text);
        await sendMail(ctx.emu, 'support@pcloud-emulator.local', `Feedback: ${cut(reason, 200)}`, `From: ${cut(ctx.p.str('name') ?? '', 200)} <${cut(mail, 200)}>\n\n${cut(message, cap)}`);
        return {};
      },
    },
    {
      name: 'currentserver',
      auth: 'none',
      handler: (ctx) => ({ ip: ctx.req.socket.localAddress ?? '127.0.0.1', ipbin: ctx.req.socket.localAddress ?? '127.0.0.1', ipv6: '::1', hostname: ctx.host }),
    },
    { name: 'diff', auth: 'required', handler: diff },
    { name: 'subscribe', auth: 'required', handler: subscribe },
    // Undocumented: pclsync's keep-alive probe of its subscribe connection (`nop?id=ignore`); answers {result: 0}.
    { name: 'nop', auth: 'none', handler: () => ({}) },
    {
      name: 'getfilehistory',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const fileid = Number(ctx.p.require('fileid', 1029));
        if (!Number.isSafeInteger(fileid)) fail(1029);
        const rows = ctx.st.q('SELECT * FROM events WHERE userid = ? AND fileid = ? ORDER BY diffid').all(user.id, fileid) as {
          diffid: number; event: string; time: number; body: string;
        }[];
        if (!rows.length) fail(2009);
        return { entries: eventsReply(ctx, rows, 0).entries };
      },
    },
    { name: 'getip', auth: 'none', handler: (ctx) => ({ ip: ctx.ip.replace(/^::ffff:/, ''), country: false }) },
    { name: 'getapiserver', auth: 'none', handler: (ctx) => ({ api: [ctx.host], binapi: [] }) },
  ]);
