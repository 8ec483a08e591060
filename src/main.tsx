import { StrictMode, useDeferredValue, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { IsRestoringProvider, QueryClientProvider, useIsRestoring } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { configureClient } from './api/client';
import { type PcloudError } from './api/errors';
import { consumeOAuthRedirect } from './features/auth/oauth';
import { getSession, getTokenKind, getTokenTransport, signedOut, takeReturnTo } from './stores/session';
import { cacheBuster, createCachePersister, createQueryClient, idbCacheStorage, PERSIST_MAX_AGE, shouldPersistQuery } from './queries/query-client';
import { AppRoutes, preloadRoute } from './app/router';
import { BrowserRouter } from './routing/location';
import { paths } from './routing/paths';
import { registerServiceWorker } from './app/pwa/register';
import { UpdatePrompt } from './app/pwa/update-prompt';
import { setCacheEraser } from './queries/offline-cache';
import { currentLocale, getT, initialLanguage, setLanguage } from './i18n';
import appMessages from './locales/en/app';
import { formatBytes, formatDate } from './lib/format';
import './app/styles.css';

// The OAuth redirect is read once, before the router sees the URL (docs/architecture.md §4).
const redirected = consumeOAuthRedirect();
if (redirected && getSession()) {
  const back = takeReturnTo();
  history.replaceState(null, '', back ?? paths.folder(0));
} else if (redirected) {
  history.replaceState(null, '', paths.welcome);
}

// pCloud's own web app addresses links in the hash (`#page=puplink&code=…`, `#page=publink&code=…`):
// the same URL pasted onto this host opens our page for it.
{
  const h = new URLSearchParams(location.hash.slice(1));
  const code = h.get('code');
  if (code && h.get('page') === 'puplink') history.replaceState(null, '', paths.puplink(code));
  else if (code && h.get('page') === 'publink') history.replaceState(null, '', paths.publink(code));
}

configureClient({
  apiBase: () => getSession()?.apiBase ?? '',
  token: () => getSession()?.token ?? null,
  tokenTransport: getTokenTransport,
  tokenKind: getTokenKind,
});

// The offline copy of the Query cache (listings and metadata only, see shouldPersistQuery) belongs
// to one account and one app version; it is erased on sign-out and when the session ends.
const session = getSession();
const persister = createCachePersister(idbCacheStorage());
const routeReady = preloadRoute(location.pathname).catch(() => undefined);
const buster = cacheBuster(__APP_VERSION__, session);
setCacheEraser(async () => {
  await persister.removeClient();
});

const queryClient = createQueryClient({
  onAuthError: (err: PcloudError) => {
    // 1000/2000/2094/2095/2205/2229 on ordinary methods: back to sign-in, keeping the route to return to
    const why = err.reason === 'tokenRevoked' ? 'sessionRevoked' : err.reason === 'tokenExpired' ? 'sessionExpired' : 'sessionEnded';
    signedOut({ returnTo: location.pathname + location.search, error: getT(appMessages)(why) });
    queryClient.clear();
    void persister.removeClient();
  },
});

/**
 * The end of the offline-cache restore re-renders everything that shows data (the shell's quota, the
 * browse view and its rows). Seen through a deferred value it renders as a transition, which React
 * splits into small tasks, instead of one long task on a slow phone (Total Blocking Time).
 */
function RestoredInSlices({ children }: { children: ReactNode }) {
  const restoring = useDeferredValue(useIsRestoring());
  return <IsRestoringProvider value={restoring}>{children}</IsRestoringProvider>;
}

const app = (
  <>
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
    <UpdatePrompt />
  </>
);

const tree = (
  <StrictMode>
    {session ? (
      <PersistQueryClientProvider
        client={queryClient}
        persistOptions={{ persister, buster, maxAge: PERSIST_MAX_AGE, dehydrateOptions: { shouldDehydrateQuery: shouldPersistQuery } }}
        // Queries wait while restoring; the route's chunk is awaited too, so the restored rows are
        // on screen before the first query goes out. What was restored is always asked for again:
        // the diff feed only reports changes from now on, not those made while the app was closed.
        onSuccess={async () => {
          await routeReady;
          await queryClient.invalidateQueries({ refetchType: 'none' });
        }}
      >
        <RestoredInSlices>{app}</RestoredInSlices>
      </PersistQueryClientProvider>
    ) : (
      // signed out: anonymous pages (public links, upload drops) are never written to disk
      <QueryClientProvider client={queryClient}>{app}</QueryClientProvider>
    )}
  </StrictMode>
);
const render = () => createRoot(document.getElementById('root')!).render(tree);

// The language used last on this device (the account's, once known: see shell.tsx), else the
// browser's. English is in the bundle; another language's catalogue is loaded before the first paint.
const startLanguage = initialLanguage();
if (startLanguage === 'en') {
  void setLanguage('en');
  render();
} else void setLanguage(startLanguage).finally(render);

registerServiceWorker();

// The first Intl objects cost milliseconds each (ICU data): make them now, one task each, while the
// listing is on its way, so the task that paints the rows does not pay for them (Total Blocking Time
// on phones counts every task over 50 ms).
for (const warm of [() => formatBytes(1), () => formatDate(0), () => new Intl.PluralRules(currentLocale()).select(1)]) setTimeout(warm, 0);
