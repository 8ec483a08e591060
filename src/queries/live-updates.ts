// One `diff` long poll per session (docs/architecture.md §3.5), turning pCloud's change events into targeted
// invalidations. rclone's pattern: `diff?last=0` learns the current id, then `diff?diffid=N&block=1`
// in a loop; any failure backs off and starts over from `last=0`, and since events may have been
// missed during the gap, everything is invalidated once the feed is back.
import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { PcloudError } from '../api/errors';
import { diff } from '../api/general';
import type { DiffEvent, Metadata } from '../api/types';
import { generalKeys } from './general';
import { collectionKeys, fileKeys, folderKeys, searchKeys, shareKeys, trashKeys } from './keys';
import { findListed, invalidateListings } from './listing-cache';
import { invalidateKeys } from './mutations';
import { thumbLinksKeyHasFile } from './thumbnails';

const SHARE_EVENT = /share(in|out)$/;

/** What a batch of events makes stale. Pure: exported for tests and for reading. */
export interface DiffInvalidations {
  /** Everything (a `reset`). */
  all: boolean;
  /** Folders whose listings (and own metadata) changed. */
  folders: Set<number>;
  /** Other keys, deduplicated. */
  keys: QueryKey[];
  /** Files whose thumbnail batches are stale. */
  thumbFiles: Set<number>;
}

export function diffInvalidations(client: QueryClient, entries: readonly DiffEvent[]): DiffInvalidations {
  const out: DiffInvalidations = { all: false, folders: new Set(), keys: [], thumbFiles: new Set() };
  const seen = new Set<string>();
  const addKey = (key: QueryKey) => {
    const hash = hashKey(key);
    if (!seen.has(hash)) {
      seen.add(hash);
      out.keys.push(key);
    }
  };
  const addFolder = (id: number | undefined) => {
    if (id !== undefined) out.folders.add(id);
  };
  /** The new parent from the event, and any cached listing that still shows the item (old parent on moves). */
  const addParents = (meta: Metadata) => {
    addFolder(meta.parentfolderid);
    for (const { folderid } of findListed(client, meta.id)) addFolder(folderid);
  };

  for (const entry of entries) {
    const meta = entry.metadata;
    switch (entry.event) {
      case 'reset':
        out.all = true;
        return out;
      case 'createfile':
      case 'modifyfile':
      case 'deletefile':
        if (!meta || meta.isfolder) break;
        addParents(meta);
        addKey(fileKeys.detail(meta.fileid));
        out.thumbFiles.add(meta.fileid);
        if (meta.deletedfileid !== undefined) {
          addKey(fileKeys.detail(meta.deletedfileid));
          for (const { folderid } of findListed(client, `f${meta.deletedfileid}`)) addFolder(folderid);
        }
        if (entry.event !== 'createfile') addKey(collectionKeys.details());
        if (entry.event === 'deletefile') addKey(trashKeys.all);
        addKey(searchKeys.all);
        break;
      case 'createfolder':
      case 'modifyfolder':
      case 'deletefolder':
        if (!meta || !meta.isfolder) break;
        addParents(meta);
        // its own listing carries its name and parent
        if (entry.event !== 'createfolder') addFolder(meta.folderid);
        if (entry.event === 'deletefolder') addKey(trashKeys.all);
        addKey(searchKeys.all);
        break;
      case 'modifyuserinfo':
        addKey(generalKeys.userInfo());
        break;
      default:
        if (SHARE_EVENT.test(entry.event)) {
          addKey(shareKeys.all);
          // a changed share changes the recipient's rights on the whole shared tree (canmodify…):
          // every listing and item query of that account may carry the old flags
          if (entry.event === 'modifiedsharein') addKey(folderKeys.all);
          if (entry.event === 'modifiedsharein') addKey(fileKeys.all);
        }
      // unknown events are ignored (docs/pcloud/structures.md §5)
    }
  }
  return out;
}

export async function applyDiffEvents(client: QueryClient, entries: readonly DiffEvent[]): Promise<void> {
  const todo = diffInvalidations(client, entries);
  if (todo.all) {
    await client.invalidateQueries();
    return;
  }
  const thumbFiles = [...todo.thumbFiles];
  await Promise.all([
    invalidateListings(client, todo.folders),
    invalidateKeys(client, todo.keys),
    thumbFiles.length
      ? client.invalidateQueries({ predicate: (q) => thumbFiles.some((id) => thumbLinksKeyHasFile(q.queryKey, id)) })
      : undefined,
  ]);
}

