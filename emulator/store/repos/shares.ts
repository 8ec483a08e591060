// Shares, share requests and share policies (docs/pcloud/methods-sharing.md): the rows and every query
// over them. Who may do what with them is decided by methods/sharing.ts and store/share-access.ts.
import type { DB } from '../db';
import type { FolderRow } from '../model';
import { preparer } from './sql';

export interface ShareRequestRow {
  id: number;
  folderid: number;
  owner: number;
  tomail: string;
  name: string;
  message: string | null;
  perms: number;
  created: number;
  expires: number;
  code: string;
}

export interface ShareRow {
  id: number;
  folderid: number;
  owner: number;
  touserid: number;
  /** The recipient's folder the share appears in. */
  mount: number;
  /** The recipient's name for it. */
  name: string;
  /** Bits: 1 create, 2 modify, 4 delete, 8 manage. */
  perms: number;
  created: number;
}

export type SharePolicy = 'block' | 'always';

export type NewShareRequest = Omit<ShareRequestRow, 'id'>;

export class ShareRepo {
  private readonly s: ReturnType<typeof statements>;

  constructor(private readonly db: DB) {
    this.s = statements(db);
  }

  request(id: number, at: number): ShareRequestRow | undefined {
    return this.s.request.get(id, at);
  }

  requestByCode(code: string, at: number): ShareRequestRow | undefined {
    return this.s.requestByCode.get(code, at);
  }

  hasPendingRequest(folderid: number, tomail: string, at: number): boolean {
    return this.s.pendingTo.get(folderid, tomail, at) !== undefined;
  }

  createRequest(r: NewShareRequest): number {
    return Number(this.s.insertRequest.run(r.folderid, r.owner, r.tomail, r.name, r.message, r.perms, r.created, r.expires, r.code).lastInsertRowid);
  }

  deleteRequest(id: number): void {
    this.s.deleteRequest.run(id);
  }

  incomingRequests(mail: string, at: number): ShareRequestRow[] {
    return this.s.requestsTo.all(mail, at);
  }

  outgoingRequests(owner: number, at: number): ShareRequestRow[] {
    return this.s.requestsFrom.all(owner, at);
  }

  share(id: number): ShareRow | undefined {
    return this.s.share.get(id);
  }

  /** The share of exactly this folder with `touserid` (not of an ancestor). */
  shareOf(folderid: number, touserid: number): ShareRow | undefined {
    return this.s.shareOf.get(folderid, touserid);
  }

  /** Turns a request into a share (and records `always` for its sender when asked), in one transaction. */
  accept(r: ShareRequestRow, touserid: number, always: boolean, mount: number, name: string, at: number): number {
    return this.db.transaction(() => {
      this.s.deleteRequest.run(r.id);
      if (always) this.s.setPolicy.run(touserid, r.owner, 'always');
      return Number(this.s.insertShare.run(r.folderid, r.owner, touserid, mount, name, r.perms, at).lastInsertRowid);
    })();
  }

  deleteShare(id: number): void {
    this.s.deleteShare.run(id);
  }

  setPerms(id: number, perms: number): void {
    this.s.setPerms.run(perms, id);
  }

  setMount(folderid: number, touserid: number, mount: number, name: string): void {
    this.s.setMount.run(mount, name, folderid, touserid);
  }

  incoming(touserid: number): ShareRow[] {
    return this.s.incoming.all(touserid);
  }

  outgoing(owner: number): ShareRow[] {
    return this.s.outgoing.all(owner);
  }

  /** Recipients of a share of exactly this folder. */
  recipients(folderid: number): number[] {
    return this.s.recipients.all(folderid).map((r) => r.touserid);
  }

  /** Folders shared with `touserid` (the tops of their shares). */
  sharedWith(touserid: number): number[] {
    return this.s.sharedWith.all(touserid).map((r) => r.folderid);
  }

  /** Accounts that share something with `touserid`. */
  ownersSharingWith(touserid: number): number[] {
    return this.s.ownersSharingWith.all(touserid).map((r) => r.owner);
  }

