import { currentLocale } from '../i18n';

const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
const numberFmt = new Map<string, Intl.NumberFormat>();

/** 1536 → "1.5 KB" (one decimal under 10, none above; Intl for the locale's digits and separators). */
export function formatBytes(n: number, locale: string = currentLocale()): string {
  if (!Number.isFinite(n) || n < 0) return '';
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  // one formatter per locale (building one costs milliseconds on a phone): whole numbers are rounded
  // before formatting instead of asking a second formatter for no decimals
  let f = numberFmt.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    numberFmt.set(locale, f);
  }
  return `${f.format(i === 0 || v >= 10 ? Math.round(v) : Math.round(v * 10) / 10)} ${units[i]}`;
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
