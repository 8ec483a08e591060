import type { Meta } from './store/storage';

export interface UploadProgress {
  kind: 'upload';
  userid: number;
  total: number;
  uploaded: number;
  currentfile?: string;
  currentfileuploaded?: number;
  filenumber: number;
  files: Meta[];
  finished: boolean;
  updated: number;
}

export interface DownloadProgress {
  kind: 'download';
  userid: number;
  urlcount: number;
  urlready: number;
  urlworking: number;
  finished: boolean;
  files: Meta[];
  updated: number;
}

export type Job = UploadProgress | DownloadProgress | ({ kind: string; userid: number; updated: number } & Meta);

/** Longest `progresshash` tracked: the key is the client's choice, so its size is bounded here. */
export const MAX_HASH_LENGTH = 256;

/**
 * Progress of long jobs keyed by the client-chosen `progresshash`; kept 10 minutes after the last
 * update, and never more than `capacity` at once (anonymous callers choose keys too, through
 * uploadtolink): past that the least recently updated job is forgotten, so a burst of requests can
 * cost a bounded amount of memory, whatever its keys.
 */
export class Progress {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly capacity = 10_000) {}

  set(hash: string, job: Job): void {
    if (hash.length > MAX_HASH_LENGTH) return;
    job.updated = Date.now();
    // re-inserted at the end: the Map's order is then the order of last updates
    this.jobs.delete(hash);
    this.jobs.set(hash, job);
    if (this.jobs.size > this.capacity) this.prune();
  }

  get size(): number {
    return this.jobs.size;
  }

  get(hash: string): Job | undefined {
    return this.jobs.get(hash);
  }

  touch(hash: string): void {
    const j = this.jobs.get(hash);
    if (!j) return;
    j.updated = Date.now();
    this.jobs.delete(hash);
    this.jobs.set(hash, j);
  }

  private prune(): void {
    const cutoff = Date.now() - 600_000;
    for (const [k, j] of this.jobs) if (j.updated < cutoff) this.jobs.delete(k);
    // still full of recent jobs: drop the least recently updated ones (the Map's first entries)
    for (const k of this.jobs.keys()) {
      if (this.jobs.size <= this.capacity) break;
      this.jobs.delete(k);
    }
  }
}
