// /photos: every image (or video) of the account, newest first, by month, in the thumbnail grid —
// one `search` call with `category` per page (docs/pcloud/methods-core.md §8); thumbnails come in
// one batch per screenful, as in folders (browse/use-thumbs.ts).
import { useCallback, useEffect, useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Metadata } from '../../api/protocol/types';
import { FILE_CATEGORY } from '../../api/protocol/types';
import { useSearchParams } from '../../routing/location';
import { searchOptions } from '../../queries/search';
import { errorMessage } from '../../i18n/error-message';
import { ResultsView } from './results-view';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import search from '../../locales/en/search';
import { EmptyState, ErrorState } from '../../ui/empty-state';

export default function PhotosPage() {
  const [params, setParams] = useSearchParams();
  const videos = params.get('type') === 'video';
  const result = useInfiniteQuery(searchOptions('', videos ? FILE_CATEGORY.video : FILE_CATEGORY.image));
  const t = useT(search);
  const tCommon = useT(common);
  const items = useMemo<Metadata[]>(() => (result.data?.pages ?? []).flatMap((p) => p.items), [result.data]);
  const total = result.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = result;
  const more = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  useEffect(() => {
    document.title = t('docTitle', { title: t('photosTitle') });
  }, [t]);

  // the month label on the first picture of each month
  const groups = useMemo(() => {
    const fmt = new Intl.DateTimeFormat(t.locale, { month: 'long', year: 'numeric' });
    let prev = '';
    return items.map((m) => {
      const d = new Date(m.modified);
      const k = `${d.getFullYear()}-${d.getMonth()}`;
      if (k === prev) return null;
      prev = k;
      return fmt.format(d);
    });
  }, [items, t]);

  const chip = (video: boolean, label: string) => (
    <button type="button" className={`chip ${videos === video ? 'active' : ''}`} aria-pressed={videos === video} onClick={() => setParams(video ? { type: 'video' } : {})}>
      {label}
    </button>
  );

  return (
    <div className="browse search-page photos-page">
      <div className="browse-main">
        <div className="browse-head">
          <div className="head-row">
            <h1 className="page-title">{t('photosTitle')}</h1>
          </div>
          <div className="chips" role="group" aria-label={t('typeFilters')}>
            {chip(false, t('typeImage'))}
            {chip(true, t('typeVideo'))}
          </div>
        </div>
        {result.isError && !result.data ? (
          <ErrorState title={t('failed')} detail={errorMessage(result.error)} onRetry={() => void result.refetch()} />
        ) : !result.data ? (
          <div className="loading" role="status" aria-label={t('searching')} />
        ) : items.length === 0 ? (
          <EmptyState className="empty" title={t(videos ? 'videosEmpty' : 'photosEmpty')} text={t('photosEmptyHint')} />
        ) : (
          <>
            <ResultsView
              items={items}
              view="grid"
              listKey={videos ? 'videos' : 'photos'}
              label={t('photosLabel')}
              groupLabel={(i) => groups[i] ?? null}
              onNearEnd={more}
              onRefresh={() => void result.refetch()}
            />
            <p className="status-line" aria-live="polite">
              {tCommon('items', { count: total })}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