  /** Shared out, or offered in a pending request. */
  isSharedOut(folderid: number, at: number): boolean {
    return this.s.anyShare.get(folderid) !== undefined || this.s.anyRequest.get(folderid, at) !== undefined;
  }

  /** Live foreign folders mounted in `parent`, each under the name its recipient gave it. */
  mountedIn(parent: number): FolderRow[] {
    return this.s.mountedIn.all(parent);
  }

  policy(userid: number, fromuserid: number): SharePolicy | undefined {
    return this.s.policy.get(userid, fromuserid)?.policy;
  }

  setPolicy(userid: number, fromuserid: number, policy: SharePolicy): void {
    this.s.setPolicy.run(userid, fromuserid, policy);
  }
}

function statements(db: DB) {
  const q = preparer(db);
  return {
    request: q<[number, number], ShareRequestRow>('SELECT * FROM sharerequests WHERE id = ? AND expires >= ?'),
    requestByCode: q<[string, number], ShareRequestRow>('SELECT * FROM sharerequests WHERE code = ? AND expires >= ?'),
    pendingTo: q<[number, string, number], 1>('SELECT 1 FROM sharerequests WHERE folderid = ? AND tomail = ? AND expires >= ?'),
    insertRequest: q<[number, number, string, string, string | null, number, number, number, string], never>(
      'INSERT INTO sharerequests (folderid, owner, tomail, name, message, perms, created, expires, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteRequest: q<[number], never>('DELETE FROM sharerequests WHERE id = ?'),
    requestsTo: q<[string, number], ShareRequestRow>('SELECT * FROM sharerequests WHERE tomail = ? AND expires >= ? ORDER BY id'),
    requestsFrom: q<[number, number], ShareRequestRow>('SELECT * FROM sharerequests WHERE owner = ? AND expires >= ? ORDER BY id'),
    anyRequest: q<[number, number], 1>('SELECT 1 FROM sharerequests WHERE folderid = ? AND expires >= ? LIMIT 1'),
    share: q<[number], ShareRow>('SELECT * FROM shares WHERE id = ?'),
    shareOf: q<[number, number], ShareRow>('SELECT * FROM shares WHERE folderid = ? AND touserid = ?'),
    insertShare: q<[number, number, number, number, string, number, number], never>(
      'INSERT INTO shares (folderid, owner, touserid, mount, name, perms, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    deleteShare: q<[number], never>('DELETE FROM shares WHERE id = ?'),
    setPerms: q<[number, number], never>('UPDATE shares SET perms = ? WHERE id = ?'),
    setMount: q<[number, string, number, number], never>('UPDATE shares SET mount = ?, name = ? WHERE folderid = ? AND touserid = ?'),
    incoming: q<[number], ShareRow>('SELECT * FROM shares WHERE touserid = ? ORDER BY id'),
    outgoing: q<[number], ShareRow>('SELECT * FROM shares WHERE owner = ? ORDER BY id'),
    recipients: q<[number], { touserid: number }>('SELECT touserid FROM shares WHERE folderid = ?'),
    sharedWith: q<[number], { folderid: number }>('SELECT folderid FROM shares WHERE touserid = ?'),
    ownersSharingWith: q<[number], { owner: number }>('SELECT DISTINCT owner FROM shares WHERE touserid = ?'),
    anyShare: q<[number], 1>('SELECT 1 FROM shares WHERE folderid = ? LIMIT 1'),
    // the recipient sees the share under the name they accepted it with
    mountedIn: q<[number], FolderRow>('SELECT f.*, s.name AS name FROM shares s JOIN folders f ON f.id = s.folderid WHERE s.mount = ? AND f.deleted = 0'),
    policy: q<[number, number], { policy: SharePolicy }>('SELECT policy FROM sharepolicies WHERE userid = ? AND fromuserid = ?'),
    setPolicy: q<[number, number, SharePolicy], never>('INSERT OR REPLACE INTO sharepolicies (userid, fromuserid, policy) VALUES (?, ?, ?)'),
  };
}
