import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants, createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';

export interface BlobInfo {
  key: string; // sha256 hex
  size: number;
  sha1: string;
  md5: string;
  sha256: string;
  hash: bigint; // pCloud-style 64-bit fingerprint: the first 8 bytes of the sha1
}

export class BlobTooLarge extends Error {}
export class BodyEnded extends Error {}
/** A file offered for adoption did not hold the bytes its caller hashed (a writer still at work). */
export class BlobMismatch extends Error {}

export interface Digests {
  size: number;
  sha1: string;
  md5: string;
  sha256: string;
}

/** Blobs are never written again once named: read-only, so a stray writer fails instead of poisoning. */
const BLOB_MODE = 0o400;

/** sha1, md5 and sha256 of a whole file, read from disk. */
export async function hashFile(file: string): Promise<Digests> {
  const sha1 = createHash('sha1');
  const md5 = createHash('md5');
  const sha256 = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    sha1.update(chunk);
    md5.update(chunk);
    sha256.update(chunk);
  }
  return { size, sha1: sha1.digest('hex'), md5: md5.digest('hex'), sha256: sha256.digest('hex') };
}

/**
 * Content-addressed file store. New content is written to a temp file only this store holds, fsynced,
 * made read-only, then renamed into blobs/<aa>/<key>; the metadata row is committed only after that,
 * so a crash never exposes a partial file (at worst it leaves an orphan that `sweep()` removes at
 * start-up). Content is named only from bytes the store itself wrote or re-read: a file someone
 * else may still hold open is copied first (see `adoptFile`), because a blob shared by every upload
 * of the same bytes must never change under its name.
 */
export class BlobStore {
  readonly blobsDir: string;
  readonly tmpDir: string;
  readonly quarantineDir: string;

  /**
   * Keys adopted whose row may not be committed yet (key → until when): `remove` leaves them alone,
   * so a purge racing an upload of the same content cannot delete the file under it. `release`
   * ends the protection once the row exists; the time limit covers adoptions that never get a row
   * (a refused upload), whose orphan the next start-up sweep removes.
   */
  private readonly pending = new Map<string, number>();

  constructor(root: string) {
    this.blobsDir = join(root, 'blobs');
    this.tmpDir = join(root, 'tmp');
    this.quarantineDir = join(root, 'quarantine');
  }

  async init(): Promise<void> {
    await fsp.mkdir(this.blobsDir, { recursive: true });
    await fsp.mkdir(this.tmpDir, { recursive: true });
  }

  pathOf(key: string): string {
    return join(this.blobsDir, key.slice(0, 2), key);
  }

  private tmpPath(): string {
    return join(this.tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  }

  /**
   * Streams `input` into the store; `onBytes` sees progress; `limit` aborts past that many bytes;
   * `admit` sees each chunk's size before it is kept and aborts the put by throwing (reservations).
   */
  async put(
    input: Readable,
    opts: { limit?: number; onBytes?: (n: number) => void; expected?: number; admit?: (n: number) => void } = {},
  ): Promise<BlobInfo> {
    const tmp = this.tmpPath();
    const sha1 = createHash('sha1');
    const md5 = createHash('md5');
    const sha256 = createHash('sha256');
    let size = 0;
    const out = createWriteStream(tmp, { flags: 'wx' });
    try {
      await new Promise<void>((resolve, reject) => {
        let failed = false;
        const onError = (err: Error) => {
          if (failed) return;
          failed = true;
          input.unpipe(out);
          input.resume();
          out.destroy();
          reject(err);
        };
        input.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (opts.limit !== undefined && size > opts.limit) {
            onError(new BlobTooLarge());
            return;
          }
          try {
            opts.admit?.(chunk.length);
          } catch (err) {
            onError(err as Error);
            return;
          }
          sha1.update(chunk);
          md5.update(chunk);
          sha256.update(chunk);
          opts.onBytes?.(size);
        });
        // any failure of the incoming side (client gone, multipart cut short) is a broken body: 2041
        input.on('error', (err: Error) => onError(new BodyEnded(err.message)));
        input.on('aborted', () => onError(new BodyEnded()));
        input.on('close', () => {
          if (!input.readableEnded) onError(new BodyEnded());
        });
        out.on('error', onError);
        out.on('finish', () => {
          if (!failed) resolve();
        });
        input.pipe(out);
      });
      if (opts.expected !== undefined && size < opts.expected) throw new BodyEnded();
      const fh = await fsp.open(tmp, 'r');
      try {
        await fh.sync();
        if ((await fh.stat()).size !== size) throw new BlobMismatch('temp file size changed');
      } finally {
        await fh.close();
      }
      return await this.place(tmp, {
        size,
        sha1: sha1.digest('hex'),
        md5: md5.digest('hex'),
        sha256: sha256.digest('hex'),
      });
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }

