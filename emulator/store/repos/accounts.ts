// Account changes methods make (language, verification, address, deactivation), the single-use codes
// mailed for them, and invitations.
import type { DB } from '../db';
import { preparer } from './sql';

export interface MailCodeRow {
  code: string;
  /** verifyemail, resetpassword, changemail1, changemail2, deactivate */
  kind: string;
  userid: number;
  data: string | null;
  expires: number;
}

export class AccountRepo {
  private readonly s: ReturnType<typeof statements>;

  constructor(db: DB) {
    this.s = statements(db);
  }

  setLanguage(userid: number, language: string): void {
    this.s.setLanguage.run(language, userid);
  }

  setVerified(userid: number): void {
    this.s.setVerified.run(userid);
  }

  /** A new, verified address. */
  setEmail(userid: number, email: string): void {
    this.s.setEmail.run(email, userid);
  }

  deactivate(userid: number): void {
    this.s.deactivate.run(userid);
  }

  createCode(c: MailCodeRow): void {
    this.s.insertCode.run(c.code, c.kind, c.userid, c.data, c.expires);
  }

  code(code: string, kind: string): MailCodeRow | undefined {
    return this.s.code.get(code, kind);
  }

  deleteCode(code: string): void {
    this.s.deleteCode.run(code);
  }

  addInvite(userid: number, email: string, at: number): void {
    this.s.addInvite.run(userid, email, at);
  }

  /** Addresses that registered with `userid` as referer, oldest first. */
  invited(userid: number): string[] {
    return this.s.invited.all(userid).map((r) => r.email);
  }
}

function statements(db: DB) {
  const q = preparer(db);
  return {
    setLanguage: q<[string, number], never>('UPDATE users SET language = ? WHERE id = ?'),
    setVerified: q<[number], never>('UPDATE users SET emailverified = 1 WHERE id = ?'),
    setEmail: q<[string, number], never>('UPDATE users SET email = ?, emailverified = 1 WHERE id = ?'),
    deactivate: q<[number], never>('UPDATE users SET deactivated = 1 WHERE id = ?'),
    insertCode: q<[string, string, number, string | null, number], never>('INSERT INTO codes (code, kind, userid, data, expires) VALUES (?, ?, ?, ?, ?)'),
    code: q<[string, string], MailCodeRow>('SELECT * FROM codes WHERE code = ? AND kind = ?'),
    deleteCode: q<[string], never>('DELETE FROM codes WHERE code = ?'),
    addInvite: q<[number, string, number], never>('INSERT INTO invites (userid, email, created) VALUES (?, ?, ?)'),
    invited: q<[number], { email: string }>('SELECT email FROM invites WHERE userid = ? ORDER BY id'),
  };
}
