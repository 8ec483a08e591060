// Find-in-document over the text pdf.js extracts per page.

/** Case- and accent-insensitive form used on both sides of a search. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** How often `query` occurs in `text` (non-overlapping, folded). */
export function countMatches(text: string, query: string): number {
  const q = foldText(query.trim());
  if (!q) return 0;
  const t = foldText(text);
  let n = 0;
  for (let at = t.indexOf(q); at >= 0; at = t.indexOf(q, at + q.length)) n++;
  return n;
}

export interface PageHits {
  /** 0-based page index. */
  page: number;
  count: number;
}

/** The i-th match overall (0-based) → its page; wraps around both ways. */
export function pageOfMatch(hits: readonly PageHits[], index: number): { page: number; index: number } | null {
  const total = hits.reduce((n, h) => n + h.count, 0);
  if (total === 0) return null;
  const i = ((index % total) + total) % total;
  let seen = 0;
  for (const h of hits) {
    if (i < seen + h.count) return { page: h.page, index: i };
    seen += h.count;
  }
  return null;
}
