import type { Statement } from 'better-sqlite3';
import type { DB } from '../db';

/**
 * Prepares a repository's statements once, typed by their parameters and row: a repository keeps them
 * for the life of the database, so hot paths never recompile SQL.
 */
export function preparer(db: DB) {
  return <P extends unknown[], R = never>(sql: string) => db.prepare(sql) as unknown as Statement<P, R>;
}
