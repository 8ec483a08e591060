import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { LazyPopupMenu, preloadPopupMenu } from '../ui/lazy-popup-menu';
import type { PopupMenuItem } from '../ui/popup-menu';
import { getSelection, toggleSelected } from '../stores/selection';

const LONG_PRESS_MS = 700;

/** For `onLongPress` of a file list: the pressed row joins the selection (rows are `item-<key>`). */
export function selectOnLongPress(row: Element): void {
  const key = row.id.replace(/^item-/, '');
  if (key && !getSelection().selected.has(key)) toggleSelected(key);
}

interface Open {
  at: { x: number; y: number };
  focusFirst: boolean;
  returnFocus: HTMLElement | null;
}

/**
 * The listing's context menu: a right-click, a long press (touch, pen), or Shift+F10 / the Menu
 * key opens it. The area itself is a plain element; the menu's code loads on first use.
 * `items` is asked for while the menu is open only, so a closed menu costs nothing per render.
 */
export function ContextMenuArea({
  className, items, keyboardAnchor, onLongPress, children,
}: {
  className: string;
  items: () => PopupMenuItem[];
  keyboardAnchor: () => Element | null;
  /** A long press on a row (touch, pen) selects it — the phone's way into selection mode — instead of opening the menu. */
  onLongPress?: (row: Element) => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState<Open | null>(null);
  const press = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const show = (x: number, y: number, focusFirst: boolean) =>
    setOpen((cur) => ({ at: { x, y }, focusFirst, returnFocus: cur ? cur.returnFocus : (document.activeElement as HTMLElement | null) }));
  const cancelPress = () => clearTimeout(press.current);
  // the contextmenu event a long press also sends belongs to the press already handled
  const pressed = useRef(false);

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey))) return;
    // handled here (not left to the browser's contextmenu event) so every platform opens it the same way
    e.preventDefault();
    const r =  (keyboardAnchor() ?? e.currentTarget).getBoundingClientRect();
    show(r.left + Math.min(r.width / 2, 48), r.top + Math.min(r.height, 44), true);
  };
  const onTouchPress = (e: PointerEvent) => {
    if (e.pointerType === 'mouse') return;
    cancelPress();
    const { clientX, clientY } = e;
    const row = onLongPress && e.target instanceof Element ? e.target.closest('[role=option]') : null;
    pressed.current = false;
    if (!row) preloadPopupMenu();
    press.current = setTimeout(() => {
      if (row && onLongPress) {
        pressed.current = true;
        onLongPress(row);
        navigator.vibrate?.(20);
      } else show(clientX, clientY, false);
    }, LONG_PRESS_MS);
  };
  const endTouchPress = (e: PointerEvent) => {
    if (e.pointerType !== 'mouse') cancelPress();
  };

  return (
    <>
      <div
        className={className}
        style={{ WebkitTouchCallout: 'none' }}
        onContextMenu={(e) => {
          e.preventDefault();
          cancelPress();
          if (pressed.current) return;
          // Android sends its own contextmenu for a long press, before our timer ends
          const row = onLongPress && e.target instanceof Element ? e.target.closest('[role=option]') : null;
          if (row && onLongPress && (e.nativeEvent as globalThis.PointerEvent).pointerType === 'touch') {
            pressed.current = true;
            onLongPress(row);
            return;
          }
          // some systems also send contextmenu after the Menu key's keydown: that menu is already open
          if (open?.focusFirst) return;
          show(e.clientX, e.clientY, false);
        }}
        onKeyDown={onKeyDown}
        onPointerDown={onTouchPress}
        onPointerMove={endTouchPress}
        onPointerUp={endTouchPress}
        onPointerCancel={endTouchPress}
        onPointerEnter={(e) => e.pointerType === 'mouse' && preloadPopupMenu()}
      >
        {children}
      </div>
      {open && <LazyPopupMenu {...open} items={items()} onClose={() => setOpen(null)} />}
    </>
  );
}
