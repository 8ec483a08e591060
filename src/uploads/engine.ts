// The upload engine: one queue (stores/upload-queue.ts) driven through a transport. It owns what is
// the same for every way of uploading — how many requests run at once, pause/resume/cancel/retry,
// what a failure does to the rest of the queue — and nothing of the wire. The signed-in app's
// transport (uploadfile and upload_* sessions) and the drop page's (uploadtolink) plug in here.
// Every instance holds its own state, so an engine ends with its session (dispose) and tests make
// their own with a fake clock and a fake transport.
import { isAbortError, PcloudError } from '../api/errors';
import type { UploadItem, UploadPatch, UploadQueue } from '../stores/upload-queue';

export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's AbortError when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const id = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => (clearTimeout(id), reject(signal.reason)), { once: true });
    }),
};

/** What a transport may change on an item while sending it. */
export type SendPatch = Pick<UploadPatch, 'loaded' | 'note' | 'uploadid' | 'savedAs'>;

export interface SendContext {
  readonly signal: AbortSignal;
  /** The item as it is now (a retry may find an upload session an earlier attempt opened). */
  item(id: number): UploadItem | undefined;
  changed(id: number, patch: SendPatch): void;
}

export interface Transport {
  /** Requests at once: the engine starts at `start`, grows on quick successes, halves on failures. */
  readonly concurrency: { readonly start: number; readonly max: number };
  /** Items to send in one request with `first`, chosen among `waiting` (`first` comes first). */
  batch?(first: UploadItem, waiting: readonly UploadItem[]): UploadItem[];
  /** Sends a batch: one entry per item, an error or undefined. Throwing fails the whole batch. */
  send(batch: readonly UploadItem[], ctx: SendContext): Promise<readonly unknown[]>;
  /** The user gave up an upload whose server side (an upload session) is still open. */
  abandoned?(item: UploadItem): void;
  /** Nothing waiting or being sent: what only served this run (folder ids) can go. */
  idle?(): void;
  dispose?(): void;
}

export interface UploadEngineDeps {
  store: Pick<UploadQueue, 'items' | 'item' | 'changed'>;
  transport: Transport;
  clock: Clock;
  /** One sentence for the user about a failure. */
  describe(err: unknown): string;
  /** A failure every waiting file would meet too (no space left, the link takes no more). */
  onHalt?(err: unknown): void;
  /** false: nothing is sent before start(), and a run ends when the queue is empty (the drop page waits for the visitor's name). */
  autoStart?: boolean;
  /** Nothing waiting or being sent any more. */
  onIdle?(): void;
}

export interface UploadEngine {
  /** New waiting items are in the store: send them. */
  wake(): void;
  start(): void;
  /** Stops sending; what was being sent goes back to waiting. */
  stop(): void;
  pause(id: number): void;
  pauseAll(): void;
  resume(id: number): void;
  resumeAll(): void;
  cancel(id: number): void;
  cancelAll(): void;
  retry(id: number): void;
  retryFailed(): void;
  /** After a reload: the same file again (name, size, date), or false. */
  fileChosenAgain(id: number, file: File): boolean;
  /** Aborts everything in flight and forgets this engine's state; it does nothing afterwards. */
  dispose(): void;
  readonly limit: number;
  readonly running: number;
}

/** Quick successes in a row before one more request may run at once. */
const GROW_AFTER = 4;
const QUICK_MS = 5000;

/** A full account or a link that refuses files: every later file would fail the same way. */
export function haltsQueue(err: unknown): boolean {
  return err instanceof PcloudError && (err.kind === 'quota' || err.kind === 'link');
}

const keptLoaded = (i: UploadItem) => (i.uploadid === undefined ? 0 : i.loaded);

