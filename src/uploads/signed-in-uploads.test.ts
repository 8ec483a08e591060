import { describe, expect, it, vi } from 'vitest';
import { PcloudError, PcloudNetworkError } from '../api/errors';
import { createUploadQueue } from '../stores/upload-queue';
import { ChecksumMismatch } from './signed-in-transport';
import { createSignedInUploads, uploadMessage } from './signed-in-uploads';
import { digest, fakeClock, fakeHasher, fakeUploadApi, fileOf, settle } from './testing';

function setup() {
  const server = fakeUploadApi();
  const store = createUploadQueue();
  const clock = fakeClock();
  const hasher = fakeHasher();
  const listingsChanged = vi.fn();
  const uploads = createSignedInUploads({ api: server.api, store, clock, hasher, listingsChanged, chunkedThreshold: 8, chunkSize: 4 });
  const never = () => Promise.resolve(null);
  const start = async (files: File[], target = 0, dir = '') => {
    await uploads.start(files.map((file) => ({ file, dir })), [], target, never);
    await settle();
  };
  const status = () => store.items().map((i) => `${i.name}:${i.status}`);
  return { server, store, clock, hasher, listingsChanged, uploads, engine: uploads.engine, start, status };
}

const bytes = (n: number, seed = 1) => new Uint8Array(n).map((_, i) => (i * 7 + seed) & 0xff);

describe('signed-in uploads: small files', () => {
  it('sends up to 16 small files changed in the same second in one uploadfile, and checks each', async () => {
    const { server, start, status } = setup();
    await start([...Array.from({ length: 20 }, (_, n) => fileOf(`f${n}.txt`, `body ${n}`)), fileOf('other.txt', 'x', 1_600_000_000_000)]);
    const requests = server.named('uploadfile').map((c) => c.names.length);
    expect(requests.sort((a, b) => a - b)).toEqual([1, 4, 16]);
    expect(status().every((s) => s.endsWith(':done'))).toBe(true);
    expect(server.files).toHaveLength(21);
  });

  it('fails a file whose stored checksum differs, and the retry replaces that copy instead of adding one', async () => {
    const { server, store, start, engine } = setup();
    server.lies.push('0'.repeat(16));
    await start([fileOf('photo.jpg', 'pixels')]);
    const [item] = store.items();
    expect(item).toMatchObject({ status: 'failed', error: uploadMessage(new ChecksumMismatch('photo.jpg')), savedAs: 'photo.jpg' });
    engine.retry(item.id);
    await settle();
    expect(store.items()[0].status).toBe('done');
    expect(server.named('uploadfile')[1].params).toMatchObject({ renameifexists: false });
    expect(server.files.map((f) => f.name)).toEqual(['photo.jpg']);
  });

  it('keeps the queue on a full account: every file fails with the reason, and a retry later sends them', async () => {
    const { server, store, start, engine } = setup();
    const full = new PcloudError(2008, undefined, 'uploadfile');
    server.fail('uploadfile', full, full);
    await start([fileOf('a.txt', 'a', 1000), fileOf('b.txt', 'b', 2000), fileOf('c.txt', 'c', 3000)]);
    expect(store.items().map((i) => [i.status, i.error])).toEqual(Array(3).fill(['failed', uploadMessage(full)]));
    // the third was not sent: the account was known to be full
    expect(server.named('uploadfile')).toHaveLength(2);
    engine.retryFailed();
    await settle();
    expect(store.items().map((i) => i.status)).toEqual(['done', 'done', 'done']);
  });
});

