import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { configureClient } from './api/client';
import { type PcloudError } from './api/errors';
import { consumeOAuthRedirect } from './features/auth/oauth';
import { getSession, getTokenTransport, signedOut, takeReturnTo } from './stores/session';
import { createQueryClient } from './queries/query-client';
import { createRouter } from './app/router';
import { paths } from './app/paths';
import './app/styles.css';

// The OAuth redirect is read once, before the router sees the URL (design.md §4).
const redirected = consumeOAuthRedirect();
if (redirected && getSession()) {
  const back = takeReturnTo();
  history.replaceState(null, '', back ?? paths.folder(0));
} else if (redirected) {
  history.replaceState(null, '', paths.welcome);
}

configureClient({
  apiBase: () => getSession()?.apiBase ?? '',
  token: () => getSession()?.token ?? null,
  tokenTransport: getTokenTransport,
});

const queryClient = createQueryClient({
  onAuthError: (err: PcloudError) => {
    // 1000/2000/2094/2095 on ordinary methods: back to sign-in, keeping the route to return to
    signedOut({ returnTo: location.pathname + location.search, error: err.code === 2095 ? 'This sign-in was revoked. Please sign in again.' : 'Your session has ended. Please sign in again.' });
    queryClient.clear();
  },
});

const router = createRouter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
