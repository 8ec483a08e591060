// What a share gives its recipient: the permissions on a folder reached through it, where and under
// which name the recipient mounted it, and who sees a folder besides its owner. Storage asks this
// module (see folderPerms); the rows come from the share repository.
import type { FolderRow, Perms } from './model';
import { now } from './model';
import type { ShareRepo, ShareRow } from './repos/shares';

export function bitsToPerms(bits: number): Perms {
  return { mine: false, read: true, create: (bits & 1) !== 0, modify: (bits & 2) !== 0, delete: (bits & 4) !== 0 };
}

export class ShareAccess {
  constructor(
    private readonly shares: ShareRepo,
    private readonly folderRow: (id: number) => FolderRow | undefined,
  ) {}

  private parentOf(f: FolderRow): FolderRow | undefined {
    return f.parent !== null ? this.folderRow(f.parent) : undefined;
  }

  /** The accepted share giving `userid` access to `folder` (itself or its closest shared ancestor). */
  shareFor(userid: number, folder: FolderRow): ShareRow | undefined {
    for (let cur: FolderRow | undefined = folder; cur; cur = this.parentOf(cur)) {
      const s = this.shares.shareOf(cur.id, userid);
      if (s) return s;
    }
    return undefined;
  }

  /** Permissions a non-owner has on a folder through a live share, or null. */
  perms(userid: number, folder: FolderRow): Perms | null {
    const s = this.shareFor(userid, folder);
    if (!s) return null;
    const shared = this.folderRow(s.folderid);
    if (!shared || shared.deleted !== 0) return null;
    return bitsToPerms(s.perms);
  }

  /** Whether `userid` reaches `folder`, an ancestor or a descendant of it through a share. */
  hasAccess(userid: number, folder: FolderRow): boolean {
    if (this.shareFor(userid, folder)) return true;
    return this.shares.sharedWith(userid).some((id) => this.isAncestor(folder.id, id));
  }

  private isAncestor(ancestor: number, folderId: number): boolean {
    let cur: number | null = folderId;
    while (cur !== null) {
      if (cur === ancestor) return true;
      cur = this.folderRow(cur)?.parent ?? null;
    }
    return false;
  }

  /** The shared folder through which `userid` reaches `folder`, or null. */
  rootOf(userid: number, folder: FolderRow): number | null {
    return this.shareFor(userid, folder)?.folderid ?? null;
  }

  /** Users (other than the owner) who see this folder through a share of it or of an ancestor. */
  viewersOf(folder: FolderRow): number[] {
    const out = new Set<number>();
    for (let cur: FolderRow | undefined = folder; cur; cur = this.parentOf(cur)) {
      for (const uid of this.shares.recipients(cur.id)) out.add(uid);
    }
    return [...out];
  }

  /** Whether a folder of mine is shared out (or offered in a pending request). */
  isShared(folder: FolderRow): boolean {
    return this.shares.isSharedOut(folder.id, now());
  }

  /** Foreign shared folders mounted in this (recipient's) folder. */
  mountedIn(parent: number): FolderRow[] {
    return this.shares.mountedIn(parent);
  }

  /** The folder a recipient mounted a foreign shared folder in, or null. */
  mountParent(userid: number, folder: FolderRow): number | null {
    return this.shares.shareOf(folder.id, userid)?.mount ?? null;
  }

  /** The name a recipient gave a foreign shared folder, or null. */
  mountName(userid: number, folder: FolderRow): string | null {
    return this.shares.shareOf(folder.id, userid)?.name ?? null;
  }
}
