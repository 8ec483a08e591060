import { currentLocale } from '../i18n';

const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
const numberFmt = new Map<string, Intl.NumberFormat>();

/** 1536 → "1.5 KB" (decimal-free under 10 for small values, Intl for the locale's digits). */
export function formatBytes(n: number, locale: string = currentLocale()): string {
  if (!Number.isFinite(n) || n < 0) return '';
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 || v >= 10 ? 0 : 1;
  // a NumberFormat costs tens of microseconds to build: one per locale and digit count, as formatDate does
  const key = `${locale}|${digits}`;
  let f = numberFmt.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numberFmt.set(key, f);
  }
  return `${f.format(v)} ${units[i]}`;
}

const dateFmt = new Map<string, Intl.DateTimeFormat>();

/** pCloud dates ("Thu, 21 Mar 2013 18:31:45 +0000" or unix seconds) in the app's language (src/i18n). */
export function formatDate(value: string | number | undefined, locale: string = currentLocale()): string {
  if (value === undefined) return '';
  const d = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const key = locale;
  let f = dateFmt.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateFmt.set(key, f);
  }
  return f.format(d);
}

export function toTime(value: string | number | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value * 1000 : Date.parse(value);
}
