import { afterEach, describe, expect, it } from 'vitest';
import { finishedCleared, getUploads, resetUploadsStore, uploadChanged, uploadsPersisted, uploadsQueued } from './uploads';

const file = (name: string, size = 10, lastModified = 1_700_000_000_000) => new File([new Uint8Array(size)], name, { lastModified });

afterEach(() => {
  resetUploadsStore();
  localStorage.clear();
});

describe('uploads store', () => {
  it('queues files with the facts needed to recognise them later', () => {
    const [a] = uploadsQueued([{ file: file('a.txt', 5), dir: 'Trip' }], 7);
    expect(a).toMatchObject({ name: 'a.txt', size: 5, lastModified: 1_700_000_000_000, dir: 'Trip', targetFolderId: 7, status: 'waiting', loaded: 0 });
  });

  it('clears finished uploads but keeps everything that still needs attention', () => {
    const items = uploadsQueued(['done', 'failed', 'paused', 'cancelled', 'waiting'].map((n) => ({ file: file(n), dir: '' })), 0);
    uploadChanged(items[0].id, { status: 'done' });
    uploadChanged(items[1].id, { status: 'failed' });
    uploadChanged(items[2].id, { status: 'paused' });
    uploadChanged(items[3].id, { status: 'cancelled' });
    finishedCleared();
    expect(getUploads().map((i) => i.name)).toEqual(['failed', 'paused', 'waiting']);
  });

  it('brings unfinished uploads back after a reload as interrupted, without file contents', () => {
    const stop = uploadsPersisted(42);
    const [big, small, done] = uploadsQueued(
      [{ file: file('big.bin', 100) }, { file: file('small.txt') }, { file: file('done.txt') }].map((e) => ({ ...e, dir: '' })),
      3,
    );
    uploadChanged(big.id, { status: 'uploading', uploadid: 99, loaded: 64 });
    uploadChanged(small.id, { status: 'failed', error: 'The connection failed.' });
    uploadChanged(done.id, { status: 'done' });
    stop(); // the page goes away (flushes what is pending)

    resetUploadsStore(); // a new page
    uploadsPersisted(42);
    const back = getUploads();
    expect(back.map((i) => [i.name, i.status, i.uploadid, i.loaded, i.file])).toEqual([
      ['big.bin', 'interrupted', 99, 64, null],
      ['small.txt', 'interrupted', undefined, 0, null],
    ]);
    expect(back[0]).toMatchObject({ size: 100, lastModified: 1_700_000_000_000, targetFolderId: 3 });
  });

  it('keeps each account’s queue to itself and ignores damaged storage', () => {
    localStorage.setItem('pcloud.uploads.1', '{not json');
    localStorage.setItem('pcloud.uploads.2', JSON.stringify([{ name: 'x.bin', size: 1, lastModified: 1, dir: '', targetFolderId: 0, loaded: 0 }, { bogus: true }]));
    uploadsPersisted(1);
    expect(getUploads()).toEqual([]);
    resetUploadsStore();
    uploadsPersisted(2);
    expect(getUploads().map((i) => i.name)).toEqual(['x.bin']);
  });

  it('does not bring the same items back twice when the panel remounts', () => {
    localStorage.setItem('pcloud.uploads.5', JSON.stringify([{ name: 'x.bin', size: 1, lastModified: 1, dir: '', targetFolderId: 0, loaded: 0 }]));
    const stop = uploadsPersisted(5);
    stop();
    uploadsPersisted(5);
    expect(getUploads()).toHaveLength(1);
  });
});
