// Anonymous reads behind the public-link viewer and the upload-link drop page. Every call here is
// made with `anonymous: true` and an explicit `apiBase`: a visitor's own session (if any) must never
// leak into a stranger's link, and the link lives on whichever API host recognised its code, which
// need not be the visitor's own region.
import { queryOptions } from '@tanstack/react-query';
import { contentUrl, type CallOptions } from '../api/client';
import { entryError, PcloudError } from '../api/errors';
import {
  getPubAudioLink,
  getPubTextFile,
  getPubThumbsLinks,
  getPubVideoLinks,
  getPubZipLink,
  getPublinkDownload,
  showPublink,
  type PubZipParams,
} from '../api/publinks';
import type { Metadata, ThumbOptions, UploadLinkInfo } from '../api/types';
import { showUploadLink, uploadToLink } from '../api/uploadlinks';
import { contentLinkQuery } from './content-links';

/** A link code together with the API host that answers for it. */
export interface PublicLink {
  code: string;
  apiBase: string;
  /** A link to one file: its methods take no `fileid`. */
  isFileLink?: boolean;
}

/** The `fileid` parameter for a file of this link (omitted for file links, as the docs ask). */
export const fileParam = (link: PublicLink, fileid: number): number | undefined => (link.isFileLink ? undefined : fileid);

const anon = (link: PublicLink, signal?: AbortSignal): CallOptions => ({ anonymous: true, apiBase: link.apiBase, signal });

/**
 * Calls `run` on each candidate host in turn and keeps the first that knows the code. pCloud's codes
 * belong to one data centre and the other one answers 7001 "Invalid link 'code'." for them, so 7001
 * moves on to the next host; any other answer (success or another error) is final.
 */
export async function onFirstHostThatKnows<T>(bases: readonly string[], run: (apiBase: string) => Promise<T>): Promise<{ apiBase: string; value: T }> {
  let last: unknown = new Error('No API host to ask');
  for (const apiBase of bases) {
    try {
      return { apiBase, value: await run(apiBase) };
    } catch (err) {
      last = err;
      if (!(err instanceof PcloudError && err.reason === 'linkUnknown')) throw err;
    }
  }
  throw last;
}

export const publicKeys = {
  all: ['public'] as const,
  /** Everything cached for one public link. */
  link: (code: string) => ['public', 'publink', code] as const,
  show: (code: string, bases: readonly string[]) => ['public', 'publink', code, 'show', bases] as const,
  thumbs: (link: PublicLink, fileids: readonly number[], thumb: ThumbOptions) =>
    ['public', 'publink', link.code, 'thumbs', link.apiBase, thumb, [...fileids].sort((a, b) => a - b)] as const,
  text: (link: PublicLink, fileid: number) => ['public', 'publink', link.code, 'text', link.apiBase, fileid] as const,
  video: (link: PublicLink, fileid: number) => ['public', 'publink', link.code, 'video', link.apiBase, fileid] as const,
  audio: (link: PublicLink, fileid: number) => ['public', 'publink', link.code, 'audio', link.apiBase, fileid] as const,
  file: (link: PublicLink, fileid: number) => ['public', 'publink', link.code, 'file', link.apiBase, fileid] as const,
  uploadLink: (code: string, bases: readonly string[]) => ['public', 'uploadlink', code, bases] as const,
};

/** Link states do not heal by asking again, and the client already retries network trouble itself. */
const retryUnlessPcloud = false;

export interface OpenedPublink {
  apiBase: string;
  metadata: Metadata;
}

/** `showpublink` on the first host that knows the code (folders come with recursive contents). */
export function openPublinkOptions(code: string, bases: readonly string[]) {
  return queryOptions({
    queryKey: publicKeys.show(code, bases),
    queryFn: async ({ signal }): Promise<OpenedPublink> => {
      const { apiBase, value } = await onFirstHostThatKnows(bases, (apiBase) => showPublink({ code }, anon({ code, apiBase }, signal)));
      return { apiBase, metadata: value.metadata };
    },
    staleTime: 60_000,
    retry: retryUnlessPcloud,
    meta: { persist: false },
  });
}

/** Thumbnail URLs for one screenful of files; entries carry their own `result`. */
export function publicThumbsOptions(link: PublicLink, fileids: readonly number[], thumb: ThumbOptions) {
  const key = publicKeys.thumbs(link, fileids, thumb);
  return queryOptions({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const { thumbs } = await getPubThumbsLinks({ code: link.code, fileids: key[6], ...thumb }, anon(link, signal));
      const urls = new Map<number, string>();
      for (const t of thumbs) if (!entryError(t, 'getpubthumbslinks') && t.hosts && t.path) urls.set(t.fileid, contentUrl({ hosts: t.hosts, path: t.path }, link.apiBase));
      return urls;
    },
    enabled: fileids.length > 0,
    retry: retryUnlessPcloud,
    ...contentLinkQuery,
  });
}

