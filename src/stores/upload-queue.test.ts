import { describe, expect, it } from 'vitest';
import { createUploadQueue, summarizeUploads } from './upload-queue';

const f = (name: string, size: number) => new File(['x'.repeat(size)], name, { lastModified: 1 });

describe('upload queue store', () => {
  it('adds a file once while it waits when asked to, but again after it was uploaded', () => {
    const q = createUploadQueue();
    const a = f('a.txt', 3);
    q.queued([a, f('b.txt', 5)].map((file) => ({ file, dir: '' })), 0, { unique: true });
    q.queued([{ file: a, dir: '' }], 0, { unique: true });
    expect(q.items().map((i) => i.name)).toEqual(['a.txt', 'b.txt']);
    q.changed(q.items()[0].id, { status: 'done' });
    q.queued([{ file: a, dir: '' }], 0, { unique: true });
    expect(q.items()).toHaveLength(3);
    // the signed-in app may upload the same file twice on purpose (another folder)
    q.queued([{ file: a, dir: '' }], 1);
    expect(q.items()).toHaveLength(4);
  });

  it('summarizes progress, leaving out cancelled and skipped files', () => {
    const q = createUploadQueue();
    const [a, b, c, d] = q.queued([f('a', 4), f('b', 6), f('c', 10), f('d', 7)].map((file) => ({ file, dir: '' })), 0);
    q.changed(a.id, { status: 'done' });
    q.changed(b.id, { status: 'failed', loaded: 2, error: 'full' });
    q.changed(c.id, { status: 'uploading', loaded: 5 });
    q.changed(d.id, { status: 'cancelled' });
    expect(summarizeUploads(q.items())).toEqual({ total: 3, done: 1, failed: 1, waiting: 1, bytes: 20, sentBytes: 11 });
  });

  it('never drops the file being sent, and gives restored items ids of its own', () => {
    const q = createUploadQueue();
    const [a, b] = q.queued([f('a', 1), f('b', 1)].map((file) => ({ file, dir: '' })), 0);
    q.changed(a.id, { status: 'uploading' });
    q.kept(() => false);
    expect(q.items().map((i) => i.name)).toEqual(['a']);
    q.restored([{ ...b, file: null, status: 'interrupted' }]);
    expect(new Set(q.items().map((i) => i.id)).size).toBe(2);
  });
});
