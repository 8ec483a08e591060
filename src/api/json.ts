// Lossless JSON for pCloud replies. `hash` and other uint64 values are bare JSON numbers above
// 2^53, which JSON.parse silently rounds (protocol.md §2.1). Before parsing, the text is rewritten
// so that every `hash` value and every integer literal beyond the safe range becomes a string
// holding the exact digits.
//
// Candidates are found with one regex; a separate cursor hops from quote to quote (indexOf, no
// per-token callbacks) to know whether a candidate sits inside a string literal, where it must
// be left alone. That keeps a 100 000-item listing close to plain JSON.parse speed.

const CANDIDATE = new RegExp(
  [
    // `"hash": <integer>` — always quoted, even when small, so the field's type is uniform.
    String.raw`("hash"\s*:\s*)(-?\d+)(?![\d.eE])`,
    // An integer literal long enough to be unsafe, not part of a fraction or exponent.
    String.raw`(?<![\d.eE+\-])(-?\d{16,})(?![\d.eE])`,
  ].join('|'),
  'g',
);

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

/** Rewrites the JSON text; exported for tests. */
export function quoteBigIntegers(text: string): string {
  // Fast path: nothing to rewrite in most small replies.
  if (!text.includes('"hash"') && !/\d{16}/.test(text)) return text;

  const chunks: string[] = [];
  let copied = 0;
  let cursor = 0;
  let inString = false;
  for (const match of text.matchAll(CANDIDATE)) {
    const at = match.index;
    for (let q = text.indexOf('"', cursor); q !== -1 && q < at; q = text.indexOf('"', q + 1)) {
      if (!inString || !isEscaped(text, q)) inString = !inString;
      cursor = q + 1;
    }
    if (inString) continue;
    const [whole, hashKey, hashValue, big] = match;
    let replacement: string | undefined;
    if (hashKey !== undefined && hashValue !== undefined) replacement = `${hashKey}"${hashValue}"`;
    else if (big !== undefined && isUnsafeInteger(big)) replacement = `"${big}"`;
    // The `"hash"` key's own two quotes are balanced, so the string state stays "outside".
    cursor = at + whole.length;
    if (replacement === undefined) continue;
    chunks.push(text.slice(copied, at), replacement);
    copied = at + whole.length;
  }
  if (copied === 0) return text;
  chunks.push(text.slice(copied));
  return chunks.join('');
}

/** JSON.parse that keeps `hash` and integers beyond 2^53 as exact decimal strings. */
export function parseJsonLossless(text: string): unknown {
  return JSON.parse(quoteBigIntegers(text));
}
