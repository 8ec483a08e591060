// Upload links (docs/pcloud/methods-uploadlinks.md) and their counters. A file's slot and space are
// taken by single statements (or one immediate transaction), so parallel uploads cannot pass the limits.
import type { DB } from '../db';
import { fail } from '../../errors';
import { preparer } from './sql';

export interface UploadLinkRow {
  id: number;
  owner: number;
  folderid: number;
  code: string;
  mail: string;
  comment: string;
  created: number;
  modified: number;
  expire: number | null;
  maxspace: number | null;
  maxfiles: number | null;
  files: number;
  space: number;
  deleted: number;
}

export type NewUploadLink = Pick<UploadLinkRow, 'owner' | 'folderid' | 'code' | 'mail' | 'comment' | 'created' | 'expire' | 'maxspace' | 'maxfiles'>;

/** What changeuploadlink may change. */
export type UploadLinkChange = Partial<Pick<UploadLinkRow, 'expire' | 'maxspace' | 'maxfiles' | 'modified'>>;

export class UploadLinkRepo {
  private readonly s: ReturnType<typeof statements>;

  constructor(private readonly db: DB) {
    this.s = statements(db);
  }

  byId(id: number): UploadLinkRow | undefined {
    return this.s.byId.get(id);
  }

  /** A live link of `owner`. */
  owned(owner: number, id: number): UploadLinkRow | undefined {
    return this.s.owned.get(id, owner);
  }

  /** By code, deleted ones included. */
  byCode(code: string): UploadLinkRow | undefined {
    return this.s.byCode.get(code);
  }

  liveByCode(code: string): UploadLinkRow | undefined {
    return this.s.liveByCode.get(code);
  }

  codeTaken(code: string): boolean {
    return this.s.byCode.get(code) !== undefined;
  }

  create(l: NewUploadLink): number {
    return Number(this.s.insert.run(l.owner, l.folderid, l.code, l.mail, l.comment, l.created, l.created, l.expire, l.maxspace, l.maxfiles).lastInsertRowid);
  }

  list(owner: number): UploadLinkRow[] {
    return this.s.list.all(owner);
  }

  delete(id: number, at: number): void {
    this.s.delete.run(at, id);
  }

  change(id: number, c: UploadLinkChange): void {
    for (const [col, v] of Object.entries(c)) this.s.set[col as keyof UploadLinkChange].run(v ?? null, id);
  }

  /** Takes one file slot and `bytes` of space: 7008 / 7007 when the slot or space is not there. */
  reserve(id: number, bytes: number): void {
    this.db
      .transaction(() => {
        const l = this.byId(id)!;
        if (l.maxfiles && l.files >= l.maxfiles) fail(7008);
        if (l.maxspace && l.space + bytes > l.maxspace) fail(7007);
        this.s.take.run(bytes, id);
      })
      .immediate();
  }

  /** More space for a file already holding a slot; false past `maxspace`. */
  reserveSpace(id: number, bytes: number): boolean {
    return this.s.takeSpace.run(bytes, id, bytes).changes > 0;
  }

  /** Gives back space a file reserved but did not need. */
  releaseSpace(id: number, bytes: number): void {
    this.s.releaseSpace.run(bytes, id);
  }

  /** Gives back the slot and space of a file that was not stored. */
  release(id: number, bytes: number): void {
    this.s.release.run(bytes, id);
  }
}

function statements(db: DB) {
  const q = preparer(db);
  const set = (col: keyof UploadLinkChange) => q<[number | null, number], never>(`UPDATE uploadlinks SET ${col} = ? WHERE id = ?`);
  return {
    byId: q<[number], UploadLinkRow>('SELECT * FROM uploadlinks WHERE id = ?'),
    owned: q<[number, number], UploadLinkRow>('SELECT * FROM uploadlinks WHERE id = ? AND owner = ? AND deleted = 0'),
    byCode: q<[string], UploadLinkRow>('SELECT * FROM uploadlinks WHERE code = ?'),
    liveByCode: q<[string], UploadLinkRow>('SELECT * FROM uploadlinks WHERE code = ? AND deleted = 0'),
    insert: q<[number, number, string, string, string, number, number, number | null, number | null, number | null], never>(
      'INSERT INTO uploadlinks (owner, folderid, code, mail, comment, created, modified, expire, maxspace, maxfiles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    list: q<[number], UploadLinkRow>('SELECT * FROM uploadlinks WHERE owner = ? AND deleted = 0 ORDER BY id'),
    delete: q<[number, number], never>('UPDATE uploadlinks SET deleted = 1, modified = ? WHERE id = ?'),
    set: { expire: set('expire'), maxspace: set('maxspace'), maxfiles: set('maxfiles'), modified: set('modified') },
    take: q<[number, number], never>('UPDATE uploadlinks SET files = files + 1, space = space + ? WHERE id = ?'),
    takeSpace: q<[number, number, number], never>('UPDATE uploadlinks SET space = space + ? WHERE id = ? AND (maxspace IS NULL OR space + ? <= maxspace)'),
    releaseSpace: q<[number, number], never>('UPDATE uploadlinks SET space = MAX(0, space - ?) WHERE id = ?'),
    release: q<[number, number], never>('UPDATE uploadlinks SET files = MAX(0, files - 1), space = MAX(0, space - ?) WHERE id = ?'),
  };
}
