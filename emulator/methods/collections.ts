// Collections (playlists), docs/pcloud/methods-misc.md §3. All refuse OAuth tokens (1000) when the quirk is on.
// Choices where the docs are silent: only audio files can be linked (2071 per item otherwise), a file
// already in the collection answers 2072 per item, system collections cannot be renamed or deleted
// (2065), `collection` is an object in every reply.
import { defineMethods, me, type Ctx, type MethodDef } from '../registry';
import type { Emulator } from '../server';
import type { Storage, Meta } from '../store/storage';
import type { FileRow, UserRow } from '../store/model';
import { PDate, fileKind, now } from '../store/model';
import { ApiError, fail, messageFor } from '../errors';

export interface CollectionRow {
  id: number;
  userid: number;
  name: string;
  type: number;
  system: number;
  created: number;
  modified: number;
}

interface ItemRow {
  fileid: number;
  position: number;
  added: number;
}

/** System collections created on the first collection_list (names beyond "Most Listened" unverified). */
const SYSTEM_COLLECTIONS = ['Most Listened'];

export function ensureCollectionTables(st: Storage): void {
  st.db.exec(`
    CREATE TABLE IF NOT EXISTS collections (
      id INTEGER PRIMARY KEY,
      userid INTEGER NOT NULL,
      name TEXT NOT NULL,
      type INTEGER NOT NULL DEFAULT 1,
      system INTEGER NOT NULL DEFAULT 0,
      created INTEGER NOT NULL,
      modified INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS collections_user_name ON collections (userid, name);
    CREATE TABLE IF NOT EXISTS collection_items (
      collectionid INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
      fileid INTEGER NOT NULL,
      position INTEGER NOT NULL,
      added INTEGER NOT NULL,
      PRIMARY KEY (collectionid, fileid)
    );
    CREATE TABLE IF NOT EXISTS collection_system_done (userid INTEGER PRIMARY KEY);
  `);
}

const TYPE_NAMES: Record<number, string> = { 1: 'audio' };

function typeArg(ctx: Ctx): number | undefined {
  const t = ctx.p.int('type', 1058);
  if (t !== undefined && !TYPE_NAMES[t]) fail(1058);
  return t;
}

function collectionArg(ctx: Ctx): CollectionRow {
  const id = ctx.p.int('collectionid', 2065);
  if (id === undefined) fail(1057);
  const row = ctx.st.q('SELECT * FROM collections WHERE id = ? AND userid = ?').get(id, me(ctx).id) as CollectionRow | undefined;
  if (!row) fail(2065);
  return row;
}

/** The file behind an item if the user can still see it (trashed or unshared files drop out silently). */
function visibleFile(st: Storage, user: UserRow, fileid: number): FileRow | null {
  try {
    const { row, perms } = st.fileById(user, fileid);
    return perms.read ? row : null;
  } catch {
    return null;
  }
}

export function visibleItems(st: Storage, user: UserRow, c: CollectionRow): { item: ItemRow; file: FileRow }[] {
  const rows = st.q('SELECT fileid, position, added FROM collection_items WHERE collectionid = ? ORDER BY position').all(c.id) as ItemRow[];
  const out: { item: ItemRow; file: FileRow }[] = [];
  for (const item of rows) {
    const file = visibleFile(st, user, item.fileid);
    if (file) out.push({ item, file });
  }
  return out;
}

function itemMeta(st: Storage, user: UserRow, file: FileRow, item: ItemRow): Meta {
  return { ...st.fileMeta(user, file), position: item.position, added: new PDate(item.added) };
}

function collectionObject(st: Storage, user: UserRow, c: CollectionRow, contents?: { from: number; count: number } | false): Meta {
  const items = visibleItems(st, user, c);
  const out: Meta = {
    id: c.id, name: c.name, type: TYPE_NAMES[c.type] ?? String(c.type), ismine: true, system: c.system === 1,
    items: items.length, created: new PDate(c.created), modified: new PDate(c.modified),
  };
  if (contents) out.contents = items.slice(contents.from, contents.from + contents.count).map(({ item, file }) => itemMeta(st, user, file, item));
  return out;
}

function renumber(st: Storage, collectionid: number): void {
  const rows = st.q('SELECT fileid FROM collection_items WHERE collectionid = ? ORDER BY position').all(collectionid) as { fileid: number }[];
  const upd = st.q('UPDATE collection_items SET position = ? WHERE collectionid = ? AND fileid = ?');
  rows.forEach((r, i) => upd.run(i + 1, collectionid, r.fileid));
}

