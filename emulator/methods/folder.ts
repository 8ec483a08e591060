import { defineMethods, me, type Ctx } from '../registry';
import type { FolderRow } from '../store/model';
import { fail } from '../errors';
import { formatOptions } from '../json';
import { folderArg } from './common';
import { checkMove, copyFolder, createFolder, destination, moveMount, renameFolder, trashFolder } from '../store/ops';
import { listing } from '../domain/listing';

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
          moveMount(ctx.st, user, row, parent, dest.name);
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
