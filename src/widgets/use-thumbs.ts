// Thumbnails of a windowed list, one request per page of THUMB_PAGE items in view. Where they come
// from is a ThumbSource (the account's in account-thumbs.ts, a public link's in features/public), so
// a public page loads none of the signed-in code.
import type { Metadata } from '../api/protocol/types';

/** Items per thumbnail batch: about one screenful, so scrolling costs one request per screen. */
export const THUMB_PAGE = 48;

/** pCloud thumb sizes must be divisible by 4 or 5: round the device-pixel size up to a multiple of 4. */
export function thumbSize(cssPx: number): ThumbSize {
  const px = Math.min(1024, Math.ceil((cssPx * (window.devicePixelRatio || 1)) / 4) * 4);
  return `${px}x${px}` as const;
}

/**
 * Where a list's thumbnails come from: the account (getthumbslinks) or a public link
 * (getpubthumbslinks). `useUrls` is a React hook: one request per batch of file ids, fileid → URL
 * for the batches answered so far. A list keeps one source for its lifetime.
 */
export interface ThumbSource {
  useUrls(batches: readonly (readonly number[])[], size: ThumbSize): ReadonlyMap<number, string>;
}

export type ThumbSize = `${number}x${number}`;

/** The batches (of THUMB_PAGE items) that items `firstIndex`…`lastIndex` fall into: ids of files with thumbnails. */
export function thumbBatches(items: readonly Metadata[], firstIndex: number, lastIndex: number): number[][] {
  const pages: number[][] = [];
  if (lastIndex < firstIndex) return pages;
  for (let p = Math.floor(firstIndex / THUMB_PAGE); p <= Math.floor(lastIndex / THUMB_PAGE); p++) {
    const ids: number[] = [];
    for (let i = p * THUMB_PAGE; i < Math.min(items.length, (p + 1) * THUMB_PAGE); i++) {
      const m = items[i];
      if (!m.isfolder && m.thumb) ids.push(m.fileid);
    }
    if (ids.length) pages.push(ids);
  }
  return pages;
}

/** fileid → thumbnail URL for the pages of a listing that hold items `firstIndex`…`lastIndex` (one request per page). */
export function useThumbs(items: readonly Metadata[], firstIndex: number, lastIndex: number, cssPx: number, source: ThumbSource): ReadonlyMap<number, string> {
  return source.useUrls(thumbBatches(items, firstIndex, lastIndex), thumbSize(cssPx));
}
