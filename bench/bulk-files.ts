// Big folders for the benchmarks and the e2e big-folder spec: rows go straight into the emulator's
// SQLite `files` table in one transaction (100,000 uploads through the API would take minutes).
// Every row shares one blob that is already recorded; the size column may differ per row so that
// sorting by size means something. The emulator reads listings from this table, so a running server
// sees the rows at once (WAL lets its connection and this one work side by side).
import type { Database } from 'better-sqlite3';

export interface BulkBlob {
  key: string;
  size: number;
}

/**
 * Inserts `count` files named `name(i)` into folder `parent` of user `owner`; `size(i)` defaults to
 * the blob's size. Returns nothing: callers know the names they asked for.
 */
export function bulkFiles(
  db: Database,
  owner: number,
  parent: number,
  count: number,
  name: (i: number) => string,
  blob: BulkBlob,
  time: number,
  size: (i: number) => number = () => blob.size,
): void {
  const insert = db.prepare('INSERT INTO files (owner, parent, name, blob, size, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(owner, parent, name(i), blob.key, size(i), time, time);
  })();
}
