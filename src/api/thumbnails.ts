// Thumbnails (docs/pcloud/methods-media.md §3). Only for files with `thumb: true`. Prefer getThumbsLinks: one
// call per screenful; the returned URLs expire, so cache images by file `hash`, not by URL.
import { request, requestBinary, type CallOptions } from './client';
import type { Destination, FileMetadata, FileRef, ThumbLink, ThumbOptions, ThumbsLinkEntry } from './types';

export function getThumbLink(params: FileRef & ThumbOptions, opts?: CallOptions): Promise<ThumbLink> {
  return request<ThumbLink>('getthumblink', params, opts);
}

/** Top-level result is 0 even when some entries failed; check each entry's `result`. */
export function getThumbsLinks(
  params: { fileids: readonly number[] } & ThumbOptions,
  opts?: CallOptions,
): Promise<{ thumbs: ThumbsLinkEntry[] }> {
  return request<{ thumbs: ThumbsLinkEntry[] }>('getthumbslinks', params, opts);
}

export function getThumb(params: FileRef & ThumbOptions, opts?: CallOptions): Promise<Response> {
  return requestBinary('getthumb', params, opts);
}

export type SaveThumbParams = FileRef & ThumbOptions & Destination & { noover?: boolean };

export function saveThumb(
  params: SaveThumbParams,
  opts?: CallOptions,
): Promise<{ metadata: FileMetadata; width: number; height: number }> {
  return request<{ metadata: FileMetadata; width: number; height: number }>('savethumb', params, opts);
}
