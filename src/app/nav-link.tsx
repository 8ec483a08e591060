import { Link, useLocation } from 'wouter';
import type { ReactNode } from 'react';

/** Is the page at `to` (or one below it, or any page under `section`) the one open? */
export function useIsActive(to: string, section = `${to}/`): boolean {
  const path = useLocation()[0].toLowerCase();
  return path === to.toLowerCase() || path.startsWith(section.toLowerCase());
}

/**
 * A link marked (`active`, aria-current) while its page is open: the page at `to` or one below it,
 * or, given `section`, any page whose path starts with it.
 */
export function NavLink({ to, section, className, onClick, ...rest }: { to: string; section?: string; className: string; children: ReactNode; 'aria-label'?: string; onClick?: () => void }) {
  const active = useIsActive(to, section);
  return <Link to={to} className={active ? `${className} active` : className} aria-current={active ? 'page' : undefined} onClick={onClick} {...rest} />;
}
