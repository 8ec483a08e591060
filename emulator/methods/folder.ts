import { defineMethods, me, type Ctx } from '../registry';
import type { FolderRow, UserRow } from '../store/model';
import { ICON_IDS, fileKind, type FileKind } from '../store/model';
import { formatDate } from '../http/dates';
import type { Meta, Storage } from '../store/storage';
import { fail } from '../errors';
import { ChunkWriter, RawJson, formatOptions, metaJson, type JsonOptions } from '../json';
import { folderArg } from './common';
import { checkMove, copyFolder, createFolder, destination, renameFolder, trashFolder } from '../store/ops';

/** `path` or `folderid` + `name` for a folder to create (1001 when incomplete). */
function newFolderArgs(ctx: Ctx): { parent: FolderRow; name: string } {
  const user = me(ctx);
  const path = ctx.p.str('path');
  const id = ctx.p.int('folderid', 1017);
  if (id !== undefined) {
    const name = ctx.p.str('name');
    if (name === undefined) fail(1001);
    const { row, perms } = ctx.st.folderById(user, id);
    if (!perms.create) fail(2003);
    return { parent: row, name };
  }
  if (path === undefined || path === '') fail(1001);
  const parts = ctx.st.splitPath(path);
  const name = parts.pop();
  if (name === undefined) fail(2004); // the root exists
  const { row, perms } = ctx.st.walk(user, parts, 2002);
  if (!perms.create) fail(2003);
  return { parent: row, name };
}

/**
 * A folder's listing; recursive children carry `contents` but no `path` (docs/pcloud/structures.md §1.1).
 * With `fmt` (listfolder), files are serialised straight to JSON in one fragment per folder: with
 * 100,000 files that is several times faster than building objects for the generic serialiser.
 */
export function listing(
  st: Storage,
  user: UserRow,
  folder: FolderRow,
  opts: { recursive: boolean; nofiles: boolean; showdeleted: boolean; noshares: boolean; path?: string | null; fmt?: JsonOptions },
): Meta {
  const meta = st.folderMeta(user, folder, { path: opts.path });
  const prefix = typeof meta.path === 'string' ? (meta.path === '/' ? '' : meta.path) : null;
  const contents: (Meta | RawJson)[] = [];
  const child = (nested: boolean, name: string) => (nested || prefix === null ? null : `${prefix}/${name}`);
  const walk = (row: FolderRow, into: (Meta | RawJson)[], nested: boolean) => {
    const deleted = opts.showdeleted ? [0, 1] : [0];
    for (const d of deleted) {
      for (const sub of st.childFolders(row.id, d)) {
        if (opts.noshares && sub.owner !== user.id) continue;
        if (sub.owner !== user.id && !st.folderPerms(user, sub)) continue;
        const m = st.folderMeta(user, sub, { path: child(nested, sub.name) });
        if (opts.recursive) {
          const inner: (Meta | RawJson)[] = [];
          walk(sub, inner, true);
          m.contents = inner;
        }
        into.push(m);
      }
      if (opts.nofiles) continue;
      const pathPrefix = nested || prefix === null ? null : `${prefix}/`;
      if (opts.fmt) {
        const chunks = filesJson(st, user, row, d, pathPrefix, opts.fmt);
        if (chunks.length) into.push(new RawJson(chunks));
      } else {
        for (const f of st.childFiles(row.id, d)) into.push(st.fileMeta(user, f, { path: child(nested, f.name) }));
      }
    }
  };
  walk(folder, contents, false);
  meta.contents = contents;
  return meta;
}

/** JSON for every field name, once: `"name":`. */
const keys = new Map<string, string>();
const key = (k: string) => keys.get(k) ?? (keys.set(k, JSON.stringify(k) + ':'), keys.get(k)!);

/**
 * The files of one folder as JSON array elements (`{…},{…}`), exactly as `toJson(st.fileMeta(…))`
 * prints them but without building objects: the listfolder fast path. Own files without media fields
 * are written here field by field; anything else (foreign files in shares, probed media) takes the
 * generic path.
 */
