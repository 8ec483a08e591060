// Offline verifier of a data dir's blob store: every blob is re-hashed against its content key, and
// every blob row is checked against a file. Read-only towards the database, so it is safe to run
// next to a serving emulator; a mismatching blob is moved aside (not deleted) for inspection.
import Database from 'better-sqlite3';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { BlobStore, hashFile } from './store/blobs';

export interface FsckProblem {
  kind: 'mismatch' | 'missing' | 'stray';
  key: string;
  detail: string;
  /** Where a mismatching blob was moved. */
  quarantined?: string;
}

export interface FsckReport {
  checked: number;
  problems: FsckProblem[];
}

interface BlobRow {
  key: string;
  size: number;
  sha1: string;
  md5: string;
}

/**
 * Re-hashes every blob under `<dataDir>/blobs`. A blob whose bytes do not hash to its name, or that
 * disagrees with its row's size/sha1/md5, is a mismatch and moves to `<dataDir>/quarantine` (unless
 * `quarantine` is false); a row whose file is missing is reported with the files that point at it.
 */
export async function fsck(dataDir: string, opts: { quarantine?: boolean; log?: (line: string) => void } = {}): Promise<FsckReport> {
  const log = opts.log ?? (() => {});
  const db = new Database(join(dataDir, 'pcloud.sqlite'), { readonly: true, fileMustExist: true });
  const problems: FsckProblem[] = [];
  let checked = 0;
  try {
    const rowOf = db.prepare('SELECT key, size, sha1, md5 FROM blobs WHERE key = ?');
    const blobsDir = join(dataDir, 'blobs');
    const store = new BlobStore(dataDir);
    const seen = new Set<string>();
    let dirs: string[] = [];
    try {
      dirs = await fsp.readdir(blobsDir);
    } catch {
      /* no blob store yet */
    }
    for (const dir of dirs.sort()) {
      for (const key of (await fsp.readdir(join(blobsDir, dir))).sort()) {
        const file = join(blobsDir, dir, key);
        seen.add(key);
        checked++;
        const d = await hashFile(file);
        const row = rowOf.get(key) as BlobRow | undefined;
        let detail: string | null = null;
        if (d.sha256 !== key) detail = `content hashes to ${d.sha256}`;
        else if (row && (row.size !== d.size || row.sha1 !== d.sha1 || row.md5 !== d.md5)) detail = `row says size ${row.size} sha1 ${row.sha1}, file has size ${d.size} sha1 ${d.sha1}`;
        if (detail === null) {
          if (!row) problems.push({ kind: 'stray', key, detail: 'no row refers to it (the next start-up removes it)' });
          continue;
        }
        const problem: FsckProblem = { kind: 'mismatch', key, detail };
        if (opts.quarantine !== false) problem.quarantined = await store.quarantine(file);
        problems.push(problem);
        log(`mismatch ${key}: ${detail}${problem.quarantined ? ` (moved to ${problem.quarantined})` : ''}`);
      }
    }
    const users = db.prepare(
      `SELECT (SELECT COUNT(*) FROM files WHERE blob = ?) + (SELECT COUNT(*) FROM revisions WHERE blob = ?) AS n`,
    );
    for (const row of db.prepare('SELECT key FROM blobs').iterate() as IterableIterator<{ key: string }>) {
      if (seen.has(row.key)) continue;
      const { n } = users.get(row.key, row.key) as { n: number };
      const detail = `blob file missing; ${n} file(s)/revision(s) refer to it`;
      problems.push({ kind: 'missing', key: row.key, detail });
      log(`missing ${row.key}: ${detail}`);
    }
    // a quarantined blob's row is reported as missing too: its files cannot be served faithfully
    for (const p of problems.filter((x) => x.kind === 'mismatch' && x.quarantined && rowOf.get(x.key))) {
      const { n } = users.get(p.key, p.key) as { n: number };
      problems.push({ kind: 'missing', key: p.key, detail: `blob quarantined; ${n} file(s)/revision(s) refer to it` });
    }
  } finally {
    db.close();
  }
  return { checked, problems };
}
