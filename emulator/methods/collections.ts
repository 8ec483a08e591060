// Collections (playlists), docs/pcloud/methods-misc.md §3. All refuse OAuth tokens (1000) when the quirk is on.
// Choices where the docs are silent: only audio files can be linked (2071 per item otherwise), a file
// already in the collection answers 2072 per item, system collections cannot be renamed or deleted
// (2065), `collection` is an object in every reply.
import { defineMethods, me, type Ctx, type MethodDef } from '../registry';
import type { Storage, Meta } from '../store/storage';
import type { FileRow, UserRow } from '../store/model';
import { PDate, fileKind, now } from '../store/model';
import { ApiError, fail, messageFor } from '../errors';

import type { CollectionItemRow as ItemRow, CollectionRow } from '../store/repos/collections';
import { visibleFile, visibleItems } from '../domain/collections';

/** System collections created on the first collection_list (names beyond "Most Listened" unverified). */
const SYSTEM_COLLECTIONS = ['Most Listened'];

const TYPE_NAMES: Record<number, string> = { 1: 'audio' };

function typeArg(ctx: Ctx): number | undefined {
  const t = ctx.p.int('type', 1058);
  if (t !== undefined && !TYPE_NAMES[t]) fail(1058);
  return t;
}

function collectionArg(ctx: Ctx): CollectionRow {
  const id = ctx.p.int('collectionid', 2065);
  if (id === undefined) fail(1057);
  const row = ctx.st.collections.owned(id, me(ctx).id);
  if (!row) fail(2065);
  return row;
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

function touch(st: Storage, c: CollectionRow): CollectionRow {
  return st.collections.touch(c.id, now());
}

/** Appends files in the given order; one result per requested id (`fileid` as a string, as the docs show). */
function linkFiles(st: Storage, user: UserRow, c: CollectionRow, raw: string): Meta[] {
  const results: Meta[] = [];
  const t = now();
  st.collections.transaction(() => {
    let pos = st.collections.lastPosition(c.id);
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
      if (st.collections.hasFile(c.id, file.id)) {
        failed(2072, 'File is already in the collection.'); // emulator-invented message
        continue;
      }
      const item: ItemRow = { fileid: file.id, position: ++pos, added: t };
      st.collections.addItem(c.id, item);
      results.push({ fileid: part, result: 0, metadata: itemMeta(st, user, file, item) });
    }
  });
  return results;
}

function positionsOf(raw: string, code: number): number[] {
  return raw.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => {
    if (!/^\d+$/.test(s)) fail(code);
    return Number(s);
  });
}

export function collectionMethods(): MethodDef[] {
  return defineMethods([
    {
      name: 'collection_list',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const user = me(ctx);
        const { st } = ctx;
        const type = typeArg(ctx);
        st.collections.ensureSystem(user.id, SYSTEM_COLLECTIONS, now());
        const rows = st.collections.list(user.id, type);
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
        if (ctx.st.collections.nameTaken(user.id, name)) fail(2073);
        const c = ctx.st.collections.create(user.id, name, type, false, now());
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
        if (ctx.st.collections.nameTaken(user.id, name, c.id)) fail(2073);
        const row = ctx.st.collections.rename(c.id, name, now());
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
        ctx.st.collections.delete(c.id);
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
        const repo = st.collections;
        repo.transaction(() => {
          if (positions !== undefined && positions !== '') {
            for (const p of positionsOf(positions, 2066)) repo.removeAt(c.id, p);
          } else if (ctx.p.flag('all')) {
            repo.clear(c.id);
          } else if (fileids !== undefined && fileids !== '') {
            for (const id of positionsOf(fileids, 1018)) repo.removeFile(c.id, id);
          } else fail(1038);
          repo.renumber(c.id);
        });
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
        const rows = st.collections.items(c.id);
        if (item < 1 || item > rows.length || position < 1 || position > rows.length) fail(2066);
        const fileid = ctx.p.int('fileid', 2066);
        // `fileid` (listed by the docs) must name the item at `item` when sent
        if (fileid !== undefined && rows[item - 1].fileid !== fileid) fail(2066);
        const [moved] = rows.splice(item - 1, 1);
        rows.splice(position - 1, 0, moved);
        st.collections.transaction(() => st.collections.order(c.id, rows.map((r) => r.fileid)));
        touch(st, c);
        return {};
      },
    },
  ]);
}
