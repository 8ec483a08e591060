import * as RD from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import common from '../locales/en/common';

/** Accessible modal (focus trapped and restored by Radix). */
export function Dialog({
  open, onOpenChange, title, description, children, wide,
}: { open: boolean; onOpenChange: (o: boolean) => void; title: string; description?: string; children: ReactNode; wide?: boolean }) {
  const t = useT(common);
  return (
    <RD.Root open={open} onOpenChange={onOpenChange}>
      <RD.Portal>
        <RD.Overlay className="overlay" />
        <RD.Content className={`dialog ${wide ? 'wide' : ''}`} aria-describedby={description ? undefined : undefined}>
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
