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

/** Progress of long jobs keyed by the client-chosen `progresshash`; kept 10 minutes after the last update. */
export class Progress {
  private readonly jobs = new Map<string, Job>();

  set(hash: string, job: Job): void {
    job.updated = Date.now();
    this.jobs.set(hash, job);
    if (this.jobs.size > 1000) this.prune();
  }

  get(hash: string): Job | undefined {
    return this.jobs.get(hash);
  }

  touch(hash: string): void {
    const j = this.jobs.get(hash);
    if (j) j.updated = Date.now();
  }

  private prune(): void {
    const cutoff = Date.now() - 600_000;
    for (const [k, j] of this.jobs) if (j.updated < cutoff) this.jobs.delete(k);
  }
}
