// Public links (docs/pcloud/methods-publinks.md): the rows and their counters. The counters are
// changed by single UPDATEs so parallel fetches cannot exceed a link's limits.
import type { DB } from '../db';
import { preparer } from './sql';

export interface LinkRow {
  id: number;
  owner: number;
  code: string;
  shortcode: string | null;
  kind: 'file' | 'folder' | 'tree' | 'collection';
  fileid: number | null;
  folderid: number | null;
  collectionid: number | null;
  tree: string | null; // JSON TreeSpec
  created: number;
  modified: number;
  expire: number | null;
  maxdownloads: number | null;
  maxtraffic: number | null;
  downloads: number;
  traffic: number;
  password: string | null;
  deleted: number;
}

export type NewLink = Pick<
  LinkRow,
  'owner' | 'code' | 'shortcode' | 'kind' | 'fileid' | 'folderid' | 'collectionid' | 'tree' | 'created' | 'expire' | 'maxdownloads' | 'maxtraffic' | 'password'
>;

/** What changepublink may change. */
export type LinkChange = Partial<Pick<LinkRow, 'shortcode' | 'expire' | 'maxdownloads' | 'maxtraffic' | 'password' | 'modified'>>;

export class LinkRepo {
  private readonly s: ReturnType<typeof statements>;

  constructor(private readonly db: DB) {
    this.s = statements(db);
  }

  byId(id: number): LinkRow | undefined {
    return this.s.byId.get(id);
  }

  /** A live (not deleted) link of `owner`. */
  owned(owner: number, id: number): LinkRow | undefined {
    return this.s.owned.get(id, owner);
  }

  /** By code or short code, deleted ones included. */
  byCode(code: string): LinkRow | undefined {
    return this.s.byCode.get(code, code);
  }

  codeTaken(code: string): boolean {
    return this.s.codeTaken.get(code, code) !== undefined;
  }

  create(l: NewLink): number {
    return Number(
      this.s.insert.run(
        l.owner, l.code, l.shortcode, l.kind, l.fileid, l.folderid, l.collectionid, l.tree, l.created, l.created, l.expire, l.maxdownloads, l.maxtraffic, l.password,
      ).lastInsertRowid,
    );
  }

  /** Live links of `owner`, oldest first. */
  list(owner: number): LinkRow[] {
    return this.s.list.all(owner);
  }

  delete(id: number, at: number): void {
    this.s.delete.run(at, id);
  }

  change(id: number, c: LinkChange): void {
    for (const [col, v] of Object.entries(c)) this.s.set[col as keyof LinkChange].run(v ?? null, id);
  }

  /** Takes one download if the limit allows it; false when `maxdownloads` is reached. */
  reserveDownload(id: number): boolean {
    return this.s.reserveDownload.run(id).changes > 0;
  }

  releaseDownload(id: number): void {
    this.s.releaseDownload.run(id);
  }

  /**
   * Traffic is counted as bytes leave the socket, so the last count of a download can arrive after
   * the server closed its database (a stop in the middle of a download): that count is dropped.
   */
  addTraffic(id: number, bytes: number): void {
    if (!this.db.open) return;
    this.s.addTraffic.run(bytes, id);
  }
}

function statements(db: DB) {
  const q = preparer(db);
  const set = (col: keyof LinkChange) => q<[string | number | null, number], never>(`UPDATE publinks SET ${col} = ? WHERE id = ?`);
  return {
    byId: q<[number], LinkRow>('SELECT * FROM publinks WHERE id = ?'),
    owned: q<[number, number], LinkRow>('SELECT * FROM publinks WHERE id = ? AND owner = ? AND deleted = 0'),
    byCode: q<[string, string], LinkRow>('SELECT * FROM publinks WHERE code = ? OR shortcode = ?'),
    codeTaken: q<[string, string], 1>('SELECT 1 FROM publinks WHERE code = ? OR shortcode = ?'),
    insert: q<
      [number, string, string | null, string, number | null, number | null, number | null, string | null, number, number, number | null, number | null, number | null, string | null],
      never
    >(
      'INSERT INTO publinks (owner, code, shortcode, kind, fileid, folderid, collectionid, tree, created, modified, expire, maxdownloads, maxtraffic, password) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    list: q<[number], LinkRow>('SELECT * FROM publinks WHERE owner = ? AND deleted = 0 ORDER BY id'),
    delete: q<[number, number], never>('UPDATE publinks SET deleted = 1, modified = ? WHERE id = ?'),
    set: {
      shortcode: set('shortcode'),
      expire: set('expire'),
      maxdownloads: set('maxdownloads'),
      maxtraffic: set('maxtraffic'),
      password: set('password'),
      modified: set('modified'),
    },
    reserveDownload: q<[number], never>('UPDATE publinks SET downloads = downloads + 1 WHERE id = ? AND (maxdownloads IS NULL OR downloads < maxdownloads)'),
    releaseDownload: q<[number], never>('UPDATE publinks SET downloads = MAX(0, downloads - 1) WHERE id = ?'),
    addTraffic: q<[number, number], never>('UPDATE publinks SET traffic = traffic + ? WHERE id = ?'),
  };
}
