// Account-wide search and the Recent list (docs/pcloud/methods-core.md §8, §1 diff).
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { diff, search, type SearchResult } from '../api/general';
import type { FileCategory, FileMetadata } from '../api/types';
import { searchKeys } from './keys';

/** Items per `search` call: a few screenfuls of the grid. */
export const SEARCH_PAGE = 200;

/**
 * Pages of `search` for `q`; `category` narrows to a file category, 'folders' keeps folders only
 * (pCloud has no such filter, so that one filters the pages it gets).
 */
export function searchOptions(q: string, category: FileCategory | 'folders' | null) {
  return infiniteQueryOptions({
    queryKey: searchKeys.query(q, category),
    queryFn: ({ pageParam, signal }): Promise<SearchResult> =>
      search({ query: q, offset: pageParam, limit: SEARCH_PAGE, ...(typeof category === 'number' ? { category } : {}) }, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last, _all, offset) => (offset + SEARCH_PAGE < last.total && last.items.length > 0 ? offset + SEARCH_PAGE : undefined),
    staleTime: 30_000,
    // results change with every upload: nothing of them goes to the offline copy
    meta: { persist: false },
  });
}

export const RECENT_EVENTS = 1000;

/**
 * The files the account created or changed most recently, newest first, from the last
 * `RECENT_EVENTS` events of `diff`: one entry per file, as of its latest event; files deleted since
 * are left out.
 */
export function recentFilesOptions(last = RECENT_EVENTS) {
  return queryOptions({
    queryKey: searchKeys.recent(last),
    queryFn: async ({ signal }): Promise<FileMetadata[]> => {
      const { entries } = await diff({ last }, { signal });
      const latest = new Map<number, FileMetadata | null>();
      for (let i = entries.length - 1; i >= 0; i--) {
        const e = entries[i];
        const m = e.metadata;
        if (!m || m.isfolder || latest.has(m.fileid)) continue;
        if (e.event === 'deletefile') latest.set(m.fileid, null);
        else if (e.event === 'createfile' || e.event === 'modifyfile') latest.set(m.fileid, m);
      }
      const files = [...latest.values()].filter((m): m is FileMetadata => m !== null && !m.isdeleted);
      return files.sort((a, b) => Date.parse(b.modified) - Date.parse(a.modified));
    },
    staleTime: 30_000,
    meta: { persist: false },
  });
}
