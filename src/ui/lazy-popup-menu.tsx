import { lazy, Suspense } from 'react';
import type { PopupMenuProps } from './popup-menu';

const load = () => import('./popup-menu');
const PopupMenu = lazy(load);

/** Starts loading the menu's chunk (on hover or focus of a trigger), so opening it is instant. */
export function preloadPopupMenu(): void {
  void load();
}

/** popup-menu.tsx, loaded on first use. */
export function LazyPopupMenu(props: PopupMenuProps) {
  return (
    <Suspense fallback={null}>
      <PopupMenu {...props} />
    </Suspense>
  );
}
