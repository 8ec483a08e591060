// A menu opened at a point of the screen (a right-click, a long press, below a button). It is its
// own lazily loaded chunk: Radix's menu and its positioning engine weigh ~25 KB gzip, which the
// first paint of a listing does not need. The callers render a plain trigger and load this on
// first use (see lazy-popup-menu.tsx).
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useRef } from 'react';

export interface PopupMenuItem {
  id: string;
  label: string;
  /** Shown on the right, e.g. the keyboard shortcut. */
  hint?: string;
  onSelect: () => void;
}

export interface PopupMenuProps {
  /** Viewport coordinates of the point the menu hangs from. */
  at: { x: number; y: number };
  items: readonly PopupMenuItem[];
  onClose: () => void;
  /** Opened from the keyboard: the first item takes the focus (else the menu itself does). */
  focusFirst?: boolean;
  /** Gets the focus back on close, unless an action moved it elsewhere (a dialog, an editor). */
  returnFocus?: HTMLElement | null;
  side?: 'bottom' | 'right';
  sideOffset?: number;
}

export default function PopupMenu({ at, items, onClose, focusFirst, returnFocus, side = 'right', sideOffset = 2 }: PopupMenuProps) {
  const entered = useRef(false);
  return (
    <DropdownMenu.Root open onOpenChange={(open) => !open && onClose()}>
      <DropdownMenu.Trigger asChild>
        {/* the anchor: a point, invisible and out of the way of the pointer */}
        <span aria-hidden="true" style={{ position: 'fixed', left: at.x, top: at.y, width: 0, height: 0, pointerEvents: 'none' }} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="menu"
          side={side}
          sideOffset={sideOffset}
          align="start"
          collisionPadding={8}
          onFocus={(e) => {
            // the menu takes the focus as it opens; from the keyboard, pass it on to the first item
            if (!focusFirst || entered.current || e.target !== e.currentTarget) return;
            entered.current = true;
            e.currentTarget.querySelector<HTMLElement>('[role=menuitem]:not([data-disabled])')?.focus({ preventScroll: true });
          }}
          onCloseAutoFocus={(e) => {
            // never to the invisible anchor; back where the user was if nothing else took the focus
            e.preventDefault();
            const now = document.activeElement;
            if (returnFocus?.isConnected && (!now || now === document.body)) returnFocus.focus({ preventScroll: true });
          }}
        >
          {items.map((item) => (
            <DropdownMenu.Item key={item.id} className="menu-item" onSelect={item.onSelect}>
              {item.label}
              {item.hint && <kbd>{item.hint}</kbd>}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
