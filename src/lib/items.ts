import type { Metadata } from '../api/protocol/types';
import { toTime } from './format';

export type SortKey = 'name' | 'size' | 'modified' | 'type';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function ext(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(i + 1).toLowerCase() : '';
}

/** Folders first, then the chosen key; names break ties (natural order: file2 < file10). */
export function sortItems(items: readonly Metadata[], key: SortKey, dir: 'asc' | 'desc'): Metadata[] {
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = (a: Metadata, b: Metadata): number => {
    if (a.isfolder !== b.isfolder) return a.isfolder ? -1 : 1;
    let r = 0;
    if (key === 'size') r = (a.isfolder ? 0 : a.size) - (b.isfolder ? 0 : b.size);
    else if (key === 'modified') r = toTime(a.modified) - toTime(b.modified);
    else if (key === 'type') r = collator.compare(ext(a.name), ext(b.name));
    if (r === 0) r = collator.compare(a.name, b.name);
    return r * sign;
  };
  return [...items].sort(cmp);
}

/** Case- and accent-insensitive substring filter. */
export function filterItems(items: readonly Metadata[], query: string): readonly Metadata[] {
  const q = query.trim().normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  if (!q) return items;
  return items.filter((m) => m.name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().includes(q));
}

/** `a.txt` → `a (2).txt`: the next free name, as pCloud's renameifexists would pick. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const itemKey = (m: Metadata): string => m.id;

/** Names pCloud refuses (2001): empty, `.`, `..`, or containing `/`, `\` or NUL. */
export function nameProblem(name: string): string | null {
  if (name.trim() === '') return 'A name cannot be empty.';
  if (name === '.' || name === '..') return 'This name is reserved.';
  if (/[/\\\0]/.test(name)) return 'Names cannot contain / or \\.';
  if (new TextEncoder().encode(name).length >= 1024) return 'This name is too long.';
  return null;
}
