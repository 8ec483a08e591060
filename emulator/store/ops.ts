import { hashPassword } from './passwords';
import type { Meta, Perms, Storage } from './storage';
import type { BlobInfo } from './blobs';
import type { FileRow, FolderRow, UserRow } from './model';
import { now, numberedName, validName } from './model';
import { fail } from '../errors';

export const DEFAULT_QUOTA = 10 * 1024 ** 3;

export { checkPassword, hashPassword } from './passwords';

/** Stores a new password: the scrypt hash, and the seal the digest/md5 logins need (never the clear text). */
export function setUserPassword(st: Storage, userid: number, password: string): void {
  st.q("UPDATE users SET password = ?, sealed = ?, plain = '' WHERE id = ?").run(hashPassword(password), st.vault.seal(password), userid);
}

export function createUser(st: Storage, email: string, password: string, opts: { quota?: number; locationid?: number; verified?: boolean } = {}): UserRow {
  if (st.userByEmail(email)) fail(2038);
  const t = now();
  const tx = st.db.transaction(() => {
    const info = st.db
      .prepare("INSERT INTO users (email, password, plain, sealed, created, quota, emailverified, locationid) VALUES (?, ?, '', ?, ?, ?, ?, ?)")
      .run(email, hashPassword(password), st.vault.seal(password), t, opts.quota ?? DEFAULT_QUOTA, opts.verified === false ? 0 : 1, opts.locationid ?? 1);
    const uid = Number(info.lastInsertRowid);
    const root = st.q('INSERT INTO folders (owner, parent, name, created, modified) VALUES (?, NULL, ?, ?, ?)').run(uid, '/', t, t);
    st.q('UPDATE users SET rootfolder = ? WHERE id = ?').run(Number(root.lastInsertRowid), uid);
    return uid;
  });
  return st.user(tx())!;
}

function touchFolder(st: Storage, id: number, t = now()): void {
  st.q('UPDATE folders SET modified = ? WHERE id = ?').run(t, id);
}

export function createFolder(st: Storage, user: UserRow, parent: FolderRow, name: string): FolderRow {
  if (!validName(name)) fail(2001);
  if (st.childFolder(parent.id, name)) fail(2004);
  const t = now();
  const info = st.db
    .prepare('INSERT INTO folders (owner, parent, name, created, modified) VALUES (?, ?, ?, ?, ?)')
    .run(parent.owner, parent.id, name, t, t);
  touchFolder(st, parent.id, t);
  const row = st.folderRow(Number(info.lastInsertRowid))!;
  st.fsEvent('createfolder', user, (v) => st.folderMeta(v, row), parent);
  return row;
}

export function recordBlob(st: Storage, b: BlobInfo): void {
  st.db
    .prepare('INSERT OR IGNORE INTO blobs (key, size, sha1, md5, hash) VALUES (?, ?, ?, ?, ?)')
    .run(b.key, b.size, b.sha1, b.md5, b.hash.toString());
  st.blobs.release(b.key); // referenced from now on (the caller's transaction commits synchronously)
}

export interface PutOptions {
  mtime?: number;
  ctime?: number;
  renameIfExists?: boolean;
  noOverwrite?: boolean;
}

/** Free name in `parent` for renameifexists: `a.txt`, `a (2).txt`, `a (3).txt`, … */
export function freeFileName(st: Storage, parent: number, name: string): string {
  if (!st.childFile(parent, name)) return name;
  for (let n = 2; ; n++) {
    const candidate = numberedName(name, n);
    if (!st.childFile(parent, candidate)) return candidate;
  }
}

/**
 * Stores content under `parent/name`. An existing file of that name is overwritten in place:
 * it keeps its fileid and its previous content becomes a revision (api.txt).
 */
