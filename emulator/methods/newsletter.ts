// Newsletter (docs/pcloud/methods-misc.md §4). Codes are mailed to the outbox (mail.ts). A verification code is
// kept after use (so a second, older code answers 2013); unsubscribe codes are single use.
// `newsletter_unsibscribemail` is the documented (misspelled) name; `newsletter_unsubscribemail` is an alias.
import { randomBytes } from 'node:crypto';
import { defineMethods, me, type Ctx, type MethodDef } from '../registry';
import type { Emulator } from '../server';
import type { Storage } from '../store/storage';
import { now } from '../store/model';
import { fail } from '../errors';
import { sendMail } from '../mail';

interface SubscriberRow {
  email: string;
  subscribed: number;
  verified: number;
}

interface CodeRow {
  code: string;
  email: string;
  kind: 'verify' | 'unsubscribe';
  used: number;
}

export function ensureNewsletterTables(st: Storage): void {
  st.db.exec(`
    CREATE TABLE IF NOT EXISTS newsletter_subscribers (
      email TEXT PRIMARY KEY,
      subscribed INTEGER NOT NULL DEFAULT 0,
      verified INTEGER NOT NULL DEFAULT 0,
      modified INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS newsletter_codes (
      code TEXT PRIMARY KEY,
      email TEXT NOT NULL,
      kind TEXT NOT NULL,
      used INTEGER NOT NULL DEFAULT 0,
      created INTEGER NOT NULL
    );
  `);
}

const MAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

function mailArg(ctx: Ctx): string {
  const mail = ctx.p.require('mail', 1033).trim();
  if (!MAIL.test(mail)) fail(2018);
  return mail.toLowerCase();
}

function subscriber(st: Storage, email: string): SubscriberRow | undefined {
  return st.q('SELECT * FROM newsletter_subscribers WHERE email = ?').get(email) as SubscriberRow | undefined;
}

function upsert(st: Storage, email: string, fields: { subscribed?: number; verified?: number }): void {
  const cur = subscriber(st, email);
  st.q('INSERT OR REPLACE INTO newsletter_subscribers (email, subscribed, verified, modified) VALUES (?, ?, ?, ?)').run(
    email, fields.subscribed ?? cur?.subscribed ?? 0, fields.verified ?? cur?.verified ?? 0, now(),
  );
}

function newCode(st: Storage, email: string, kind: CodeRow['kind']): string {
  const code = randomBytes(12).toString('hex');
  st.q('INSERT INTO newsletter_codes (code, email, kind, created) VALUES (?, ?, ?, ?)').run(code, email, kind, now());
  return code;
}

function codeArg(ctx: Ctx, kind: CodeRow['kind']): CodeRow {
  const code = ctx.p.require('code', 1022).trim();
  const row = ctx.st.q('SELECT * FROM newsletter_codes WHERE code = ? AND kind = ?').get(code, kind) as CodeRow | undefined;
  if (!row) fail(2012);
  return row;
}

export function newsletterMethods(emu: Emulator): MethodDef[] {
  ensureNewsletterTables(emu.st);
  const unsubscribeMail = {
    auth: 'none' as const,
    async handler(ctx: Ctx) {
      const email = mailArg(ctx);
      // always result 0 (privacy): the code is mailed whether or not the address is subscribed
      const code = newCode(ctx.st, email, 'unsubscribe');
      await sendMail(ctx.emu, email, 'Unsubscribe from the pCloud newsletter', `To unsubscribe, use this code: ${code}\n`);
      return {};
    },
  };
  return defineMethods([
    {
      name: 'newsletter_subscribe',
      auth: 'none',
      async handler(ctx) {
        const email = mailArg(ctx);
        const account = ctx.st.userByEmail(email);
        const verified = subscriber(ctx.st, email)?.verified === 1 || account?.emailverified === 1;
        upsert(ctx.st, email, { subscribed: 1, verified: verified ? 1 : 0 });
        if (verified) return { verifymail: false };
        const code = newCode(ctx.st, email, 'verify');
        await sendMail(ctx.emu, email, 'Confirm your pCloud newsletter subscription', `To confirm your subscription, use this code: ${code}\n`);
        return { verifymail: true };
      },
    },
    {
      name: 'newsletter_check',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const row = subscriber(ctx.st, user.email.toLowerCase());
        return { subscribed: row?.subscribed === 1, verified: row?.verified === 1 };
      },
    },
    {
      name: 'newsletter_verifyemail',
      auth: 'none',
      handler(ctx) {
        const code = codeArg(ctx, 'verify');
        if (subscriber(ctx.st, code.email)?.verified === 1) fail(2013);
        upsert(ctx.st, code.email, { verified: 1 });
        ctx.st.q('UPDATE newsletter_codes SET used = 1 WHERE code = ?').run(code.code);
        return { email: code.email };
      },
    },
    {
      name: 'newsletter_unsubscribe',
      auth: 'none',
      handler(ctx) {
        const code = codeArg(ctx, 'unsubscribe');
        if (code.used) fail(2012);
        ctx.st.q('UPDATE newsletter_codes SET used = 1 WHERE code = ?').run(code.code);
        if (subscriber(ctx.st, code.email)) upsert(ctx.st, code.email, { subscribed: 0 });
        return {};
      },
    },
    { name: 'newsletter_unsibscribemail', ...unsubscribeMail },
    { name: 'newsletter_unsubscribemail', ...unsubscribeMail },
  ]);
}
