// /search?q=…&type=…: account-wide search (docs/pcloud/methods-core.md §8).
import { useCallback, useEffect, useMemo } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { FileCategory, Metadata } from '../../api/protocol/types';
import { FILE_CATEGORY } from '../../api/protocol/types';
import { useSearchParams } from '../../routing/location';
import { useOnline } from '../../lib/online';
import { searchOptions } from '../../queries/search';
import { folderTreeOptions } from '../../queries/folder';
import { useViewMode } from '../../stores/prefs';
import { errorMessage } from '../../i18n/error-message';
import { ResultsView } from './results-view';
import { highlight, queryWords } from './highlight';
import { useT } from '../../i18n';
import search from '../../locales/en/search';
import { EmptyState, ErrorState } from '../../ui/empty-state';

export const TYPES = ['image', 'video', 'audio', 'document', 'archive', 'folder'] as const;
type SearchType = (typeof TYPES)[number];
const TYPE_LABEL = {
  image: 'typeImage', video: 'typeVideo', audio: 'typeAudio', document: 'typeDocument', archive: 'typeArchive', folder: 'typeFolder',
} as const;

function categoryOf(type: SearchType | null): FileCategory | 'folders' | null {
  if (type === null) return null;
  return type === 'folder' ? 'folders' : FILE_CATEGORY[type];
}

/** Where each result lives, from the folder tree (search replies carry no paths). */
function useFolderPaths(enabled: boolean): (folderid: number | undefined) => string | undefined {
  const tree = useQuery({ ...folderTreeOptions(), enabled });
  const t = useT(search);
  const byId = useMemo(() => new Map((tree.data ?? []).map((f) => [f.folderid, f.path])), [tree.data]);
  return useCallback((id) => (id === undefined ? undefined : id === 0 ? t('myFiles') : byId.get(id)), [byId, t]);
}

export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const rawType = params.get('type');
  const type = (TYPES as readonly string[]).includes(rawType ?? '') ? (rawType as SearchType) : null;
  const category = categoryOf(type);
  const online = useOnline();
  const view = useViewMode();
  const t = useT(search);
  const result = useInfiniteQuery({ ...searchOptions(q, category), enabled: q !== '' });
  const words = useMemo(() => queryWords(q), [q]);
  const pathOf = useFolderPaths(q !== '' && online);

  const items = useMemo(() => {
    const all: Metadata[] = (result.data?.pages ?? []).flatMap((p) => p.items);
    return category === 'folders' ? all.filter((m) => m.isfolder) : all;
  }, [result.data, category]);
  const total = category === 'folders' ? items.length : (result.data?.pages[0]?.total ?? 0);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = result;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  // the folder filter keeps what the pages hold: read on until there is a screenful or no more
  useEffect(() => {
    if (category === 'folders' && items.length < 50) more();
  }, [category, items.length, more]);

  const title = q ? t('resultsFor', { query: q }) : t('title');
  useEffect(() => {
    document.title = t('docTitle', { title });
  }, [t, title]);

  const chip = (value: SearchType | null, label: string) => (
    <button
      key={value ?? 'all'}
      type="button"
      className={`chip ${type === value ? 'active' : ''}`}
      aria-pressed={type === value}
      onClick={() => setParams(value ? { q, type: value } : { q })}
    >
      {label}
    </button>
  );

  return (
    <div className="browse search-page">
      <div className="browse-main">
        <div className="browse-head">
          <div className="head-row">
            <h1 className="page-title">{title}</h1>
          </div>
          <div className="chips" role="group" aria-label={t('typeFilters')}>
            {chip(null, t('typeAll'))}
            {TYPES.map((v) => chip(v, t(TYPE_LABEL[v])))}
          </div>
        </div>
        {!q ? (
          <EmptyState className="empty" title={t('enterQuery')} />
        ) : result.isError && !result.data ? (
          <ErrorState title={t('failed')} detail={errorMessage(result.error)} onRetry={() => void result.refetch()} />
        ) : !result.data ? (
          <div className="loading" role="status" aria-label={t('searching')} />
        ) : items.length === 0 && !hasNextPage ? (
          <EmptyState className="empty" title={t('noResults', { query: q })} text={type ? t('noResultsType', { type: t(TYPE_LABEL[type]), query: q }) : t('noResultsHint')} />
        ) : (
          <>
            <ResultsView
              items={items}
              view={view}
              listKey={`${q}|${type ?? ''}`}
              label={t('resultsLabel')}
              renderName={(m) => highlight(m.name, words)}
              subtitle={(m) => {
                const p = pathOf(m.parentfolderid);
                return p ? t('inFolder', { path: p }) : null;
              }}
              onNearEnd={more}
              onRefresh={() => void result.refetch()}
            />
            <p className="status-line" aria-live="polite">
              {t('found', { count: total })}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
