// The app's QueryClient: retry policy for pCloud's result codes and one hook point for errors.
import { MutationCache, QueryCache, QueryClient, type Query, type QueryClientConfig } from '@tanstack/react-query';
import type { PersistedClient, Persister } from '@tanstack/react-query-persist-client';
import { createStore, del as idbDel, get as idbGet, set as idbSet } from 'idb-keyval';
import { PcloudError, PcloudNetworkError } from '../api/errors';

/**
 * What a query or mutation can fail with. The brief asked for `PcloudError` alone, but network
 * failures (offline, timeout, non-200) reach views too, and typing them away would let views read
 * `.kind` that is not there. Views narrow with `instanceof PcloudError` or `isPcloudError`.
 */
export type QueryError = PcloudError | PcloudNetworkError;

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: QueryError;
  }
}

/** 1000/2000/2094/2095 on an ordinary method: the session is gone. Not 'oauthRefused'. */
export function isAuthError(error: unknown): error is PcloudError {
  return error instanceof PcloudError && error.kind === 'auth';
}

const MAX_QUERY_RETRIES = 2;

/**
 * The api client already retries 4xxx/5xxx and network failures with backoff inside one call;
 * the query adds a little on top only where waiting can help. 1xxx (bad request) and 2xxx (a
 * definite answer: not found, exists, quota, access) never change by asking again, auth errors
 * must go to sign-in at once, and 7xxx link errors are final.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  if (error instanceof PcloudError) return error.kind === 'retryable' && failureCount < 1;
  if (error instanceof PcloudNetworkError) return error.failure !== 'parse';
  return false;
}

/** Query meta keys this app reads. */
export interface AppQueryMeta {
  /** false: never write this query to a persisted cache (content links). */
  persist?: boolean;
  /** true: a failure is expected and handled by the view; no background-error toast. */
  silent?: boolean;
}

/** Content links and their kin (`meta.persist: false`) stay in memory; see shouldPersistQuery. */
export function isPersistableQuery(query: Pick<Query, 'meta' | 'state'>): boolean {
  return query.meta?.persist !== false && query.state.status === 'success';
}

export interface QueryClientHooks {
  /** Any query or mutation failed with an auth error: route to sign-in (should be idempotent). */
  onAuthError?: (error: PcloudError) => void;
  /**
   * A refetch failed while the query already showed data (TkDodo's rule: the first load shows
   * its error in place; only a background failure of visible data deserves a toast).
   */
  onBackgroundError?: (error: QueryError, query: Query<unknown, unknown, unknown>) => void;
}

export function createQueryClient(hooks: QueryClientHooks = {}, config: QueryClientConfig = {}): QueryClient {
  return new QueryClient({
    ...config,
    queryCache:
      config.queryCache ??
      new QueryCache({
        onError: (error, query) => {
          if (isAuthError(error)) {
            hooks.onAuthError?.(error);
            return;
          }
          if (query.state.data !== undefined && query.meta?.silent !== true) hooks.onBackgroundError?.(error, query);
        },
      }),
    mutationCache:
      config.mutationCache ??
      new MutationCache({
        onError: (error) => {
          if (isAuthError(error)) hooks.onAuthError?.(error);
        },
      }),
    defaultOptions: {
      ...config.defaultOptions,
      queries: {
        // Live updates keep listings current; this only bounds refetches on mount and focus.
        staleTime: 30_000,
        retry: shouldRetryQuery,
        ...config.defaultOptions?.queries,
      },
      mutations: {
        // Writes are not idempotent (a retried createfolder answers 2004); the api client already
        // retries where pCloud says the call did not happen.
        retry: false,
        ...config.defaultOptions?.mutations,
      },
    },
  });
}

// ---- offline cache ---------------------------------------------------------------------------
// Listings and item metadata seen before are kept in IndexedDB so folders open offline and a
// revisited folder paints before any request. Only an allowlist is written: never content links,
// public-link or upload-link replies, tokens, or anything marked `meta.persist: false`.

/** Listings above this many entries stay in memory only: writing them would block the main thread. */
export const MAX_PERSISTED_LISTING = 10_000;
/** Restored entries older than this are dropped. */
export const PERSIST_MAX_AGE = 7 * 24 * 3600_000;

function isPersistedKey(key: readonly unknown[]): boolean {
  if (key[0] === 'general' && key[1] === 'userinfo' && key.length === 2) return true;
  if (key.length !== 3 || typeof key[1] !== 'number') return false;
  if (key[0] === 'folder') return key[2] === 'list' || key[2] === 'subfolders' || key[2] === 'meta';
  return key[0] === 'file' && key[2] === 'meta';
}

/** `shouldDehydrateQuery` of the persister: the allowlist above, successful queries, bounded size. */
export function shouldPersistQuery(query: { meta?: Query['meta']; state: { status: string; data?: unknown }; queryKey: readonly unknown[] }): boolean {
  if (query.meta?.persist === false || query.state.status !== 'success' || !isPersistedKey(query.queryKey)) return false;
  const contents = (query.state.data as { contents?: unknown[] } | undefined)?.contents;
  return !contents || contents.length <= MAX_PERSISTED_LISTING;
}

/** Whose cache this is: a new app version or another account never sees the old entries. */
export function cacheBuster(appVersion: string, session: { apiBase: string; userid: number | null } | null): string {
  return session ? `${appVersion}|${session.apiBase}|${session.userid ?? '?'}` : '';
}

export interface CacheStorage {
  get(): Promise<PersistedClient | undefined>;
  set(value: PersistedClient): Promise<void>;
  del(): Promise<void>;
}

/** IndexedDB through idb-keyval; values are stored as structured clones (no JSON: keeps bigints, costs less). */
export function idbCacheStorage(): CacheStorage {
  const store = createStore('pcloud-web-cache', 'query-cache');
  const KEY = 'client';
  return {
    get: () => idbGet<PersistedClient>(KEY, store),
    set: (value) => idbSet(KEY, value, store),
    del: () => idbDel(KEY, store),
  };
}

/**
 * A TanStack `Persister` that writes at most once per `throttleMs`, and only when a persisted
 * query changed: cache events for thumbnails or links (not persisted) cost no write.
 */
export function createCachePersister(storage: CacheStorage, throttleMs = 1000): Persister {
  let pending: PersistedClient | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written = '';
  const fingerprint = (c: PersistedClient) => c.buster + c.clientState.queries.map((q) => `${q.queryHash}@${q.state.dataUpdatedAt}`).join(',');
  const flush = async () => {
    timer = null;
    const client = pending;
    pending = null;
    if (!client) return;
    const print = fingerprint(client);
    if (print === written) return;
    written = print;
    try {
      await storage.set(client);
    } catch {
      written = ''; // quota or a closed database: the next change tries again
    }
  };
  return {
    persistClient: (client) => {
      pending = client;
      timer ??= setTimeout(() => void flush(), throttleMs);
    },
    restoreClient: async () => {
      try {
        return await storage.get();
      } catch {
        return undefined;
      }
    },
    removeClient: async () => {
      pending = null;
      written = '';
      if (timer) clearTimeout(timer);
      timer = null;
      // deliberately ignored: storage that cannot be reached holds nothing to erase
      await storage.del().catch(() => undefined);
    },
  };
}
