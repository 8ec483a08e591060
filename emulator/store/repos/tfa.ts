// Two-factor accounts: the sealed authenticator secret, hashed recovery codes, the short-lived tokens
// of a sign-in's first step and trusted devices. The rules (TOTP, lifetimes) are in emulator/tfa.ts.
import type { DB } from '../db';
import { preparer } from './sql';

export interface PendingLogin {
  token: string;
  userid: number;
  expires: number;
  device: string;
  deviceid: string;
}

export class TfaRepo {
  private readonly s: ReturnType<typeof statements>;

  constructor(private readonly db: DB) {
    this.s = statements(db);
  }

  /** Sets the account's secret (sealed) and replaces its recovery codes (hashed), in one transaction. */
  enable(userid: number, sealedSecret: string, tfatype: number, recoveryHashes: string[]): void {
    this.db.transaction(() => {
      this.s.setAccount.run(userid, sealedSecret, tfatype);
      this.s.clearRecovery.run(userid);
      for (const h of recoveryHashes) this.s.addRecovery.run(userid, h);
    })();
  }

  account(userid: number): { sealed: string; tfatype: number } | undefined {
    return this.s.account.get(userid);
  }

  /** Removes a recovery code; false when the account has no such code. */
  takeRecovery(userid: number, hash: string): boolean {
    return this.s.takeRecovery.run(userid, hash).changes === 1;
  }

  trustedUntil(userid: number, deviceid: string): number | undefined {
    return this.s.trusted.get(userid, deviceid)?.expires;
  }

  trust(userid: number, deviceid: string, expires: number): void {
    this.s.trust.run(userid, deviceid, expires);
  }

  /** Records a first step (dropping those expired before `now`). */
  startPending(p: PendingLogin, now: number): void {
    this.s.dropExpired.run(now);
    this.s.addPending.run(p.token, p.userid, p.expires, p.device, p.deviceid);
  }

  pending(token: string): PendingLogin | undefined {
    return this.s.pending.get(token);
  }

  endPending(token: string): void {
    this.s.endPending.run(token);
  }
}

function statements(db: DB) {
  const q = preparer(db);
  return {
    setAccount: q<[number, string, number], never>('INSERT OR REPLACE INTO tfa_accounts (userid, sealed, tfatype) VALUES (?, ?, ?)'),
    clearRecovery: q<[number], never>('DELETE FROM tfa_recovery WHERE userid = ?'),
    addRecovery: q<[number, string], never>('INSERT INTO tfa_recovery (userid, hash) VALUES (?, ?)'),
    account: q<[number], { sealed: string; tfatype: number }>('SELECT sealed, tfatype FROM tfa_accounts WHERE userid = ?'),
    takeRecovery: q<[number, string], never>('DELETE FROM tfa_recovery WHERE userid = ? AND hash = ?'),
    trusted: q<[number, string], { expires: number }>('SELECT expires FROM tfa_trusted WHERE userid = ? AND deviceid = ?'),
    trust: q<[number, string, number], never>('INSERT OR REPLACE INTO tfa_trusted (userid, deviceid, expires) VALUES (?, ?, ?)'),
    dropExpired: q<[number], never>('DELETE FROM tfa_pending WHERE expires < ?'),
    addPending: q<[string, number, number, string, string], never>('INSERT INTO tfa_pending (token, userid, expires, device, deviceid) VALUES (?, ?, ?, ?, ?)'),
    pending: q<[string], PendingLogin>('SELECT * FROM tfa_pending WHERE token = ?'),
    endPending: q<[string], never>('DELETE FROM tfa_pending WHERE token = ?'),
  };
}
