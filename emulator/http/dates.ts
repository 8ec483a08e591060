const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

const dayPrefixes = new Map<number, string>();

/** `Thu, 21 Mar 2013 18:31:45 +0000`: RFC 1123 in UTC, as pCloud prints every datetime. */
export function formatDate(seconds: number): string {
  const secs = Math.floor(seconds);
  const day = Math.floor(secs / 86400);
  // the date part is computed once per day (listings print hundreds of thousands of datetimes)
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    const d = new Date(day * 86_400_000);
    prefix = `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} `;
    if (dayPrefixes.size >= 20_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  const r = secs - day * 86400;
  return `${prefix}${pad(Math.floor(r / 3600))}:${pad(Math.floor(r / 60) % 60)}:${pad(r % 60)} +0000`;
}

function zoneOffset(z: string | undefined): number | null {
  if (!z || z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) return null;
  const mins = Number(m[2]) * 60 + Number(m[3]);
  return (m[1] === '-' ? -1 : 1) * mins * 60;
}

/** Input datetimes (structures.md §2.2): RFC 2822, ISO 8601 prefixes, unix seconds, YYYYMMDDhhmmss. */
export function parseDate(input: string): number | null {
  const s = input.trim();
  let m = /^(\d{9,11})(?:\s*([+-]\d{2}:?\d{2}|Z|UTC))?$/.exec(s);
  if (m) return Number(m[1]);
  m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\s*([+-]\d{2}:?\d{2}|Z)?$/.exec(s);
  if (m) {
    const off = zoneOffset(m[7]);
    if (off === null) return null;
    return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000 - off;
  }
  m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) {
    const off = zoneOffset(m[7]);
    if (off === null) return null;
    const t = Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
    return Number.isNaN(t) ? null : t / 1000 - off;
  }
  m = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|Z)?$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2][0].toUpperCase() + m[2].slice(1).toLowerCase());
    const off = zoneOffset(m[7]);
    if (month < 0 || off === null) return null;
    return Date.UTC(+m[3], month, +m[1], +m[4], +m[5], m[6] ? +m[6] : 0) / 1000 - off;
  }
  return null;
}
