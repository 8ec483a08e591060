import type { Metadata } from '../api/protocol/types';

// A listing can hold 100,000 items: the views ask "where is this key?" and "which keys, in
// order?" often, but only once something is focused or selected. Both answers are built on first
// use and kept per listing array (a new sort or filter is a new array), so rendering and
// scrolling never walk the whole list.
const indexes = new WeakMap<readonly Metadata[], ReadonlyMap<string, number>>();
const keyLists = new WeakMap<readonly Metadata[], readonly string[]>();

/** key (`f123` / `d45`) → position in `items`. */
export function itemIndex(items: readonly Metadata[]): ReadonlyMap<string, number> {
  let index = indexes.get(items);
  if (!index) {
    const map = new Map<string, number>();
    for (let i = 0; i < items.length; i++) map.set(items[i].id, i);
    indexes.set(items, map);
    index = map;
  }
  return index;
}

/** The keys of `items`, in display order. */
export function itemKeys(items: readonly Metadata[]): readonly string[] {
  let keys = keyLists.get(items);
  if (!keys) {
    keys = items.map((m) => m.id);
    keyLists.set(items, keys);
  }
  return keys;
}

/** The items whose keys are in `keys`, in display order: O(selected), not O(listing), when few are. */
export function itemsWithKeys(items: readonly Metadata[], keys: ReadonlySet<string>): Metadata[] {
  if (keys.size === 0) return [];
  if (keys.size * 8 > items.length) return items.filter((m) => keys.has(m.id));
  const index = itemIndex(items);
  const at: number[] = [];
  for (const k of keys) {
    const i = index.get(k);
    if (i !== undefined) at.push(i);
  }
  return at.sort((a, b) => a - b).map((i) => items[i]);
}
