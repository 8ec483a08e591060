// A menu opened at a point of the screen (a right-click, a long press, below a button). It is its
// own lazily loaded chunk: Radix's menu and its positioning engine weigh ~25 KB gzip, which the
// first paint of a listing does not need. The callers render a plain trigger and load this on
// first use (see lazy-popup-menu.tsx).
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Fragment, useRef } from 'react';
import { Icon, isIconName } from './icons';

export interface PopupMenuItem {
  id: string;
  label: string;
  /** Shown on the right, e.g. the keyboard shortcut. */
  hint?: string;
  /** An icon of src/ui/icons.tsx; items of a menu where some have one keep their labels aligned. */
  icon?: string;
  /** Items of one group stay together; a line separates groups (open / organise / share / danger). */
  group?: string;
  /** Destroys something: drawn in the danger colour. */
  danger?: boolean;
  onSelect: () => void;
}

/** Consecutive items of the same group, in order. */
export function groupsOf(items: readonly PopupMenuItem[]): PopupMenuItem[][] {
  const out: PopupMenuItem[][] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && last[0].group === item.group) last.push(item);
    else out.push([item]);
  }
  return out;
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
  const withIcons = items.some((i) => i.icon);
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
          {groupsOf(items).map((group, g) => (
            <Fragment key={group[0].id}>
              {g > 0 && <DropdownMenu.Separator className="menu-sep" />}
              <DropdownMenu.Group>
                {group.map((item) => (
                  <DropdownMenu.Item key={item.id} className={item.danger ? 'menu-item danger' : 'menu-item'} onSelect={item.onSelect}>
                    {withIcons && <span className="menu-icon">{item.icon && isIconName(item.icon) && <Icon name={item.icon} />}</span>}
                    <span className="menu-text">{item.label}</span>
                    {item.hint && <kbd>{item.hint}</kbd>}
                  </DropdownMenu.Item>
                ))}
              </DropdownMenu.Group>
            </Fragment>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
