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
import { awaitHold, holdDelete, pendingDeleteKey, type PendingDeleteVariables } from './pending-deletes';

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
    if ((await awaitHold(hold)) === 'undo') return { ...result, undone: true };
    // One by one: pCloud has no batch delete, and parallel deletes of nested items would race.
    for (const item of items) {
      try {
        if (item.isfolder) await runMutation(client, { ...deleteFolderRecursiveMutation, networkMode: 'always' }, { folderid: item.folderid });
        else await runMutation(client, { ...deleteFileMutation, networkMode: 'always' }, { fileid: item.fileid });
        result.deleted.push(item);
      } catch (error) {
        result.failed.push({ item, error });
      }
    }
    return result;
  },
});

export interface PendingDelete {
  /** Keeps the items; false when it is too late (the delete was already sent). */
  undo: () => boolean;
  /** Settles once the delete was undone or sent. */
  done: Promise<DeleteItemsResult>;
}

/** Hides the items at once and deletes them after `holdMs` unless undone (or flushed) first. */
export function startPendingDelete(client: QueryClient, items: readonly Metadata[], holdMs: number): PendingDelete {
  const { hold, release, track } = holdDelete(holdMs);
  const done = runMutation(client, deleteItemsMutation, { hold, items });
  track(done);
  return { undo: () => release('undo'), done };
}
