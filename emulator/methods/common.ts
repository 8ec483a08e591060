import type { Ctx } from '../registry';
import type { FileRow, FolderRow } from '../store/model';
import type { Perms } from '../store/storage';
import { me } from '../registry';
import { fail } from '../errors';

/** `folderid` | `path` (the id wins when both are sent); `missing` answers when neither is. */
export function folderArg(ctx: Ctx, missing = 1002): { row: FolderRow; perms: Perms } {
  const id = ctx.p.int('folderid', 1017);
  if (id !== undefined) return ctx.st.folderById(me(ctx), id);
  const path = ctx.p.str('path');
  if (path !== undefined && path !== '') return ctx.st.folderByPath(me(ctx), path);
  fail(missing);
}

export function optionalFolderArg(ctx: Ctx): { row: FolderRow; perms: Perms } {
  if (!ctx.p.has('folderid') && !ctx.p.has('path')) return ctx.st.folderById(me(ctx), 0);
  return folderArg(ctx);
}

/** `fileid` | `path` → a live file the caller can read (1004 when neither is sent). */
export function fileArg(ctx: Ctx, missing = 1004): { row: FileRow; perms: Perms } {
  const id = ctx.p.int('fileid', 1018);
  if (id !== undefined) return ctx.st.fileById(me(ctx), id);
  const path = ctx.p.str('path');
  if (path !== undefined && path !== '') return ctx.st.fileByPath(me(ctx), path);
  fail(missing);
}

/** Optional `mtime`/`ctime` unix seconds. */
export function times(ctx: Ctx): { mtime?: number; ctime?: number } {
  return { mtime: ctx.p.int('mtime', 1000), ctime: ctx.p.int('ctime', 1000) };
}
