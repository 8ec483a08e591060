// Streaming links: short-lived, IP-bound content URLs. Keys sit under `fileKeys.links(fileid)` so a
// file event drops them with the rest of the file; staleTime stays below each reply's `expires`
// and the queries are never persisted (content-links.ts). Build URLs with api `contentUrl`.
import { queryOptions } from '@tanstack/react-query';
import {
  getAudioLink,
  getFileLink,
  getHlsLink,
  getTextFile,
  getVideoLink,
  getVideoLinks,
  type TextFileOptions,
  type TranscodeOptions,
} from '../api/streaming';
import type { LinkOptions } from '../api/types';
import { contentLinkQuery } from './content-links';
import { fileKeys } from './keys';

type FileLinkOptions = LinkOptions & { revisionid?: number };
type AudioOptions = Pick<LinkOptions, 'forcedownload' | 'contenttype'> & { abitrate?: number };
type HlsOptions = TranscodeOptions & { skipfilename?: boolean };
type VideoOptions = LinkOptions & TranscodeOptions & { fixedbitrate?: boolean };

export const streamingKeys = {
  /** Prefix of every link of one file (same as `fileKeys.links`). */
  file: (fileid: number) => fileKeys.links(fileid),
  fileLink: (fileid: number, options: FileLinkOptions = {}) => [...fileKeys.links(fileid), 'file', options] as const,
  videoLink: (fileid: number, options: VideoOptions = {}) => [...fileKeys.links(fileid), 'video', options] as const,
  videoLinks: (fileid: number, options: LinkOptions = {}) => [...fileKeys.links(fileid), 'videos', options] as const,
  audioLink: (fileid: number, options: AudioOptions = {}) => [...fileKeys.links(fileid), 'audio', options] as const,
  hlsLink: (fileid: number, options: HlsOptions = {}) => [...fileKeys.links(fileid), 'hls', options] as const,
  /** The decoded text itself, not a link; cached with the file's other derived data. */
  textFile: (fileid: number, options: TextFileOptions = {}) => [...fileKeys.detail(fileid), 'text', options] as const,
};

export function fileLinkOptions(fileid: number, options: FileLinkOptions = {}) {
  return queryOptions({
    queryKey: streamingKeys.fileLink(fileid, options),
    queryFn: ({ signal }) => getFileLink({ fileid, ...options }, { signal }),
    ...contentLinkQuery,
  });
}

/** FLV; prefer hlsLinkOptions in browsers. */
export function videoLinkOptions(fileid: number, options: VideoOptions = {}) {
  return queryOptions({
    queryKey: streamingKeys.videoLink(fileid, options),
    queryFn: ({ signal }) => getVideoLink({ fileid, ...options }, { signal }),
    ...contentLinkQuery,
  });
}

export function videoLinksOptions(fileid: number, options: LinkOptions = {}) {
  return queryOptions({
    queryKey: streamingKeys.videoLinks(fileid, options),
    queryFn: ({ signal }) => getVideoLinks({ fileid, ...options }, { signal }),
    ...contentLinkQuery,
  });
}

export function audioLinkOptions(fileid: number, options: AudioOptions = {}) {
  return queryOptions({
    queryKey: streamingKeys.audioLink(fileid, options),
    queryFn: ({ signal }) => getAudioLink({ fileid, ...options }, { signal }),
    ...contentLinkQuery,
  });
}

export function hlsLinkOptions(fileid: number, options: HlsOptions = {}) {
  return queryOptions({
    queryKey: streamingKeys.hlsLink(fileid, options),
    queryFn: ({ signal }) => getHlsLink({ fileid, ...options }, { signal }),
    ...contentLinkQuery,
  });
}

/** Text of a file (re-encoded by pCloud), e.g. for a text viewer. */
export function textFileOptions(fileid: number, options: TextFileOptions = {}) {
  return queryOptions({
    queryKey: streamingKeys.textFile(fileid, options),
    queryFn: async ({ signal }) => (await getTextFile({ fileid, ...options }, { signal })).text(),
    staleTime: 5 * 60_000,
    // content can be large and private: keep it in memory only while viewed
    gcTime: 60_000,
    meta: { persist: false },
  });
}
