import { displayName } from '../../i18n/display-name';
import type { ReactNode } from 'react';

/** Case and accents folded, one entry per character of `s` (so positions map back to it). */
function foldChars(s: string): string[] {
  return [...s].map((c) => c.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
}

/** Words of a query as the server matches them: folded, any order (docs/pcloud/methods-core.md §8). */
export function queryWords(q: string): string[] {
  return [...new Set(foldChars(q).join('').split(/\s+/).filter(Boolean))];
}

/**
 * `name` with every occurrence of `words` marked. Only text nodes and <mark> elements: a name is
 * never parsed as HTML.
 */
export function highlight(name: string, words: readonly string[]): ReactNode {
  if (!words.length) return displayName(name);
  const chars = [...name];
  const folded = foldChars(name);
  // folded text and the character each of its positions came from
  let text = '';
  const from: number[] = [];
  folded.forEach((f, i) => {
    text += f;
    for (let k = 0; k < f.length; k++) from.push(i);
  });
  const hit = new Array<boolean>(chars.length).fill(false);
  for (const w of words) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
      for (let k = at; k < at + w.length; k++) hit[from[k]] = true;
    }
  }
  const out: ReactNode[] = [];
  let start = 0;
  for (let i = 1; i <= chars.length; i++) {
    if (i === chars.length || hit[i] !== hit[start]) {
      const piece = displayName(chars.slice(start, i).join(''));
      out.push(hit[start] ? <mark key={start} className="hit">{piece}</mark> : piece);
      start = i;
    }
  }
  return out;
}
