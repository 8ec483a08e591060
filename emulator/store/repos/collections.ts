// Collections (playlists) and their items, in position order (docs/pcloud/methods-misc.md §3).
import type { DB } from '../db';
import { preparer } from './sql';

export interface CollectionRow {
  id: number;
  userid: number;
  name: string;
  type: number;
  system: number;
  created: number;
  modified: number;
}

export interface CollectionItemRow {
  fileid: number;
  position: number;
  added: number;
}

export class CollectionRepo {
  private readonly s: ReturnType<typeof statements>;

  constructor(private readonly db: DB) {
    this.s = statements(db);
  }

  byId(id: number): CollectionRow | undefined {
    return this.s.byId.get(id);
  }

  /** The collection if `userid` owns it. */
  owned(id: number, userid: number): CollectionRow | undefined {
    return this.s.owned.get(id, userid);
  }

  list(userid: number, type?: number): CollectionRow[] {
    return type === undefined ? this.s.list.all(userid) : this.s.listType.all(userid, type);
  }

  nameTaken(userid: number, name: string, except = -1): boolean {
    return this.s.nameTaken.get(userid, name, except) !== undefined;
  }

  create(userid: number, name: string, type: number, system: boolean, at: number): CollectionRow {
    const id = Number(this.s.insert.run(userid, name, type, system ? 1 : 0, at, at).lastInsertRowid);
    return this.byId(id)!;
  }

  /** Creates the system collections once per user (not again after the user deleted or renamed them). */
  ensureSystem(userid: number, names: string[], at: number): void {
    if (this.s.systemDone.get(userid)) return;
    this.db.transaction(() => {
      for (const name of names) if (!this.nameTaken(userid, name)) this.s.insert.run(userid, name, 1, 1, at, at);
      this.s.setSystemDone.run(userid);
    })();
  }

  rename(id: number, name: string, at: number): CollectionRow {
    this.s.rename.run(name, at, id);
    return this.byId(id)!;
  }

  touch(id: number, at: number): CollectionRow {
    this.s.touch.run(at, id);
    return this.byId(id)!;
  }

  delete(id: number): void {
    this.s.delete.run(id);
  }

  items(id: number): CollectionItemRow[] {
    return this.s.items.all(id);
  }

  hasFile(id: number, fileid: number): boolean {
    return this.s.hasFile.get(id, fileid) !== undefined;
  }

  lastPosition(id: number): number {
    return this.s.lastPosition.get(id)!.n;
  }

  addItem(id: number, item: CollectionItemRow): void {
    this.s.addItem.run(id, item.fileid, item.position, item.added);
  }

  removeAt(id: number, position: number): void {
    this.s.removeAt.run(id, position);
  }

  removeFile(id: number, fileid: number): void {
    this.s.removeFile.run(id, fileid);
  }

  clear(id: number): void {
    this.s.clear.run(id);
  }

  /** Gives the items of `id` the positions 1…n in the order of `fileids`. */
  order(id: number, fileids: number[]): void {
    fileids.forEach((fileid, i) => this.s.setPosition.run(i + 1, id, fileid));
  }

  /** Closes the gaps removals left: positions 1…n in the current order. */
  renumber(id: number): void {
    this.order(id, this.items(id).map((i) => i.fileid));
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

function statements(db: DB) {
  const q = preparer(db);
  return {
    byId: q<[number], CollectionRow>('SELECT * FROM collections WHERE id = ?'),
    owned: q<[number, number], CollectionRow>('SELECT * FROM collections WHERE id = ? AND userid = ?'),
    list: q<[number], CollectionRow>('SELECT * FROM collections WHERE userid = ? ORDER BY id'),
    listType: q<[number, number], CollectionRow>('SELECT * FROM collections WHERE userid = ? AND type = ? ORDER BY id'),
    nameTaken: q<[number, string, number], 1>('SELECT 1 FROM collections WHERE userid = ? AND name = ? AND id != ?'),
    insert: q<[number, string, number, number, number, number], never>(
      'INSERT INTO collections (userid, name, type, system, created, modified) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    systemDone: q<[number], 1>('SELECT 1 FROM collection_system_done WHERE userid = ?'),
    setSystemDone: q<[number], never>('INSERT INTO collection_system_done (userid) VALUES (?)'),
    rename: q<[string, number, number], never>('UPDATE collections SET name = ?, modified = ? WHERE id = ?'),
    touch: q<[number, number], never>('UPDATE collections SET modified = ? WHERE id = ?'),
    delete: q<[number], never>('DELETE FROM collections WHERE id = ?'),
    items: q<[number], CollectionItemRow>('SELECT fileid, position, added FROM collection_items WHERE collectionid = ? ORDER BY position'),
    hasFile: q<[number, number], 1>('SELECT 1 FROM collection_items WHERE collectionid = ? AND fileid = ?'),
    lastPosition: q<[number], { n: number }>('SELECT COALESCE(MAX(position), 0) AS n FROM collection_items WHERE collectionid = ?'),
    addItem: q<[number, number, number, number], never>('INSERT INTO collection_items (collectionid, fileid, position, added) VALUES (?, ?, ?, ?)'),
    removeAt: q<[number, number], never>('DELETE FROM collection_items WHERE collectionid = ? AND position = ?'),
    removeFile: q<[number, number], never>('DELETE FROM collection_items WHERE collectionid = ? AND fileid = ?'),
    clear: q<[number], never>('DELETE FROM collection_items WHERE collectionid = ?'),
    setPosition: q<[number, number, number], never>('UPDATE collection_items SET position = ? WHERE collectionid = ? AND fileid = ?'),
  };
}
