import * as RD from '@radix-ui/react-dialog';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';
import common from '../locales/en/common';

/**
 * Accessible modal: Radix traps focus inside. Our dialogs open from commands (toolbar, menus,
 * shortcuts), not from a Radix trigger, so Radix would drop focus on <body> when one closes; it goes
 * back to what had focus when the dialog opened, or to the file list when that is gone (a menu item).
 */
export function Dialog({
  open, onOpenChange, title, description, children, wide,
}: { open: boolean; onOpenChange: (o: boolean) => void; title: string; description?: string; children: ReactNode; wide?: boolean }) {
  const t = useT(common);
  const opener = useRef<HTMLElement | null>(null);
  // layout effects run before Radix moves focus into the dialog (a passive effect)
  useLayoutEffect(() => {
    if (open) opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  }, [open]);
  const restoreFocus = (e: Event) => {
    const back = opener.current?.isConnected ? opener.current : document.querySelector<HTMLElement>('[role="listbox"], #main');
    if (!back) return;
    e.preventDefault();
    back.focus();
  };
  return (
    <RD.Root open={open} onOpenChange={onOpenChange}>
      <RD.Portal>
        <RD.Overlay className="overlay" />
        <RD.Content className={`dialog ${wide ? 'wide' : ''}`} onCloseAutoFocus={restoreFocus}>
          <RD.Title className="dialog-title">{title}</RD.Title>
          {description ? <RD.Description className="muted">{description}</RD.Description> : <RD.Description className="sr-only">{title}</RD.Description>}
          {children}
          <RD.Close className="btn icon dialog-x" aria-label={t('close')}>
            ×
          </RD.Close>
        </RD.Content>
      </RD.Portal>
    </RD.Root>
  );
}
