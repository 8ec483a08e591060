// Folders: listings (which seed per-item caches), folder metadata, and the writes that change
// listings, with optimistic updates for create, rename/move and delete.
import { queryOptions, useMutation } from '@tanstack/react-query';
import {
  copyFolder,
  createFolder,
  createFolderIfNotExists,
  deleteFolder,
  deleteFolderRecursive,
  listFolder,
  renameFolder,
  type CopyFolderParams,
  type CreateFolderParams,
} from '../api/folder';
import type { Destination, FolderMetadata, FolderRef } from '../api/types';
import { generalKeys } from './general';
import { folderKeys, trashKeys } from './keys';
import {
  beginRelocate,
  beginRemove,
  cancelListings,
  optimisticInsert,
  placeholderFolder,
  replaceListed,
  servedFromListing,
  syncItemCaches,
  withoutContents,
  NOTHING_APPLIED,
  type OptimisticContext,
} from './listing-cache';
import { optimisticMutation, targetFolders, writeMutation } from './mutations';

export { folderKeys };

const LISTING_STALE_MS = 30_000;

/**
 * `listfolder`: the folder's metadata with direct `contents`; keeps open item queries in step.
 * Views read it through useFolderListing (pending-deletes.ts), which hides deletes still held for undo.
 */
export function folderListingOptions(folderid: number) {
  return queryOptions({
    queryKey: folderKeys.list(folderid),
    queryFn: async ({ signal, client }): Promise<FolderMetadata> => {
      const { metadata } = await listFolder({ folderid }, { signal });
      syncItemCaches(client, metadata);
      return metadata;
    },
    staleTime: LISTING_STALE_MS,
  });
}

/** `listfolder?nofiles`: the folder with its subfolders only (folder pickers, tree views). */
export function subfoldersOptions(folderid: number) {
  return queryOptions({
    queryKey: folderKeys.subfolders(folderid),
    queryFn: async ({ signal, client }): Promise<FolderMetadata> => {
      const { metadata } = await listFolder({ folderid, nofiles: true }, { signal });
      syncItemCaches(client, metadata);
      return metadata;
    },
    staleTime: LISTING_STALE_MS,
  });
}

export interface FolderPathEntry {
  folderid: number;
  name: string;
  /** `/Photos/2024`, built from names */
  path: string;
}

/**
 * Every folder of the account, flattened with its path. pCloud refuses `recursive` on the root
 * folder (1101, since April 2026), so this lists the root's subfolders and then each of them
 * recursively (`nofiles`), four at a time.
 */
