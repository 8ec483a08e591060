import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import { lazy, Suspense, type ReactNode } from 'react';
import { useSession } from '../stores/session';
import { paths } from './paths';
import { Shell } from './shell';

const WelcomePage = lazy(() => import('../features/auth/welcome-page'));
const BrowsePage = lazy(() => import('../features/browse/browse-page'));
const TrashPage = lazy(() => import('../features/trash/trash-page'));
const AccountPage = lazy(() => import('../features/account/account-page'));

function Loading() {
  return <div className="loading" role="status" aria-label="Loading" />;
}

function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={paths.welcome} replace state={{ from: location.pathname + location.search }} />;
  return children;
}

function WelcomeRoute() {
  const session = useSession();
  if (session) return <Navigate to={sessionStorage.getItem('pcloud.returnTo') ?? paths.folder(0)} replace />;
  return (
    <Suspense fallback={<Loading />}>
      <WelcomePage />
    </Suspense>
  );
}

function NotFound() {
  return (
    <div className="state-box">
      <h2>Page not found</h2>
      <a className="btn" href={paths.home}>
        Go to my files
      </a>
    </div>
  );
}

export const routes: RouteObject[] = [
  { path: paths.home, element: <Navigate to={paths.folder(0)} replace /> },
  { path: paths.welcome, element: <WelcomeRoute /> },
  {
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    children: [
      {
        path: paths.folderPattern,
        element: (
          <Suspense fallback={<Loading />}>
            <BrowsePage />
          </Suspense>
        ),
      },
      {
        path: paths.trash,
        element: (
          <Suspense fallback={<Loading />}>
            <TrashPage />
          </Suspense>
        ),
      },
      {
        path: paths.account,
        element: (
          <Suspense fallback={<Loading />}>
            <AccountPage />
          </Suspense>
        ),
      },
    ],
  },
  { path: '*', element: <NotFound /> },
];

export const createRouter = () => createBrowserRouter(routes);