function touch(st: Storage, c: CollectionRow): CollectionRow {
  st.q('UPDATE collections SET modified = ? WHERE id = ?').run(now(), c.id);
  return st.q('SELECT * FROM collections WHERE id = ?').get(c.id) as CollectionRow;
}

function nameTaken(st: Storage, userid: number, name: string, except = -1): boolean {
  return st.q('SELECT 1 FROM collections WHERE userid = ? AND name = ? AND id != ?').get(userid, name, except) !== undefined;
}

/** Appends files in the given order; one result per requested id (`fileid` as a string, as the docs show). */
function linkFiles(st: Storage, user: UserRow, c: CollectionRow, raw: string): Meta[] {
  const results: Meta[] = [];
  const t = now();
  st.db.transaction(() => {
    let pos = (st.q('SELECT COALESCE(MAX(position), 0) AS n FROM collection_items WHERE collectionid = ?').get(c.id) as { n: number }).n;
    for (const part of raw.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
      const failed = (code: number, message = messageFor(code)) => results.push({ fileid: part, result: code, message });
      if (!/^\d+$/.test(part)) {
        failed(1018);
        continue;
      }
      const file = visibleFile(st, user, Number(part));
      if (!file) {
        failed(2009);
        continue;
      }
      if (fileKind(file.name).category !== 3) {
        failed(2071);
        continue;
      }
      if (st.q('SELECT 1 FROM collection_items WHERE collectionid = ? AND fileid = ?').get(c.id, file.id)) {
        failed(2072, 'File is already in the collection.'); // emulator-invented message
        continue;
      }
      const item: ItemRow = { fileid: file.id, position: ++pos, added: t };
      st.q('INSERT INTO collection_items (collectionid, fileid, position, added) VALUES (?, ?, ?, ?)').run(c.id, file.id, item.position, t);
      results.push({ fileid: part, result: 0, metadata: itemMeta(st, user, file, item) });
    }
  })();
  return results;
}

function positionsOf(raw: string, code: number): number[] {
  return raw.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => {
    if (!/^\d+$/.test(s)) fail(code);
    return Number(s);
  });
}