export function folderTreeOptions() {
  return queryOptions({
    queryKey: folderKeys.tree,
    queryFn: async ({ signal }): Promise<FolderPathEntry[]> => {
      const out: FolderPathEntry[] = [];
      const walk = (f: FolderMetadata, parent: string) => {
        const path = `${parent}/${f.name}`;
        out.push({ folderid: f.folderid, name: f.name, path });
        for (const c of f.contents ?? []) if (c.isfolder) walk(c, path);
      };
      const { metadata: root } = await listFolder({ folderid: 0, nofiles: true }, { signal });
      const top = (root.contents ?? []).filter((c): c is FolderMetadata => c.isfolder);
      let next = 0;
      const worker = async () => {
        while (next < top.length) {
          const f = top[next++];
          const { metadata } = await listFolder({ folderid: f.folderid, recursive: true, nofiles: true }, { signal });
          walk(metadata, '');
        }
      };
      await Promise.all(Array.from({ length: Math.min(4, top.length) }, worker));
      return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    staleTime: 60_000,
  });
}

/** A folder's own metadata: from a fresh cached listing when one shows it, else `listfolder?nofiles`. */
export function folderMetaOptions(folderid: number) {
  return queryOptions({
    queryKey: folderKeys.meta(folderid),
    queryFn: async ({ signal, client }): Promise<FolderMetadata> => {
      const listed = servedFromListing(client, `d${folderid}`, LISTING_STALE_MS);
      if (listed?.isfolder) return listed;
      return withoutContents((await listFolder({ folderid, nofiles: true }, { signal })).metadata);
    },
    staleTime: LISTING_STALE_MS,
  });
}

// ---------------------------------------------------------------------------------------------
// Writes

interface CreateFolderContext extends OptimisticContext {
  placeholder?: FolderMetadata;
}

/** Shows a placeholder (negative folderid) at once; swaps in the real folder on success. */
export const createFolderMutation = optimisticMutation<{ metadata: FolderMetadata }, CreateFolderParams, CreateFolderContext>({
  mutationKey: ['folder', 'create'],
  mutationFn: (params) => createFolder(params),
  apply: async (client, params) => {
    if (params.folderid === undefined) return NOTHING_APPLIED;
    await cancelListings(client, [params.folderid]);
    const placeholder = placeholderFolder(params.folderid, params.name);
    return { placeholder, undo: optimisticInsert(client, params.folderid, placeholder), folders: [params.folderid] };
  },
  afterSuccess: (client, { metadata }, params, context) => {
    if (context.placeholder && params.folderid !== undefined) {
      replaceListed(client, params.folderid, context.placeholder.id, metadata);
    }
    // A new folder is empty: opening it right away needs no request.
    client.setQueryData(folderKeys.list(metadata.folderid), { ...metadata, contents: metadata.contents ?? [] });
    client.setQueryData(folderKeys.meta(metadata.folderid), withoutContents(metadata));
  },
  listings: (_params, data) => [data?.metadata.parentfolderid],
});
export const useCreateFolder = () => useMutation(createFolderMutation);

export const createFolderIfNotExistsMutation = writeMutation({
  mutationKey: ['folder', 'createifnotexists'],
  mutationFn: (params: CreateFolderParams) => createFolderIfNotExists(params),
  listings: (params, data) => [params.folderid, data?.metadata.parentfolderid],
});
export const useCreateFolderIfNotExists = () => useMutation(createFolderIfNotExistsMutation);

export type RenameFolderVariables = FolderRef & Destination;

/** Rename in place (`toname`) or move (`tofolderid`); optimistic for id-addressed folders. */
export const renameFolderMutation = optimisticMutation({
  mutationKey: ['folder', 'rename'],
  mutationFn: (params: RenameFolderVariables) => renameFolder(params),
  apply: (client, params) =>
    beginRelocate(client, params.folderid === undefined ? undefined : `d${params.folderid}`, params),
  // The folder's own listing carries its name and parent.
  listings: (params, data) => [params.folderid, data?.metadata.folderid, data?.metadata.parentfolderid],
});
export const useRenameFolder = () => useMutation(renameFolderMutation);

/** Only empty folders; goes to the trash. */
export const deleteFolderMutation = optimisticMutation({
  mutationKey: ['folder', 'delete'],
  mutationFn: (params: FolderRef) => deleteFolder(params),
  apply: (client, params) => beginRemove(client, params.folderid === undefined ? undefined : `d${params.folderid}`),
  invalidates: () => [trashKeys.all, generalKeys.userInfo()],
  listings: (params, data) => [params.folderid, data?.metadata.parentfolderid],
});
export const useDeleteFolder = () => useMutation(deleteFolderMutation);

export const deleteFolderRecursiveMutation = optimisticMutation({
  mutationKey: ['folder', 'deleterecursive'],
  mutationFn: (params: FolderRef) => deleteFolderRecursive(params),
  apply: (client, params) => beginRemove(client, params.folderid === undefined ? undefined : `d${params.folderid}`),
  invalidates: () => [trashKeys.all, generalKeys.userInfo()],
  listings: (params) => [params.folderid],
});
export const useDeleteFolderRecursive = () => useMutation(deleteFolderRecursiveMutation);

export const copyFolderMutation = writeMutation({
  mutationKey: ['folder', 'copy'],
  mutationFn: (params: CopyFolderParams) => copyFolder(params),
  invalidates: () => [generalKeys.userInfo()],
  // The reply is the created folder, or the target with `copycontentonly`: both listings changed.
  listings: (params, data) => [...targetFolders(params, data?.metadata), data?.metadata.folderid],
});
export const useCopyFolder = () => useMutation(copyFolderMutation);
