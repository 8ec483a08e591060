// Content links (getfilelink, getthumbslinks, gethlslink, …) expire and are IP-bound
// (docs/architecture.md §3.6): a link query stays fresh only until shortly before the earliest `expires` it
// carries, is dropped from memory soon after nobody watches it, and is marked never to persist.
import { parsePcloudDate } from '../api/protocol/dates';

/** Refresh this long before the server's `expires` (covers clock skew and slow starts). */
export const LINK_EXPIRY_MARGIN_MS = 60_000;
/** Upper bound even for long-lived links: the client's IP may change (links are IP-bound). */
export const LINK_MAX_STALE_MS = 10 * 60_000;

function expiriesOf(data: unknown, out: number[]): void {
  if (typeof data !== 'object' || data === null) return;
  if (Array.isArray(data)) {
    for (const entry of data) expiriesOf(entry, out);
    return;
  }
  const record = data as Record<string, unknown>;
  if (typeof record.expires === 'string') {
    const seconds = parsePcloudDate(record.expires);
    if (seconds !== null) out.push(seconds * 1000);
  }
  // getthumbslinks → `thumbs[]`, getvideolinks → `variants[]`
  for (const nested of [record.thumbs, record.variants]) if (nested !== undefined) expiriesOf(nested, out);
}

/** Earliest `expires` in a link reply, in ms since the epoch; undefined when it has none. */
export function earliestExpiry(data: unknown): number | undefined {
  const all: number[] = [];
  expiriesOf(data, all);
  return all.length ? Math.min(...all) : undefined;
}

/** staleTime function for link queries; structural parameter so it fits any Query. */
export function linkStaleTime(query: { state: { data: unknown } }, now: number = Date.now()): number {
  const expires = earliestExpiry(query.state.data);
  if (expires === undefined) return 0;
  return Math.max(0, Math.min(LINK_MAX_STALE_MS, expires - LINK_EXPIRY_MARGIN_MS - now));
}

/** Query meta of every content-link query; a persister must skip these (see isPersistableQuery). */
export const CONTENT_LINK_META = { persist: false, contentLink: true } as const;

/** Spread into a link query's options. */
export const contentLinkQuery = {
  staleTime: linkStaleTime,
  gcTime: 60_000,
  meta: CONTENT_LINK_META,
} as const;