export function collectionMethods(emu: Emulator): MethodDef[] {
  ensureCollectionTables(emu.st);
  return defineMethods([
    {
      name: 'collection_list',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const user = me(ctx);
        const { st } = ctx;
        const type = typeArg(ctx);
        if (!st.q('SELECT 1 FROM collection_system_done WHERE userid = ?').get(user.id)) {
          st.db.transaction(() => {
            const t = now();
            for (const name of SYSTEM_COLLECTIONS) {
              if (!nameTaken(st, user.id, name)) {
                st.q('INSERT INTO collections (userid, name, type, system, created, modified) VALUES (?, ?, 1, 1, ?, ?)').run(user.id, name, t, t);
              }
            }
            st.q('INSERT INTO collection_system_done (userid) VALUES (?)').run(user.id);
          })();
        }
        const rows = (type === undefined
          ? st.q('SELECT * FROM collections WHERE userid = ? ORDER BY id').all(user.id)
          : st.q('SELECT * FROM collections WHERE userid = ? AND type = ? ORDER BY id').all(user.id, type)) as CollectionRow[];
        const showfiles = ctx.p.flag('showfiles');
        const pagesize = ctx.p.int('pagesize', 1000) ?? Number.MAX_SAFE_INTEGER;
        return { collections: rows.map((c) => collectionObject(st, user, c, showfiles && { from: 0, count: pagesize })) };
      },
    },
    {
      name: 'collection_details',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const c = collectionArg(ctx);
        const page = ctx.p.int('page', 1000) ?? 0;
        const pagesize = ctx.p.int('pagesize', 1000) || 100;
        const range = page === 0 ? { from: 0, count: Number.MAX_SAFE_INTEGER } : { from: (page - 1) * pagesize, count: pagesize };
        return { collection: collectionObject(ctx.st, me(ctx), c, range) };
      },
    },
    {
      name: 'collection_create',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const user = me(ctx);
        const name = ctx.p.require('name', 1039);
        const type = typeArg(ctx) ?? 1;
        if (nameTaken(ctx.st, user.id, name)) fail(2073);
        const t = now();
        const info = ctx.st.q('INSERT INTO collections (userid, name, type, system, created, modified) VALUES (?, ?, ?, 0, ?, ?)').run(user.id, name, type, t, t);
        const c = ctx.st.q('SELECT * FROM collections WHERE id = ?').get(Number(info.lastInsertRowid)) as CollectionRow;
        const fileids = ctx.p.str('fileids');
        if (fileids === undefined) return { collection: collectionObject(ctx.st, user, c) };
        let linkresult: Meta[] | false;
        try {
          linkresult = linkFiles(ctx.st, user, c, fileids);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          linkresult = false;
        }
        return { collection: collectionObject(ctx.st, user, c, { from: 0, count: Number.MAX_SAFE_INTEGER }), linkresult };
      },
    },
    {
      name: 'collection_rename',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const user = me(ctx);
        const c = collectionArg(ctx);
        const name = ctx.p.require('name', 1039);
        if (c.system) fail(2065);
        if (nameTaken(ctx.st, user.id, name, c.id)) fail(2073);
        ctx.st.q('UPDATE collections SET name = ?, modified = ? WHERE id = ?').run(name, now(), c.id);
        const row = ctx.st.q('SELECT * FROM collections WHERE id = ?').get(c.id) as CollectionRow;
        return { collection: collectionObject(ctx.st, user, row) };
      },
    },
    {
      name: 'collection_delete',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const c = collectionArg(ctx);
        if (c.system) fail(2065);
        ctx.st.q('DELETE FROM collections WHERE id = ?').run(c.id);
        return {};
      },
    },
    {
      name: 'collection_linkfiles',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const user = me(ctx);
        const c = collectionArg(ctx);
        const fileids = ctx.p.require('fileids', 1038);
        const results = linkFiles(ctx.st, user, c, fileids);
        const row = touch(ctx.st, c);
        return { linkresult: ctx.p.flag('noitems') ? [] : results, collection: collectionObject(ctx.st, user, row) };
      },
    },
    {
      name: 'collection_unlinkfiles',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const user = me(ctx);
        const c = collectionArg(ctx);
        const { st } = ctx;
        const positions = ctx.p.str('positions');
        const fileids = ctx.p.str('fileids');
        // precedence: positions, then all, then fileids
        st.db.transaction(() => {
          if (positions !== undefined && positions !== '') {
            const del = st.q('DELETE FROM collection_items WHERE collectionid = ? AND position = ?');
            for (const p of positionsOf(positions, 2066)) del.run(c.id, p);
          } else if (ctx.p.flag('all')) {
            st.q('DELETE FROM collection_items WHERE collectionid = ?').run(c.id);
          } else if (fileids !== undefined && fileids !== '') {
            const del = st.q('DELETE FROM collection_items WHERE collectionid = ? AND fileid = ?');
            for (const id of positionsOf(fileids, 1018)) del.run(c.id, id);
          } else fail(1038);
          renumber(st, c.id);
        })();
        const row = touch(st, c);
        return { collection: collectionObject(st, user, row, { from: 0, count: Number.MAX_SAFE_INTEGER }) };
      },
    },
    {
      name: 'collection_move',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const c = collectionArg(ctx);
        const { st } = ctx;
        const item = ctx.p.int('item', 2066);
        if (item === undefined) fail(1059);
        const position = ctx.p.int('position', 2066);
        if (position === undefined) fail(1060);
        const rows = st.q('SELECT fileid FROM collection_items WHERE collectionid = ? ORDER BY position').all(c.id) as { fileid: number }[];
        if (item < 1 || item > rows.length || position < 1 || position > rows.length) fail(2066);
        const fileid = ctx.p.int('fileid', 2066);
        // `fileid` (listed by the docs) must name the item at `item` when sent
        if (fileid !== undefined && rows[item - 1].fileid !== fileid) fail(2066);
        const [moved] = rows.splice(item - 1, 1);
        rows.splice(position - 1, 0, moved);
        st.db.transaction(() => {
          const upd = st.q('UPDATE collection_items SET position = ? WHERE collectionid = ? AND fileid = ?');
          rows.forEach((r, i) => upd.run(i + 1, c.id, r.fileid));
        })();
        touch(st, c);
        return {};
      },
    },
  ]);
}
