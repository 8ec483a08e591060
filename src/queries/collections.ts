// Collections / playlists. Refused to OAuth tokens since 2026 (kind 'oauthRefused': not retried,
// not routed to sign-in).
import { queryOptions, useMutation } from '@tanstack/react-query';
import {
  collectionCreate,
  collectionDelete,
  collectionDetails,
  collectionLinkFiles,
  collectionList,
  collectionMove,
  collectionRename,
  collectionUnlinkFiles,
  type CollectionCreateParams,
  type CollectionListParams,
  type CollectionUnlinkParams,
} from '../api/collections';
import { listFolder } from '../api/folder';
import type { FileMetadata, FolderMetadata } from '../api/protocol/types';
import { getTextFile } from '../api/streaming';
import { writeMutation } from './mutations';
import type { CollectionPage } from './keys';

type Page = CollectionPage;

export { collectionKeys } from './keys';
import { collectionKeys } from './keys';

export function collectionListOptions(params: CollectionListParams = {}) {
  return queryOptions({
    queryKey: collectionKeys.list(params),
    queryFn: ({ signal }) => collectionList(params, { signal }).then((r) => r.collections),
    staleTime: 60_000,
  });
}

export function collectionDetailsOptions(collectionid: number, page: Page = {}) {
  return queryOptions({
    queryKey: collectionKeys.page(collectionid, page),
    queryFn: ({ signal }) => collectionDetails({ collectionid, ...page }, { signal }).then((r) => r.collection),
    staleTime: 60_000,
  });
}

export const createCollectionMutation = writeMutation({
  mutationKey: ['collections', 'create'],
  mutationFn: (params: CollectionCreateParams) => collectionCreate(params),
  invalidates: () => [collectionKeys.lists()],
});
export const useCreateCollection = () => useMutation(createCollectionMutation);

export const renameCollectionMutation = writeMutation({
  mutationKey: ['collections', 'rename'],
  mutationFn: (params: { collectionid: number; name: string }) => collectionRename(params),
  invalidates: (params) => [collectionKeys.lists(), collectionKeys.detail(params.collectionid)],
});
export const useRenameCollection = () => useMutation(renameCollectionMutation);

export const deleteCollectionMutation = writeMutation({
  mutationKey: ['collections', 'delete'],
  mutationFn: (params: { collectionid: number }) => collectionDelete(params),
  invalidates: (params) => [collectionKeys.lists(), collectionKeys.detail(params.collectionid)],
});
export const useDeleteCollection = () => useMutation(deleteCollectionMutation);

/** Item counts in the lists change too. */
export const linkCollectionFilesMutation = writeMutation({
  mutationKey: ['collections', 'linkfiles'],
  mutationFn: (params: { collectionid: number; fileids: readonly number[]; noitems?: boolean }) => collectionLinkFiles(params),
  invalidates: (params) => [collectionKeys.lists(), collectionKeys.detail(params.collectionid)],
});
export const useLinkCollectionFiles = () => useMutation(linkCollectionFilesMutation);

export const unlinkCollectionFilesMutation = writeMutation({
  mutationKey: ['collections', 'unlinkfiles'],
  mutationFn: (params: CollectionUnlinkParams) => collectionUnlinkFiles(params),
  invalidates: (params) => [collectionKeys.lists(), collectionKeys.detail(params.collectionid)],
});
export const useUnlinkCollectionFiles = () => useMutation(unlinkCollectionFilesMutation);

/** Reorder: only the collection's own pages change. */
export const moveCollectionItemMutation = writeMutation({
  mutationKey: ['collections', 'move'],
  mutationFn: (params: { collectionid: number; item: number; position: number; fileid?: number }) => collectionMove(params),
  invalidates: (params) => [collectionKeys.detail(params.collectionid)],
});
export const useMoveCollectionItem = () => useMutation(moveCollectionItemMutation);

/** A file of the account with its full path, for matching imported playlists. */
export interface IndexedAccountFile {
  path: string;
  file: FileMetadata;
}

function collectFiles(folder: FolderMetadata, prefix: string, out: IndexedAccountFile[]): void {
  for (const m of folder.contents ?? []) {
    const path = `${prefix}/${m.name}`;
    if (m.isfolder) collectFiles(m, path, out);
    else out.push({ path, file: m });
  }
}

/**
 * Every file under a folder with its path (audio and playlists are picked by the caller). The root
 * cannot be listed recursively on pCloud (1101), so it is listed flat and each child recursively.
 */
async function indexFolder(folderid: number, signal: AbortSignal): Promise<IndexedAccountFile[]> {
  const out: IndexedAccountFile[] = [];
  const top = (await listFolder({ folderid, ...(folderid === 0 ? {} : { recursive: true }) }, { signal })).metadata;
  const prefix = folderid === 0 ? '' : (top.path ?? `/${top.name}`).replace(/\/$/, '');
  if (folderid !== 0) {
    collectFiles(top, prefix, out);
    return out;
  }
  for (const m of top.contents ?? []) {
    if (!m.isfolder) out.push({ path: `/${m.name}`, file: m });
  }
  const children = (top.contents ?? []).filter((m): m is FolderMetadata => m.isfolder);
  for (const child of children) {
    const sub = (await listFolder({ folderid: child.folderid, recursive: true }, { signal })).metadata;
    collectFiles(sub, `/${child.name}`, out);
  }
  return out;
}

export function accountFileIndexOptions(folderid: number) {
  return queryOptions({
    queryKey: collectionKeys.fileIndex(folderid),
    queryFn: ({ signal }) => indexFolder(folderid, signal),
    staleTime: 60_000,
    meta: { persist: false },
  });
}

/** The raw bytes of a playlist file in the account (gettextfile answers the file body). */
export async function readAccountFile(fileid: number): Promise<ArrayBuffer> {
  const response = await getTextFile({ fileid });
  return response.arrayBuffer();
}
