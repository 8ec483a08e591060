import type { AriaRole, ReactNode } from 'react';
import { useT } from '../i18n';
import common from '../locales/en/common';
import { Button } from './button';
import { Icon, type IconName } from './icons';

/** The box a view shows instead of its content: nothing here yet, nothing found, or a failure. */
export function EmptyState({ icon, title, text, action, role, className, children }: { icon?: IconName; title: ReactNode; text?: ReactNode; action?: ReactNode; role?: AriaRole; className?: string; children?: ReactNode }) {
  return (
    <div className={className ? `state-box ${className}` : 'state-box'} role={role}>
      {icon && <Icon name={icon} size={36} />}
      <h2>{title}</h2>
      {text && <p className="muted">{text}</p>}
      {children}
      {action}
    </div>
  );
}

/** A view that failed to load: what failed, why, and Try again. */
export function ErrorState({ title, detail, onRetry }: { title: ReactNode; detail: ReactNode; onRetry: () => void }) {
  const tc = useT(common);
  return (
    <EmptyState role="alert" title={title} text={detail}
      action={
        <Button variant="primary" onClick={onRetry}>
          {tc('tryAgain')}
        </Button>
      }
    />
  );
}
