import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { LazyPopupMenu, preloadPopupMenu } from '../ui/lazy-popup-menu';
import type { PopupMenuItem } from '../ui/popup-menu';

const LONG_PRESS_MS = 700;

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
  className, items, keyboardAnchor, children,
}: { className: string; items: () => PopupMenuItem[]; keyboardAnchor: () => Element | null; children: ReactNode }) {
  const [open, setOpen] = useState<Open | null>(null);
  const press = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const show = (x: number, y: number, focusFirst: boolean) =>
    setOpen((cur) => ({ at: { x, y }, focusFirst, returnFocus: cur ? cur.returnFocus : (document.activeElement as HTMLElement | null) }));
  const cancelPress = () => clearTimeout(press.current);

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
    preloadPopupMenu();
    press.current = setTimeout(() => show(clientX, clientY, false), LONG_PRESS_MS);
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
