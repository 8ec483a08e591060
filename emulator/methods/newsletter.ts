// Newsletter (docs/pcloud/methods-misc.md §4). Codes are mailed to the outbox (mail.ts). A verification code is
// kept after use (so a second, older code answers 2013); unsubscribe codes are single use.
// `newsletter_unsibscribemail` is the documented (misspelled) name; `newsletter_unsubscribemail` is an alias.
import { randomBytes } from 'node:crypto';
import { defineMethods, me, type Ctx, type MethodDef } from '../registry';
import type { Storage } from '../store/storage';
import { now } from '../store/model';
import { fail } from '../errors';
import { sendMail } from '../mail';

import type { NewsletterCodeRow as CodeRow, SubscriberRow } from '../store/repos/newsletter';

const MAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

function mailArg(ctx: Ctx): string {
  const mail = ctx.p.require('mail', 1033).trim();
  if (!MAIL.test(mail)) fail(2018);
  return mail.toLowerCase();
}

function subscriber(st: Storage, email: string): SubscriberRow | undefined {
  return st.newsletter.subscriber(email);
}

function upsert(st: Storage, email: string, fields: { subscribed?: number; verified?: number }): void {
  st.newsletter.upsert(email, fields, now());
}

function newCode(st: Storage, email: string, kind: CodeRow['kind']): string {
  const code = randomBytes(12).toString('hex');
  st.newsletter.createCode(code, email, kind, now());
  return code;
}

function codeArg(ctx: Ctx, kind: CodeRow['kind']): CodeRow {
  const code = ctx.p.require('code', 1022).trim();
  const row = ctx.st.newsletter.code(code, kind);
  if (!row) fail(2012);
  return row;
}

export function newsletterMethods(): MethodDef[] {
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
        ctx.st.newsletter.markUsed(code.code);
        return { email: code.email };
      },
    },
    {
      name: 'newsletter_unsubscribe',
      auth: 'none',
      handler(ctx) {
        const code = codeArg(ctx, 'unsubscribe');
        if (code.used) fail(2012);
        ctx.st.newsletter.markUsed(code.code);
        if (subscriber(ctx.st, code.email)) upsert(ctx.st, code.email, { subscribed: 0 });
        return {};
      },
    },
    { name: 'newsletter_unsibscribemail', ...unsubscribeMail },
    { name: 'newsletter_unsubscribemail', ...unsubscribeMail },
  ]);
}
