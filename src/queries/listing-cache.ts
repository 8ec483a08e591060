// Folder listings in the Query cache: serving per-item queries from listings, optimistic edits
// with undo, and deferred invalidation while listing mutations are in flight.
//
// Listings feed item caches (docs/architecture.md §3.3) in two ways, chosen after measuring: writing every
// child into its own key with setQueryData costs ~20-40 µs per child (key hashing, a Query object,
// a gc timer), i.e. hundreds of ms for a 10 000-item folder on every refetch. Instead:
//  - item queryFns (`statOptions`, `folderMetaOptions`) first look the item up in the fresh cached
//    listings and answer from there without a request (servedFromListing);
//  - a listing fetch updates the item queries that already exist (syncItemCaches), so an open
//    details panel follows the listing. Option factories stay pure (no client argument).
//
// Optimistic edits return an undo closure that applies the *inverse* edit to whatever the cache
// holds when it runs, instead of restoring a snapshot: with several mutations in flight, a snapshot
// restore would also wipe the others' optimistic changes.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { formatPcloudDate } from '../api/protocol/dates';
import type { FolderMetadata, Metadata } from '../api/types';
import { fileKeys, folderKeys, isListingKey, listingKeys, type ListingKind } from './keys';

export function withoutContents(folder: FolderMetadata): FolderMetadata {
  if (folder.contents === undefined) return folder;
  const { contents: _contents, ...rest } = folder;
  return rest;
}

export function itemKey(item: Metadata): QueryKey {
  return item.isfolder ? folderKeys.meta(item.folderid) : fileKeys.meta(item.fileid);
}

function syncOne(client: QueryClient, key: QueryKey, data: Metadata, updatedAt: number): void {
  const state = client.getQueryState(key);
  // Never overwrite something fetched after this listing (e.g. a `stat` that raced it).
  if (state && state.dataUpdatedAt > updatedAt) return;
  client.setQueryData(key, data, { updatedAt });
}

/** The item id an item query (`['file', id, 'meta']` / `['folder', id, 'meta']`) is about. */
function itemIdOfKey(key: readonly unknown[]): string | undefined {
  if (key.length !== 3 || key[2] !== 'meta' || typeof key[1] !== 'number') return undefined;
  if (key[0] === 'file') return `f${key[1]}`;
  if (key[0] === 'folder') return `d${key[1]}`;
  return undefined;
}

/**
 * After a listing fetch: the listed folder's own metadata, and every *existing* item query whose
 * item is in the listing, take the listing's version. O(cached queries + listed items), and the
 * listed items are only walked when some item query exists: an index of the listing (one map entry
 * per item) cost tens of ms per 100,000 items on the way to their first rows (issue 20).
 */
export function syncItemCaches(client: QueryClient, listing: FolderMetadata, updatedAt: number = Date.now()): void {
  syncOne(client, folderKeys.meta(listing.folderid), withoutContents(listing), updatedAt);
  const contents = listing.contents ?? [];
  if (contents.length === 0) return;
  const existing = new Map<string, QueryKey>();
  for (const query of client.getQueryCache().getAll()) {
    const id = itemIdOfKey(query.queryKey);
    // the listed folder itself is not among its contents
    if (id !== undefined && id !== listing.id) existing.set(id, query.queryKey);
  }
  if (existing.size === 0) return;
  for (const item of contents) {
    const key = existing.get(item.id);
    if (key) syncOne(client, key, item.isfolder ? withoutContents(item) : item, updatedAt);
  }
}

/**
 * The item as a fresh, valid cached listing shows it (a child entry, or a listing's own root), so
 * an item query can answer without a request. Undefined when no such listing holds it.
 */
export function servedFromListing(client: QueryClient, id: string, maxAgeMs: number, now: number = Date.now()): Metadata | undefined {
  for (const query of client.getQueryCache().findAll({ queryKey: folderKeys.all })) {
    if (!isListingKey(query.queryKey) || query.state.isInvalidated || now - query.state.dataUpdatedAt > maxAgeMs) continue;
    const data = query.state.data as FolderMetadata | undefined;
    if (!data) continue;
    if (data.id === id) return withoutContents(data);
    const item = data.contents?.find((m) => m.id === id);
    if (item) return item.isfolder ? withoutContents(item) : item;
  }
  return undefined;
}

/** Cached listings (flat and folders-only) that contain the item with this pCloud id (`f12`, `d34`). */
export function findListed(client: QueryClient, id: string): { folderid: number; kind: ListingKind; item: Metadata }[] {
  const found: { folderid: number; kind: ListingKind; item: Metadata }[] = [];
  for (const query of client.getQueryCache().findAll({ queryKey: folderKeys.all })) {
    const key = query.queryKey;
    if (!isListingKey(key)) continue;
    const data = query.state.data as FolderMetadata | undefined;
    const item = data?.contents?.find((m) => m.id === id);
    if (item) found.push({ folderid: key[1], kind: key[2], item });
  }
  return found;
}

