import { describe, expect, it, vi } from 'vitest';
import { PcloudError, PcloudNetworkError } from '../api/errors';
import { createUploadQueue, type UploadItem } from '../stores/upload-queue';
import { createUploadEngine, type SendContext, type Transport } from './engine';
import { fakeClock, fileOf, settle } from './testing';

interface Send {
  done: boolean;
  batch: UploadItem[];
  ctx: SendContext;
  finish(results?: unknown[]): Promise<void>;
  fail(err: unknown): Promise<void>;
}

/** A transport whose requests end when the test says so. */
function scriptedTransport(opts: { batchOf?: number } = {}) {
  const sends: Send[] = [];
  const transport = {
    concurrency: { start: 2, max: 4 },
    batch: opts.batchOf ? (first: UploadItem, waiting: readonly UploadItem[]) => [first, ...waiting.filter((i) => i !== first)].slice(0, opts.batchOf) : undefined,
    send: (batch: readonly UploadItem[], ctx: SendContext) =>
      new Promise<readonly unknown[]>((resolve, reject) => {
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
        const send: Send = {
          done: false,
          batch: [...batch],
          ctx,
          finish: (results) => ((send.done = true), resolve(results ?? batch.map(() => undefined)), settle()),
          fail: (err) => ((send.done = true), reject(err), settle()),
        };
        sends.push(send);
      }),
    abandoned: vi.fn(),
    idle: vi.fn(),
    dispose: vi.fn(),
  } satisfies Transport;
  return { transport, sends, open: () => sends.filter((s) => !s.done && !s.ctx.signal.aborted) };
}

function setup(opts: { autoStart?: boolean; batchOf?: number } = {}) {
  const store = createUploadQueue();
  const clock = fakeClock();
  const t = scriptedTransport(opts);
  const onHalt = vi.fn();
  const engine = createUploadEngine({ store, clock, transport: t.transport, describe: (e) => (e instanceof Error ? e.message : String(e)), onHalt, autoStart: opts.autoStart });
  const add = (...names: string[]) => {
    const items = store.queued(names.map((n) => ({ file: fileOf(n, n), dir: '' })), 0);
    engine.wake();
    return items;
  };
  const status = () => store.items().map((i) => `${i.name}:${i.status}`);
  return { store, clock, engine, add, status, onHalt, ...t };
}

const quota = () => new PcloudError(2008, undefined, 'uploadfile');

describe('upload engine: concurrency', () => {
  it('starts two requests, grows by one after four quick successes, and halves on a failure', async () => {
    const { engine, add, sends, open } = setup();
    add(...Array.from({ length: 12 }, (_, n) => `f${n}.txt`));
    expect(open()).toHaveLength(2);
    for (let n = 0; n < 4; n++) await open()[0].finish();
    expect(engine.limit).toBe(3);
    expect(open()).toHaveLength(3);
    await open()[0].fail(new PcloudNetworkError('network', 'uploadfile', 'down'));
    expect(engine.limit).toBe(1);
    // the two already running finish; only one starts in their place
    await open()[0].finish();
    await open()[0].finish();
    expect(open()).toHaveLength(1);
    expect(sends.length).toBe(8);
  });

  it('does not grow on slow replies and never goes past the transport’s maximum', async () => {
    const { engine, add, clock, open } = setup();
    add(...Array.from({ length: 40 }, (_, n) => `f${n}.txt`));
    for (let n = 0; n < 4; n++) {
      await clock.advance(6000);
      await open()[0].finish();
    }
    expect(engine.limit).toBe(2);
    for (let n = 0; n < 20; n++) await open()[0].finish();
    expect(engine.limit).toBe(4);
    expect(open()).toHaveLength(4);
  });

  it('sends the batch the transport chooses as one request', async () => {
    const { add, sends, status } = setup({ batchOf: 3 });
    add('a', 'b', 'c', 'd');
    expect(sends.map((s) => s.batch.map((i) => i.name))).toEqual([['a', 'b', 'c'], ['d']]);
    await sends[0].finish([undefined, new Error('checksum'), undefined]);
    expect(status()).toEqual(['a:done', 'b:failed', 'c:done', 'd:uploading']);
  });
});

