// Collections / playlists (docs/pcloud/methods-misc.md §3). Refused to OAuth tokens since 2026 (1000 → kind
// 'oauthRefused'). The docs show `collection` both as an object and as a one-element array, so
// replies are normalised to an object here.
import { request, type CallOptions } from './client';
import type { Collection, CollectionLinkResult, Empty } from './types';

type RawCollection = Collection | Collection[];

function single(method: string, raw: RawCollection | undefined): Collection {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) throw new Error(`${method}: reply has no collection`);
  return value;
}

export interface CollectionListParams {
  /** 1 = playlists. */
  type?: number;
  showfiles?: boolean;
  pagesize?: number;
}

export function collectionList(params: CollectionListParams = {}, opts?: CallOptions): Promise<{ collections: Collection[] }> {
  return request<{ collections: Collection[] }>('collection_list', params, opts);
}

export async function collectionDetails(
  params: { collectionid: number; page?: number; pagesize?: number },
  opts?: CallOptions,
): Promise<{ collection: Collection }> {
  const reply = await request<{ collection?: RawCollection }>('collection_details', params, opts);
  return { collection: single('collection_details', reply.collection) };
}

export interface CollectionCreateParams {
  name: string;
  type?: number;
  fileids?: readonly number[];
}

export async function collectionCreate(
  params: CollectionCreateParams,
  opts?: CallOptions,
): Promise<{ collection: Collection; linkresult?: CollectionLinkResult[] | false }> {
  const reply = await request<{ collection?: RawCollection; linkresult?: CollectionLinkResult[] | false }>(
    'collection_create',
    params,
    opts,
  );
  return { collection: single('collection_create', reply.collection), linkresult: reply.linkresult };
}

export async function collectionRename(
  params: { collectionid: number; name: string },
  opts?: CallOptions,
): Promise<{ collection: Collection }> {
  const reply = await request<{ collection?: RawCollection }>('collection_rename', params, opts);
  return { collection: single('collection_rename', reply.collection) };
}

export async function collectionDelete(params: { collectionid: number }, opts?: CallOptions): Promise<void> {
  await request<Empty>('collection_delete', params, opts);
}

/** Appends in the given order; per-file outcomes are in `linkresult`. */
export async function collectionLinkFiles(
  params: { collectionid: number; fileids: readonly number[]; noitems?: boolean },
  opts?: CallOptions,
): Promise<{ linkresult: CollectionLinkResult[]; collection?: Collection }> {
  const reply = await request<{ linkresult?: CollectionLinkResult[]; collection?: RawCollection }>(
    'collection_linkfiles',
    params,
    opts,
  );
  return {
    linkresult: reply.linkresult ?? [],
    collection: reply.collection === undefined ? undefined : single('collection_linkfiles', reply.collection),
  };
}

export type CollectionUnlinkParams = { collectionid: number } & (
  | { positions: readonly number[] }
  | { all: true }
  | { fileids: readonly number[] }
);

export async function collectionUnlinkFiles(
  params: CollectionUnlinkParams,
  opts?: CallOptions,
): Promise<{ collection: Collection }> {
  const reply = await request<{ collection?: RawCollection }>('collection_unlinkfiles', params, opts);
  return { collection: single('collection_unlinkfiles', reply.collection) };
}

/** `item` is the current 1-based position, `position` the target. */
export async function collectionMove(
  params: { collectionid: number; item: number; position: number; fileid?: number },
  opts?: CallOptions,
): Promise<void> {
  await request<Empty>('collection_move', params, opts);
}
