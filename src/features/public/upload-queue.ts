// The drop page's queue as plain data: what each file is doing, and the totals the page reports.
export type DropStatus = 'queued' | 'uploading' | 'done' | 'failed';

export interface DropItem {
  id: number;
  file: File;
  status: DropStatus;
  /** Bytes sent so far (of the multipart body, scaled to the file's size). */
  sent: number;
  error?: string;
}

let nextId = 1;

/** Adds files, skipping ones already waiting in the queue (same name, size and date). */
export function addFiles(queue: readonly DropItem[], files: Iterable<File>): DropItem[] {
  const waiting = new Set(queue.filter((q) => q.status !== 'done').map((q) => fileKey(q.file)));
  const added: DropItem[] = [];
  for (const file of files) {
    const key = fileKey(file);
    if (waiting.has(key)) continue;
    waiting.add(key);
    added.push({ id: nextId++, file, status: 'queued', sent: 0 });
  }
  return [...queue, ...added];
}

const fileKey = (f: File) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`;

export function update(queue: readonly DropItem[], id: number, patch: Partial<Omit<DropItem, 'id' | 'file'>>): DropItem[] {
  return queue.map((q) => (q.id === id ? { ...q, ...patch } : q));
}

export function remove(queue: readonly DropItem[], id: number): DropItem[] {
  return queue.filter((q) => q.id !== id || q.status === 'uploading');
}

/** Failed files go back to the queue for another attempt. */
export function requeueFailed(queue: readonly DropItem[]): DropItem[] {
  return queue.map((q) => (q.status === 'failed' ? { ...q, status: 'queued', sent: 0, error: undefined } : q));
}

export interface DropSummary {
  total: number;
  done: number;
  failed: number;
  waiting: number;
  bytes: number;
  sentBytes: number;
}

export function summarize(queue: readonly DropItem[]): DropSummary {
  const s: DropSummary = { total: queue.length, done: 0, failed: 0, waiting: 0, bytes: 0, sentBytes: 0 };
  for (const q of queue) {
    s.bytes += q.file.size;
    s.sentBytes += q.status === 'done' ? q.file.size : Math.min(q.sent, q.file.size);
    if (q.status === 'done') s.done++;
    else if (q.status === 'failed') s.failed++;
    else s.waiting++;
  }
  return s;
}

/** Scales multipart progress (headers included) to the file's own size. */
export function fileProgress(sent: number, total: number, fileSize: number): number {
  if (total <= 0) return 0;
  return Math.min(fileSize, Math.round((sent / total) * fileSize));
}
