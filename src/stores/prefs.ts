import { create } from 'zustand';

export type SortKey = 'name' | 'size' | 'modified' | 'type';
export type ViewMode = 'list' | 'grid';
export type Theme = 'system' | 'light' | 'dark';

interface Prefs {
  sortKey: SortKey;
  sortDir: 'asc' | 'desc';
  view: ViewMode;
  theme: Theme;
  detailsOpen: boolean;
}

const KEY = 'pcloud.prefs';
const defaults: Prefs = { sortKey: 'name', sortDir: 'asc', view: 'list', theme: 'system', detailsOpen: false };

function load(): Prefs {
  try {
    return { ...defaults, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Prefs>) };
  } catch {
    return defaults;
  }
}

const usePrefsStore = create<Prefs>()(() => load());
usePrefsStore.subscribe((s) => localStorage.setItem(KEY, JSON.stringify(s)));

export const useSort = () => usePrefsStore((s) => s.sortKey);
export const useSortDir = () => usePrefsStore((s) => s.sortDir);
export const useViewMode = () => usePrefsStore((s) => s.view);
export const useTheme = () => usePrefsStore((s) => s.theme);
export const useDetailsOpen = () => usePrefsStore((s) => s.detailsOpen);

/** Clicking the active column flips the direction; another column sorts ascending. */
export function sortChosen(key: SortKey): void {
  usePrefsStore.setState((s) => (s.sortKey === key ? { sortDir: s.sortDir === 'asc' ? 'desc' : 'asc' } : { sortKey: key, sortDir: 'asc' }));
}
export const viewChosen = (view: ViewMode) => usePrefsStore.setState({ view });
export const themeChosen = (theme: Theme) => usePrefsStore.setState({ theme });
export const detailsToggled = () => usePrefsStore.setState((s) => ({ detailsOpen: !s.detailsOpen }));
export const resetPrefsStore = () => usePrefsStore.setState(defaults);