export interface LiveUpdatesOptions {
  /** Delay after the n-th consecutive failure: base·2^(n-1), capped, with jitter. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A blocking call that returns nothing sooner than this waits the rest (guards a hot loop). */
  minEmptyPollMs?: number;
  /**
   * After a batch of events, the next poll waits until this long after the previous one began, so
   * a burst of changes (200 files uploading) arrives as a few batches and refetches each open
   * listing a few times instead of once per file.
   */
  minBatchIntervalMs?: number;
  /**
   * When the app's data was first fetched (ms since epoch). The feed may start a little later (the
   * shell waits for an idle moment); events between the two are then read with `diff?after=` and
   * applied, instead of being skipped by `last=0`.
   */
  since?: number;
  /** Observes every failure of the feed (the loop handles them itself). */
  onError?: (error: unknown) => void;
  /** Observes every non-empty batch after it was applied. */
  onEvents?: (entries: readonly DiffEvent[]) => void;
  random?: () => number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The session cannot read the feed: stop instead of hammering (the app restarts it on sign-in). */
function isFatal(error: unknown): boolean {
  return error instanceof PcloudError && (error.kind === 'auth' || error.kind === 'oauthRefused');
}

async function runFeed(client: QueryClient, signal: AbortSignal, opts: LiveUpdatesOptions): Promise<void> {
  const baseMs = opts.backoffBaseMs ?? 1_000;
  const maxMs = opts.backoffMaxMs ?? 60_000;
  const minEmptyPollMs = opts.minEmptyPollMs ?? 1_000;
  const minBatchIntervalMs = opts.minBatchIntervalMs ?? 1_000;
  const random = opts.random ?? Math.random;
  let diffid: number | null = null;
  let missedEvents = false;
  let catchUpFrom = opts.since;
  let failures = 0;
  while (!signal.aborted) {
    try {
      if (diffid === null && catchUpFrom !== undefined) {
        // `after` is compared with the server's clock and has one-second resolution: start half a
        // minute early so a client clock running a little fast loses nothing (re-applying is harmless)
        const limit = 500;
        const reply = await diff({ after: new Date(catchUpFrom - 30_000), limit }, { signal, retry: 0 });
        catchUpFrom = undefined;
        if (reply.entries.length >= limit) void client.invalidateQueries();
        else if (reply.entries.length > 0) await applyDiffEvents(client, reply.entries);
        diffid = reply.diffid;
        failures = 0;
        continue;
      }
      if (diffid === null) {
        diffid = (await diff({ last: 0 }, { signal, retry: 0 })).diffid;
        failures = 0;
        if (missedEvents) {
          missedEvents = false;
          void client.invalidateQueries();
        }
        continue;
      }
      const started = Date.now();
      const reply = await diff({ diffid, block: true }, { signal, retry: 0 });
      if (reply.entries.length > 0) {
        await applyDiffEvents(client, reply.entries);
        opts.onEvents?.(reply.entries);
      } else {
        await sleep(minEmptyPollMs - (Date.now() - started), signal);
      }
      // Only after applying, as the docs ask: a crash mid-batch replays it.
      diffid = reply.diffid;
      failures = 0;
      if (reply.entries.length > 0) await sleep(minBatchIntervalMs - (Date.now() - started), signal);
    } catch (error) {
      if (signal.aborted) return;
      opts.onError?.(error);
      if (isFatal(error)) return;
      if (diffid !== null) missedEvents = true;
      diffid = null;
      failures += 1;
      const cap = Math.min(maxMs, baseMs * 2 ** (failures - 1));
      await sleep(cap / 2 + random() * (cap / 2), signal);
    }
  }
}

/**
 * Starts the session's change feed. Returns `stop`, which aborts the in-flight request and any
 * backoff wait; calling it twice is harmless. Run one per session (e.g. in the shell's effect).
 */
export function startLiveUpdates(client: QueryClient, opts: LiveUpdatesOptions = {}): () => void {
  const controller = new AbortController();
  void runFeed(client, controller.signal, opts);
  return () => controller.abort();
}
