// Public links: the owner's list and writes, and the anonymous viewer side by link code. Viewer
// links (video, audio, thumbs, zip) expire: see content-links.ts. Download links are resolved only
// on an explicit user action (pCloud calls prefetching them "bad behaviour"), so that one is a
// mutation, not a query.
import { queryOptions, useMutation } from '@tanstack/react-query';
import {
  changePublink,
  copyPubFile,
  deletePublink,
  getCollectionPublink,
  getFilePublink,
  getFolderPublink,
  getMediaTranscodePublink,
  getPubAudioLink,
  getPubTextFile,
  getPubThumbLink,
  getPubThumbsLinks,
  getPubVideoLinks,
  getPubZipLink,
  getPublinkDownload,
  getTreePublink,
  listPlShort,
  listPublinks,
  savePubThumb,
  savePubZip,
  showPublink,
  type ChangePublinkParams,
  type CopyPubFileParams,
  type PubZipParams,
  type PublinkTarget,
  type SavePubThumbParams,
  type SavePubZipParams,
} from '../api/publinks';
import type { LinkOptions, PublinkLimits, ThumbOptions, TreeParams } from '../api/types';
import { contentLinkQuery } from './content-links';
import { generalKeys } from './general';
import { targetFolders, writeMutation } from './mutations';

type PubAudioOptions = Pick<LinkOptions, 'forcedownload' | 'contenttype'> & { abitrate?: number };
type PubTextOptions = { fromencoding?: string; toencoding?: string; forcedownload?: boolean; contenttype?: string };

export const publinkKeys = {
  all: ['publinks'] as const,
  lists: () => ['publinks', 'list'] as const,
  list: () => ['publinks', 'list', 'full'] as const,
  shortList: () => ['publinks', 'list', 'short'] as const,
  /** Prefix of everything the viewer side caches for one link. */
  public: (code: string) => ['publinks', 'public', code] as const,
  show: (code: string) => ['publinks', 'public', code, 'show'] as const,
  videoLinks: ({ code, fileid }: PublinkTarget, options: LinkOptions = {}) =>
    ['publinks', 'public', code, 'link', 'videos', fileid ?? null, options] as const,
  transcodeLinks: ({ code, fileid }: PublinkTarget) => ['publinks', 'public', code, 'link', 'transcode', fileid ?? null] as const,
  audioLink: ({ code, fileid }: PublinkTarget, options: PubAudioOptions = {}) =>
    ['publinks', 'public', code, 'link', 'audio', fileid ?? null, options] as const,
  thumbLink: ({ code, fileid }: PublinkTarget, thumb: ThumbOptions) =>
    ['publinks', 'public', code, 'link', 'thumb', fileid ?? null, thumb] as const,
  thumbsLinks: (code: string, fileids: readonly number[], thumb: ThumbOptions) =>
    ['publinks', 'public', code, 'link', 'thumbs', thumb, [...fileids].sort((a, b) => a - b)] as const,
  zipLink: ({ code, ...rest }: PubZipParams) => ['publinks', 'public', code, 'link', 'zip', rest] as const,
  textFile: ({ code, fileid }: PublinkTarget, options: PubTextOptions = {}) =>
    ['publinks', 'public', code, 'text', fileid ?? null, options] as const,
};

export function publinkListOptions() {
  return queryOptions({
    queryKey: publinkKeys.list(),
    queryFn: ({ signal }) => listPublinks({ signal }).then((r) => r.publinks),
    staleTime: 30_000,
  });
}

/** Lighter list without metadata. */
export function publinkShortListOptions() {
  return queryOptions({
    queryKey: publinkKeys.shortList(),
    queryFn: ({ signal }) => listPlShort({ signal }).then((r) => r.publinks),
    staleTime: 30_000,
  });
}

/** The link's item (folders with recursive `contents`); anonymous. */
export function showPublinkOptions(code: string) {
  return queryOptions({
    queryKey: publinkKeys.show(code),
    queryFn: ({ signal }) => showPublink({ code }, { signal }),
    staleTime: 60_000,
  });
}

export function pubVideoLinksOptions(target: PublinkTarget, options: LinkOptions = {}) {
  return queryOptions({
    queryKey: publinkKeys.videoLinks(target, options),
    queryFn: ({ signal }) => getPubVideoLinks({ ...target, ...options }, { signal }).then((r) => r.variants),
    ...contentLinkQuery,
  });
}

export function pubTranscodeLinksOptions(target: PublinkTarget) {
  return queryOptions({
    queryKey: publinkKeys.transcodeLinks(target),
    queryFn: ({ signal }) => getMediaTranscodePublink(target, { signal }).then((r) => r.variants),
    ...contentLinkQuery,
  });
}

export function pubAudioLinkOptions(target: PublinkTarget, options: PubAudioOptions = {}) {
  return queryOptions({
    queryKey: publinkKeys.audioLink(target, options),
    queryFn: ({ signal }) => getPubAudioLink({ ...target, ...options }, { signal }),
    ...contentLinkQuery,
  });
}

