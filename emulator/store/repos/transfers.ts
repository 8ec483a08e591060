// pCloud Transfers: anonymous uploads kept outside any account (files under <data>/transfers/<id>/).
import type { DB } from '../db';
import { preparer } from './sql';

export interface TransferRow {
  id: number;
  sender: string;
  /** Comma-separated addresses. */
  receivers: string;
  message: string;
  created: number;
  expires: number;
}

export class TransferRepo {
  private readonly s: ReturnType<typeof statements>;

  constructor(db: DB) {
    this.s = statements(db);
  }

  create(t: Omit<TransferRow, 'id'>): number {
    return Number(this.s.insert.run(t.sender, t.receivers, t.message, t.created, t.expires).lastInsertRowid);
  }

  addFile(transferid: number, idx: number, name: string, size: number): void {
    this.s.addFile.run(transferid, idx, name, size);
  }

  /** The name of a transfer's file, if the transfer still exists. */
  fileName(transferid: number, idx: number): string | undefined {
    return this.s.fileName.get(transferid, idx)?.name;
  }

  exists(id: number): boolean {
    return this.s.exists.get(id) !== undefined;
  }

  /** Transfers not yet expired at `at`. */
  liveCount(at: number): number {
    return this.s.liveCount.get(at)!.n;
  }

  expired(at: number): number[] {
    return this.s.expired.all(at).map((r) => r.id);
  }

  /** Bytes held by all transfers, or by one. */
  bytes(transferid?: number): number {
    return transferid === undefined ? this.s.totalBytes.get()!.n : this.s.bytesOf.get(transferid)!.n;
  }

  /** Removes a transfer with its file rows. */
  delete(id: number): void {
    this.s.deleteFiles.run(id);
    this.s.delete.run(id);
  }
}

function statements(db: DB) {
  const q = preparer(db);
  return {
    insert: q<[string, string, string, number, number], never>('INSERT INTO transfers (sender, receivers, message, created, expires) VALUES (?, ?, ?, ?, ?)'),
    addFile: q<[number, number, string, number], never>('INSERT INTO transfer_files (transferid, idx, name, size) VALUES (?, ?, ?, ?)'),
    fileName: q<[number, number], { name: string }>('SELECT name FROM transfer_files WHERE transferid = ? AND idx = ?'),
    exists: q<[number], 1>('SELECT 1 FROM transfers WHERE id = ?'),
    liveCount: q<[number], { n: number }>('SELECT COUNT(*) AS n FROM transfers WHERE expires > ?'),
    expired: q<[number], { id: number }>('SELECT id FROM transfers WHERE expires <= ?'),
    totalBytes: q<[], { n: number }>('SELECT COALESCE(SUM(size), 0) AS n FROM transfer_files'),
    bytesOf: q<[number], { n: number }>('SELECT COALESCE(SUM(size), 0) AS n FROM transfer_files WHERE transferid = ?'),
    deleteFiles: q<[number], never>('DELETE FROM transfer_files WHERE transferid = ?'),
    delete: q<[number], never>('DELETE FROM transfers WHERE id = ?'),
  };
}
