// The two item hierarchies every other category hangs its per-item keys under, so invalidating
// `fileKeys.detail(id)` reaches everything cached about that file (metadata, checksum, revisions,
// content links, history) and `folderKeys.detail(id)` everything about that folder.
// Kept apart from folder.ts/file.ts because both of those (and listing-cache.ts) need both.

export const folderKeys = {
  all: ['folder'] as const,
  /** Prefix of everything cached about one folder. */
  detail: (folderid: number) => ['folder', folderid] as const,
  /** `listfolder`: the folder's metadata with its direct `contents`. */
  list: (folderid: number) => ['folder', folderid, 'list'] as const,
  /** `listfolder?nofiles`: the folder with its direct subfolders only (folder pickers). */
  subfolders: (folderid: number) => ['folder', folderid, 'subfolders'] as const,
  /** The folder's own metadata without `contents`; seeded from listings. */
  meta: (folderid: number) => ['folder', folderid, 'meta'] as const,
  /** Every folder of the account with its path (palette search, jump to folder). */
  tree: ['folder', 'tree'] as const,
};

export const fileKeys = {
  all: ['file'] as const,
  /** Prefix of everything cached about one file. */
  detail: (fileid: number) => ['file', fileid] as const,
  /** The file's metadata (`stat`); seeded from listings. */
  meta: (fileid: number) => ['file', fileid, 'meta'] as const,
  checksum: (fileid: number) => ['file', fileid, 'checksum'] as const,
  /** Prefix of the file's expiring content links (streaming, thumbnails, archive ranges). */
  links: (fileid: number) => ['file', fileid, 'link'] as const,
};

/** The two listing shapes a folder can be cached in. */
export const LISTING_KINDS = ['list', 'subfolders'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export function listingKeys(folderid: number) {
  return [folderKeys.list(folderid), folderKeys.subfolders(folderid)] as const;
}

/** True for a key of the form `['folder', id, 'list' | 'subfolders']`. */
export function isListingKey(key: readonly unknown[]): key is readonly ['folder', number, ListingKind] {
  return key.length === 3 && key[0] === 'folder' && typeof key[1] === 'number' && (key[2] === 'list' || key[2] === 'subfolders');
}

// Key factories of categories the always-loaded change feed (live-updates.ts) invalidates. They
// live here, apart from their query modules, so the first route does not load those categories'
// API code just to name their keys.

import type { CollectionListParams } from '../api/collections';

export interface CollectionPage {
  page?: number;
  pagesize?: number;
}

type TrashItem = { fileid: number; folderid?: never } | { folderid: number; fileid?: never };

export const collectionKeys = {
  all: ['collections'] as const,
  lists: () => ['collections', 'list'] as const,
  list: (params: CollectionListParams = {}) => ['collections', 'list', params] as const,
  details: () => ['collections', 'detail'] as const,
  /** Prefix of every page of one collection. */
  detail: (collectionid: number) => ['collections', 'detail', collectionid] as const,
  page: (collectionid: number, page: CollectionPage = {}) => ['collections', 'detail', collectionid, page] as const,
  /** Files under a folder with their paths, for matching an imported playlist. */
  fileIndex: (folderid: number) => ['collections', 'fileindex', folderid] as const,
};

export const trashKeys = {
  all: ['trash'] as const,
  lists: () => ['trash', 'list'] as const,
  /** A trash folder's listing (0 = trash root). */
  list: (folderid: number) => ['trash', 'list', folderid] as const,
  restorePath: (item: TrashItem) =>
    ['trash', 'restorepath', item.fileid !== undefined ? `f${item.fileid}` : `d${item.folderid}`] as const,
};

export const shareKeys = {
  all: ['shares'] as const,
  list: () => ['shares', 'list'] as const,
  /** Anonymous lookup of an offer by its e-mailed code. */
  request: (code: string) => ['shares', 'request', code] as const,
};

/** Search results and the Recent list: any file or folder event may change them (live-updates.ts). */
export const searchKeys = {
  all: ['search'] as const,
  query: (q: string, category: number | 'folders' | null) => ['search', 'query', q, category] as const,
  recent: (last: number) => ['search', 'recent', last] as const,
};
