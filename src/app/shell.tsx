import { Outlet, NavLink, useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useSyncExternalStore } from 'react';
import { userInfoOptions } from '../queries/general';
import { startLiveUpdates } from '../queries/live-updates';
import { logout } from '../api/auth';
import { signedOut, useSession } from '../stores/session';
import { themeChosen, useTheme } from '../stores/prefs';
import { formatBytes } from '../lib/format';
import { Icon } from '../ui/icons';
import { Toaster } from '../ui/toaster';
import { UploadPanel } from '../features/upload/upload-panel';
import { ErrorBoundary } from './error-boundary';
import { paths } from './paths';

function subscribeOnline(cb: () => void) {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
}

function Quota() {
  const { data } = useQuery(userInfoOptions());
  if (!data) return <div className="quota" aria-hidden="true" />;
  const ratio = data.quota ? data.usedquota / data.quota : 0;
  return (
    <div className="quota" title={`${formatBytes(data.usedquota)} of ${formatBytes(data.quota)} used`}>
      <meter min={0} max={1} value={ratio} aria-label="Storage used" />
      <span>
        {formatBytes(data.usedquota)} of {formatBytes(data.quota)}
      </span>
    </div>
  );
}

function UserMenu() {
  const { data } = useQuery(userInfoOptions());
  const qc = useQueryClient();
  const navigate = useNavigate();
  const theme = useTheme();
  const signOut = async () => {
    try {
      await logout({ retry: 0, timeoutMs: 5000 });
    } catch {
      /* signing out locally must work even when the server cannot be reached */
    }
    signedOut();
    qc.clear();
    navigate(paths.welcome, { replace: true });
  };
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="btn user-btn" aria-label="Account menu">
        <span className="avatar" aria-hidden="true">
          {(data?.email ?? '?').slice(0, 1).toUpperCase()}
        </span>
        <span className="user-email">{data?.email ?? ''}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
          <DropdownMenu.Label className="menu-label">{data?.email}</DropdownMenu.Label>
          <DropdownMenu.Separator className="menu-sep" />
          <DropdownMenu.RadioGroup value={theme} onValueChange={(v) => themeChosen(v as 'system' | 'light' | 'dark')}>
            {(['system', 'light', 'dark'] as const).map((t) => (
              <DropdownMenu.RadioItem key={t} value={t} className="menu-item">
                <DropdownMenu.ItemIndicator className="menu-check">✓</DropdownMenu.ItemIndicator>
                {t === 'system' ? 'Theme: follow system' : t === 'light' ? 'Theme: light' : 'Theme: dark'}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="menu-sep" />
          <DropdownMenu.Item className="menu-item" onSelect={() => void signOut()}>
            <Icon name="signout" /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function Shell() {
  const online = useOnline();
  const qc = useQueryClient();
  const session = useSession();
  const theme = useTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    if (!session) return;
    return startLiveUpdates(qc);
  }, [qc, session]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to={paths.folder(0)} className="logo" aria-label="pCloud Web, my files">
          <span aria-hidden="true">☁</span> pCloud Web
        </NavLink>
        <div className="topbar-spacer" />
        <Quota />
        <UserMenu />
      </header>
      {!online && (
        <div className="offline-banner" role="status">
          You are offline. Showing what was loaded before; changes are disabled until the connection returns.
        </div>
      )}
      <div className="body">
        <nav className="sidebar" aria-label="Sections">
          <NavLink to={paths.folder(0)} className={({ isActive }) => `nav-item ${isActive ? 'active' : ''}`}>
            <Icon name="list" /> My files
          </NavLink>
          <NavLink to={paths.trash} className={({ isActive }) => `nav-item ${isActive ? 'active' : ''}`}>
            <Icon name="trash" /> Trash
          </NavLink>
          <NavLink to={paths.account} className={({ isActive }) => `nav-item ${isActive ? 'active' : ''}`}>
            <Icon name="info" /> Account
          </NavLink>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          <ErrorBoundary label="this view">
            <Outlet />
          </ErrorBoundary>
        </main>
      </div>
      <UploadPanel />
      <Toaster />
    </div>
  );
}