/** The text of a file, re-encoded to UTF-8 by the server; the caller renders it as text nodes. */
export function publicTextOptions(link: PublicLink, fileid: number) {
  return queryOptions({
    queryKey: publicKeys.text(link, fileid),
    queryFn: async ({ signal }) => (await getPubTextFile({ code: link.code, fileid: fileParam(link, fileid), toencoding: 'utf-8' }, anon(link, signal))).text(),
    staleTime: 5 * 60_000,
    gcTime: 60_000,
    retry: retryUnlessPcloud,
    meta: { persist: false },
  });
}

export interface PublicVideoSource {
  url: string;
  width: number;
  height: number;
  isoriginal: boolean;
}

/** Progressive video variants (the original and transcodes), smallest first. */
export function publicVideoOptions(link: PublicLink, fileid: number) {
  return queryOptions({
    queryKey: publicKeys.video(link, fileid),
    queryFn: async ({ signal }): Promise<PublicVideoSource[]> => {
      const { variants } = await getPubVideoLinks({ code: link.code, fileid: fileParam(link, fileid) }, anon(link, signal));
      return variants
        .map((v) => ({ url: contentUrl(v, link.apiBase), width: v.width, height: v.height, isoriginal: v.isoriginal, expires: v.expires }))
        .sort((a, b) => a.height - b.height);
    },
    retry: retryUnlessPcloud,
    ...contentLinkQuery,
  });
}

export function publicAudioOptions(link: PublicLink, fileid: number) {
  return queryOptions({
    queryKey: publicKeys.audio(link, fileid),
    queryFn: async ({ signal }) => {
      const l = await getPubAudioLink({ code: link.code, fileid: fileParam(link, fileid) }, anon(link, signal));
      return { url: contentUrl(l, link.apiBase), expires: l.expires };
    },
    retry: retryUnlessPcloud,
    ...contentLinkQuery,
  });
}

/**
 * The file's bytes for a previewer that renders them itself (a document). Counted by pCloud like a
 * download, so it is asked for only by a previewer on screen, never prefetched, and kept while
 * fresh so paging back does not count twice.
 */
export function publicFileOptions(link: PublicLink, fileid: number) {
  return queryOptions({
    queryKey: publicKeys.file(link, fileid),
    queryFn: async ({ signal }) => {
      const l = await getPublinkDownload({ code: link.code, fileid: fileParam(link, fileid) }, anon(link, signal));
      return { url: contentUrl(l, link.apiBase), expires: l.expires };
    },
    retry: retryUnlessPcloud,
    ...contentLinkQuery,
  });
}

/**
 * A one-off download URL for a file of the link. Resolved only when the visitor asks (pCloud counts
 * it against the link's limits and calls prefetching "bad behaviour"), so this is not a query.
 */
export async function publicDownloadUrl(link: PublicLink, fileid: number): Promise<string> {
  const l = await getPublinkDownload({ code: link.code, fileid: fileParam(link, fileid), forcedownload: true }, { ...anon(link), retry: 0 });
  return contentUrl(l, link.apiBase);
}

/** A zip of the whole link or of a part of it, prepared by the server; also only on request. */
export async function publicZipUrl(link: PublicLink, params: Omit<PubZipParams, 'code'>): Promise<string> {
  const l = await getPubZipLink({ ...params, code: link.code, forcedownload: true }, { ...anon(link), retry: 0 });
  return contentUrl(l, link.apiBase);
}

export interface OpenedUploadLink {
  apiBase: string;
  info: UploadLinkInfo;
}

/** `showuploadlink` on the first host that knows the code; the uploads then go to the same host. */
export function openUploadLinkOptions(code: string, bases: readonly string[]) {
  return queryOptions({
    queryKey: publicKeys.uploadLink(code, bases),
    queryFn: async ({ signal }): Promise<OpenedUploadLink> => {
      const { apiBase, value } = await onFirstHostThatKnows(bases, (apiBase) => showUploadLink({ code }, anon({ code, apiBase }, signal)));
      return { apiBase, info: { comment: value.comment, mail: value.mail } };
    },
    staleTime: 5 * 60_000,
    retry: retryUnlessPcloud,
    meta: { persist: false },
  });
}

/**
 * One file into an upload link, with XHR upload progress. One request per file, so a failure
 * (a full link, a broken connection) leaves the others untouched and the visitor can retry it.
 */
export function uploadToPublicLink(
  link: PublicLink,
  names: string,
  file: File,
  opts: { signal?: AbortSignal; onProgress?: (sent: number, total: number) => void } = {},
): Promise<void> {
  return uploadToLink({ code: link.code, names }, [file], {
    anonymous: true,
    apiBase: link.apiBase,
    signal: opts.signal,
    retry: 0,
    onUploadProgress: opts.onProgress ?? (() => undefined),
  });
}
