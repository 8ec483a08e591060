// Lossless JSON for pCloud replies. `hash` and other uint64 values are bare JSON numbers above
// 2^53, which JSON.parse silently rounds (docs/pcloud/protocol.md §2.1). Before parsing, the text is rewritten
// so that every `hash` value and every integer literal beyond the safe range becomes a string
// holding the exact digits.
//
// `hash` values are quoted by a scan that needs no string tracking; other big integers (rare) by a
// regex whose candidates inside string literals are skipped.

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function isUnsafeInteger(digits: string): boolean {
  const value = BigInt(digits);
  return value > MAX_SAFE || value < -MAX_SAFE;
}

/** A quote is escaped when an odd number of backslashes precedes it. */
function isEscaped(text: string, quoteAt: number): boolean {
  let backslashes = 0;
  for (let i = quoteAt - 1; i >= 0 && text.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 1;
}

// A key is preceded by `{` or `,` (and maybe whitespace); inside a string literal every quote is
// escaped, so `,"hash":` cannot occur there and needs no string tracking. The value is a whole
// number, followed by what may follow a value.
const HASH_VALUE = /([{,]\s*"hash"\s*:\s*)(-?\d+)(?=[\s,}\]])/g;

/**
 * Quotes the value of every `"hash"` key. A replacement pattern rather than a callback keeps the
 * whole rewrite inside the regex engine: on a 100 000-item listing that halves its cost, which was
 * close to JSON.parse's own (issue 20).
 */
function quoteHashes(text: string): string {
  return text.replace(HASH_VALUE, '$1"$2"');
}

// An integer literal long enough to be unsafe, not part of a fraction, exponent or quoted value.
const BIG_INTEGER = /(?<![\d.eE+-])(-?\d{16,})(?![\d.eE])/g;

/**
 * Quotes other integers beyond 2^53 (rare: pCloud's only uint64 field is `hash`). Candidates
 * inside string literals are found by hopping from quote to quote (indexOf) and left alone.
 */
function quoteOtherBigIntegers(text: string): string {
  const chunks: string[] = [];
  let copied = 0;
  let cursor = 0;
  let inString = false;
  for (const match of text.matchAll(BIG_INTEGER)) {
    const at = match.index;
    for (let q = text.indexOf('"', cursor); q !== -1 && q < at; q = text.indexOf('"', q + 1)) {
      if (!inString || !isEscaped(text, q)) inString = !inString;
    }
    cursor = at;
    if (inString) continue;
    const big = match[1];
    if (!isUnsafeInteger(big)) continue;
    chunks.push(text.slice(copied, at), `"${big}"`);
    copied = at + big.length;
    cursor = copied;
  }
  if (copied === 0) return text;
  chunks.push(text.slice(copied));
  return chunks.join('');
}

/** Rewrites the JSON text; exported for tests. */
export function quoteBigIntegers(text: string): string {
  let out = text.includes('"hash"') ? quoteHashes(text) : text;
  // after quoting hashes, a long digit run after a structural character may be another big
  // integer (or sit inside a string, which the careful pass then leaves alone)
  if (/[:,[\s-]\d{16}/.test(out)) out = quoteOtherBigIntegers(out);
  return out;
}

/** JSON.parse that keeps `hash` and integers beyond 2^53 as exact decimal strings. */
export function parseJsonLossless(text: string): unknown {
  return JSON.parse(quoteBigIntegers(text));
}