function filesJson(st: Storage, user: UserRow, folder: FolderRow, deleted: number, pathPrefix: string | null, fmt: JsonOptions): Buffer[] {
  const rows = st.childFilesForListing(folder.id, deleted);
  if (!rows.length) return [];
  const f = fmt.filterMeta;
  const want = (k: string) => !f || f.has(k);
  const w = {
    name: want('name'), created: want('created'), modified: want('modified'), ismine: want('ismine'), isshared: want('isshared'),
    thumb: want('thumb'), comments: want('comments'), isfolder: want('isfolder'), id: want('id'), fileid: want('fileid'),
    parentfolderid: want('parentfolderid'), icon: want('icon'), category: want('category'), contenttype: want('contenttype'),
    size: want('size'), hash: want('hash'), path: want('path') && pathPrefix !== null, isdeleted: want('isdeleted') && deleted !== 0,
  };
  // files of a folder tend to share timestamps (one upload batch): format each second once
  let lastSecond = -1;
  let lastDate = '';
  const date = (s: number) => {
    if (s !== lastSecond) {
      lastSecond = s;
      lastDate = fmt.timestamps ? String(s) : `"${formatDate(s)}"`;
    }
    return lastDate;
  };
  const parent = String(st.extFolderId(user, folder.id));
  const out = new ChunkWriter();
  let sep = '';
  // `"icon":…,"category":…,"contenttype":…` per kind, and the constant runs of fields
  const kinds = new Map<FileKind, string>();
  const kindJson = (k: FileKind) =>
    kinds.get(k) ??
    (kinds.set(k, `"icon":${fmt.iconIds ? String(ICON_IDS[k.icon] ?? 0) : JSON.stringify(k.icon)},"category":${k.category},"contenttype":${JSON.stringify(k.contenttype)}`),
    kinds.get(k)!);
  const tail = `${deleted !== 0 ? ',"isdeleted":true' : ''}}`;
  for (const [id, owner, name, size, created, modified, hash, media] of rows) {
    if (owner !== user.id || media) {
      const row = st.fileRow(id)!;
      out.write(sep + metaJson(st.fileMeta(user, row, { path: pathPrefix === null ? null : pathPrefix + name, blob: { hash, media } }), fmt));
      sep = ',';
      continue;
    }
    const kind = fileKind(name);
    if (!f) {
      const quoted = JSON.stringify(name);
      const path = pathPrefix === null ? '' : `,"path":${pathPrefix === '/' ? `"/${quoted.slice(1)}` : JSON.stringify(pathPrefix + name)}`;
      out.write(
        `${sep}{"name":${quoted},"created":${date(created)},"modified":${date(modified)},"ismine":true,"isshared":false,"thumb":${kind.thumb && size > 0},` +
          `"comments":0,"isfolder":false,"id":"f${id}","fileid":${id},"parentfolderid":${parent},${kindJson(kind)},"size":${size},"hash":${hash}${path}${tail}`,
      );
      sep = ',';
      continue;
    }
    const parts: string[] = [];
    if (w.name) parts.push(key('name') + JSON.stringify(name));
    if (w.created) parts.push(key('created') + date(created));
    if (w.modified) parts.push(key('modified') + date(modified));
    if (w.ismine) parts.push(key('ismine') + 'true');
    if (w.isshared) parts.push(key('isshared') + 'false');
    if (w.thumb) parts.push(key('thumb') + String(kind.thumb && size > 0));
    if (w.comments) parts.push(key('comments') + '0');
    if (w.isfolder) parts.push(key('isfolder') + 'false');
    if (w.id) parts.push(key('id') + `"f${id}"`);
    if (w.fileid) parts.push(key('fileid') + id);
    if (w.parentfolderid) parts.push(key('parentfolderid') + parent);
    if (w.icon) parts.push(key('icon') + (fmt.iconIds ? String(ICON_IDS[kind.icon] ?? 0) : JSON.stringify(kind.icon)));
    if (w.category) parts.push(key('category') + kind.category);
    if (w.contenttype) parts.push(key('contenttype') + JSON.stringify(kind.contenttype));
    if (w.size) parts.push(key('size') + size);
    if (w.hash) parts.push(key('hash') + hash);
    if (w.path) parts.push(key('path') + JSON.stringify(pathPrefix + name));
    if (w.isdeleted) parts.push(key('isdeleted') + 'true');
    out.write(`${sep}{${parts.join(',')}}`);
    sep = ',';
  }
  return out.flush();
}

