// Pieces both lists of the Links page share: filtering and paging of long lists, the QR dialog, the
// delete confirmation, and the load/error/empty states.
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { Dialog } from '../../ui/dialog';
import { Icon } from '../../ui/icons';
import { humanError } from '../browse/operations';
import { copyToClipboard } from './clipboard';
import { QrCode } from './qr-code';

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
export function ListTools({ label, noun, query, onQuery, matching, all }: { label: string; noun: string; query: string; onQuery: (v: string) => void; matching: number; all: number }) {
  return (
    <div className="links-tools">
      <ListFilter label={label} value={query} onChange={onQuery} />
      <p className="status-line" aria-live="polite">
        {matching === all ? `${all} ${noun}${all === 1 ? '' : 's'}` : `${matching} of ${all} ${noun}s`}
      </p>
    </div>
  );
}

export function ShowMore({ shown, total, onMore }: { shown: number; total: number; onMore: (() => void) | null }) {
  if (!onMore) return null;
  return (
    <div className="links-more">
      <span className="muted">
        Showing {shown} of {total}
      </span>
      <button type="button" className="btn" onClick={onMore}>
        Show more
      </button>
    </div>
  );
}

export function QrDialog({ url, name, onClose }: { url: string; name: string; onClose: () => void }) {
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`QR code for “${name}”`} description="Scan it with a phone camera to open the link.">
      <div className="links-qr">
        <QrCode text={url} size={240} label={`QR code of the link to ${name}`} />
        <code className="link-url-text">{url}</code>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => void copyToClipboard(url, 'Link')}>
          <Icon name="copy" /> Copy link
        </button>
        <button type="button" className="btn primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

export function ConfirmDelete({ title, description, busy, onCancel, onConfirm }: { title: string; description: string; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  return (
    <Dialog open onOpenChange={(o) => !o && onCancel()} title={title} description={description}>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn primary danger-fill" disabled={busy} onClick={onConfirm}>
          Delete link
        </button>
      </div>
    </Dialog>
  );
}

export function ListState({ pending, error, retry, what }: { pending: boolean; error: unknown; retry: () => void; what: string }): ReactNode {
  if (pending) return <div className="loading" role="status" aria-label="Loading" />;
  if (error)
    return (
      <div className="state-box" role="alert">
        <h2>Your {what} could not be loaded</h2>
        <p className="muted">{humanError(error)}</p>
        <button type="button" className="btn primary" onClick={retry}>
          Try again
        </button>
      </div>
    );
  return null;
}
