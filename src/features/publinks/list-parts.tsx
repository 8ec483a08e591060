// Pieces both lists of the Links page share: filtering and paging of long lists, the QR dialog, the
// delete confirmation, and the load/error/empty states.
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import common from '../../locales/en/common';
import links from '../../locales/en/links';
import { Dialog } from '../../ui/dialog';
import { Icon } from '../../ui/icons';
import { errorMessage } from '../../i18n/error-message';
import { CopyButton } from './link-share';
import { QrCode } from './qr-code';
import { Button, buttonClass } from '../../ui/button';
import { ConfirmDialog, DialogActions } from '../../ui/dialog-actions';
import { ErrorState } from '../../ui/empty-state';



/** Which list: public links or upload links (their words differ). */
export type ListKind = 'public' | 'upload';

export const PAGE_SIZE = 100;

/** Newest first, filtered by the words typed, shown a page at a time (lists can hold thousands). */
export function usePagedFilter<T>(items: readonly T[] | undefined, text: (t: T) => string, created: (t: T) => number) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE_SIZE);
  const deferred = useDeferredValue(query);
  const filtered = useMemo(() => {
    const words = deferred.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const all = [...(items ?? [])].sort((a, b) => created(b) - created(a));
    return words.length ? all.filter((t) => { const s = text(t).toLocaleLowerCase(); return words.every((w) => s.includes(w)); }) : all;
  }, [items, deferred, text, created]);
  return {
    query,
    setQuery: (q: string) => {
      setQuery(q);
      setShown(PAGE_SIZE);
    },
    rows: filtered.slice(0, shown),
    total: filtered.length,
    more: filtered.length > shown ? () => setShown((n) => n + PAGE_SIZE) : null,
  };
}

export function ListFilter({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="filter links-filter">
      <Icon name="search" />
      <input type="search" aria-label={label} placeholder={label} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** The filter box and the count above a list of links ("3 links", "2 of 7 links"). */
export function ListTools({ kind, query, onQuery, matching, all }: { kind: ListKind; query: string; onQuery: (v: string) => void; matching: number; all: number }) {
  const t = useT(links);
  const upload = kind === 'upload';
  return (
    <div className="links-tools">
      <ListFilter label={t(upload ? 'filterUpload' : 'filterPublic')} value={query} onChange={onQuery} />
      <p className="status-line" role="status">
        {matching === all
          ? t(upload ? 'uploadLinkCount' : 'publinkCount', { count: all })
          : t(upload ? 'uploadLinkMatching' : 'publinkMatching', { matching, count: all })}
      </p>
    </div>
  );
}

export function ShowMore({ shown, total, onMore }: { shown: number; total: number; onMore: (() => void) | null }) {
  const t = useT(links);
  if (!onMore) return null;
  return (
    <div className="links-more">
      <span className="muted">{t('showing', { shown, total })}</span>
      <Button onClick={onMore}>
        {t('showMore')}
      </Button>
    </div>
  );
}

export function QrDialog({ url, name, onClose }: { url: string; name: string; onClose: () => void }) {
  const t = useT(links);
  const tc = useT(common);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('qrTitle', { name })} description={t('qrDescription')}>
      <div className="links-qr">
        <QrCode text={url} size={240} label={t('qrOfLinkTo', { name })} />
        <code className="link-url-text">{url}</code>
      </div>
      <DialogActions submitLabel={tc('close')} onSubmit={onClose}>
        <CopyButton text={url} what="Link" className={buttonClass()}>
          <Icon name="copy" /> {t('copyLink')}
        </CopyButton>
      </DialogActions>
    </Dialog>
  );
}

export function ConfirmDelete({ title, description, busy, onCancel, onConfirm }: { title: string; description: string; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const t = useT(links);
  return <ConfirmDialog title={title} message={description} confirmLabel={t('deleteLink')} busy={busy} onCancel={onCancel} onConfirm={onConfirm} />;
}

export function ListState({ pending, error, retry, kind }: { pending: boolean; error: unknown; retry: () => void; kind: ListKind }): ReactNode {
  const t = useT(links);
  const tc = useT(common);
  if (pending) return <div className="loading" role="status" aria-label={tc('loading')} />;
  if (error) return <ErrorState title={t(kind === 'upload' ? 'loadUploadFailed' : 'loadPublicFailed')} detail={errorMessage(error)} onRetry={retry} />;
  return null;
}
