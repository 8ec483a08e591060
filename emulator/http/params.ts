import { fail } from '../errors';
import { parseDate } from './dates';

/**
 * Request parameters merged from the query string, the form body and cookies (docs/pcloud/protocol.md §1).
 * Typed getters answer pCloud's codes for malformed values.
 */
export class Params {
  constructor(readonly values: Map<string, string>) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  str(name: string): string | undefined {
    return this.values.get(name);
  }

  /** Flags are on when present with any value except `0`/`false`/empty (SDKs send `0` to mean off). */
  flag(name: string): boolean {
    const v = this.values.get(name);
    if (v === undefined) return false;
    return v !== '0' && v !== '' && v.toLowerCase() !== 'false';
  }

  /** Unsigned integer; `badCode` answers malformed values (pCloud varies it per parameter). */
  int(name: string, badCode = 1017): number | undefined {
    const v = this.values.get(name);
    if (v === undefined || v === '') return undefined;
    if (!/^\d+$/.test(v.trim())) fail(badCode);
    const n = Number(v.trim());
    if (!Number.isSafeInteger(n)) fail(badCode);
    return n;
  }

  intList(name: string, badCode: number): number[] | undefined {
    const v = this.values.get(name);
    if (v === undefined || v === '') return undefined;
    return v.split(',').filter((s) => s.trim() !== '').map((s) => {
      if (!/^\d+$/.test(s.trim())) fail(badCode);
      // 20-digit ids would turn into floats that match nothing or the wrong row
      const n = Number(s.trim());
      if (!Number.isSafeInteger(n)) fail(badCode);
      return n;
    });
  }

  date(name: string): number | undefined {
    const v = this.values.get(name);
    if (v === undefined || v === '') return undefined;
    const d = parseDate(v);
    if (d === null) fail(1013);
    return d;
  }

  require(name: string, code: number): string {
    const v = this.values.get(name);
    if (v === undefined || v === '') fail(code);
    return v;
  }
}
