import { describe, expect, it } from 'vitest';
import { addFiles, fileProgress, remove, requeueFailed, summarize, update } from './upload-queue';

const f = (name: string, size: number) => new File(['x'.repeat(size)], name, { lastModified: 1 });

describe('upload queue', () => {
  it('adds files once while they wait, but again after they were uploaded', () => {
    const a = f('a.txt', 3);
    let q = addFiles([], [a, f('b.txt', 5)]);
    q = addFiles(q, [a]);
    expect(q.map((i) => i.file.name)).toEqual(['a.txt', 'b.txt']);
    q = update(q, q[0].id, { status: 'done', sent: 3 });
    expect(addFiles(q, [a])).toHaveLength(3);
  });

  it('summarizes progress and keeps failed files for a retry', () => {
    let q = addFiles([], [f('a.txt', 4), f('b.txt', 6), f('c.txt', 10)]);
    q = update(q, q[0].id, { status: 'done', sent: 4 });
    q = update(q, q[1].id, { status: 'failed', sent: 2, error: 'This upload link is full.' });
    q = update(q, q[2].id, { status: 'uploading', sent: 5 });
    expect(summarize(q)).toEqual({ total: 3, done: 1, failed: 1, waiting: 1, bytes: 20, sentBytes: 11 });
    const again = requeueFailed(q);
    expect(again[1]).toMatchObject({ status: 'queued', sent: 0, error: undefined });
    expect(again[0].status).toBe('done');
  });

  it('never removes the file being sent', () => {
    let q = addFiles([], [f('a.txt', 1), f('b.txt', 1)]);
    q = update(q, q[0].id, { status: 'uploading' });
    expect(remove(remove(q, q[0].id), q[1].id).map((i) => i.file.name)).toEqual(['a.txt']);
  });

  it('scales multipart progress to the file size', () => {
    expect(fileProgress(50, 100, 1000)).toBe(500);
    expect(fileProgress(120, 100, 1000)).toBe(1000);
    expect(fileProgress(5, 0, 1000)).toBe(0);
  });
});