  async putBuffer(data: Buffer): Promise<BlobInfo> {
    const tmp = this.tmpPath();
    const fh = await fsp.open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return this.place(tmp, {
      size: data.length,
      sha1: createHash('sha1').update(data).digest('hex'),
      md5: createHash('md5').update(data).digest('hex'),
      sha256: createHash('sha256').update(data).digest('hex'),
    });
  }

  /** Moves a blob whose bytes do not match its name out of the store, for inspection (see fsck). */
  async quarantine(file: string): Promise<string> {
    await fsp.mkdir(this.quarantineDir, { recursive: true, mode: 0o700 });
    const dest = join(this.quarantineDir, `${basename(file)}.${Date.now()}`);
    await fsp.rename(file, dest);
    return dest;
  }

  /**
   * Names a finished, fsynced temp file that only this store has written or opened. Another copy
   * already in place is kept unless its size shows it is not these bytes (then ours replaces it).
   */
  private async place(tmp: string, d: Digests): Promise<BlobInfo> {
    const key = d.sha256;
    const dest = this.pathOf(key);
    await fsp.chmod(tmp, BLOB_MODE);
    await fsp.mkdir(join(this.blobsDir, key.slice(0, 2)), { recursive: true });
    let present = false;
    try {
      // a copy already there must really be these bytes before new uploads share it
      present = (await fsp.stat(dest)).size === d.size && (await hashFile(dest)).sha256 === key;
      if (!present) await this.quarantine(dest);
    } catch {
      /* not stored yet */
    }
    if (present) await fsp.rm(tmp, { force: true });
    else await fsp.rename(tmp, dest);
    this.pending.set(key, Date.now() + 60_000);
    return { key, ...d, hash: BigInt('0x' + d.sha1.slice(0, 16)) };
  }

  /**
   * Adopts a file written elsewhere (an upload session, a file_write working copy). Its writer may
   * still hold it open, so the bytes are first copied to a new private temp file, and that copy is
   * what gets hashed and named: whatever reaches `file` later cannot reach the blob. `expected`
   * (the caller's running hashes) must match the copy, else BlobMismatch. `file` is removed unless `keep`.
   */
  async adoptFile(file: string, opts: { expected?: Partial<Digests>; keep?: boolean } = {}): Promise<BlobInfo> {
    const tmp = this.tmpPath();
    try {
      await fsp.copyFile(file, tmp, fsConstants.COPYFILE_EXCL);
      const d = await hashFile(tmp);
      const want = opts.expected ?? {};
      for (const k of ['size', 'sha1', 'md5', 'sha256'] as const) {
        if (want[k] !== undefined && want[k] !== d[k]) throw new BlobMismatch(`${k} of ${file} changed while it was adopted`);
      }
      const fh = await fsp.open(tmp, 'r');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      const blob = await this.place(tmp, d);
      if (!opts.keep) await fsp.rm(file, { force: true });
      return blob;
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }

  release(key: string): void {
    this.pending.delete(key);
  }

  async remove(key: string): Promise<void> {
    const until = this.pending.get(key);
    if (until !== undefined && until > Date.now()) return;
    this.pending.delete(key);
    await fsp.rm(this.pathOf(key), { force: true });
  }

  /** Start-up clean-up: temp files of interrupted writes, and blobs no row refers to. */
  async sweep(isReferenced: (key: string) => boolean): Promise<{ tmp: number; orphans: number }> {
    let tmp = 0;
    let orphans = 0;
    for (const name of await fsp.readdir(this.tmpDir)) {
      if (name.startsWith('upload-')) continue; // resumable upload sessions survive restarts
      await fsp.rm(join(this.tmpDir, name), { force: true });
      tmp++;
    }
    for (const dir of await fsp.readdir(this.blobsDir)) {
      for (const key of await fsp.readdir(join(this.blobsDir, dir))) {
        if (!isReferenced(key)) {
          await fsp.rm(join(this.blobsDir, dir, key), { force: true });
          orphans++;
        }
      }
    }
    return { tmp, orphans };
  }
}
