// Newsletter subscriptions by address and the codes mailed to confirm or end them.
import type { DB } from '../db';
import { preparer } from './sql';

export interface SubscriberRow {
  email: string;
  subscribed: number;
  verified: number;
}

export interface NewsletterCodeRow {
  code: string;
  email: string;
  kind: 'verify' | 'unsubscribe';
  used: number;
}

export class NewsletterRepo {
  private readonly s: ReturnType<typeof statements>;

  constructor(db: DB) {
    this.s = statements(db);
  }

  subscriber(email: string): SubscriberRow | undefined {
    return this.s.subscriber.get(email);
  }

  /** Sets the given flags, keeping the others as they were (0 for a new address). */
  upsert(email: string, fields: { subscribed?: number; verified?: number }, at: number): void {
    const cur = this.subscriber(email);
    this.s.upsert.run(email, fields.subscribed ?? cur?.subscribed ?? 0, fields.verified ?? cur?.verified ?? 0, at);
  }

  createCode(code: string, email: string, kind: NewsletterCodeRow['kind'], at: number): void {
    this.s.insertCode.run(code, email, kind, at);
  }

  code(code: string, kind: NewsletterCodeRow['kind']): NewsletterCodeRow | undefined {
    return this.s.code.get(code, kind);
  }

  markUsed(code: string): void {
    this.s.markUsed.run(code);
  }
}

function statements(db: DB) {
  const q = preparer(db);
  return {
    subscriber: q<[string], SubscriberRow>('SELECT * FROM newsletter_subscribers WHERE email = ?'),
    upsert: q<[string, number, number, number], never>('INSERT OR REPLACE INTO newsletter_subscribers (email, subscribed, verified, modified) VALUES (?, ?, ?, ?)'),
    insertCode: q<[string, string, string, number], never>('INSERT INTO newsletter_codes (code, email, kind, created) VALUES (?, ?, ?, ?)'),
    code: q<[string, string], NewsletterCodeRow>('SELECT * FROM newsletter_codes WHERE code = ? AND kind = ?'),
    markUsed: q<[string], never>('UPDATE newsletter_codes SET used = 1 WHERE code = ?'),
  };
}
