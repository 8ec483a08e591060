// /recent: the files the account created or changed lately, from the diff feed, grouped by day.
import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { recentFilesOptions } from '../../queries/search';
import { useViewMode } from '../../stores/prefs';
import { errorMessage } from '../../i18n/error-message';
import { ResultsView } from './results-view';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import search from '../../locales/en/search';
import { EmptyState, ErrorState } from '../../ui/empty-state';

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

export default function RecentPage() {
  const recent = useQuery(recentFilesOptions());
  const view = useViewMode();
  const t = useT(search);
  const tCommon = useT(common);
  const items = useMemo(() => recent.data ?? [], [recent.data]);
  useEffect(() => {
    document.title = t('docTitle', { title: t('recentTitle') });
  }, [t]);

  // a heading on the first file of each day: Today, Yesterday, then the date
  const groups = useMemo(() => {
    const today = new Date();
    const yesterday = new Date(Date.now() - 86_400_000);
    const fmt = new Intl.DateTimeFormat(t.locale, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });
    let prev = '';
    return items.map((m) => {
      const d = new Date(m.modified);
      const k = dayKey(d);
      if (k === prev) return null;
      prev = k;
      return k === dayKey(today) ? t('today') : k === dayKey(yesterday) ? t('yesterday') : fmt.format(d);
    });
  }, [items, t]);

  return (
    <div className="browse search-page">
      <div className="browse-main">
        <div className="browse-head">
          <div className="head-row">
            <h1 className="page-title">{t('recentTitle')}</h1>
          </div>
        </div>
        {recent.isError && !recent.data ? (
          <ErrorState title={t('failed')} detail={errorMessage(recent.error)} onRetry={() => void recent.refetch()} />
        ) : !recent.data ? (
          <div className="loading" role="status" aria-label={t('searching')} />
        ) : items.length === 0 ? (
          <EmptyState className="empty" title={t('recentEmpty')} text={t('recentEmptyHint')} />
        ) : (
          <>
            <ResultsView items={items} view={view} listKey="recent" label={t('recentLabel')} groupLabel={(i) => groups[i] ?? null} onRefresh={() => void recent.refetch()} />
            <p className="status-line" aria-live="polite">
              {tCommon('items', { count: items.length })}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
