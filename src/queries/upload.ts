// Upload progress and resumable upload sessions (upload_*). The upload queue (src/stores) drives
// chunks; these options and mutations keep the cache right when a session is saved as a file.
import { queryOptions, useMutation, type QueryClient } from '@tanstack/react-query';
import { downloadFileAsync, uploadProgress, type DownloadFileParams } from '../api/file';
import type { RemoteDownloadProgress } from '../api/types';
import {
  uploadCreate,
  uploadDelete,
  uploadInfo,
  uploadSave,
  uploadWrite,
  type UploadSaveParams,
  type UploadWriteOptions,
} from '../api/upload';
import { generalKeys } from './general';
import { fileKeys } from './keys';
import { invalidateKeys, writeMutation } from './mutations';
import { invalidateListings } from './listing-cache';

export const uploadKeys = {
  all: ['upload'] as const,
  /** `uploadprogress` of an uploadfile/downloadfile job. */
  progress: (progresshash: string) => ['upload', 'progress', progresshash] as const,
  session: (uploadid: number) => ['upload', 'session', uploadid] as const,
  info: (uploadid: number) => ['upload', 'session', uploadid, 'info'] as const,
};

const liveQuery = { staleTime: 0, gcTime: 30_000, meta: { persist: false } } as const;

/** Poll with `refetchInterval`; `apiBase` must be the server the upload went to. */
export function uploadProgressOptions(progresshash: string, apiBase?: string) {
  return queryOptions({
    queryKey: uploadKeys.progress(progresshash),
    queryFn: ({ signal }) => uploadProgress({ progresshash }, { signal, apiBase }),
    ...liveQuery,
  });
}

/** How far a session got (size and checksums so far): where to resume after a failure. */
export function uploadInfoOptions(uploadid: number) {
  return queryOptions({
    queryKey: uploadKeys.info(uploadid),
    queryFn: ({ signal }) => uploadInfo({ uploadid }, { signal }),
    ...liveQuery,
  });
}

export const uploadCreateMutation = writeMutation({
  mutationKey: ['upload', 'create'],
  mutationFn: (params: { filesize?: number }) => uploadCreate(params),
});
export const useUploadCreate = () => useMutation(uploadCreateMutation);

export interface UploadWriteVariables {
  params: { uploadid: number; uploadoffset: number };
  data: Blob | ArrayBuffer;
  options?: UploadWriteOptions;
}

export const uploadWriteMutation = writeMutation({
  mutationKey: ['upload', 'write'],
  mutationFn: ({ params, data, options }: UploadWriteVariables) => uploadWrite(params, data, options),
  invalidates: ({ params }) => [uploadKeys.info(params.uploadid)],
});
export const useUploadWrite = () => useMutation(uploadWriteMutation);

/** The session becomes a file: the target listing, quota and an overwritten file changed. */
export const uploadSaveMutation = writeMutation({
  mutationKey: ['upload', 'save'],
  mutationFn: (params: UploadSaveParams) => uploadSave(params),
  invalidates: (params, data) => [
    uploadKeys.session(params.uploadid),
    generalKeys.userInfo(),
    fileKeys.detail(data.metadata.fileid),
    ...(data.metadata.deletedfileid === undefined ? [] : [fileKeys.detail(data.metadata.deletedfileid)]),
  ],
  listings: (params, data) => [params.folderid, data?.metadata.parentfolderid],
});
export const useUploadSave = () => useMutation(uploadSaveMutation);

export const uploadDeleteMutation = writeMutation({
  mutationKey: ['upload', 'delete'],
  mutationFn: (params: { uploadid: number }) => uploadDelete(params),
  invalidates: (params) => [uploadKeys.session(params.uploadid)],
});
export const useUploadDelete = () => useMutation(uploadDeleteMutation);

// ---- remote upload (downloadfileasync + uploadprogress) ------------------------------------------

/** Starts fetching URLs into a folder; follow it with remoteUploadProgressOptions(progresshash). */
export const remoteUploadMutation = writeMutation({
  mutationKey: ['upload', 'remote'],
  mutationFn: (params: DownloadFileParams & { folderid: number; progresshash: string }) => downloadFileAsync(params),
});
export const useRemoteUpload = () => useMutation(remoteUploadMutation);

/** Polls a remote upload job until pCloud says it finished. */
export function remoteUploadProgressOptions(progresshash: string) {
  return queryOptions({
    queryKey: uploadKeys.progress(progresshash),
    queryFn: ({ signal }) => uploadProgress({ progresshash }, { signal }) as Promise<RemoteDownloadProgress>,
    refetchInterval: (q) => (q.state.data?.finished ? false : 700),
    retry: 2,
    ...liveQuery,
  });
}

/** The fetched files are now in the folder and count against the quota. */
export async function remoteUploadFinished(client: QueryClient, folderid: number): Promise<void> {
  await Promise.all([invalidateListings(client, [folderid]), invalidateKeys(client, [generalKeys.userInfo()])]);
}