/** The item as the cache knows it: a listing entry first, else its item key. */
export function findItem(client: QueryClient, id: string): Metadata | undefined {
  const listed = findListed(client, id)[0]?.item;
  if (listed) return listed;
  const numeric = Number(id.slice(1));
  if (!Number.isSafeInteger(numeric)) return undefined;
  return client.getQueryData<Metadata>(id.startsWith('d') ? folderKeys.meta(numeric) : fileKeys.meta(numeric));
}

// ---------------------------------------------------------------------------------------------
// Pure edits of one listing

type Edit = (folder: FolderMetadata, kind: ListingKind) => FolderMetadata;

function belongs(item: Metadata, kind: ListingKind): boolean {
  return kind === 'list' || item.isfolder;
}

const removeEdit =
  (id: string): Edit =>
  (folder) =>
    folder.contents?.some((m) => m.id === id) ? { ...folder, contents: folder.contents.filter((m) => m.id !== id) } : folder;

/** Adds the item unless its id is already there or another entry of the same kind has its name. */
const insertEdit =
  (item: Metadata): Edit =>
  (folder, kind) => {
    if (!belongs(item, kind)) return folder;
    const contents = folder.contents ?? [];
    if (contents.some((m) => m.id === item.id || (m.name === item.name && m.isfolder === item.isfolder))) return folder;
    return { ...folder, contents: [...contents, item] };
  };

const replaceEdit =
  (id: string, update: (item: Metadata) => Metadata): Edit =>
  (folder) =>
    folder.contents?.some((m) => m.id === id)
      ? { ...folder, contents: folder.contents.map((m) => (m.id === id ? update(m) : m)) }
      : folder;

/** Applies an edit to the cached listings of a folder (both shapes); absent listings stay absent. */
function editListings(client: QueryClient, folderid: number, edit: Edit): void {
  const kinds: ListingKind[] = ['list', 'subfolders'];
  listingKeys(folderid).forEach((key, i) => {
    client.setQueryData<FolderMetadata>(key, (old) => (old ? edit(old, kinds[i]) : old));
  });
}

function editItemKey(client: QueryClient, item: Metadata, update: (item: Metadata) => Metadata): void {
  client.setQueryData<Metadata>(itemKey(item), (old) => (old ? update(old) : old));
}

/** Cancels in-flight fetches of these folders' listings so they cannot overwrite an optimistic edit. */
export async function cancelListings(client: QueryClient, folderids: Iterable<number | undefined>): Promise<void> {
  const ids = new Set([...folderids].filter((id): id is number => id !== undefined));
  await Promise.all([...ids].flatMap((id) => listingKeys(id).map((queryKey) => client.cancelQueries({ queryKey }))));
}

export type Undo = () => void;

export function combineUndo(undos: readonly Undo[]): Undo {
  return () => {
    for (const undo of [...undos].reverse()) undo();
  };
}

// ---------------------------------------------------------------------------------------------
// Optimistic operations

/** Removes the item from its parent's listings; undo puts it back if it is missing. */
export function optimisticRemove(client: QueryClient, item: Metadata): Undo {
  const parent = item.parentfolderid;
  if (parent !== undefined) editListings(client, parent, removeEdit(item.id));
  return () => {
    if (parent !== undefined) editListings(client, parent, insertEdit(item));
  };
}

/** Adds a (placeholder) item to a folder's listings; undo removes it. */
export function optimisticInsert(client: QueryClient, folderid: number, item: Metadata): Undo {
  editListings(client, folderid, insertEdit(item));
  return () => editListings(client, folderid, removeEdit(item.id));
}

/** Swaps an entry (e.g. a placeholder) for the server's metadata in a folder's listings. */
export function replaceListed(client: QueryClient, folderid: number, id: string, item: Metadata): void {
  editListings(client, folderid, replaceEdit(id, () => item));
}

/**
 * Rename and/or move: renames in place when the folder stays, else removes from the old parent and
 * inserts into the new one (when that listing is cached and has no entry with the same name: then
 * the refetch decides, since a file rename replaces and a folder rename fails).
 */
export function optimisticRelocate(client: QueryClient, item: Metadata, change: { name?: string; tofolderid?: number }): Undo {
  const from = item.parentfolderid;
  const to = change.tofolderid ?? from;
  const name = change.name ?? item.name;
  const moved: Metadata = { ...item, name, ...(to === undefined ? {} : { parentfolderid: to }) };
  const undos: Undo[] = [];
  if (to === from) {
    if (from !== undefined) {
      editListings(client, from, replaceEdit(item.id, (m) => ({ ...m, name })));
      undos.push(() => editListings(client, from, replaceEdit(item.id, (m) => (m.name === name ? { ...m, name: item.name } : m))));
    }
  } else {
    undos.push(optimisticRemove(client, item));
    if (to !== undefined) undos.push(optimisticInsert(client, to, moved));
  }
  editItemKey(client, item, (m) => ({ ...m, name, ...(to === undefined ? {} : { parentfolderid: to }) }));
  undos.push(() =>
    editItemKey(client, item, (m) =>
      m.name === name && m.parentfolderid === to ? { ...m, name: item.name, parentfolderid: from } : m,
    ),
  );
  return combineUndo(undos);
}

