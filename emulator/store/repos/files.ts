// File-tree queries that methods need beyond Storage's lookups: the trash, revisions and what was
// learned about a blob after it was stored.
import type { DB } from '../db';
import type { FileRow, FolderRow } from '../model';
import { preparer } from './sql';

export interface RevisionRow {
  id: number;
  fileid: number;
  blob: string;
  size: number;
  created: number;
}

export class FileRepo {
  private readonly s: ReturnType<typeof statements>;

  constructor(private readonly db: DB) {
    this.s = statements(db);
  }

  /** Folders the user trashed themselves (not those inside a trashed folder), by name or in id order. */
  trashedFolders(owner: number, byName = true): FolderRow[] {
    return (byName ? this.s.trashedFolders : this.s.trashedFoldersById).all(owner);
  }

  /** Files the user trashed themselves, by name or in id order. */
  trashedFiles(owner: number, byName = true): FileRow[] {
    return (byName ? this.s.trashedFiles : this.s.trashedFilesById).all(owner);
  }

  /** A file's revisions, newest first, with their blob's hash. */
  revisions(fileid: number): (RevisionRow & { hash: string })[] {
    return this.s.revisions.all(fileid);
  }

  revision(id: number, fileid: number): RevisionRow | undefined {
    return this.s.revision.get(id, fileid);
  }

  /** Makes a revision the file's content; the current content becomes a revision. */
  revert(file: FileRow, rev: RevisionRow, at: number): void {
    this.db.transaction(() => {
      this.s.addRevision.run(file.id, file.blob, file.size, file.modified);
      this.s.setContent.run(rev.blob, rev.size, at, file.id);
    })();
  }

  /** Records a blob's image size (learned when its first thumbnail was made) unless it was probed already. */
  noteImageSize(key: string, width: number, height: number): void {
    this.s.noteMedia.run(JSON.stringify({ width, height }), key);
  }
}

function statements(db: DB) {
  const q = preparer(db);
  return {
    trashedFolders: q<[number], FolderRow>('SELECT * FROM folders WHERE owner = ? AND deleted = 1 ORDER BY name'),
    trashedFiles: q<[number], FileRow>('SELECT * FROM files WHERE owner = ? AND deleted = 1 ORDER BY name'),
    trashedFoldersById: q<[number], FolderRow>('SELECT * FROM folders WHERE owner = ? AND deleted = 1'),
    trashedFilesById: q<[number], FileRow>('SELECT * FROM files WHERE owner = ? AND deleted = 1'),
    revisions: q<[number], RevisionRow & { hash: string }>('SELECT r.*, b.hash FROM revisions r JOIN blobs b ON b.key = r.blob WHERE r.fileid = ? ORDER BY r.id DESC'),
    revision: q<[number, number], RevisionRow>('SELECT * FROM revisions WHERE id = ? AND fileid = ?'),
    addRevision: q<[number, string, number, number], never>('INSERT INTO revisions (fileid, blob, size, created) VALUES (?, ?, ?, ?)'),
    setContent: q<[string, number, number, number], never>('UPDATE files SET blob = ?, size = ?, modified = ? WHERE id = ?'),
    noteMedia: q<[string, string], never>('UPDATE blobs SET media = ? WHERE key = ? AND media IS NULL'),
  };
}
