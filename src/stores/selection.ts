import { create } from 'zustand';

/** Selection in the current listing, by item key (`f123` / `d45`, the pCloud `id` strings). */
interface SelectionState {
  selected: ReadonlySet<string>;
  anchor: string | null;
  focused: string | null;
  /** Item being renamed inline. */
  renaming: string | null;
}

const empty: SelectionState = { selected: new Set(), anchor: null, focused: null, renaming: null };
const useSelectionStore = create<SelectionState>()(() => empty);

export const useSelected = () => useSelectionStore((s) => s.selected);
export const useFocused = () => useSelectionStore((s) => s.focused);
export const useRenaming = () => useSelectionStore((s) => s.renaming);

export const getSelection = () => useSelectionStore.getState();

export function selectOnly(key: string): void {
  useSelectionStore.setState({ selected: new Set([key]), anchor: key, focused: key });
}

export function toggleSelected(key: string): void {
  useSelectionStore.setState((s) => {
    const next = new Set(s.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return { selected: next, anchor: key, focused: key };
  });
}

/** Shift-click / Shift-arrow: everything between the anchor and `key` in display order. */
export function selectRange(order: readonly string[], key: string, additive = false): void {
  useSelectionStore.setState((s) => {
    const anchor = s.anchor ?? key;
    const a = order.indexOf(anchor);
    const b = order.indexOf(key);
    if (a < 0 || b < 0) return { selected: new Set([key]), anchor: key, focused: key };
    const [from, to] = a < b ? [a, b] : [b, a];
    const next = new Set(additive ? s.selected : []);
    for (let i = from; i <= to; i++) next.add(order[i]);
    return { selected: next, anchor, focused: key };
  });
}

export function selectAll(order: readonly string[]): void {
  useSelectionStore.setState({ selected: new Set(order) });
}

export function focusMoved(key: string | null): void {
  useSelectionStore.setState({ focused: key });
}

export function selectionCleared(): void {
  useSelectionStore.setState({ selected: new Set(), anchor: null, renaming: null });
}

/** Keeps only keys that still exist (after a refetch or a delete). */
export function selectionPruned(existing: ReadonlySet<string>): void {
  const s = useSelectionStore.getState();
  if ([...s.selected].every((k) => existing.has(k))) return;
  useSelectionStore.setState({ selected: new Set([...s.selected].filter((k) => existing.has(k))) });
}

export const renameStarted = (key: string) => useSelectionStore.setState({ renaming: key, focused: key });
export const renameEnded = () => useSelectionStore.setState({ renaming: null });
export const resetSelectionStore = () => useSelectionStore.setState({ ...empty, selected: new Set() });
