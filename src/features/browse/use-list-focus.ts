// Focus is never lost while moving through folders with the keyboard (issue 15, item 4). Opening a
// folder that is not cached swaps the list for a loading placeholder, and closing the viewer
// unmounts what had focus: either way focus fell to <body>, where arrows and Backspace do nothing.
// Here focus waits on the placeholder and comes back to the list once it is there — on the folder
// we came from after going up (Backspace, Back), on the file after leaving the viewer, else on the
// first row — and to the empty folder's own box when there is no list.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { Metadata } from '../../api/protocol/types';
import { selectOnly } from '../../stores/selection';
import { itemIndex } from '../../widgets/item-index';

/** Marks the element that holds focus when the folder has no list (loading, empty). */
export const LIST_HOME = 'data-list-home';

interface ListFocusState {
  folderId: number;
  /** The listing is on screen (not loading). */
  loaded: boolean;
  items: readonly Metadata[];
  /** The file open in the viewer, or null. */
  viewing: number | null;
}

export function useListFocus(root: RefObject<HTMLElement | null>, { folderId, loaded, items, viewing }: ListFocusState) {
  const wanted = useRef(false);
  const returnTo = useRef<string | null>(null);
  const cameFrom = useRef(folderId);
  const lastViewed = useRef(viewing);

  const target = () =>
    root.current?.querySelector<HTMLElement>(`.list-area [role="listbox"], [${LIST_HOME}]`) ?? null;

  /** Call before a keyboard action replaces the list (open a folder, go up): focus follows. */
  const keep = useCallback(() => {
    const active = document.activeElement;
    if (active && root.current?.contains(active) && (active.closest('.list-area') || active.hasAttribute(LIST_HOME))) wanted.current = true;
  }, [root]);

  useEffect(() => {
    if (cameFrom.current === folderId) return;
    returnTo.current = `d${cameFrom.current}`;
    cameFrom.current = folderId;
    // focus was on what the new folder replaced (or Back was pressed with nothing focused)
    if (document.activeElement === document.body || document.activeElement === null) wanted.current = true;
  }, [folderId]);

  useEffect(() => {
    // leaving the viewer (Esc, Back): back to the list, on the file last shown
    if (viewing === null && lastViewed.current !== null) {
      wanted.current = true;
      returnTo.current = `f${lastViewed.current}`;
    }
    lastViewed.current = viewing;
  }, [viewing]);

  useEffect(() => {
    if (!wanted.current || viewing !== null) return;
    const el = target();
    if (!el) return;
    el.focus({ preventScroll: true });
    if (!loaded) return; // the placeholder holds focus until the list comes
    wanted.current = false;
    const key = returnTo.current;
    returnTo.current = null;
    // after the focus: the listbox's focus handler picks a first row, this one replaces it
    if (key && itemIndex(items).has(key)) selectOnly(key);
  });

  return { keep };
}
