import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { MIGRATIONS } from './schema';

export type DB = Database.Database;

/**
 * The database holds password hashes and tokens: it is the owner's alone (0600). SQLite gives its
 * -wal and -shm files the main file's mode, so creating that one right covers them; older data dirs
 * get their files narrowed on open.
 */
function ownerOnly(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

export function openDb(file: string): DB {
  if (file !== ':memory:') ownerOnly(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL is crash-safe with WAL (a crash may lose the last commits, never corrupt or half-apply one).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      const step = MIGRATIONS[i];
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
  return db;
}
