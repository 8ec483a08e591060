import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import { join } from 'node:path';
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

/**
 * Content-addressed file store. New content is written to tmp/, fsynced, then renamed into
 * blobs/<aa>/<key>; the metadata row is committed only after that, so a crash never exposes a
 * partial file (at worst it leaves an orphan that `sweep()` removes at start-up).
 */
export class BlobStore {
  readonly blobsDir: string;
  readonly tmpDir: string;

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
  }

  async init(): Promise<void> {
    await fsp.mkdir(this.blobsDir, { recursive: true });
    await fsp.mkdir(this.tmpDir, { recursive: true });
  }

  pathOf(key: string): string {
    return join(this.blobsDir, key.slice(0, 2), key);
  }

  tmpPath(): string {
    return join(this.tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  }

  /** Streams `input` into the store; `onBytes` sees progress; `limit` aborts past that many bytes. */
  async put(
    input: Readable,
    opts: { limit?: number; onBytes?: (n: number) => void; expected?: number } = {},
  ): Promise<BlobInfo> {
    const tmp = this.tmpPath();
    const sha1 = createHash('sha1');
    const md5 = createHash('md5');
    const sha256 = createHash('sha256');
    let size = 0;
    const out = createWriteStream(tmp);
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
      await fh.sync();
      await fh.close();
      return await this.adopt(tmp, {
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
    const fh = await fsp.open(tmp, 'w');
    await fh.writeFile(data);
    await fh.sync();
    await fh.close();
    return this.adopt(tmp, {
      size: data.length,
      sha1: createHash('sha1').update(data).digest('hex'),
      md5: createHash('md5').update(data).digest('hex'),
      sha256: createHash('sha256').update(data).digest('hex'),
    });
  }

  /** Moves a finished, fsynced temp file into place under its content key. */
  async adopt(tmp: string, d: { size: number; sha1: string; md5: string; sha256: string }): Promise<BlobInfo> {
    const key = d.sha256;
    const dest = this.pathOf(key);
    await fsp.mkdir(join(this.blobsDir, key.slice(0, 2)), { recursive: true });
    try {
      await fsp.access(dest);
      await fsp.rm(tmp, { force: true }); // same content already stored
    } catch {
      await fsp.rename(tmp, dest);
    }
    this.pending.set(key, Date.now() + 60_000);
    return { key, ...d, hash: BigInt('0x' + d.sha1.slice(0, 16)) };
  }

  /** Hashes an existing file (e.g. one written through file_write) and adopts it. */
  async adoptFile(tmp: string): Promise<BlobInfo> {
    const sha1 = createHash('sha1');
    const md5 = createHash('md5');
    const sha256 = createHash('sha256');
    let size = 0;
    for await (const chunk of createReadStream(tmp) as AsyncIterable<Buffer>) {
      size += chunk.length;
      sha1.update(chunk);
      md5.update(chunk);
      sha256.update(chunk);
    }
    const fh = await fsp.open(tmp, 'r+');
    await fh.sync();
    await fh.close();
    return this.adopt(tmp, { size, sha1: sha1.digest('hex'), md5: md5.digest('hex'), sha256: sha256.digest('hex') });
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
