import { useIsRestoring, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { userInfoOptions } from '../queries/general';
import { startLiveUpdates } from '../queries/live-updates';
import { useSession } from '../stores/session';
import { useTheme } from '../stores/prefs';
import { usePlayer } from '../stores/player';
import { useUploadItems } from '../stores/uploads';
import { formatBytes } from '../lib/format';
import { useOnline } from '../lib/online';
import { Icon } from '../ui/icons';
import { Toaster } from '../ui/toaster';
import { ErrorBoundary } from './error-boundary';
import { DialogHost } from './dialog-host';
import { paths } from '../routing/paths';
import { UserMenuTrigger } from './user-menu-trigger';
import { NavLink } from './nav-link';
import { BottomNav } from './bottom-nav';
import { setLanguage, useT } from '../i18n';
import { HeaderSearch } from '../features/search/header-search';
import searchText from '../locales/en/search';
import app from '../locales/en/app';

function Quota() {
  const { data } = useQuery(userInfoOptions());
  const t = useT(app);
  if (!data) return <div className="quota" aria-hidden="true" />;
  const ratio = data.quota ? data.usedquota / data.quota : 0;
  const sizes = { used: formatBytes(data.usedquota, t.locale), total: formatBytes(data.quota, t.locale) };
  return (
    <div className="quota" title={t('quotaTitle', sizes)}>
      <meter min={0} max={1} value={ratio} aria-label={t('quotaLabel')} />
      <span>{t('quotaText', sizes)}</span>
    </div>
  );
}

const loadUserMenu = () => import('./user-menu');
const UserMenu = lazy(loadUserMenu);
const MiniPlayer = lazy(() => import('../features/player/mini-player').then((m) => ({ default: m.MiniPlayer })));
const appStartedAt = Date.now();
const InvitationsBadge = lazy(() => import('../features/share/invitations-badge').then((m) => ({ default: m.InvitationsBadge })));
const UploadPanel = lazy(() => import('../uploads/upload-panel').then((m) => ({ default: m.UploadPanel })));

/**
 * The account menu's trigger paints with the shell; Radix and the menu load once the page is idle,
 * or at once when the user reaches for the button first (the menu then opens as it mounts).
 */
function AccountMenu() {
  const { data } = useQuery(userInfoOptions());
  const [wanted, setWanted] = useState<'idle' | 'open' | null>(null);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1500));
    const id = idle(() => setWanted((w) => w ?? 'idle'));
    return () => (window.cancelIdleCallback ?? window.clearTimeout)(id);
  }, []);
  const placeholder = <UserMenuTrigger email={data?.email} onClick={() => setWanted('open')} onPointerEnter={() => void loadUserMenu()} />;
  if (!wanted) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <UserMenu defaultOpen={wanted === 'open'} />
    </Suspense>
  );
}

/** The mini player and the upload queue panel load with their first track or file. */
function LazyPanels() {
  const playing = usePlayer((s) => s.queue.length > 0);
  const uploading = useUploadItems().length > 0;
  return (
    <Suspense fallback={null}>
      {playing && <MiniPlayer />}
      {uploading && <UploadPanel />}
    </Suspense>
  );
}

/** The frame of the signed-in pages; `children` is the page (router.tsx). */
export function Shell({ children }: { children: ReactNode }) {
  const online = useOnline();
  const qc = useQueryClient();
  const session = useSession();
  const theme = useTheme();
  const t = useT(app);
  const ts = useT(searchText);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  // the account's language when it has a catalogue (else the browser's, else English)
  const { data: user } = useQuery(userInfoOptions());
  useEffect(() => {
    if (user?.language) void setLanguage(user.language);
  }, [user?.language]);
  // The offline cache is restored first and the route paints from it; the diff feed starts when the
  // page is idle after that, so a revisited folder paints before any request goes out. Restored
  // listings are refetched anyway (main.tsx invalidates them); changes made after the app started
  // and before the feed did are caught up with `diff?after=`.
  const restoring = useIsRestoring();
  useEffect(() => {
    if (!session || restoring) return;
    let stop: (() => void) | undefined;
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    // events between the first fetches and this later start are read with diff?after= (since)
    const id = idle(() => (stop = startLiveUpdates(qc, { since: appStartedAt })), { timeout: 1000 });
    return () => {
      (window.cancelIdleCallback ?? window.clearTimeout)(id);
      stop?.();
    };
  }, [qc, session, restoring]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <NavLink to={paths.folder(0)} className="logo" aria-label={t('logoLabel')}>
          <span aria-hidden="true">☁</span> pCloud Web
        </NavLink>
        <HeaderSearch />
        <div className="topbar-spacer" />
        <Quota />
        <AccountMenu />
      </header>
      {!online && (
        <div className="offline-banner" role="status">
          {t('offline')}
        </div>
      )}
      <div className="body">
        <nav className="sidebar" aria-label={t('sections')}>
          {/* "My files" covers every folder */}
          <NavLink to={paths.folder(0)} section={paths.folder('')} className="nav-item">
            <Icon name="list" /> {t('navFiles')}
          </NavLink>
          <NavLink to={paths.recent} className="nav-item">
            <Icon name="history" /> {ts('navRecent')}
          </NavLink>
          <NavLink to={paths.photos} className="nav-item">
            <Icon name="grid" /> {ts('navPhotos')}
          </NavLink>
          <NavLink to={paths.shared} className="nav-item">
            <Icon name="share" /> {t('navShared')}
            <Suspense fallback={null}>
              <InvitationsBadge />
            </Suspense>
          </NavLink>
          <NavLink to={paths.links} className="nav-item">
            <Icon name="link" /> {t('navLinks')}
          </NavLink>
          <NavLink to={paths.collections} className="nav-item">
            <Icon name="music" /> {t('navPlaylists')}
          </NavLink>
          <NavLink to={paths.trash} className="nav-item">
            <Icon name="trash" /> {t('navTrash')}
          </NavLink>
          <NavLink to={paths.account} className="nav-item">
            <Icon name="info" /> {t('navAccount')}
          </NavLink>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          <ErrorBoundary label={t('thisView')}>
            {children}
          </ErrorBoundary>
        </main>
      </div>
      <LazyPanels />
      {/* after the mini player (in the flow), so the player sits above the phone's bottom bar */}
      <BottomNav />
      <DialogHost />
      <Toaster />
    </div>
  );
}
