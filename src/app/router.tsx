// wouter rather than React Router: the first route's JavaScript has a budget of 130 kB gzip, and
// React Router cost ~12 kB of it where wouter costs ~2.5 kB. The app needs no more than wouter has:
// no loaders or actions, flat routes, plain links. location.tsx keeps the two things React Router
// did that this app relies on (navigation in a transition, links to the open page replacing it).
import { Redirect, Route, Switch, matchRoute, useLocation, useRouter } from 'wouter';
import { lazy, Suspense, type ReactNode } from 'react';
import { useSession } from '../stores/session';
import { paths } from '../routing/paths';
import { Shell } from './shell';
import { SHARE_TARGET_PATH } from './pwa/routes';
import { useT } from '../i18n';
import app from '../locales/en/app';

const WelcomePage = lazy(() => import('../features/auth/welcome-page'));
const loadBrowsePage = () => import('../features/browse/browse-page');
const BrowsePage = lazy(loadBrowsePage);
const TrashPage = lazy(() => import('../features/trash/trash-page'));
const AccountPage = lazy(() => import('../features/account/account-page'));
const SharedPage = lazy(() => import('../features/share/shared-page'));
const LinksPage = lazy(() => import('../features/publinks/links-page'));
const CollectionsPage = lazy(() => import('../features/collections/collections-page'));
const PublicLinkPage = lazy(() => import('../features/public/public-link-page'));
const UploadDropPage = lazy(() => import('../features/public/upload-drop-page'));
const ShareTargetPage = lazy(() => import('../features/share-target/share-target-page'));
const SearchPage = lazy(() => import('../features/search/search-page'));
const RecentPage = lazy(() => import('../features/search/recent-page'));
const PhotosPage = lazy(() => import('../features/search/photos-page'));

function Loading() {
  const t = useT(app);
  return <div className="loading" role="status" aria-label={t('loading')} />;
}

function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  if (!session) {
    // come back here after signing in (main.tsx reads it after the OAuth redirect): a share from
    // the share sheet, or a link into a folder, survives the detour through sign-in
    const here = location.pathname + location.search;
    sessionStorage.setItem('pcloud.returnTo', here);
    return <Redirect to={paths.welcome} replace state={{ from: here }} />;
  }
  return children;
}

function WelcomeRoute() {
  const session = useSession();
  if (session) return <Redirect to={sessionStorage.getItem('pcloud.returnTo') ?? paths.folder(0)} replace />;
  return (
    <Suspense fallback={<Loading />}>
      <WelcomePage />
    </Suspense>
  );
}

function NotFound() {
  const t = useT(app);
  return (
    <div className="state-box">
      <h2>{t('notFound')}</h2>
      <a className="btn" href={paths.home}>
        {t('goToFiles')}
      </a>
    </div>
  );
}

const page = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

/** The routes inside the shell: they need a session. */
const signedIn: [pattern: string, page: ReactNode][] = [
  [paths.folderPattern, page(<BrowsePage />)],
  [paths.trash, page(<TrashPage />)],
  [paths.shared, page(<SharedPage />)],
  [paths.links, page(<LinksPage />)],
  [paths.collections, page(<CollectionsPage />)],
  [paths.collectionPattern, page(<CollectionsPage />)],
  [SHARE_TARGET_PATH, page(<ShareTargetPage />)],
  [paths.account, page(<AccountPage />)],
  [paths.search, page(<SearchPage />)],
  [paths.recent, page(<RecentPage />)],
  [paths.photos, page(<PhotosPage />)],
];

/**
 * A signed-in route inside the shell (which renders it in its <main>), or NotFound, which needs
 * neither. The page is always in the same <Route>: moving between pages keeps the shell mounted,
 * and the Suspense boundary too, so a page still loading does not blank the one on screen.
 */
function SignedInRoutes() {
  const { parser } = useRouter();
  const [path] = useLocation();
  const route = signedIn.find(([pattern]) => matchRoute(parser, pattern, path)[0]);
  if (!route) return <NotFound />;
  return (
    <RequireSession>
      <Shell>
        <Route path={route[0]}>{route[1]}</Route>
      </Shell>
    </RequireSession>
  );
}

/**
 * Starts loading the chunk of the route the app opens on. main.tsx waits for it before the restored
 * offline cache is released, so a cached folder paints before any query asks the network.
 */
export function preloadRoute(pathname: string): Promise<unknown> {
  if (pathname === paths.home || pathname.startsWith(paths.folder(''))) return loadBrowsePage();
  return Promise.resolve();
}

/** The route table, rendered inside <BrowserRouter> (main.tsx, location.tsx). */
export function AppRoutes() {
  return (
    <Switch>
      <Route path={paths.home}>
        <Redirect to={paths.folder(0)} replace />
      </Route>
      <Route path={paths.welcome}>
        <WelcomeRoute />
      </Route>
      {/* anonymous pages: no session needed, no token ever sent */}
      <Route path={paths.publinkPattern}>{page(<PublicLinkPage />)}</Route>
      <Route path={paths.puplinkPattern}>{page(<UploadDropPage />)}</Route>
      <Route>
        <SignedInRoutes />
      </Route>
    </Switch>
  );
}
