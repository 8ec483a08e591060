import { describe, expect, it, vi } from 'vitest';
import { PcloudError, PcloudNetworkError } from '../api/errors';
import { createUploadQueue } from '../stores/upload-queue';
import { createUploadEngine } from './engine';
import { createLinkTransport, fileProgress, type SendToLink } from './link-transport';
import { fakeClock, fileOf, settle } from './testing';

/** The drop page's set-up: its own queue, the upload-link transport, nothing sent before start(). */
function dropPage(answer: (name: string) => Promise<void> | void) {
  const queue = createUploadQueue();
  const sent: string[] = [];
  const send: SendToLink = async (file, opts) => {
    sent.push(file.name);
    opts.onProgress(50, 100);
    // as the real request does, an abort ends it at once
    await new Promise<void>((resolve, reject) => {
      opts.signal.addEventListener('abort', () => reject(opts.signal.reason));
      Promise.resolve()
        .then(() => answer(file.name))
        .then(resolve, reject);
    });
  };
  const onHalt = vi.fn();
  const onIdle = vi.fn();
  const engine = createUploadEngine({ store: queue, transport: createLinkTransport(send), clock: fakeClock(), describe: (e) => String(e), onHalt, onIdle, autoStart: false });
  const add = (...names: string[]) => queue.queued(names.map((n) => ({ file: fileOf(n, n), dir: '' })), 0, { unique: true });
  const status = () => queue.items().map((i) => `${i.name}:${i.status}`);
  return { queue, engine, sent, add, status, onHalt, onIdle };
}

describe('upload-link transport', () => {
  it('scales multipart progress to the file size', () => {
    expect(fileProgress(50, 100, 1000)).toBe(500);
    expect(fileProgress(120, 100, 1000)).toBe(1000);
    expect(fileProgress(5, 0, 1000)).toBe(0);
  });

  it('sends nothing before the visitor starts, then one file per request until the queue is empty', async () => {
    const { engine, sent, add, status, onIdle } = dropPage(() => undefined);
    add('a.txt', 'b.txt');
    await settle();
    expect(sent).toEqual([]);
    engine.start();
    await settle();
    expect(sent).toEqual(['a.txt', 'b.txt']);
    expect(status()).toEqual(['a.txt:done', 'b.txt:done']);
    expect(onIdle).toHaveBeenCalled();
    // a run ends with the queue: files added later wait for the next start
    add('c.txt');
    engine.wake();
    await settle();
    expect(sent).toHaveLength(2);
  });

  it('a link that has all the files it accepts stops the run; the rest stays for a retry', async () => {
    let full = true;
    const { engine, add, status, onHalt } = dropPage((name) => {
      if (name !== 'first.txt' && full) throw new PcloudError(7008, undefined, 'uploadtolink');
    });
    add('first.txt', 'second.txt', 'third.txt');
    engine.start();
    await settle();
    expect(status()).toEqual(['first.txt:done', 'second.txt:failed', 'third.txt:failed']);
    expect(onHalt).toHaveBeenCalledWith(expect.objectContaining({ code: 7008 }));
    full = false;
    engine.retryFailed();
    engine.start();
    await settle();
    expect(status()).toEqual(['first.txt:done', 'second.txt:done', 'third.txt:done']);
  });

  it('a broken connection fails its file only, and stop() puts the file being sent back in the queue', async () => {
    let release: () => void = () => undefined;
    const { engine, add, status } = dropPage((name) => {
      if (name === 'a.txt') throw new PcloudNetworkError('network', 'uploadtolink', 'reset');
      return new Promise<void>((resolve) => (release = resolve));
    });
    add('a.txt', 'b.txt', 'c.txt');
    engine.start();
    await settle();
    expect(status()).toEqual(['a.txt:failed', 'b.txt:uploading', 'c.txt:waiting']);
    engine.stop();
    release();
    await settle();
    expect(status()).toEqual(['a.txt:failed', 'b.txt:waiting', 'c.txt:waiting']);
  });
});
