// pCloud datetimes (docs/pcloud/structures.md §2). Output is always the 31-byte RFC-1123Z form in UTC;
// input accepts every form the server documents, so the emulator and the client agree on what
// a `datetime` parameter may contain.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `Thu, 21 Mar 2013 18:31:45 +0000` for the given unix seconds (fractions are truncated). */
export function formatPcloudDate(unixSeconds: number): string {
  const d = new Date(Math.floor(unixSeconds) * 1000);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}

// Minutes east of UTC. Abbreviations are "discouraged" by the docs but some work; these are the
// unambiguous common ones.
const ZONE_NAMES: Readonly<Record<string, number>> = {
  Z: 0, UT: 0, UTC: 0, GMT: 0, WET: 0,
  WEST: 60, BST: 60, CET: 60, MET: 60,
  CEST: 120, MEST: 120, EET: 120,
  EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

/**
 * Parses a zone designator (`Z`, `+hh`, `+hhmm`, `+hh:mm`, `UTC`, `EEST`, …) into minutes east of
 * UTC. Also used for the zip methods' `timeoffset` parameter.
 */
export function parseZoneOffset(zone: string): number | null {
  const z = zone.trim();
  if (z === '') return 0;
  const named = ZONE_NAMES[z.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Unix seconds of a wall-clock time in a zone, or null when a field is out of range. */
function toUnix(
  year: number, month: number, day: number, hour: number, minute: number, second: number,
  zoneMinutes: number,
): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC maps years 0-99 to 1900-1999; pCloud dates never fall there, so reject them.
  if (year < 100) return null;
  return ms / 1000 - zoneMinutes * 60;
}

const RFC2822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+(\S+))?$/;
// ISO-8601 and "any prefix of it after the year"; a space may replace T; zone optional.
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\s*(\S+)?$/;
const UNIX = /^(\d+)\s*(\S+)?$/;

/**
 * Parses any datetime input form of docs/pcloud/structures.md §2.2 into unix seconds; null means the server
 * would answer 1013 "Date/time format not understood.".
 */
export function parsePcloudDate(input: string): number | null {
  const s = input.trim();
  if (s === '') return null;

  let m = RFC2822.exec(s);
  if (m) {
    const monthName = m[2].toLowerCase();
    const month = MONTHS.findIndex((name) => name.toLowerCase() === monthName);
    const zone = parseZoneOffset(m[7] ?? '');
    if (month < 0 || zone === null) return null;
    return toUnix(Number(m[3]), month + 1, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), zone);
  }

  m = COMPACT.exec(s);
  if (m) {
    const zone = parseZoneOffset(m[7] ?? '');
    if (zone === null) return null;
    const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number);
    return toUnix(y, mo, d, h, mi, se, zone);
  }

  m = ISO.exec(s);
  if (m) {
    const zone = parseZoneOffset(m[7] ?? '');
    if (zone === null) return null;
    return toUnix(
      Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1),
      Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), zone,
    );
  }

  m = UNIX.exec(s);
  if (m) {
    const zone = parseZoneOffset(m[2] ?? '');
    if (zone === null) return null;
    // The docs let a zone follow a timestamp ("default UTC"); we read that as the number counting
    // seconds of local wall-clock time in that zone, consistent with the other forms.
    return Number(m[1]) - zone * 60;
  }
  return null;
}
