// pCloud Transfer: anonymous upload with e-mailed download links.
import { queryOptions, useMutation } from '@tanstack/react-query';
import type { CallOptions } from '../api/client';
import { uploadTransfer, uploadTransferProgress, type UploadTransferParams } from '../api/transfer';
import type { UploadPart } from '../api/types';
import { writeMutation } from './mutations';

export const transferKeys = {
  all: ['transfer'] as const,
  progress: (progresshash: string) => ['transfer', 'progress', progresshash] as const,
};

/** Poll with `refetchInterval` while the transfer uploads. */
export function uploadTransferProgressOptions(progresshash: string) {
  return queryOptions({
    queryKey: transferKeys.progress(progresshash),
    queryFn: ({ signal }) => uploadTransferProgress({ progresshash }, { signal }),
    staleTime: 0,
    gcTime: 30_000,
    meta: { persist: false },
  });
}

export interface UploadTransferVariables {
  params: UploadTransferParams;
  files: readonly UploadPart[];
  options?: CallOptions;
}

/** Touches nothing the app caches (the files live outside the account). */
export const uploadTransferMutation = writeMutation({
  mutationKey: ['transfer', 'upload'],
  mutationFn: ({ params, files, options }: UploadTransferVariables) => uploadTransfer(params, files, options),
});
export const useUploadTransfer = () => useMutation(uploadTransferMutation);