let placeholderSeq = 0;

/** A folder shown while `createfolder` runs: negative folderid, `id` `d-<n>`. */
export function placeholderFolder(parentfolderid: number, name: string, now: Date = new Date()): FolderMetadata {
  placeholderSeq += 1;
  const date = formatPcloudDate(Math.floor(now.getTime() / 1000));
  return {
    isfolder: true,
    folderid: -placeholderSeq,
    id: `d-${placeholderSeq}`,
    name,
    parentfolderid,
    created: date,
    modified: date,
    ismine: true,
    isshared: false,
    icon: 'folder',
    thumb: false,
  };
}

/** Placeholders have negative ids; views may disable actions on them. */
export function isPlaceholder(item: Metadata): boolean {
  return item.isfolder && item.folderid < 0;
}

// ---------------------------------------------------------------------------------------------
// Invalidation of listings, deferred while listing mutations are in flight

/**
 * `meta` flag of mutations that edit listings optimistically. Only these hold back listing
 * refetches: a long upload or copy must not delay live updates for minutes.
 */
export const OPTIMISTIC_LISTING_META = { optimisticListing: true } as const;

const dirtyByClient = new WeakMap<QueryClient, Set<number>>();

function pendingListingMutations(client: QueryClient): number {
  return client.isMutating({ predicate: (m) => m.options.meta?.optimisticListing === true });
}

async function flush(client: QueryClient, folderids: Iterable<number | undefined>, selfPending: number): Promise<void> {
  let dirty = dirtyByClient.get(client);
  if (!dirty) {
    dirty = new Set();
    dirtyByClient.set(client, dirty);
  }
  for (const id of folderids) if (id !== undefined && id >= 0) dirty.add(id);
  // Refetching while an optimistic edit is pending would flash the server's older state; the
  // last optimistic mutation to settle invalidates every folder touched meanwhile.
  if (pendingListingMutations(client) > selfPending) return;
  const ids = [...dirty];
  dirty.clear();
  // A child change also changes the folder's own `modified`, so the whole folder prefix goes.
  await Promise.all(ids.map((id) => client.invalidateQueries({ queryKey: folderKeys.detail(id) })));
}

/** From an optimistic mutation's `onSettled` (the mutation itself still counts as pending there). */
export function settleListings(client: QueryClient, folderids: Iterable<number | undefined>): Promise<void> {
  return flush(client, folderids, 1);
}

/** From anywhere else (plain writes, live updates): now, unless an optimistic edit is pending. */
export function invalidateListings(client: QueryClient, folderids: Iterable<number | undefined>): Promise<void> {
  return flush(client, folderids, 0);
}

// ---------------------------------------------------------------------------------------------
// onMutate helpers: find the item, stop racing fetches, apply the edit

export interface OptimisticContext {
  undo: Undo;
  /** Folders whose listings the edit touched (settled after the mutation). */
  folders: (number | undefined)[];
}

export const NOTHING_APPLIED: OptimisticContext = { undo: () => {}, folders: [] };

/**
 * Optimistic rename/move of the item with this pCloud id. Path-addressed calls get no optimism
 * (the cache cannot tell where a path points); the refetch after settling shows the result.
 */
export async function beginRelocate(
  client: QueryClient,
  id: string | undefined,
  change: { toname?: string; tofolderid?: number; topath?: string },
): Promise<OptimisticContext> {
  if (id === undefined || change.topath !== undefined) return NOTHING_APPLIED;
  const before = findItem(client, id);
  if (!before) return NOTHING_APPLIED;
  await cancelListings(client, [before.parentfolderid, change.tofolderid]);
  const item = findItem(client, id) ?? before;
  return {
    undo: optimisticRelocate(client, item, { name: change.toname, tofolderid: change.tofolderid }),
    folders: [item.parentfolderid, change.tofolderid],
  };
}

/** Optimistic removal of the item with this pCloud id from its parent's listings. */
export async function beginRemove(client: QueryClient, id: string | undefined): Promise<OptimisticContext> {
  if (id === undefined) return NOTHING_APPLIED;
  const before = findItem(client, id);
  if (!before) return NOTHING_APPLIED;
  await cancelListings(client, [before.parentfolderid]);
  const item = findItem(client, id) ?? before;
  return { undo: optimisticRemove(client, item), folders: [item.parentfolderid] };
}
