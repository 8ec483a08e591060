import { useEffect, useReducer } from 'react';
import { QueryObserver, useQueryClient } from '@tanstack/react-query';
import type { Metadata } from '../api/protocol/types';
import { contentUrl } from '../api/client';
import { entryError } from '../api/errors';
import { thumbLinksOptions } from '../queries/thumbnails';
import { getSession } from '../stores/session';

/** Items per thumbnail batch: about one screenful, so scrolling costs one request per screen. */
export const THUMB_PAGE = 48;

/** pCloud thumb sizes must be divisible by 4 or 5: round the device-pixel size up to a multiple of 4. */
export function thumbSize(cssPx: number): `${number}x${number}` {
  const px = Math.min(1024, Math.ceil((cssPx * (window.devicePixelRatio || 1)) / 4) * 4);
  return `${px}x${px}` as const;
}

/** fileid → thumbnail URL for the visible pages of a listing (one getthumbslinks per page). */
export function useThumbs(items: readonly Metadata[], firstIndex: number, lastIndex: number, cssPx: number): Map<number, string> {
  const size = thumbSize(cssPx);
  const pages: number[][] = [];
  if (lastIndex >= firstIndex) {
    for (let p = Math.floor(firstIndex / THUMB_PAGE); p <= Math.floor(lastIndex / THUMB_PAGE); p++) {
      const ids: number[] = [];
      for (let i = p * THUMB_PAGE; i < Math.min(items.length, (p + 1) * THUMB_PAGE); i++) {
        const m = items[i];
        if (!m.isfolder && m.thumb) ids.push(m.fileid);
      }
      if (ids.length) pages.push(ids);
    }
  }
  const options = pages.map((ids) => thumbLinksOptions(ids, { size, crop: true }));
  // One observer per visible page, as useQueries would keep; written out because useQueries'
  // QueriesObserver is ~1.5 KB gzip more on the first route, and QueryObserver is there already.
  const qc = useQueryClient();
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const pageKey = JSON.stringify(options.map((o) => o.queryKey));
  useEffect(() => {
    const unsubscribe = options.map((o) => new QueryObserver(qc, o).subscribe(changed));
    return () => unsubscribe.forEach((u) => u());
    // the options are what pageKey spells
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qc, pageKey]);

  const urls = new Map<number, string>();
  const base = getSession()?.apiBase ?? '';
  for (const o of options) {
    for (const t of qc.getQueryData(o.queryKey) ?? []) {
      if (!entryError(t, 'getthumbslinks') && t.hosts && t.path) urls.set(t.fileid, contentUrl({ hosts: t.hosts, path: t.path }, base));
    }
  }
  return urls;
}
