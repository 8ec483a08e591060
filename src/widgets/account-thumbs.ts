import { useEffect, useReducer } from 'react';
import { QueryObserver, useQueryClient } from '@tanstack/react-query';
import { contentUrl } from '../api/client';
import { entryError } from '../api/errors';
import { thumbLinksOptions } from '../queries/thumbnails';
import { getSession } from '../stores/session';
import type { ThumbSource } from './use-thumbs';

/** The signed-in account's thumbnails. */
export const accountThumbs: ThumbSource = {
  useUrls(batches, size) {
    const options = batches.map((ids) => thumbLinksOptions(ids, { size, crop: true }));
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
  },
};
