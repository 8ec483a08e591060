import { defineMethods, me, type Ctx } from '../registry';
import type { FileRow, FolderRow, UserRow } from '../store/model';
import type { Meta, Storage } from '../store/storage';
import { fail } from '../errors';
import { purge, restoreFile, restoreFolder, restoreTarget } from '../store/ops';
import { listing } from '../domain/listing';

/** Trash view of an item: `parentfolderid` is its place inside the trash, `origparentfolderid` where it lived. */
function trashMeta(st: Storage, user: UserRow, item: { file?: FileRow; folder?: FolderRow }): Meta {
  if (item.file) {
    const f = item.file;
    const m = st.fileMeta(user, f, { path: null });
    m.isdeleted = true;
    m.parentfolderid = f.deleted === 1 ? 0 : st.extFolderId(user, f.parent);
    if (f.origparent !== null) m.origparentfolderid = st.extFolderId(user, f.origparent);
    return m;
  }
  const d = item.folder!;
  const m = st.folderMeta(user, d, { path: null });
  m.isdeleted = true;
  m.parentfolderid = d.deleted === 1 ? 0 : st.extFolderId(user, d.parent!);
  if (d.origparent !== null) m.origparentfolderid = st.extFolderId(user, d.origparent);
  return m;
}

function trashedFolder(ctx: Ctx, id: number): FolderRow {
  const row = ctx.st.folderRow(id);
  if (!row || row.owner !== me(ctx).id || row.deleted === 0) fail(2005);
  return row;
}

function trashedFile(ctx: Ctx, id: number): FileRow {
  const row = ctx.st.fileRow(id);
  if (!row || row.owner !== me(ctx).id || row.deleted === 0) fail(2009);
  return row;
}

function listTrash(ctx: Ctx, folderid: number, recursive: boolean, nofiles: boolean): Meta[] {
  const st = ctx.st;
  const user = me(ctx);
  const folders =
    folderid === 0
      ? st.files.trashedFolders(user.id)
      : st.childFolders(folderid, 2);
  const files =
    folderid === 0 ? st.files.trashedFiles(user.id) : st.childFiles(folderid, 2);
  const out: Meta[] = [];
  for (const d of folders) {
    const m = trashMeta(st, user, { folder: d });
    if (recursive) m.contents = listTrash(ctx, d.id, true, nofiles);
    out.push(m);
  }
  if (!nofiles) for (const f of files) out.push(trashMeta(st, user, { file: f }));
  return out;
}

/** `fileid` or `folderid` of a trashed item (1053 when neither). */
function target(ctx: Ctx): { file?: FileRow; folder?: FolderRow; all?: true } {
  const fileid = ctx.p.int('fileid', 1018);
  const folderid = ctx.p.int('folderid', 1017);
  if (fileid !== undefined) return { file: trashedFile(ctx, fileid) };
  if (folderid === 0) return { all: true };
  if (folderid !== undefined) return { folder: trashedFolder(ctx, folderid) };
  fail(1053);
}

export const trashMethods = () =>
  defineMethods([
    {
      name: 'trash_list',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const user = me(ctx);
        const folderid = ctx.p.int('folderid', 1017) ?? 0;
        const st = ctx.st;
        const base =
          folderid === 0
            ? { ...st.folderMeta(user, st.folderRow(user.rootfolder)!, { path: '/' }), isdeleted: true }
            : trashMeta(st, user, { folder: trashedFolder(ctx, folderid) });
        return { metadata: { ...base, contents: listTrash(ctx, folderid === 0 ? 0 : folderid, ctx.p.flag('recursive'), ctx.p.flag('nofiles')) } };
      },
    },
    {
      name: 'trash_restorepath',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const user = me(ctx);
        const t = target(ctx);
        if (t.all) fail(1017);
        const item = t.file ?? t.folder!;
        const dest = restoreTarget(ctx.st, user, item.deleted === 1 ? item.origparent : item.parent);
        return { metadata: trashMeta(ctx.st, user, t), destination: ctx.st.folderMeta(user, dest) };
      },
    },
    {
      name: 'trash_restore',
      auth: 'required',
      oauth: false,
      handler(ctx) {
        const user = me(ctx);
        const st = ctx.st;
        const t = target(ctx);
        const restoreto = ctx.p.int('restoreto', 1017);
        let into: FolderRow | undefined;
        if (restoreto !== undefined) {
          const { row, perms } = st.folderById(user, restoreto);
          if (!perms.create) fail(2003);
          into = row;
        }
        if (t.all) {
          const restored: Meta[] = [];
          for (const d of st.files.trashedFolders(user.id, false)) {
            restored.push(st.folderMeta(user, restoreFolder(st, user, d, into)));
          }
          for (const f of st.files.trashedFiles(user.id, false)) {
            restored.push(st.fileMeta(user, restoreFile(st, user, f, into)));
          }
          return into ? { metadata: st.folderMeta(user, into) } : { restored };
        }
        // Items inside a trashed folder can be restored on their own too: like trash_restorepath says,
        // they go to the closest live ancestor of the folder they lay in.
        if (t.file) return { metadata: st.fileMeta(user, restoreFile(st, user, t.file, into)) };
        const row = restoreFolder(st, user, t.folder!, into);
        if (ctx.p.flag('metadata')) return { metadata: listing(st, user, row, { recursive: true, nofiles: false, showdeleted: false, noshares: false }) };
        return { metadata: st.folderMeta(user, row) };
      },
    },
    {
      name: 'trash_clear',
      auth: 'required',
      oauth: false,
      async handler(ctx) {
        const user = me(ctx);
        const t = target(ctx);
        if (t.all) {
          for (const d of ctx.st.files.trashedFolders(user.id, false)) await purge(ctx.st, { folder: d });
          for (const f of ctx.st.files.trashedFiles(user.id, false)) await purge(ctx.st, { file: f });
          return {};
        }
        await purge(ctx.st, t);
        return {};
      },
    },
  ]);
