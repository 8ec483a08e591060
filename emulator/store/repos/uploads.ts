// Upload sessions (upload_create … upload_save): one row per open session; its bytes live in
// `tmp/upload-<id>` of the blob store until saved. The state machine is in methods/upload.ts.
import type { DB } from '../db';
import { preparer } from './sql';

export interface UploadRow {
  id: number;
  userid: number;
  /** Bytes written so far (the highest offset reached). */
  size: number;
  /** The size announced by upload_create, if any. */
  filesize: number | null;
  created: number;
}

export class UploadRepo {
  private readonly s: ReturnType<typeof statements>;

  constructor(db: DB) {
    this.s = statements(db);
  }

  create(userid: number, filesize: number | null, at: number): number {
    return Number(this.s.insert.run(userid, filesize, at).lastInsertRowid);
  }

  byId(id: number): UploadRow | undefined {
    return this.s.byId.get(id);
  }

  /** A session of `userid`: nobody else's is visible. */
  owned(id: number, userid: number): UploadRow | undefined {
    return this.s.owned.get(id, userid);
  }

  all(): Pick<UploadRow, 'id' | 'created'>[] {
    return this.s.all.all();
  }

  exists(id: number): boolean {
    return this.s.exists.get(id) !== undefined;
  }

  /** Records that bytes reached `end` (writes may arrive out of order). */
  grow(id: number, end: number): void {
    this.s.grow.run(end, id);
  }

  delete(id: number): void {
    this.s.delete.run(id);
  }
}

function statements(db: DB) {
  const q = preparer(db);
  return {
    insert: q<[number, number | null, number], never>('INSERT INTO uploads (userid, filesize, created) VALUES (?, ?, ?)'),
    byId: q<[number], UploadRow>('SELECT * FROM uploads WHERE id = ?'),
    owned: q<[number, number], UploadRow>('SELECT * FROM uploads WHERE id = ? AND userid = ?'),
    all: q<[], Pick<UploadRow, 'id' | 'created'>>('SELECT id, created FROM uploads'),
    exists: q<[number], 1>('SELECT 1 FROM uploads WHERE id = ?'),
    grow: q<[number, number], never>('UPDATE uploads SET size = MAX(size, ?) WHERE id = ?'),
    delete: q<[number], never>('DELETE FROM uploads WHERE id = ?'),
  };
}
