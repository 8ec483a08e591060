const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
/** `00`…`59`: the time of day is printed for every datetime of a listing. */
const PAD2 = Array.from({ length: 60 }, (_, n) => pad(n));

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
  return `${prefix}${PAD2[Math.floor(r / 3600)]}:${PAD2[Math.floor(r / 60) % 60]}:${PAD2[r % 60]} +0000`;
}

/** Input datetimes (docs/pcloud/structures.md §2.2): one parser, shared with the app. */
export { parsePcloudDate as parseDate } from '../../src/api/protocol/dates';