export function pubThumbLinkOptions(target: PublinkTarget, thumb: ThumbOptions) {
  return queryOptions({
    queryKey: publinkKeys.thumbLink(target, thumb),
    queryFn: ({ signal }) => getPubThumbLink({ ...target, ...thumb }, { signal }),
    ...contentLinkQuery,
  });
}

export function pubThumbsLinksOptions(code: string, fileids: readonly number[], thumb: ThumbOptions) {
  const key = publinkKeys.thumbsLinks(code, fileids, thumb);
  return queryOptions({
    queryKey: key,
    queryFn: ({ signal }) => getPubThumbsLinks({ code, fileids: key[6], ...thumb }, { signal }).then((r) => r.thumbs),
    enabled: fileids.length > 0,
    ...contentLinkQuery,
  });
}

export function pubZipLinkOptions(params: PubZipParams) {
  return queryOptions({
    queryKey: publinkKeys.zipLink(params),
    queryFn: ({ signal }) => getPubZipLink(params, { signal }),
    ...contentLinkQuery,
  });
}

export function pubTextFileOptions(target: PublinkTarget, options: PubTextOptions = {}) {
  return queryOptions({
    queryKey: publinkKeys.textFile(target, options),
    queryFn: async ({ signal }) => (await getPubTextFile({ ...target, ...options }, { signal })).text(),
    staleTime: 5 * 60_000,
    gcTime: 60_000,
    meta: { persist: false },
  });
}

// ---------------------------------------------------------------------------------------------
// Writes (owner side) and explicit viewer actions

export type CreatePublinkVariables = ({ fileid: number; folderid?: never } | { folderid: number; fileid?: never }) &
  PublinkLimits;

/** A link to one file or one folder. */
export const createPublinkMutation = writeMutation({
  mutationKey: ['publinks', 'create'],
  mutationFn: (variables: CreatePublinkVariables) =>
    variables.fileid !== undefined ? getFilePublink(variables) : getFolderPublink(variables),
  invalidates: () => [publinkKeys.lists()],
});
export const useCreatePublink = () => useMutation(createPublinkMutation);

export const createTreePublinkMutation = writeMutation({
  mutationKey: ['publinks', 'createtree'],
  mutationFn: (params: Omit<TreeParams, 'excludefolderids' | 'excludefileids'> & PublinkLimits & { name: string }) =>
    getTreePublink(params),
  invalidates: () => [publinkKeys.lists()],
});
export const useCreateTreePublink = () => useMutation(createTreePublinkMutation);

export const createCollectionPublinkMutation = writeMutation({
  mutationKey: ['publinks', 'createcollection'],
  mutationFn: (params: { collectionid: number } & Omit<PublinkLimits, 'linkpassword'>) => getCollectionPublink(params),
  invalidates: () => [publinkKeys.lists()],
});
export const useCreateCollectionPublink = () => useMutation(createCollectionPublinkMutation);

export const deletePublinkMutation = writeMutation({
  mutationKey: ['publinks', 'delete'],
  mutationFn: (params: { linkid: number }) => deletePublink(params),
  invalidates: () => [publinkKeys.lists()],
});
export const useDeletePublink = () => useMutation(deletePublinkMutation);

export const changePublinkMutation = writeMutation({
  mutationKey: ['publinks', 'change'],
  mutationFn: (params: ChangePublinkParams) => changePublink(params),
  invalidates: () => [publinkKeys.lists()],
});
export const useChangePublink = () => useMutation(changePublinkMutation);

/** Save a file from a link into the caller's own folder (uses no link traffic). */
export const copyPubFileMutation = writeMutation({
  mutationKey: ['publinks', 'copyfile'],
  invalidates: () => [generalKeys.userInfo()],
  mutationFn: (params: CopyPubFileParams) => copyPubFile(params),
  listings: (params, data) => targetFolders(params, data?.metadata),
});
export const useCopyPubFile = () => useMutation(copyPubFileMutation);

export const savePubZipMutation = writeMutation({
  mutationKey: ['publinks', 'savezip'],
  invalidates: () => [generalKeys.userInfo()],
  mutationFn: (params: SavePubZipParams) => savePubZip(params),
  listings: (params, data) => targetFolders(params, data?.metadata),
});
export const useSavePubZip = () => useMutation(savePubZipMutation);

export const savePubThumbMutation = writeMutation({
  mutationKey: ['publinks', 'savethumb'],
  invalidates: () => [generalKeys.userInfo()],
  mutationFn: (params: SavePubThumbParams) => savePubThumb(params),
  listings: (params, data) => targetFolders(params, data?.metadata),
});
export const useSavePubThumb = () => useMutation(savePubThumbMutation);

/** Resolve a download link when the user clicks Download; never cached or prefetched. */
export const publinkDownloadMutation = writeMutation({
  mutationKey: ['publinks', 'download'],
  mutationFn: (params: PublinkTarget & LinkOptions) => getPublinkDownload(params),
});
export const usePublinkDownload = () => useMutation(publinkDownloadMutation);
