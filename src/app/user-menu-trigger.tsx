import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useT } from '../i18n';
import app from '../locales/en/app';

/** The account button: the same element before and after the menu's chunk has loaded. */
export const UserMenuTrigger = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'> & { email?: string }>(function UserMenuTrigger({ email, ...props }, ref) {
  const t = useT(app);
  return (
    <button ref={ref} type="button" className="btn user-btn" aria-label={t('accountMenu')} aria-haspopup="menu" {...props}>
      <span className="avatar" aria-hidden="true">
        {(email ?? '?').slice(0, 1).toUpperCase()}
      </span>
      <span className="user-email">{email ?? ''}</span>
    </button>
  );
});
