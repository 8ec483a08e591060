// Sessions and OAuth: tokens (auth and OAuth), registered apps and authorization codes. Tokens are
// minted and checked by http/authenticate.ts; what methods do with them is here.
import type { DB } from '../db';
import type { TokenRow } from '../model';
import { preparer } from './sql';

export interface AppRow {
  clientid: string;
  secret: string;
  name: string;
  /** JSON array of the registered redirect URIs. */
  redirecturis: string;
  /** 1: loopback redirects on any port are allowed (RFC 8252 §7.3). */
  loopbackany: number;
}

export interface AuthCodeRow {
  code: string;
  clientid: string;
  userid: number;
  redirecturi: string | null;
  expires: number;
}

export class TokenRepo {
  private readonly s: ReturnType<typeof statements>;

  constructor(db: DB) {
    this.s = statements(db);
  }

  /** Live auth tokens (sessions) of a user, oldest first. */
  sessions(userid: number, at: number): TokenRow[] {
    return this.s.sessions.all(userid, at);
  }

  revoke(id: number): void {
    this.s.revoke.run(id);
  }

  /** Revokes a live token of `userid`; false when there is none with that id. */
  revokeOwned(id: number, userid: number): boolean {
    return this.s.revokeOwned.run(id, userid).changes > 0;
  }

  /** Revokes every token of the user except `keep`. */
  revokeAllBut(userid: number, keep: number | null): void {
    this.s.revokeAllBut.run(userid, keep ?? -1);
  }

  revokeAll(userid: number): void {
    this.s.revokeAll.run(userid);
  }

  /** Revokes the user's OAuth tokens of one app. */
  revokeApp(userid: number, clientid: string): void {
    this.s.revokeApp.run(userid, clientid);
  }

  app(clientid: string): AppRow | undefined {
    return this.s.app.get(clientid);
  }

  /** Registers an app unless its client id exists; sets its redirect URIs either way. */
  ensureApp(app: Omit<AppRow, 'redirecturis'>, redirectUris: string[]): void {
    this.s.insertAppIfMissing.run(app.clientid, app.secret, app.name, '[]', app.loopbackany);
    this.s.setRedirects.run(JSON.stringify(redirectUris), app.clientid);
  }

  createApp(app: AppRow): AppRow {
    this.s.insertApp.run(app.clientid, app.secret, app.name, app.redirecturis, app.loopbackany);
    return this.app(app.clientid)!;
  }

  createCode(c: AuthCodeRow): void {
    this.s.insertCode.run(c.code, c.clientid, c.userid, c.redirecturi, c.expires);
  }

  code(code: string): AuthCodeRow | undefined {
    return this.s.code.get(code);
  }

  deleteCode(code: string): void {
    this.s.deleteCode.run(code);
  }
}

function statements(db: DB) {
  const q = preparer(db);
  return {
    sessions: q<[number, number], TokenRow>("SELECT * FROM tokens WHERE userid = ? AND revoked = 0 AND kind = 'auth' AND expires > ? ORDER BY id"),
    revoke: q<[number], never>('UPDATE tokens SET revoked = 1 WHERE id = ?'),
    revokeOwned: q<[number, number], never>('UPDATE tokens SET revoked = 1 WHERE id = ? AND userid = ? AND revoked = 0'),
    revokeAllBut: q<[number, number], never>('UPDATE tokens SET revoked = 1 WHERE userid = ? AND revoked = 0 AND id != ?'),
    revokeAll: q<[number], never>('UPDATE tokens SET revoked = 1 WHERE userid = ?'),
    revokeApp: q<[number, string], never>("UPDATE tokens SET revoked = 1 WHERE userid = ? AND clientid = ? AND kind = 'oauth'"),
    app: q<[string], AppRow>('SELECT * FROM apps WHERE clientid = ?'),
    insertAppIfMissing: q<[string, string, string, string, number], never>(
      'INSERT OR IGNORE INTO apps (clientid, secret, name, redirecturis, loopbackany) VALUES (?, ?, ?, ?, ?)',
    ),
    setRedirects: q<[string, string], never>('UPDATE apps SET redirecturis = ? WHERE clientid = ?'),
    insertApp: q<[string, string, string, string, number], never>('INSERT INTO apps (clientid, secret, name, redirecturis, loopbackany) VALUES (?, ?, ?, ?, ?)'),
    insertCode: q<[string, string, number, string | null, number], never>(
      'INSERT INTO oauthcodes (code, clientid, userid, redirecturi, expires) VALUES (?, ?, ?, ?, ?)',
    ),
    code: q<[string], AuthCodeRow>('SELECT * FROM oauthcodes WHERE code = ?'),
    deleteCode: q<[string], never>('DELETE FROM oauthcodes WHERE code = ?'),
  };
}
