// The browser location as wouter sees it (router.tsx says why wouter). Two things React Router did
// are kept: the rendered location changes in a transition, so following a link to a page whose
// chunk is still loading keeps the current page on screen until the new one can paint (no flash of
// the loading fallback); and a link to the URL already open replaces the history entry rather than
// adding a second one.
import { createContext, startTransition, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { Router, useLocation, useRouter, type SetSearchParams } from 'wouter';
import { navigate as pushLocation } from 'wouter/use-browser-location';

interface Snapshot {
  path: string;
  search: string;
  /** history.state: what the navigation that made this entry passed as `state` */
  state: unknown;
}

const read = (): Snapshot => ({ path: location.pathname, search: location.search, state: history.state });
// outside <BrowserRouter> (unit tests use wouter's memoryLocation): no history state
const Current = createContext<Snapshot>({ path: '/', search: '', state: null });

function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}) {
  const here = location.pathname + location.search + location.hash;
  pushLocation(to, { replace: options.replace ?? to === here, state: options.state });
}

const useBrowserPath = (): [string, typeof navigate] => [useContext(Current).path, navigate];
const useBrowserSearch = (): string => useContext(Current).search;

// wouter dispatches pushState/replaceState events for every history change (it patches history)
const EVENTS = ['popstate', 'pushState', 'replaceState'] as const;

export function BrowserRouter({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState(read);
  useLayoutEffect(() => {
    const update = () =>
      startTransition(() =>
        setCurrent((prev) => {
          const next = read();
          return next.path === prev.path && next.search === prev.search && next.state === prev.state ? prev : next;
        }),
      );
    for (const e of EVENTS) addEventListener(e, update);
    // a <Redirect> below navigates in its own layout effect, which runs before this one
    update();
    return () => {
      for (const e of EVENTS) removeEventListener(e, update);
    };
  }, []);
  return (
    <Current value={current}>
      <Router hook={useBrowserPath} searchHook={useBrowserSearch}>
        {children}
      </Router>
    </Current>
  );
}

/** The `state` passed with the navigation to the current history entry, or null. */
export function useLocationState<T>(): T | null {
  return (useContext(Current).state as T | null) ?? null;
}

/**
 * wouter's useSearchParams() less its decodeURI() of the query string: a value keeps any `%` it
 * had (a shared URL with `%20` in it, a search for `100%`).
 */
export function useSearchParams(): [URLSearchParams, SetSearchParams] {
  const router = useRouter();
  const search = router.searchHook(router);
  const [path, go] = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const set = useCallback<SetSearchParams>(
    (next, options) => {
      const query = new URLSearchParams(typeof next === 'function' ? next(params) : next).toString();
      go(path + (query ? `?${query}` : ''), options);
    },
    [params, path, go],
  );
  return [params, set];
}