export const folderMethods = () =>
  defineMethods([
    {
      name: 'createfolder',
      auth: 'required',
      handler(ctx) {
        const { parent, name } = newFolderArgs(ctx);
        const row = createFolder(ctx.st, me(ctx), parent, name);
        return { metadata: ctx.st.folderMeta(me(ctx), row) };
      },
    },
    {
      name: 'createfolderifnotexists',
      auth: 'required',
      handler(ctx) {
        const { parent, name } = newFolderArgs(ctx);
        const existing = ctx.st.childFolder(parent.id, name);
        if (existing) return { created: false, metadata: ctx.st.folderMeta(me(ctx), existing) };
        const row = createFolder(ctx.st, me(ctx), parent, name);
        return { created: true, metadata: ctx.st.folderMeta(me(ctx), row) };
      },
    },
    {
      name: 'listfolder',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row, perms } = folderArg(ctx);
        if (!perms.read) fail(2003);
        const recursive = ctx.p.flag('recursive');
        if (recursive && row.id === user.rootfolder && ctx.emu.quirks.rootRecursiveRefused) fail(1101);
        return {
          metadata: listing(ctx.st, user, row, {
            recursive,
            nofiles: ctx.p.flag('nofiles'),
            showdeleted: ctx.p.flag('showdeleted'),
            noshares: ctx.p.flag('noshares'),
            fmt: formatOptions(ctx.p),
          }),
        };
      },
    },
    {
      name: 'renamefolder',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row, perms } = folderArg(ctx);
        const topath = ctx.p.str('topath');
        const tofolderid = ctx.p.int('tofolderid', 1017);
        const toname = ctx.p.str('toname');
        if (topath === undefined && tofolderid === undefined && toname === undefined) fail(1037);
        if (row.parent === null) fail(2042);
        const mount = row.owner !== user.id ? ctx.st.mountParent(user.id, row) : null;
        if (mount !== null) {
          // The top of a foreign share is the recipient's mount point: renaming or moving it changes
          // only where and under which name they see it, never the owner's folder (like acceptshare's
          // folderid, the new place must be the recipient's own folder: 2023).
          const dest = destination(ctx.st, user, { topath, tofolderid, toname }, ctx.st.mountName(user.id, row) ?? row.name);
          const parent = dest.parent ?? ctx.st.folderRow(mount)!;
          if (parent.owner !== user.id) fail(2023);
          ctx.st.moveMount(user, row, parent, dest.name);
          return { metadata: ctx.st.folderMeta(user, row) };
        }
        if (!perms.modify) fail(2003);
        const dest = destination(ctx.st, user, { topath, tofolderid, toname }, row.name);
        const parent = dest.parent ?? ctx.st.folderRow(row.parent)!;
        checkMove(ctx.st, user, perms, ctx.st.folderRow(row.parent)!, parent);
        const moved = renameFolder(ctx.st, user, row, parent, dest.name);
        return { metadata: ctx.st.folderMeta(user, moved) };
      },
    },
    {
      name: 'deletefolder',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row, perms } = folderArg(ctx);
        if (row.parent === null) fail(2007);
        if (!perms.delete) fail(2003);
        if (ctx.st.childFolders(row.id).length || ctx.st.childFiles(row.id).length) fail(2006);
        if (ctx.st.isShared(row)) fail(2028);
        const meta = ctx.st.folderMeta(user, row);
        trashFolder(ctx.st, user, row);
        return { metadata: { ...meta, isdeleted: true } };
      },
    },
    {
      name: 'deletefolderrecursive',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row, perms } = folderArg(ctx);
        if (row.parent === null) fail(2007);
        if (!perms.delete) fail(2003);
        const { files, folders } = trashFolder(ctx.st, user, row);
        return { deletedfiles: files, deletedfolders: folders };
      },
    },
    {
      name: 'copyfolder',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row, perms } = folderArg(ctx);
        if (!perms.read) fail(2003);
        const tofolderid = ctx.p.int('tofolderid', 1017);
        const topath = ctx.p.str('topath');
        let dest: FolderRow;
        if (tofolderid !== undefined) {
          const d = ctx.st.folderRow(ctx.st.intFolderId(user, tofolderid));
          if (!d || d.deleted || !ctx.st.folderPerms(user, d)) fail(2208);
          if (!ctx.st.folderPerms(user, d)!.create) fail(2003);
          dest = d;
        } else if (topath !== undefined) {
          const d = ctx.st.walk(user, ctx.st.splitPath(topath), 2208);
          if (!d.perms.create) fail(2003);
          dest = d.row;
        } else fail(1016);
        const target = copyFolder(ctx.st, user, row, dest, {
          noover: ctx.p.flag('noover'),
          skipexisting: ctx.p.flag('skipexisting'),
          contentOnly: ctx.p.flag('copycontentonly'),
        });
        return { metadata: ctx.st.folderMeta(user, target) };
      },
    },
  ]);