describe('signed-in uploads: big files in upload sessions', () => {
  it('writes chunks at their offsets, saves, and compares checksumfile with the local digest', async () => {
    const { server, start, status } = setup();
    const body = bytes(10);
    await start([fileOf('big.bin', body)]);
    expect(server.named('upload_write').map((c) => c.params.uploadoffset)).toEqual([0, 4, 8]);
    expect(server.named('upload_save')).toHaveLength(1);
    expect(status()).toEqual(['big.bin:done']);
    expect(digest(server.fileNamed('big.bin')!.bytes)).toBe(digest(body));
  });

  it('writes a chunk again after a dropped connection, waiting on the clock, and gives up on a refusal', async () => {
    const { server, store, start, clock } = setup();
    server.fail('upload_write', new PcloudNetworkError('network', 'upload_write', 'reset'), new PcloudNetworkError('network', 'upload_write', 'reset'));
    await start([fileOf('big.bin', bytes(10))]);
    expect(store.items()[0]).toMatchObject({ status: 'uploading', note: 'Connection lost, trying again…' });
    expect(clock.sleeping).toBe(1);
    await clock.advance(1000);
    await clock.advance(2000);
    expect(store.items()[0].status).toBe('done');
    expect(server.named('upload_write').map((c) => c.params.uploadoffset)).toEqual([0, 0, 0, 4, 8]);

    server.fail('upload_write', new PcloudError(2003, undefined, 'upload_write'));
    await start([fileOf('other.bin', bytes(9))]);
    expect(store.items()[1]).toMatchObject({ status: 'failed', error: uploadMessage(new PcloudError(2003, undefined, 'upload_write')) });
    // the session stays: a retry goes on from what it holds
    expect(store.items()[1].uploadid).toBeDefined();
  });

  it('after a reload goes on from the bytes the session holds once their checksum matches the file’s start', async () => {
    const { server, store, uploads } = setup();
    const body = bytes(10);
    server.sessions.set(500, body.slice(0, 4));
    store.restored([{ file: null, name: 'big.bin', size: 10, lastModified: 1_700_000_000_000, dir: '', targetFolderId: 0, status: 'interrupted', loaded: 4, uploadid: 500 }]);
    expect(uploads.fileChosenAgain(store.items()[0].id, fileOf('big.bin', bytes(11)))).toMatch(/not the same file/);
    expect(uploads.fileChosenAgain(store.items()[0].id, fileOf('big.bin', body))).toBeNull();
    await settle();
    expect(server.named('upload_create')).toHaveLength(0);
    expect(server.named('upload_write').map((c) => c.params.uploadoffset)).toEqual([4, 8]);
    expect(store.items()[0].status).toBe('done');
    expect(server.fileNamed('big.bin')!.bytes).toEqual(body);
  });

  it('starts over (and deletes the old session) when the bytes held are not this file’s', async () => {
    const { server, store, uploads } = setup();
    const body = bytes(10);
    server.sessions.set(500, bytes(4, 99));
    store.restored([{ file: null, name: 'big.bin', size: 10, lastModified: 1_700_000_000_000, dir: '', targetFolderId: 0, status: 'interrupted', loaded: 4, uploadid: 500 }]);
    uploads.fileChosenAgain(store.items()[0].id, fileOf('big.bin', body));
    await settle();
    expect(server.named('upload_delete').map((c) => c.params.uploadid)).toEqual([500]);
    expect(server.named('upload_write').map((c) => c.params.uploadoffset)).toEqual([0, 4, 8]);
    expect(server.fileNamed('big.bin')!.bytes).toEqual(body);
  });

  it('falls back to uploadfile for this and later big files when the server refuses sessions', async () => {
    const { server, start, status } = setup();
    server.fail('upload_create', new PcloudError(2003, undefined, 'upload_create'));
    await start([fileOf('a.bin', bytes(10))]);
    await start([fileOf('b.bin', bytes(12))]);
    expect(server.named('upload_create')).toHaveLength(1);
    expect(server.named('uploadfile').flatMap((c) => c.names)).toEqual(['a.bin', 'b.bin']);
    expect(status()).toEqual(['a.bin:done', 'b.bin:done']);
  });

  it('deletes the session of a big file the user cancels', async () => {
    const { server, store, start, engine } = setup();
    server.hold('upload_write');
    await start([fileOf('big.bin', bytes(10))]);
    const [item] = store.items();
    expect(item.uploadid).toBeDefined();
    engine.cancel(item.id);
    await settle();
    expect(server.named('upload_delete').map((c) => c.params.uploadid)).toEqual([item.uploadid]);
    expect(store.items()[0]).toMatchObject({ status: 'cancelled', uploadid: undefined });
  });
});