export function putFile(st: Storage, user: UserRow, parent: FolderRow, name: string, blob: BlobInfo, opts: PutOptions = {}): FileRow {
  if (!validName(name)) fail(2001);
  const t = now();
  const mtime = opts.mtime ?? t;
  const ctime = opts.mtime !== undefined && opts.ctime !== undefined ? opts.ctime : undefined;
  const tx = st.db.transaction((): { row: FileRow; created: boolean } => {
    recordBlob(st, blob);
    let target = name;
    const existing = st.childFile(parent.id, name);
    if (existing && opts.renameIfExists) target = freeFileName(st, parent.id, name);
    else if (existing && opts.noOverwrite) fail(2004);
    else if (existing) {
      st.checkQuota(parent.owner, blob.size);
      st.q('INSERT INTO revisions (fileid, blob, size, created) VALUES (?, ?, ?, ?)').run(existing.id, existing.blob, existing.size, existing.modified);
      st.db
        .prepare('UPDATE files SET blob = ?, size = ?, modified = ?, created = COALESCE(?, created) WHERE id = ?')
        .run(blob.key, blob.size, mtime, ctime ?? null, existing.id);
      return { row: st.fileRow(existing.id)!, created: false };
    }
    st.checkQuota(parent.owner, blob.size);
    const info = st.db
      .prepare('INSERT INTO files (owner, parent, name, blob, size, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(parent.owner, parent.id, target, blob.key, blob.size, ctime ?? t, mtime);
    return { row: st.fileRow(Number(info.lastInsertRowid))!, created: true };
  });
  const { row, created } = tx();
  touchFolder(st, parent.id, t);
  st.fsEvent(created ? 'createfile' : 'modifyfile', user, (v) => st.fileMeta(v, row), parent, row.id);
  return row;
}

/** Resolves a `topath` / `tofolderid` + `toname` destination (docs/pcloud/protocol.md §6). */
export function destination(
  st: Storage,
  user: UserRow,
  p: { topath?: string; tofolderid?: number; toname?: string },
  currentName: string,
): { parent: FolderRow; name: string } {
  if (p.topath !== undefined) {
    const parts = st.splitPath(p.topath);
    if (p.topath.endsWith('/')) {
      const { row, perms } = st.walk(user, parts, 2005);
      if (!perms.create) fail(2003);
      return { parent: row, name: currentName };
    }
    const name = parts.pop();
    if (name === undefined) fail(2001);
    const { row, perms } = st.walk(user, parts, 2005);
    if (!perms.create) fail(2003);
    return { parent: row, name };
  }
  if (p.tofolderid !== undefined) {
    const { row, perms } = st.folderById(user, p.tofolderid);
    if (!perms.create) fail(2003);
    return { parent: row, name: p.toname ?? currentName };
  }
  return { parent: undefined as unknown as FolderRow, name: p.toname ?? currentName };
}

/**
 * The tree through which `user` reaches `folder`: 0 for their own, else the id of the shared folder
 * that grants it. A move between two trees takes the item away from where it was shared.
 */
export function accessTree(st: Storage, user: UserRow, folder: FolderRow): number {
  return folder.owner === user.id ? 0 : st.access.rootOf(user.id, folder) ?? -1;
}

/**
 * A move that takes an item out of the tree it is reached through (out of a share, or into another
 * account's share) removes it from there, so it needs the delete right on the source as well; the
 * create right on the target is checked by `destination`.
 */
export function checkMove(st: Storage, user: UserRow, source: Perms, from: FolderRow, to: FolderRow): void {
  if (from.id === to.id) return;
  if (accessTree(st, user, from) !== accessTree(st, user, to) && !source.delete) fail(2003);
}

/** Bytes a file holds against its owner's quota: its content and every revision. */
function fileBytes(st: Storage, fileid: number): number {
  const f = st.q('SELECT size FROM files WHERE id = ?').get(fileid) as { size: number } | undefined;
  const r = st.q('SELECT COALESCE(SUM(size), 0) AS n FROM revisions WHERE fileid = ?').get(fileid) as { n: number };
  return (f?.size ?? 0) + r.n;
}

/**
 * Hands a live folder subtree to another account (a move into or out of a share): every live
 * descendant changes owner and the bytes move to the new owner's quota, all or nothing. Refused with
 * 2023 when the subtree carries shares, share requests, mounted shares or links of the old owner
 * (they would leak the new owner's files or dangle); 2008 when it does not fit the new quota. Trashed
 * items inside stay in the old owner's trash. Call inside a transaction.
 */
export function transferSubtree(st: Storage, folder: FolderRow, newOwner: number): void {
  const ids: number[] = [];
  const collect = (id: number) => {
    ids.push(id);
    for (const sub of st.ownChildFolders(id)) collect(sub.id);
  };
  collect(folder.id);
  const inIds = `(${ids.join(',')})`;
  const any = (sql: string) => st.db.prepare(sql).get() !== undefined;
  if (
    any(`SELECT 1 FROM shares WHERE folderid IN ${inIds} OR mount IN ${inIds} LIMIT 1`) ||
    any(`SELECT 1 FROM sharerequests WHERE folderid IN ${inIds} AND expires >= ${now()} LIMIT 1`) ||
    any(`SELECT 1 FROM publinks WHERE deleted = 0 AND (folderid IN ${inIds} OR fileid IN (SELECT id FROM files WHERE parent IN ${inIds} AND deleted = 0)) LIMIT 1`) ||
    any(`SELECT 1 FROM uploadlinks WHERE deleted = 0 AND folderid IN ${inIds} LIMIT 1`)
  ) {
    fail(2023);
  }
  const bytes = st.db
    .prepare(`SELECT COALESCE(SUM(f.size), 0) + COALESCE((SELECT SUM(r.size) FROM revisions r JOIN files g ON g.id = r.fileid WHERE g.parent IN ${inIds} AND g.deleted = 0), 0) AS n FROM files f WHERE f.parent IN ${inIds} AND f.deleted = 0`)
    .get() as { n: number };
  st.checkQuota(newOwner, bytes.n);
  st.db.prepare(`UPDATE folders SET owner = ? WHERE id IN ${inIds}`).run(newOwner);
  st.db.prepare(`UPDATE files SET owner = ? WHERE parent IN ${inIds} AND deleted = 0`).run(newOwner);
}

/** A file handed to another account: its bytes must fit there, and no link of the old owner may follow it (2023). */
function checkFileHandover(st: Storage, file: FileRow, newOwner: number): void {
  if (newOwner === file.owner) return;
  if (st.q('SELECT 1 FROM publinks WHERE deleted = 0 AND fileid = ? LIMIT 1').get(file.id)) fail(2023);
  st.checkQuota(newOwner, fileBytes(st, file.id));
}

export function renameFile(st: Storage, user: UserRow, file: FileRow, parent: FolderRow, name: string): { row: FileRow; deletedfileid?: number } {
  if (!validName(name)) fail(2001);
  checkFileHandover(st, file, parent.owner);
  let deletedfileid: number | undefined;
  const from = st.folderRow(file.parent)!;
  st.db.transaction(() => {
    const clash = st.childFile(parent.id, name);
    if (clash && clash.id !== file.id) {
      // Atomic replace: the target's history is merged into the moved file's (docs: renamefile).
      st.q('UPDATE revisions SET fileid = ? WHERE fileid = ?').run(file.id, clash.id);
      st.q('INSERT INTO revisions (fileid, blob, size, created) VALUES (?, ?, ?, ?)').run(file.id, clash.blob, clash.size, clash.modified);
      st.q('DELETE FROM files WHERE id = ?').run(clash.id);
      deletedfileid = clash.id;
    }
    st.q('UPDATE files SET parent = ?, name = ?, owner = ? WHERE id = ?').run(parent.id, name, parent.owner, file.id);
  })();
  const t = now();
  touchFolder(st, parent.id, t);
  if (from.id !== parent.id) touchFolder(st, from.id, t);
  const row = st.fileRow(file.id)!;
  const meta = (v: UserRow) => ({ ...st.fileMeta(v, row), ...(deletedfileid ? { deletedfileid } : {}) });
  if (from.id !== parent.id) st.fsEvent('deletefile', user, (v) => ({ ...st.fileMeta(v, row), isdeleted: true, parentfolderid: st.extFolderId(v, from.id) }), from, file.id);
  st.fsEvent('modifyfile', user, meta, parent, file.id);
  return { row, deletedfileid };
}

export function renameFolder(st: Storage, user: UserRow, folder: FolderRow, parent: FolderRow, name: string): FolderRow {
  if (folder.parent === null) fail(2042);
  if (!validName(name)) fail(2001);
  if (st.isAncestor(folder.id, parent.id)) fail(2043);
  const clash = st.childFolder(parent.id, name);
  if (clash && clash.id !== folder.id) fail(2004);
  const from = folder.parent;
  // everyone who saw the folder before: those who lose it (a move out of their reach) hear it is gone
  const before = new Map<number, Meta>();
  for (const uid of new Set([folder.owner, ...st.access.viewersOf(folder)])) {
    const v = st.user(uid);
    if (v && st.folderPerms(v, folder)) before.set(uid, st.folderMeta(v, folder));
  }
  st.db.transaction(() => {
    if (parent.owner !== folder.owner) transferSubtree(st, folder, parent.owner);
    st.q('UPDATE folders SET parent = ?, name = ? WHERE id = ?').run(parent.id, name, folder.id);
  })();
  const t = now();
  touchFolder(st, parent.id, t);
  if (from !== parent.id) touchFolder(st, from, t);
  const row = st.folderRow(folder.id)!;
  for (const [uid, meta] of before) {
    const v = st.user(uid)!;
    if (uid !== user.id && !st.folderPerms(v, row)) st.event(uid, 'deletefolder', { metadata: { ...meta, isdeleted: true } });
  }
  st.fsEvent('modifyfolder', user, (v) => st.folderMeta(v, row), parent);
  return row;
}

/** Moves or renames the recipient's mount of a foreign shared folder; the owner's folder is untouched. */
export function moveMount(st: Storage, user: UserRow, folder: FolderRow, parent: FolderRow, name: string): void {
  if (!validName(name)) fail(2001);
  const clash = st.childFolder(parent.id, name);
  if (clash && clash.id !== folder.id) fail(2004);
  st.shares.setMount(folder.id, user.id, parent.id, name);
  st.event(user.id, 'modifyfolder', { metadata: st.folderMeta(user, folder) });
}

export function copyFile(st: Storage, user: UserRow, file: FileRow, parent: FolderRow, name: string, opts: PutOptions & { blobKey?: string } = {}): FileRow {
  const b = st.blobRow(opts.blobKey ?? file.blob);
  // copying onto itself only updates the times (rclone sets mtime this way)
  if (parent.id === file.parent && name === file.name) {
    if (opts.mtime !== undefined) {
      st.q('UPDATE files SET modified = ?, created = COALESCE(?, created) WHERE id = ?').run(opts.mtime, opts.ctime ?? null, file.id);
    }
    const row = st.fileRow(file.id)!;
    st.fsEvent('modifyfile', user, (v) => st.fileMeta(v, row), parent, row.id);
    return row;
  }
  const blob: BlobInfo = { key: b.key, size: b.size, sha1: b.sha1, md5: b.md5, sha256: b.key, hash: BigInt(b.hash) };
  return putFile(st, user, parent, name, blob, { mtime: opts.mtime ?? file.modified, ctime: opts.ctime, noOverwrite: opts.noOverwrite });
}

export function copyFolder(
  st: Storage,
  user: UserRow,
  src: FolderRow,
  dest: FolderRow,
  opts: { noover?: boolean; skipexisting?: boolean; contentOnly?: boolean },
): FolderRow {
  if (src.id === dest.id && !opts.contentOnly) fail(2206);
  if (st.isAncestor(src.id, dest.id) && src.id !== dest.id) fail(2207);
  // Quota: the whole tree's bytes must fit in the destination owner's quota.
  let bytes = 0;
  const count = (f: FolderRow) => {
    for (const file of st.childFiles(f.id)) bytes += file.size;
    for (const sub of st.ownChildFolders(f.id)) count(sub);
  };
  count(src);
  st.checkQuota(dest.owner, bytes);
  const run = st.db.transaction(() => {
    const copyInto = (from: FolderRow, into: FolderRow) => {
      for (const file of st.childFiles(from.id)) {
        const existing = st.childFile(into.id, file.name);
        if (existing && opts.skipexisting) continue;
        if (existing && opts.noover) fail(2004);
        copyFile(st, user, file, into, file.name, { mtime: file.modified, ctime: file.created });
      }
      for (const sub of st.ownChildFolders(from.id)) {
        const target = st.childFolder(into.id, sub.name) ?? createFolder(st, user, into, sub.name);
        copyInto(sub, target);
      }
    };
    if (opts.contentOnly) {
      copyInto(src, dest);
      return dest;
    }
    const existing = st.childFolder(dest.id, src.name);
    if (existing && opts.noover) fail(2004);
    const target = existing ?? createFolder(st, user, dest, src.name);
    copyInto(src, target);
    return target;
  });
  return run();
}

// ---- trash -------------------------------------------------------------------------------------

export function trashFile(st: Storage, user: UserRow, file: FileRow): FileRow {
  const t = now();
  st.q('UPDATE files SET deleted = 1, origparent = parent, deletedat = ? WHERE id = ?').run(t, file.id);
  touchFolder(st, file.parent, t);
  const row = st.fileRow(file.id)!;
  st.fsEvent('deletefile', user, (v) => st.fileMeta(v, row), st.folderRow(file.parent), file.id);
  return row;
}

/** Marks a folder trashed (1) and everything live below it as inside a trashed folder (2). */
export function trashFolder(st: Storage, user: UserRow, folder: FolderRow): { files: number; folders: number } {
  if (folder.parent === null) fail(2007);
  const t = now();
  let files = 0;
  let folders = 1;
  const meta = st.folderMeta(user, folder);
  const parent = st.folderRow(folder.parent)!;
  const viewersBefore = [user.id, folder.owner, ...st.access.viewersOf(folder)];
  st.db.transaction(() => {
    const mark = (id: number) => {
      files += st.q('UPDATE files SET deleted = 2, deletedat = ? WHERE parent = ? AND deleted = 0').run(t, id).changes;
      // a share mounted in here belongs to its owner: it must not be trashed with the recipient's folder
      for (const sub of st.ownChildFolders(id)) {
        st.q('UPDATE folders SET deleted = 2, deletedat = ? WHERE id = ?').run(t, sub.id);
        folders++;
        mark(sub.id);
      }
    };
    mark(folder.id);
    st.q('UPDATE folders SET deleted = 1, origparent = parent, deletedat = ? WHERE id = ?').run(t, folder.id);
  })();
  touchFolder(st, parent.id, t);
  for (const uid of new Set(viewersBefore)) {
    const v = st.user(uid);
    if (v) st.event(uid, 'deletefolder', { metadata: { ...meta, isdeleted: true, folderid: st.extFolderId(v, folder.id), id: `d${st.extFolderId(v, folder.id)}` } });
  }
  return { files, folders };
}

/** Where a trashed item goes back to: its original parent if that is live and mine, else the closest live ancestor. */
export function restoreTarget(st: Storage, user: UserRow, origparent: number | null): FolderRow {
  let cur = origparent !== null ? st.folderRow(origparent) : undefined;
  while (cur && (cur.deleted !== 0 || cur.owner !== user.id)) cur = cur.parent !== null ? st.folderRow(cur.parent) : undefined;
  return cur ?? st.folderRow(user.rootfolder)!;
}

/** A trashed item's original parent: recorded when it was deleted itself, else the (trashed) folder it lies in. */
function originalParent(item: { deleted: number; origparent: number | null; parent: number | null }): number | null {
  return item.deleted === 1 ? item.origparent : item.parent;
}

export function restoreFile(st: Storage, user: UserRow, file: FileRow, into?: FolderRow): FileRow {
  const parent = into ?? restoreTarget(st, user, originalParent(file));
  st.checkQuota(parent.owner, 0);
  checkFileHandover(st, file, parent.owner);
  const name = freeFileName(st, parent.id, file.name);
  st.q('UPDATE files SET deleted = 0, parent = ?, name = ?, owner = ?, origparent = NULL, deletedat = NULL WHERE id = ?').run(parent.id, name, parent.owner, file.id);
  touchFolder(st, parent.id);
  const row = st.fileRow(file.id)!;
  st.fsEvent('createfile', user, (v) => st.fileMeta(v, row), parent, row.id);
  return row;
}

export function freeFolderName(st: Storage, parent: number, name: string): string {
  if (!st.childFolder(parent, name)) return name;
  for (let n = 2; ; n++) {
    const c = `${name} (${n})`;
    if (!st.childFolder(parent, c)) return c;
  }
}

export function restoreFolder(st: Storage, user: UserRow, folder: FolderRow, into?: FolderRow): FolderRow {
  const parent = into ?? restoreTarget(st, user, originalParent(folder));
  const name = freeFolderName(st, parent.id, folder.name);
  st.db.transaction(() => {
    const unmark = (id: number) => {
      st.q('UPDATE files SET deleted = 0, deletedat = NULL WHERE parent = ? AND deleted = 2').run(id);
      for (const sub of st.q('SELECT * FROM folders WHERE parent = ? AND deleted = 2').all(id) as FolderRow[]) {
        st.q('UPDATE folders SET deleted = 0, deletedat = NULL WHERE id = ?').run(sub.id);
        unmark(sub.id);
      }
    };
    unmark(folder.id);
    st.q('UPDATE folders SET deleted = 0, parent = ?, name = ?, origparent = NULL, deletedat = NULL WHERE id = ?').run(parent.id, name, folder.id);
    if (parent.owner !== folder.owner) transferSubtree(st, st.folderRow(folder.id)!, parent.owner);
  })();
  touchFolder(st, parent.id);
  const row = st.folderRow(folder.id)!;
  st.fsEvent('createfolder', user, (v) => st.folderMeta(v, row), parent);
  return row;
}

/** Permanently removes a trashed item and drops blobs nothing refers to any more. */
export async function purge(st: Storage, item: { file?: FileRow; folder?: FolderRow }): Promise<void> {
  const keys = new Set<string>();
  st.db.transaction(() => {
    const dropFile = (f: FileRow) => {
      keys.add(f.blob);
      for (const r of st.q('SELECT blob FROM revisions WHERE fileid = ?').all(f.id) as { blob: string }[]) keys.add(r.blob);
      st.q('DELETE FROM revisions WHERE fileid = ?').run(f.id);
      st.q('DELETE FROM files WHERE id = ?').run(f.id);
    };
    const dropFolder = (d: FolderRow) => {
      for (const f of st.q('SELECT * FROM files WHERE parent = ? AND deleted != 0').all(d.id) as FileRow[]) dropFile(f);
      for (const sub of st.q('SELECT * FROM folders WHERE parent = ? AND deleted != 0').all(d.id) as FolderRow[]) dropFolder(sub);
      st.q('DELETE FROM folders WHERE id = ?').run(d.id);
    };
    if (item.file) dropFile(item.file);
    if (item.folder) dropFolder(item.folder);
    for (const key of [...keys]) {
      const used =
        st.q('SELECT 1 FROM files WHERE blob = ? LIMIT 1').get(key) ?? st.q('SELECT 1 FROM revisions WHERE blob = ? LIMIT 1').get(key);
      if (used) keys.delete(key);
      else st.q('DELETE FROM blobs WHERE key = ?').run(key);
    }
  })();
  for (const key of keys) await st.blobs.remove(key);
}
