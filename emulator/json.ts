import { PDate, ICON_IDS } from './store/model';
import { formatDate } from './http/dates';
import type { Params } from './http/params';

export interface JsonOptions {
  timestamps?: boolean; // timeformat=timestamp
  iconIds?: boolean; // iconformat=id
  filterMeta?: Set<string> | null; // filtermeta=a,b,c
}

/** The reply formatting a request asked for with the global parameters (docs/pcloud/protocol.md §4). */
export function formatOptions(p: Params): JsonOptions {
  const fm = p.str('filtermeta');
  return {
    timestamps: p.str('timeformat') === 'timestamp',
    iconIds: p.str('iconformat') === 'id',
    filterMeta: fm && fm !== '0' ? new Set(fm.split(',')) : null,
  };
}

/**
 * Already-serialised UTF-8 JSON spliced into a reply by `toJsonChunks`. Inside an array it may stand
 * for several elements (`{…},{…}`): big listings serialise their files straight into buffers instead
 * of through the replacer (and outside the JS heap). It must not be empty.
 */
export class RawJson {
  constructor(readonly chunks: Buffer[]) {}
}

/** The buffer writers fill before their text is copied out at its exact size (one writer at a time uses it). */
let scratch: Buffer | null = Buffer.allocUnsafeSlow(1 << 20);

/**
 * Collects strings as UTF-8 in chunks of about 1 MB (RawJson's content). Text is written into a
 * reused scratch buffer and copied out at its exact size: a 100-file listing used to allocate a fresh
 * 1 MB buffer per request, which under load kept the garbage collector busy.
 */
export class ChunkWriter {
  static readonly SIZE = 1 << 20;
  readonly chunks: Buffer[] = [];
  private buf: Buffer;
  private pos = 0;

  constructor() {
    // a writer started while another one is open gets a buffer of its own
    this.buf = scratch ?? Buffer.allocUnsafeSlow(ChunkWriter.SIZE);
    if (this.buf === scratch) scratch = null;
  }

  write(s: string): void {
    // a UTF-16 code unit takes at most 3 UTF-8 bytes
    if (this.pos + s.length * 3 > this.buf.length) {
      this.copyOut();
      if (s.length * 3 > this.buf.length) {
        this.chunks.push(Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  private copyOut(): void {
    if (this.pos === 0) return;
    const out = Buffer.allocUnsafe(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    this.chunks.push(out);
    this.pos = 0;
  }

  /** The chunks; the writer is done with its buffer after this. */
  flush(): Buffer[] {
    this.copyOut();
    if (scratch === null && this.buf.length === ChunkWriter.SIZE) scratch = this.buf;
    return this.chunks;
  }
}

// pCloud writes `hash` (and other uint64 values) as bare JSON numbers that exceed 2^53.
// We keep them as bigint inside the emulator and print them as exact integer literals.
const MARK = '\u0000u64:';

const RAW_MARK = '\u0000raw:';

/** The reply as pieces: JSON text around the RawJson fragments it contains. */
export function toJsonChunks(value: unknown, opts: JsonOptions = {}): (string | Buffer)[] {
  let sawBig = false;
  const raws: Buffer[][] = [];
  let text = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    if (v instanceof RawJson) {
      raws.push(v.chunks);
      return RAW_MARK + (raws.length - 1);
    }
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
  if (sawBig) text = text.replace(/"\\u0000u64:(\d+)"/g, '$1');
  if (!raws.length) return [text];
  const out: (string | Buffer)[] = [];
  const re = /"\\u0000raw:(\d+)"/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(text.slice(last, m.index), ...raws[Number(m[1])]);
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

export function toJson(value: unknown, opts: JsonOptions = {}): string {
  const parts = toJsonChunks(value, opts);
  return parts.length === 1 ? (parts[0] as string) : parts.map((p) => (typeof p === 'string' ? p : p.toString('utf8'))).join('');
}

/** One metadata object as `toJson` would print it, without the replacer's per-value overhead. */
export function metaJson(m: Record<string, unknown>, opts: JsonOptions): string {
  let out = '{';
  for (const k in m) {
    const v = m[k];
    if (v === undefined || (opts.filterMeta && !opts.filterMeta.has(k) && k !== 'contents')) continue;
    let text: string;
    if (v instanceof PDate) text = opts.timestamps ? String(v.seconds) : `"${formatDate(v.seconds)}"`;
    else if (typeof v === 'bigint') text = v.toString();
    else if (k === 'icon' && opts.iconIds && typeof v === 'string') text = String(ICON_IDS[v] ?? 0);
    else if (typeof v === 'object' && v !== null) text = toJson(v, opts);
    else text = JSON.stringify(v);
    out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + text;
  }
  return out + '}';
}
