// Encoding of method parameters (docs/pcloud/protocol.md §1): flags are sent as `1` when on and omitted when
// off, lists are comma-joined without spaces, dates become unix seconds.

/** Values a parameter may take; `undefined`/`null`/`false` mean "not sent". */
export type ParamValue =
  | string
  | number
  | bigint
  | boolean
  | Date
  | null
  | undefined
  | readonly (string | number | bigint)[];

function scalar(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Parameter '${name}' is not a finite number`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  throw new TypeError(`Parameter '${name}' has an unsupported type`);
}

/**
 * Turns a params object into ordered name/value pairs. Takes `object` so per-method interfaces
 * (which lack index signatures) can be passed without casts; values are narrowed at run time.
 */
export function encodeParams(params: object): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === false) continue;
    if (value === true) out.push([name, '1']);
    else if (value instanceof Date) out.push([name, String(Math.floor(value.getTime() / 1000))]);
    else if (Array.isArray(value)) {
      const items: unknown[] = value;
      out.push([name, items.map((item) => scalar(name, item)).join(',')]);
    } else out.push([name, scalar(name, value)]);
  }
  return out;
}

export function toSearchParams(pairs: readonly [string, string][]): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of pairs) search.append(name, value);
  return search;
}
