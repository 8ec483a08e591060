// Upload links (file requests): the owner's list, and the anonymous uploader's side by code.
import { queryOptions, useMutation } from '@tanstack/react-query';
import type { CallOptions } from '../api/client';
import type { FileRef, UploadPart } from '../api/types';
import {
  changeUploadLink,
  copyToLink,
  createUploadLink,
  deleteUploadLink,
  listUploadLinks,
  notifyUploadLink,
  showUploadLink,
  uploadLinkProgress,
  uploadToLink,
  type ChangeUploadLinkParams,
  type CreateUploadLinkParams,
  type UploadToLinkParams,
} from '../api/uploadlinks';
import { writeMutation } from './mutations';

export const uploadLinkKeys = {
  all: ['uploadlinks'] as const,
  list: () => ['uploadlinks', 'list'] as const,
  /** Uploader side: what the link's page shows. */
  public: (code: string) => ['uploadlinks', 'public', code] as const,
  progress: (code: string, progresshash: string) => ['uploadlinks', 'public', code, 'progress', progresshash] as const,
};

export function uploadLinkListOptions() {
  return queryOptions({
    queryKey: uploadLinkKeys.list(),
    queryFn: ({ signal }) => listUploadLinks({ signal }).then((r) => r.uploadlinks),
    staleTime: 30_000,
  });
}

export function showUploadLinkOptions(code: string) {
  return queryOptions({
    queryKey: uploadLinkKeys.public(code),
    queryFn: ({ signal }) => showUploadLink({ code }, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Poll with `refetchInterval` while an upload runs. */
export function uploadLinkProgressOptions(code: string, progresshash: string) {
  return queryOptions({
    queryKey: uploadLinkKeys.progress(code, progresshash),
    queryFn: ({ signal }) => uploadLinkProgress({ code, progresshash }, { signal }),
    staleTime: 0,
    gcTime: 30_000,
    meta: { persist: false },
  });
}

export const createUploadLinkMutation = writeMutation({
  mutationKey: ['uploadlinks', 'create'],
  mutationFn: (params: CreateUploadLinkParams) => createUploadLink(params),
  invalidates: () => [uploadLinkKeys.list()],
});
export const useCreateUploadLink = () => useMutation(createUploadLinkMutation);

export const deleteUploadLinkMutation = writeMutation({
  mutationKey: ['uploadlinks', 'delete'],
  mutationFn: (params: { uploadlinkid: number }) => deleteUploadLink(params),
  invalidates: () => [uploadLinkKeys.list()],
});
export const useDeleteUploadLink = () => useMutation(deleteUploadLinkMutation);

export const changeUploadLinkMutation = writeMutation({
  mutationKey: ['uploadlinks', 'change'],
  mutationFn: (params: ChangeUploadLinkParams) => changeUploadLink(params),
  invalidates: () => [uploadLinkKeys.list()],
});
export const useChangeUploadLink = () => useMutation(changeUploadLinkMutation);

export interface UploadToLinkVariables {
  params: UploadToLinkParams;
  files: readonly UploadPart[];
  options?: CallOptions;
}

/** Anonymous; if the uploader is also the owner, the list's file counts change. */
export const uploadToLinkMutation = writeMutation({
  mutationKey: ['uploadlinks', 'upload'],
  mutationFn: ({ params, files, options }: UploadToLinkVariables) => uploadToLink(params, files, options),
  invalidates: () => [uploadLinkKeys.list()],
});
export const useUploadToLink = () => useMutation(uploadToLinkMutation);

export const copyToLinkMutation = writeMutation({
  mutationKey: ['uploadlinks', 'copyto'],
  mutationFn: (params: FileRef & { code: string; toname?: string }) => copyToLink(params),
  invalidates: () => [uploadLinkKeys.list()],
});
export const useCopyToLink = () => useMutation(copyToLinkMutation);

export const notifyUploadLinkMutation = writeMutation({
  mutationKey: ['uploadlinks', 'notify'],
  mutationFn: (params: { code: string }) => notifyUploadLink(params),
});
export const useNotifyUploadLink = () => useMutation(notifyUploadLinkMutation);