describe('signed-in uploads: folders', () => {
  it('makes each folder once, and finds it again when it was deleted meanwhile (2005)', async () => {
    const { server, store, start } = setup();
    await start([fileOf('a.txt', 'a'), fileOf('b.txt', 'b', 1)], 0, 'Trip/Day 1');
    expect(server.named('createfolderifnotexists').map((c) => c.params.name)).toEqual(['Trip', 'Day 1']);
    server.hold('uploadfile');
    await start([fileOf('c.txt', 'c'), fileOf('d.txt', 'd', 1)], 0, 'Photos');
    const photos = [...server.folders].find(([, f]) => f.name === 'Photos')![0];
    server.deleteFolder(photos); // deleted in another tab while the first file was on its way
    await server.release('uploadfile');
    await settle();
    expect(store.items().slice(2).map((i) => i.status)).toEqual(['done', 'done']);
    expect(server.named('createfolderifnotexists').filter((c) => c.params.name === 'Photos')).toHaveLength(2);
    expect(server.files.filter((f) => f.folderid !== photos && ['c.txt', 'd.txt'].includes(f.name))).toHaveLength(2);
  });

  it('forgets folder ids once the queue is done: a later upload to the same path asks again', async () => {
    const { server, start } = setup();
    await start([fileOf('a.txt', 'a')], 0, 'Photos');
    await start([fileOf('b.txt', 'b')], 0, 'Photos');
    expect(server.named('createfolderifnotexists')).toHaveLength(2);
  });

  it('asks once about taken names and honours the answer', async () => {
    const { server, store, uploads } = setup();
    await uploads.start([{ file: fileOf('a.txt', 'a'), dir: '' }], [], 0, () => Promise.resolve(null));
    await settle();
    const ask = vi.fn(() => Promise.resolve('skip' as const));
    await uploads.start([{ file: fileOf('a.txt', 'new'), dir: '' }, { file: fileOf('b.txt', 'b'), dir: '' }], [], 0, ask);
    await settle();
    expect(ask).toHaveBeenCalledWith(['a.txt']);
    expect(store.items().map((i) => i.status)).toEqual(['done', 'skipped', 'done']);
    const closed = vi.fn(() => Promise.resolve(null));
    await uploads.start([{ file: fileOf('b.txt', 'again'), dir: '' }], [], 0, closed);
    expect(store.items()).toHaveLength(3);
    expect(server.files.map((f) => f.name).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('refreshes the touched listings once for many files, after the clock says so', async () => {
    const { start, clock, listingsChanged, status } = setup();
    await start(Array.from({ length: 10 }, (_, n) => fileOf(`f${n}.txt`, 'x', n * 1000)), 0, 'Sub');
    expect(status().every((s) => s.endsWith(':done'))).toBe(true);
    expect(listingsChanged).not.toHaveBeenCalled();
    await clock.advance(300);
    expect(listingsChanged).toHaveBeenCalledOnce();
    expect(listingsChanged.mock.calls[0][0]).toHaveLength(2); // the new folder and the one it is in
    expect(listingsChanged.mock.calls[0][0]).toContain(0);
    // the next files within two seconds wait for the rest of them
    await start([fileOf('late.txt', 'x')], 0);
    await clock.advance(1000);
    expect(listingsChanged).toHaveBeenCalledOnce();
    await clock.advance(1000);
    expect(listingsChanged).toHaveBeenCalledTimes(2);
  });
});

describe('signed-in uploads: sign-out', () => {
  it('dispose aborts what is in flight, writes nothing more and refreshes nothing more', async () => {
    const { server, store, start, uploads, clock, listingsChanged, hasher } = setup();
    server.hold('uploadfile');
    await start([fileOf('a.txt', 'a'), fileOf('b.txt', 'b', 1)]);
    expect(server.waiting('uploadfile')).toBe(2);
    uploads.dispose();
    await settle();
    expect(server.waiting('uploadfile')).toBe(0);
    expect(store.items().map((i) => i.status)).toEqual(['uploading', 'uploading']);
    await clock.advance(10_000);
    expect(listingsChanged).not.toHaveBeenCalled();
    expect(hasher.open).toBe(0);
  });
});
