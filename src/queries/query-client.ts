// The app's QueryClient: retry policy for pCloud's result codes and one hook point for errors.
import { MutationCache, QueryCache, QueryClient, type Query, type QueryClientConfig } from '@tanstack/react-query';
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

/** For a future persister's `shouldDehydrateQuery`: content links and their kin stay in memory. */
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
