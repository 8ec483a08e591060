// Deleting a selection with an undo window: one mutation that waits for its hold
// (pending-deletes.ts), then sends each item through the per-item delete mutations of file.ts and
// folder.ts (which take it out of cached listings and invalidate parent, item and trash). While it
// is pending, listing views hide its items; when it settles, deleted items are gone from the cache
// and the ones that failed show again.
import { mutationOptions, type DefaultError, type QueryClient } from '@tanstack/react-query';
import type { Metadata } from '../api/types';
import { deleteFileMutation } from './file';
import { deleteFolderRecursiveMutation } from './folder';
import { runMutation } from './mutations';
import { deleteFile } from '../api/file';
import { deleteFolderRecursive } from '../api/folder';
import { awaitHold, flushPendingDeletes, holdDelete, onHurry, pendingDeleteKey, type PendingDeleteVariables } from './pending-deletes';

export interface DeleteItemsResult {
  /** Undo released the hold: nothing was sent. */
  undone: boolean;
  deleted: Metadata[];
  failed: { item: Metadata; error: unknown }[];
}

/** Resolves with per-item outcomes (a batch may half-succeed); never sends when undone. */
export const deleteItemsMutation = mutationOptions<DeleteItemsResult, DefaultError, PendingDeleteVariables>({
  mutationKey: pendingDeleteKey,
  // Never paused while offline (nor the deletes it sends): a paused mutation would outlive the undo
  // window, and the page. Offline, the sends fail and the items show again with the reason.
  networkMode: 'always',
  mutationFn: async ({ hold, items }, { client }) => {
    const result: DeleteItemsResult = { undone: false, deleted: [], failed: [] };
    const how = await awaitHold(hold);
    if (how === 'undo') return { ...result, undone: true };
    const sent: Promise<void>[] = [];
    let next = 0;
    const send = (keepalive: boolean) => {
      const item = items[next++];
      const done = deleteOne(client, item, keepalive).then(
        () => void result.deleted.push(item),
        (error: unknown) => void result.failed.push({ item, error }),
      );
      sent.push(done);
      return done;
    };
    // The page is going away: every request now, each outliving the page.
    const sendRest = () => {
      while (next < items.length) void send(true);
    };
    if (how === 'unload') sendRest();
    // One by one otherwise: pCloud has no batch delete, and parallel deletes of nested items (a
    // folder and a file in it, from search results) would race.
    onHurry(hold, sendRest);
    while (next < items.length) await send(false);
    onHurry(hold, undefined);
    await Promise.all(sent);
    return result;
  },
});

/** The per-item mutation (cache edits and invalidations); kept alive, its request starts at once. */
function deleteOne(client: QueryClient, item: Metadata, keepalive: boolean): Promise<unknown> {
  const call = keepalive ? { keepalive: true, retry: 0 } : undefined;
  if (item.isfolder) {
    const params = { folderid: item.folderid };
    const request = call && deleteFolderRecursive(params, call);
    return runMutation(client, { ...deleteFolderRecursiveMutation, networkMode: 'always', ...(request ? { mutationFn: () => request } : {}) }, params);
  }
  const params = { fileid: item.fileid };
  const request = call && deleteFile(params, call);
  return runMutation(client, { ...deleteFileMutation, networkMode: 'always', ...(request ? { mutationFn: () => request } : {}) }, params);
}

export interface PendingDelete {
  /** Keeps the items; false when it is too late (the delete was already sent). */
  undo: () => boolean;
  /** Settles once the delete was undone or sent. */
  done: Promise<DeleteItemsResult>;
}

/** Hides the items at once and deletes them after `holdMs` unless undone (or flushed) first. */
export function startPendingDelete(client: QueryClient, items: readonly Metadata[], holdMs: number): PendingDelete {
  sendHeldDeletesWhenLeaving();
  const { hold, release, track } = holdDelete(holdMs);
  const done = runMutation(client, deleteItemsMutation, { hold, items });
  track(done);
  return { undo: () => release('undo'), done };
}

let leaving = false;

/**
 * A confirmed delete must happen even when the page reloads, closes or goes to the background in
 * its undo window: then every held delete is sent at once, in requests that outlive the page.
 * `visibilitychange` covers mobile browsers, which may discard a hidden page without `pagehide`.
 */
function sendHeldDeletesWhenLeaving(): void {
  if (leaving || typeof window === 'undefined') return;
  leaving = true;
  const flush = () => void flushPendingDeletes({ keepalive: true });
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}