export function createUploadEngine(deps: UploadEngineDeps): UploadEngine {
  const { store, transport, clock, describe } = deps;
  const controllers = new Map<number, AbortController>();
  let limit = transport.concurrency.start;
  let running = 0;
  let streak = 0;
  let active = deps.autoStart ?? true;
  let disposed = false;

  const change = (id: number, patch: UploadPatch) => {
    if (!disposed) store.changed(id, patch);
  };
  const sendable = (i: UploadItem) => i.status === 'waiting' && i.file !== null;

  function pump(): void {
    if (disposed) return;
    while (active && running < limit) {
      const waiting = store.items().filter(sendable);
      if (!waiting.length) break;
      const batch = transport.batch?.(waiting[0], waiting) ?? [waiting[0]];
      running++;
      void runBatch(batch).finally(() => {
        running--;
        pump();
      });
    }
    if (running > 0 || store.items().some(sendable)) return;
    if (deps.autoStart === false) active = false;
    transport.idle?.();
    deps.onIdle?.();
  }

  async function runBatch(batch: readonly UploadItem[]): Promise<void> {
    const controller = new AbortController();
    const started = clock.now();
    for (const i of batch) {
      controllers.set(i.id, controller);
      change(i.id, { status: 'uploading', loaded: keptLoaded(i), error: undefined, note: undefined, startedAt: started });
    }
    const ctx: SendContext = {
      signal: controller.signal,
      item: (id) => store.item(id),
      changed: (id, patch) => {
        if (controllers.get(id) === controller) change(id, patch);
      },
    };
    let results: readonly unknown[];
    try {
      results = await transport.send(batch, ctx);
    } catch (err) {
      results = batch.map(() => err);
    } finally {
      for (const i of batch) if (controllers.get(i.id) === controller) controllers.delete(i.id);
    }
    if (disposed) return;
    let trouble: unknown;
    let aborted = false;
    batch.forEach((sent, n) => {
      const err = results[n];
      const now = store.item(sent.id);
      if (!now) return;
      if (now.status === 'cancelled') {
        if (now.uploadid !== undefined) {
          transport.abandoned?.(now);
          change(now.id, { uploadid: undefined });
        }
        return;
      }
      if (err === undefined) {
        change(now.id, { status: 'done', loaded: now.size, savedAs: undefined, note: undefined, error: undefined });
        return;
      }
      if (now.status === 'paused') return; // the user's pause: the status already says so
      if (isAbortError(err)) {
        // stop(), or another file of the same request was paused: it simply goes again
        aborted = true;
        change(now.id, { status: 'waiting', loaded: keptLoaded(now), note: undefined });
        return;
      }
      trouble ??= err;
      // bytes sent in a request that failed are not in pCloud; a kept session's are
      change(now.id, { status: 'failed', error: describe(err), note: undefined, loaded: keptLoaded(now) });
    });
    adapt(trouble === undefined && !aborted, trouble !== undefined, clock.now() - started);
    if (trouble !== undefined && haltsQueue(trouble)) halt(trouble);
  }

  // Real pCloud is known to fail many parallel streams to one account: start low, grow while
  // replies stay quick, halve on errors.
  function adapt(ok: boolean, failed: boolean, took: number): void {
    if (!ok) streak = 0;
    if (failed) limit = Math.max(1, Math.floor(limit / 2));
    if (ok && ++streak >= GROW_AFTER && took < QUICK_MS) {
      streak = 0;
      limit = Math.min(transport.concurrency.max, limit + 1);
    }
  }

  /** The rest of the queue would fail the same way: it fails now, kept for a retry, without a request each. */
  function halt(err: unknown): void {
    const error = describe(err);
    for (const i of store.items()) if (i.status === 'waiting') change(i.id, { status: 'failed', error, loaded: keptLoaded(i) });
    deps.onHalt?.(err);
  }

  const requeue = (i: UploadItem) => change(i.id, { status: 'waiting', error: undefined, loaded: keptLoaded(i) });

  const engine: UploadEngine = {
    wake: pump,
    start() {
      active = true;
      pump();
    },
    stop() {
      active = false;
      for (const c of new Set(controllers.values())) c.abort();
    },
    pause(id) {
      change(id, { status: 'paused', note: undefined });
      controllers.get(id)?.abort();
    },
    pauseAll() {
      for (const i of store.items()) if (i.status === 'waiting' || i.status === 'uploading') engine.pause(i.id);
    },
    resume(id) {
      change(id, { status: 'waiting' });
      pump();
    },
    resumeAll() {
      for (const i of store.items()) if (i.status === 'paused') change(i.id, { status: 'waiting' });
      pump();
    },
    cancel(id) {
      const item = store.item(id);
      change(id, { status: 'cancelled', note: undefined });
      const controller = controllers.get(id);
      if (controller) controller.abort(); // the session, if any, goes when the send has stopped
      else if (item?.uploadid !== undefined) {
        transport.abandoned?.(item);
        change(id, { uploadid: undefined });
      }
    },
    cancelAll() {
      for (const i of store.items()) if (i.status === 'waiting' || i.status === 'uploading' || i.status === 'paused' || i.status === 'interrupted') engine.cancel(i.id);
    },
    retry(id) {
      const item = store.item(id);
      if (!item?.file) return;
      requeue(item);
      pump();
    },
    retryFailed() {
      for (const i of store.items()) if ((i.status === 'failed' || i.status === 'cancelled') && i.file) requeue(i);
      pump();
    },
    fileChosenAgain(id, file) {
      const item = store.item(id);
      if (!item || file.name !== item.name || file.size !== item.size || file.lastModified !== item.lastModified) return false;
      change(id, { file, status: 'waiting', error: undefined });
      pump();
      return true;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      active = false;
      for (const c of new Set(controllers.values())) c.abort();
      controllers.clear();
      transport.dispose?.();
    },
    get limit() {
      return limit;
    },
    get running() {
      return running;
    },
  };
  return engine;
}
