import { PDate, ICON_IDS } from './store/model';
import { formatDate } from './http/dates';

export interface JsonOptions {
  timestamps?: boolean; // timeformat=timestamp
  iconIds?: boolean; // iconformat=id
  filterMeta?: Set<string> | null; // filtermeta=a,b,c
}

// pCloud writes `hash` (and other uint64 values) as bare JSON numbers that exceed 2^53.
// We keep them as bigint inside the emulator and print them as exact integer literals.
const MARK = '\u0000u64:';

export function toJson(value: unknown, opts: JsonOptions = {}): string {
  let sawBig = false;
  const text = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    if (typeof v === 'bigint') {
      sawBig = true;
      return MARK + v.toString();
    }
    if (v instanceof PDate) return opts.timestamps ? v.seconds : formatDate(v.seconds);
    if (key === 'icon' && opts.iconIds && typeof v === 'string') return ICON_IDS[v] ?? 0;
    if (opts.filterMeta && v && typeof v === 'object' && !Array.isArray(v) && 'isfolder' in v) {
      const out: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(v)) if (opts.filterMeta.has(k) || k === 'contents') out[k] = val;
      return out;
    }
    return v;
  });
  if (!sawBig) return text;
  return text.replace(/"\\u0000u64:(\d+)"/g, '$1');
}
