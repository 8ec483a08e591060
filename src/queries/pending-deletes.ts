// Deletes the user can still undo. Deleting is held back for an undo window (so "Undo" works
// everywhere, even where trash_restore refuses OAuth tokens), and during that window the delete is
// a pending mutation in the mutation cache whose variables name the items (delete-items.ts). Views
// read listings through useFolderListing/useSubfolders, which hide those items: the cache itself keeps the
// server's rows, so a refetch from live updates or a window refocus cannot bring them back on
// screen, and undo needs no snapshot: releasing the hold without a write shows them again.
// A confirmed delete always happens: when the page goes away or hides, or the session ends, every
// held delete is sent at once (delete-items.ts, commands/sign-out.ts); until then the trash lists it
// as being deleted.
//
// Kept apart from delete-items.ts so the first route (the listing) does not load the delete code.
import { useCallback, useMemo } from 'react';
import { useMutationState, useQuery, type QueryClient } from '@tanstack/react-query';
import type { FolderMetadata, Metadata } from '../api/types';
import { folderListingOptions, subfoldersOptions } from './folder';

export const pendingDeleteKey = ['items', 'delete'] as const;

export interface PendingDeleteVariables {
  /** The hold registered by holdDelete (released by the window's end, undo or a flush). */
  hold: number;
  items: readonly Metadata[];
}

/** 'unload': the page is going away — send everything at once, in requests that outlive the page. */
export type HoldRelease = 'send' | 'undo' | 'unload';

interface Hold {
  release: (how: HoldRelease) => boolean;
  released: Promise<HoldRelease>;
  done: Promise<unknown>;
  /** Set while the delete is being sent item by item: sends what is left at once, kept alive. */
  hurry?: () => void;
}

const holds = new Map<number, Hold>();
let lastHold = 0;

/**
 * Registers a hold that sends after `holdMs` unless released earlier. `release` answers false when
 * the hold was already released (the window ended, or undo came too late).
 */
export function holdDelete(holdMs: number): { hold: number; release: (how: HoldRelease) => boolean; track: (done: Promise<unknown>) => void } {
  const hold = ++lastHold;
  let resolve!: (how: HoldRelease) => void;
  const released = new Promise<HoldRelease>((r) => (resolve = r));
  let open = true;
  const release = (how: HoldRelease) => {
    if (!open) return false;
    open = false;
    clearTimeout(timer);
    resolve(how);
    return true;
  };
  const timer = setTimeout(() => release('send'), holdMs);
  const entry: Hold = { release, released, done: released };
  holds.set(hold, entry);
  return {
    hold,
    release,
    track: (done) => {
      entry.done = done;
      // the entry stays until the delete settles, so a flush also waits for deletes in flight;
      // a failure is the caller's to report (it holds `done` too), not this bookkeeping's
      void done.catch(() => undefined).finally(() => holds.delete(hold));
    },
  };
}

/** What the held delete's mutationFn waits for. A hold nobody registered (none in this tab) sends. */
export function awaitHold(hold: number): Promise<HoldRelease> {
  return holds.get(hold)?.released ?? Promise.resolve('send');
}

/** While a released delete is sent item by item: what an unload flush calls to send the rest now. */
export function onHurry(hold: number, hurry: (() => void) | undefined): void {
  const entry = holds.get(hold);
  if (entry) entry.hurry = hurry;
}

/**
 * Sends every held delete now and waits until all of them settled (e.g. before the page goes away
 * or the session ends, when an undo window can no longer be honoured). With `keepalive`, for a page
 * that is going away: every request starts before this returns (no waiting for one reply before
 * the next) and survives the page.
 */
export async function flushPendingDeletes({ keepalive = false }: { keepalive?: boolean } = {}): Promise<void> {
  const all = [...holds.values()];
  for (const h of all) if (!h.release(keepalive ? 'unload' : 'send') && keepalive) h.hurry?.();
  await Promise.allSettled(all.map((h) => h.done));
}

/** Undo from elsewhere than the toast (the trash's "being deleted" rows); false once it was sent. */
export function undoHeldDelete(hold: number): boolean {
  return holds.get(hold)?.release('undo') ?? false;
}

function idsOf(items: readonly (readonly Metadata[] | undefined)[]): Set<string> {
  return new Set(items.flatMap((list) => (list ?? []).map((m) => m.id)));
}

/** Ids of items whose delete is held or in flight. */
export function pendingDeleteIds(client: QueryClient): Set<string> {
  const pending = client.getMutationCache().findAll({ mutationKey: pendingDeleteKey, status: 'pending' });
  return idsOf(pending.map((m) => (m.state.variables as PendingDeleteVariables | undefined)?.items));
}

export function usePendingDeleteIds(): ReadonlySet<string> {
  const held = useMutationState({
    filters: { mutationKey: pendingDeleteKey, status: 'pending' },
    select: (m) => (m.state.variables as PendingDeleteVariables | undefined)?.items,
  });
  return useMemo(() => idsOf(held), [held]);
}

/** Every delete that is held or in flight, with its items (the trash shows them as being deleted). */
export function usePendingDeletes(): readonly PendingDeleteVariables[] {
  return useMutationState({
    filters: { mutationKey: pendingDeleteKey, status: 'pending' },
    select: (m) => m.state.variables as PendingDeleteVariables,
  });
}

/** The listing without these items; the same object when none of them is listed. */
export function withoutPendingDeletes(folder: FolderMetadata, hidden: ReadonlySet<string>): FolderMetadata {
  if (hidden.size === 0 || !folder.contents?.some((m) => hidden.has(m.id))) return folder;
  return { ...folder, contents: folder.contents.filter((m) => !hidden.has(m.id)) };
}

function usePendingDeleteFilter() {
  const hidden = usePendingDeleteIds();
  return useCallback((folder: FolderMetadata) => withoutPendingDeletes(folder, hidden), [hidden]);
}

/** A folder listing as views show it: without the items whose delete is pending. */
export function useFolderListing(folderid: number) {
  return useQuery({ ...folderListingOptions(folderid), select: usePendingDeleteFilter() });
}

/** A folder's subfolders as pickers show them: a folder about to be deleted is no destination. */
export function useSubfolders(folderid: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...subfoldersOptions(folderid), select: usePendingDeleteFilter(), enabled });
}
