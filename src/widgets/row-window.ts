import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface RowWindow {
  /** Items per row (grid columns fitting the scroller's width; 1 for a list). */
  cols: number;
  /** First and last row to render (overscan included); last < first when there is nothing. */
  first: number;
  last: number;
  /** First and last row actually in view (no overscan), e.g. for thumbnail batches. */
  visibleFirst: number;
  visibleLast: number;
  /** Height of all rows together (the scroller's content). */
  totalHeight: number;
  /** Scrolls the least needed to show row `index` whole (like `scrollIntoView({ block: 'nearest' })`). */
  scrollToRow: (index: number) => void;
}

interface Viewport {
  top: number;
  height: number;
  width: number;
}

export interface RowLayout {
  items: number;
  rowHeight: number;
  /** Items per row for the scroller's inner width. */
  columns: (width: number) => number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
  /**
   * What scrolls: the element itself (the app's list pane) or the page around it (a public link's
   * folder, which scrolls with its page). Fixed for the life of the list.
   */
  scroller?: 'element' | 'window';
}

/**
 * Windowing for rows of one fixed height: which rows of `items` meet the scroller's viewport.
 * Arithmetic only (no measuring), O(1) per scroll event, and a new render only when the window
 * moves by a whole row. Until the scroller is measured, the window assumes the browser window's
 * size, so the first render already has rows (no empty frame after a large listing arrives).
 */
export function useRowWindow(ref: RefObject<HTMLElement | null>, { items, rowHeight, columns, overscan, scroller = 'element' }: RowLayout): RowWindow {
  const page = scroller === 'window';
  const [viewport, setViewport] = useState<Viewport>(() => ({
    top: 0,
    height: typeof window === 'undefined' ? 800 : window.innerHeight,
    width: typeof window === 'undefined' ? 800 : window.innerWidth,
  }));
  const rowRef = useRef(rowHeight);
  rowRef.current = rowHeight;

  // sizes come from the ResizeObserver (or the first measure): a scroll event reads scrollTop only
  const size = useRef<{ height: number; width: number } | null>(null);
  // the rendered window only changes when the first or last visible row does
  const update = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    size.current ??= page ? { height: window.innerHeight, width: el.clientWidth } : { height: el.clientHeight, width: el.clientWidth };
    // in the page, the list's own top edge against the window's (negative once scrolled past)
    const next = { top: page ? -el.getBoundingClientRect().top : el.scrollTop, ...size.current };
    setViewport((cur) => {
      const h = rowRef.current;
      const same =
        cur.width === next.width &&
        Math.floor(cur.top / h) === Math.floor(next.top / h) &&
        Math.ceil((cur.top + cur.height) / h) === Math.ceil((next.top + next.height) / h);
      return same ? cur : next;
    });
  }, [ref, page]);

  // measured before the first paint
  useLayoutEffect(update, [update, rowHeight, items]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const target: HTMLElement | Window = page ? window : el;
    const measure = () => {
      size.current = page ? { height: window.innerHeight, width: el.clientWidth } : { height: el.clientHeight, width: el.clientWidth };
      update();
    };
    target.addEventListener('scroll', update, { passive: true });
    if (page) window.addEventListener('resize', measure);
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => {
      target.removeEventListener('scroll', update);
      if (page) window.removeEventListener('resize', measure);
      ro?.disconnect();
    };
  }, [ref, update, page]);

  const scrollToRow = useCallback(
    (index: number) => {
      const el = ref.current;
      if (!el) return;
      const top = index * rowRef.current;
      const bottom = top + rowRef.current;
      if (page) {
        const at = el.getBoundingClientRect().top;
        if (at + top < 0) window.scrollBy(0, at + top);
        else if (at + bottom > window.innerHeight) window.scrollBy(0, at + bottom - window.innerHeight);
        return;
      }
      if (top < el.scrollTop) el.scrollTop = top;
      else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
    },
    [ref, page],
  );

  const cols = Math.max(1, columns(viewport.width));
  const rows = Math.ceil(items / cols);
  const visibleFirst = Math.max(0, Math.floor(viewport.top / rowHeight));
  const visibleLast = Math.min(rows - 1, Math.ceil((viewport.top + viewport.height) / rowHeight) - 1);
  const first = Math.max(0, visibleFirst - overscan);
  const last = Math.min(rows - 1, visibleLast + overscan);
  return { cols, first, last, visibleFirst, visibleLast, totalHeight: rows * rowHeight, scrollToRow };
}
