// Files: metadata (`stat`, seeded from listings), checksums, and the writes that change files,
// with optimistic rename/move and delete on the folder listing cache.
import { queryOptions, useMutation, type QueryKey } from '@tanstack/react-query';
import {
  checksumFile,
  copyFile,
  deleteFile,
  downloadFile,
  downloadFileAsync,
  renameFile,
  stat,
  uploadFile,
  type CopyFileParams,
  type DownloadFileParams,
  type UploadFileParams,
} from '../api/file';
import type { CallOptions } from '../api/client';
import type { Destination, FileMetadata, FileRef, Metadata, UploadPart } from '../api/types';
import { generalKeys } from './general';
import { fileKeys, trashKeys } from './keys';
import { beginRelocate, beginRemove, servedFromListing } from './listing-cache';
import { optimisticMutation, targetFolders, writeMutation } from './mutations';

export { fileKeys };

const META_STALE_MS = 30_000;

/** A file's metadata: from a fresh cached listing when one shows it (no request), else `stat`. */
export function statOptions(fileid: number) {
  return queryOptions({
    queryKey: fileKeys.meta(fileid),
    queryFn: async ({ signal, client }): Promise<Metadata> =>
      servedFromListing(client, `f${fileid}`, META_STALE_MS) ?? (await stat({ fileid }, { signal })).metadata,
    staleTime: META_STALE_MS,
  });
}

/** Checksums change only with the content, which file events invalidate. */
export function checksumOptions(fileid: number) {
  return queryOptions({
    queryKey: fileKeys.checksum(fileid),
    queryFn: async ({ signal, client }) => {
      const reply = await checksumFile({ fileid }, { signal });
      client.setQueryData(fileKeys.meta(fileid), reply.metadata);
      return reply;
    },
    staleTime: 10 * 60_000,
  });
}

/** Keys a reply's `deletedfileid` (an atomically replaced file) makes obsolete. */
function replacedFiles(metadata: readonly FileMetadata[] | undefined): QueryKey[] {
  return (metadata ?? []).flatMap((m) => (m.deletedfileid === undefined ? [] : [fileKeys.detail(m.deletedfileid)]));
}

export interface UploadFileVariables {
  params: UploadFileParams;
  files: readonly UploadPart[];
  /** Progress (`onUploadProgress`) and cancellation (`signal`). */
  options?: CallOptions;
}

/** Neither `folderid` nor `path` means the root. */
function uploadTarget(params: UploadFileParams): number | undefined {
  if (params.folderid !== undefined) return params.folderid;
  return params.path === undefined ? 0 : undefined;
}

export const uploadFileMutation = writeMutation({
  mutationKey: ['file', 'upload'],
  mutationFn: ({ params, files, options }: UploadFileVariables) => uploadFile(params, files, options),
  invalidates: (_variables, data) => [
    generalKeys.userInfo(),
    // an overwrite keeps or replaces the fileid: either way that file's caches are old
    ...data.metadata.map((m) => fileKeys.detail(m.fileid)),
    ...replacedFiles(data.metadata),
  ],
  listings: ({ params }, data) => [uploadTarget(params), ...(data?.metadata ?? []).map((m) => m.parentfolderid)],
});
export const useUploadFile = () => useMutation(uploadFileMutation);

/** Remote upload: pCloud fetches the URLs into the folder. */
export const downloadFileMutation = writeMutation({
  mutationKey: ['file', 'download'],
  mutationFn: (params: DownloadFileParams) => downloadFile(params),
  invalidates: () => [generalKeys.userInfo()],
  listings: (params, data) => [uploadTarget(params), ...(data?.metadata ?? []).map((m) => m.parentfolderid)],
});
export const useDownloadFile = () => useMutation(downloadFileMutation);

/** Queues the URLs; files appear later (live updates pick them up). */
export const downloadFileAsyncMutation = writeMutation({
  mutationKey: ['file', 'downloadasync'],
  mutationFn: (params: DownloadFileParams) => downloadFileAsync(params),
  listings: (params, data) => [uploadTarget(params), ...(data?.metadata ?? []).map((m) => m.parentfolderid)],
});
export const useDownloadFileAsync = () => useMutation(downloadFileAsyncMutation);

export const copyFileMutation = writeMutation({
  mutationKey: ['file', 'copy'],
  mutationFn: (params: CopyFileParams) => copyFile(params),
  invalidates: (_params, data) => [generalKeys.userInfo(), ...replacedFiles([data.metadata])],
  listings: (params, data) => targetFolders(params, data?.metadata),
});
export const useCopyFile = () => useMutation(copyFileMutation);

export type RenameFileVariables = FileRef & Destination;

/** Rename in place (`toname`) or move (`tofolderid`); replaces a same-name target atomically. */
export const renameFileMutation = optimisticMutation({
  mutationKey: ['file', 'rename'],
  mutationFn: (params: RenameFileVariables) => renameFile(params),
  apply: (client, params) => beginRelocate(client, params.fileid === undefined ? undefined : `f${params.fileid}`, params),
  invalidates: (_params, data) => [fileKeys.meta(data.metadata.fileid), ...replacedFiles([data.metadata])],
  listings: (_params, data) => [data?.metadata.parentfolderid],
});
export const useRenameFile = () => useMutation(renameFileMutation);

/** Goes to the trash. */
export const deleteFileMutation = optimisticMutation({
  mutationKey: ['file', 'delete'],
  mutationFn: (params: FileRef) => deleteFile(params),
  apply: (client, params) => beginRemove(client, params.fileid === undefined ? undefined : `f${params.fileid}`),
  // the quota too: the header's usage follows deletes (and the trash's own changes, trash.ts)
  invalidates: (_params, data) => [trashKeys.all, fileKeys.detail(data.metadata.fileid), generalKeys.userInfo()],
  listings: (_params, data) => [data?.metadata.parentfolderid],
});
export const useDeleteFile = () => useMutation(deleteFileMutation);