describe('upload engine: pause, resume, cancel, retry', () => {
  it('pauses a file in flight (its request aborted) and sends it again on resume', async () => {
    const { engine, add, sends, status } = setup();
    const [a] = add('a');
    engine.pause(a.id);
    await settle();
    expect(sends[0].ctx.signal.aborted).toBe(true);
    expect(status()).toEqual(['a:paused']);
    engine.resume(a.id);
    expect(sends).toHaveLength(2);
    await sends[1].finish();
    expect(status()).toEqual(['a:done']);
  });

  it('puts the other files of a paused file’s request back in the queue', async () => {
    const { engine, add, sends, status } = setup({ batchOf: 3 });
    const [a] = add('a', 'b', 'c');
    engine.pause(a.id);
    await settle();
    expect(status()).toEqual(['a:paused', 'b:uploading', 'c:uploading']);
    expect(sends[1].batch.map((i) => i.name)).toEqual(['b', 'c']);
  });

  it('gives up an upload session when a file is cancelled: once its request stopped, or at once when idle', async () => {
    const { engine, add, sends, store, transport } = setup();
    const [a, b] = add('a', 'b');
    sends[0].ctx.changed(a.id, { uploadid: 77, loaded: 10 });
    engine.cancel(a.id);
    await settle();
    expect(transport.abandoned).toHaveBeenCalledWith(expect.objectContaining({ id: a.id, uploadid: 77 }));
    expect(store.item(a.id)).toMatchObject({ status: 'cancelled', uploadid: undefined });
    await sends[1].fail(new Error('x'));
    store.changed(b.id, { status: 'interrupted', uploadid: 78 });
    engine.cancel(b.id);
    expect(transport.abandoned).toHaveBeenLastCalledWith(expect.objectContaining({ id: b.id, uploadid: 78 }));
  });

  it('keeps a failed file with its reason; retry sends it again from zero, or from its session', async () => {
    const { engine, add, sends, store } = setup();
    const [a, b] = add('a', 'b');
    sends[0].ctx.changed(a.id, { loaded: 1 });
    sends[1].ctx.changed(b.id, { uploadid: 5, loaded: 1 });
    await sends[0].fail(new Error('The connection failed.'));
    await sends[1].fail(new Error('The connection failed.'));
    expect(store.items().map((i) => [i.status, i.error, i.loaded])).toEqual([
      ['failed', 'The connection failed.', 0],
      ['failed', 'The connection failed.', 1],
    ]);
    // two failures in a row: one request at a time now
    engine.retryFailed();
    expect(store.items().map((i) => i.status)).toEqual(['uploading', 'waiting']);
    expect(sends[2].batch[0]).toMatchObject({ name: 'a', loaded: 0 });
    await sends[2].finish();
    expect(sends[3].batch[0]).toMatchObject({ name: 'b', loaded: 1, uploadid: 5 });
  });

  it('takes back a file chosen again after a reload only if it is the same file', async () => {
    const { engine, store, sends } = setup();
    store.restored([{ file: null, name: 'big.bin', size: 3, lastModified: 5, dir: '', targetFolderId: 0, status: 'interrupted', loaded: 2, uploadid: 9 }]);
    const id = store.items()[0].id;
    expect(engine.fileChosenAgain(id, new File(['abcd'], 'big.bin', { lastModified: 5 }))).toBe(false);
    expect(sends).toHaveLength(0);
    expect(engine.fileChosenAgain(id, new File(['abc'], 'big.bin', { lastModified: 5 }))).toBe(true);
    expect(sends[0].batch[0]).toMatchObject({ uploadid: 9, loaded: 2 });
  });
});

describe('upload engine: failures the whole queue would meet', () => {
  it('on a full account fails the waiting files with the same reason without sending them, and retries them all later', async () => {
    const { engine, add, sends, status, onHalt, store } = setup();
    add('a', 'b', 'c', 'd');
    await sends[0].fail(quota());
    expect(status()).toEqual(['a:failed', 'b:uploading', 'c:failed', 'd:failed']);
    expect(store.items()[2].error).toBe(quota().message);
    expect(onHalt).toHaveBeenCalledOnce();
    await sends[1].finish();
    expect(sends).toHaveLength(2);
    engine.retryFailed();
    expect(status().filter((s) => s.endsWith('uploading'))).toHaveLength(engine.limit);
  });

  it('a link that refuses files stops the queue the same way', async () => {
    const { add, sends, status, onHalt } = setup();
    add('a', 'b', 'c');
    await sends[0].fail(new PcloudError(7008, undefined, 'uploadtolink'));
    expect(status()).toEqual(['a:failed', 'b:uploading', 'c:failed']);
    expect(onHalt.mock.calls[0][0]).toMatchObject({ kind: 'quota' });
  });

  it('a connection failure fails only its own file', async () => {
    const { add, sends, status, onHalt } = setup();
    add('a', 'b', 'c');
    await sends[0].fail(new PcloudNetworkError('network', 'uploadfile', 'down'));
    expect(status()).toEqual(['a:failed', 'b:uploading', 'c:waiting']);
    expect(onHalt).not.toHaveBeenCalled();
  });
});

describe('upload engine: life cycle', () => {
  it('waits for start() when told to, and stop() puts files in flight back to waiting', async () => {
    const { engine, add, sends, status } = setup({ autoStart: false });
    add('a', 'b', 'c');
    expect(sends).toHaveLength(0);
    engine.start();
    expect(sends).toHaveLength(2);
    engine.stop();
    await settle();
    expect(status()).toEqual(['a:waiting', 'b:waiting', 'c:waiting']);
    engine.start();
    expect(sends.filter((s) => !s.ctx.signal.aborted)).toHaveLength(2);
  });

  it('tells the transport when the queue ran dry, so run-only caches go', async () => {
    const { add, sends, transport } = setup();
    add('a');
    expect(transport.idle).not.toHaveBeenCalled();
    await sends[0].finish();
    expect(transport.idle).toHaveBeenCalled();
  });

  it('on dispose aborts every request, writes nothing more and sends nothing more', async () => {
    const { engine, add, sends, store, transport } = setup();
    add('a', 'b', 'c');
    engine.dispose();
    await settle();
    expect(sends.every((s) => s.ctx.signal.aborted)).toBe(true);
    expect(transport.dispose).toHaveBeenCalledOnce();
    expect(store.items().map((i) => i.status)).toEqual(['uploading', 'uploading', 'waiting']);
    engine.wake();
    engine.retryFailed();
    expect(sends).toHaveLength(2);
  });
});
