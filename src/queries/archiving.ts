// Zips and extraction. Zip links expire (content-links.ts); progress queries are polled by the
// caller with `refetchInterval` while a job runs. `getzip` streams a body and refuses OAuth tokens,
// so it is no query: views use a zip link instead.
import { queryOptions, useMutation } from '@tanstack/react-query';
import {
  extractArchive,
  extractArchiveProgress,
  getZipLink,
  saveZip,
  saveZipProgress,
  type ExtractArchiveParams,
  type SaveZipParams,
  type ZipOptions,
} from '../api/archiving';
import type { ExtractProgress, TreeParams } from '../api/types';
import { contentLinkQuery } from './content-links';
import { generalKeys } from './general';
import { targetFolders, writeMutation } from './mutations';

type ZipLinkParams = TreeParams & ZipOptions & { maxspeed?: number };

export const archivingKeys = {
  all: ['archiving'] as const,
  zipLink: (params: ZipLinkParams) => ['archiving', 'ziplink', params] as const,
  saveZipProgress: (progresshash: string) => ['archiving', 'savezipprogress', progresshash] as const,
  extractProgress: (progresshash: string) => ['archiving', 'extractprogress', progresshash] as const,
};

export function zipLinkOptions(params: ZipLinkParams) {
  return queryOptions({
    queryKey: archivingKeys.zipLink(params),
    queryFn: ({ signal }) => getZipLink(params, { signal }),
    ...contentLinkQuery,
  });
}

const progressQuery = { staleTime: 0, gcTime: 30_000, meta: { persist: false } } as const;

export function saveZipProgressOptions(progresshash: string) {
  return queryOptions({
    queryKey: archivingKeys.saveZipProgress(progresshash),
    queryFn: ({ signal }) => saveZipProgress({ progresshash }, { signal }),
    ...progressQuery,
  });
}

/** `apiBase`: the `hostname` extractarchive answered (the job lives on that server). */
export function extractProgressOptions(progresshash: string, apiBase?: string) {
  return queryOptions({
    queryKey: archivingKeys.extractProgress(progresshash),
    queryFn: ({ signal }) => extractArchiveProgress({ progresshash }, { signal, apiBase }),
    ...progressQuery,
  });
}

export const saveZipMutation = writeMutation({
  mutationKey: ['archiving', 'savezip'],
  mutationFn: (params: SaveZipParams) => saveZip(params),
  invalidates: () => [generalKeys.userInfo()],
  listings: (params, data) => targetFolders(params, data?.metadata),
});
export const useSaveZip = () => useMutation(saveZipMutation);

/**
 * Runs ~2 s server-side; when the reply is not `finished`, later files arrive through live
 * updates (and the target listing is refreshed again once this settles).
 */
export const extractArchiveMutation = writeMutation<ExtractProgress, ExtractArchiveParams>({
  mutationKey: ['archiving', 'extract'],
  mutationFn: (params) => extractArchive(params),
  invalidates: () => [generalKeys.userInfo()],
  listings: (params) => [params.tofolderid],
});
export const useExtractArchive = () => useMutation(extractArchiveMutation);
