// Building blocks shared by the per-category mutation hooks.
import {
  MutationObserver,
  mutationOptions,
  type DefaultError,
  type MutationOptions,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type { Metadata } from '../api/types';
import { invalidateListings, OPTIMISTIC_LISTING_META, settleListings, type OptimisticContext } from './listing-cache';

export async function invalidateKeys(client: QueryClient, keys: Iterable<QueryKey>): Promise<void> {
  await Promise.all([...keys].map((queryKey) => client.invalidateQueries({ queryKey })));
}

export interface WriteMutation<TData, TVariables> {
  mutationKey: QueryKey;
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** Keys the write changed; invalidated after success (the mutation settles after the refetch). */
  invalidates?: (variables: TVariables, data: TData) => Iterable<QueryKey>;
  /** Folders whose listings the write changed; settled even on error (a batch may half-succeed). */
  listings?: (variables: TVariables, data: TData | undefined) => Iterable<number | undefined>;
}

/** Options for a write without optimistic update: run, then invalidate exactly what it changed. */
export function writeMutation<TData, TVariables = void>(def: WriteMutation<TData, TVariables>) {
  const { listings, invalidates } = def;
  return mutationOptions<TData, DefaultError, TVariables>({
    mutationKey: def.mutationKey,
    mutationFn: (variables) => def.mutationFn(variables),
    onSuccess: (data, variables, _result, { client }) => invalidateKeys(client, invalidates?.(variables, data) ?? []),
    onSettled: listings
      ? (data, _error, variables, _result, { client }) => invalidateListings(client, listings(variables, data))
      : undefined,
  });
}

export interface OptimisticMutation<TData, TVariables, TContext extends OptimisticContext>
  extends WriteMutation<TData, TVariables> {
  /** Cancels racing listing fetches, edits the cache, and says how to undo it. */
  apply: (client: QueryClient, variables: TVariables) => Promise<TContext>;
  /** E.g. swap a placeholder for the server's item, or undo the failed part of a batch. */
  afterSuccess?: (client: QueryClient, data: TData, variables: TVariables, context: TContext) => void;
}

/**
 * Options for a write that edits listings optimistically: apply in onMutate, undo on error,
 * invalidate changed item keys on success, and settle every touched listing either way.
 */
export function optimisticMutation<TData, TVariables, TContext extends OptimisticContext = OptimisticContext>(
  def: OptimisticMutation<TData, TVariables, TContext>,
) {
  const { listings, invalidates, afterSuccess } = def;
  return mutationOptions<TData, DefaultError, TVariables, TContext>({
    mutationKey: def.mutationKey,
    meta: OPTIMISTIC_LISTING_META,
    mutationFn: (variables) => def.mutationFn(variables),
    onMutate: (variables, { client }) => def.apply(client, variables),
    onError: (_error, _variables, context) => context?.undo(),
    onSuccess: async (data, variables, context, { client }) => {
      afterSuccess?.(client, data, variables, context);
      await invalidateKeys(client, invalidates?.(variables, data) ?? []);
    },
    onSettled: (data, _error, variables, context, { client }) =>
      settleListings(client, [...(context?.folders ?? []), ...(listings?.(variables, data) ?? [])]),
  });
}

/**
 * Runs a mutation outside React (commands, stores) with the same options object the hooks use,
 * so invalidations and optimistic updates are identical.
 */
export function runMutation<TData, TError, TVariables, TOnMutateResult>(
  client: QueryClient,
  options: MutationOptions<TData, TError, TVariables, TOnMutateResult>,
  variables: TVariables,
): Promise<TData> {
  return new MutationObserver(client, options).mutate(variables);
}

/** Folders a copy/save wrote into: the requested `tofolderid` plus the parents in the reply. */
export function targetFolders(
  variables: object,
  metadata: Metadata | readonly Metadata[] | undefined,
): (number | undefined)[] {
  const ids: (number | undefined)[] = [];
  if ('tofolderid' in variables && typeof variables.tofolderid === 'number') ids.push(variables.tofolderid);
  const list: readonly Metadata[] = metadata === undefined ? [] : 'id' in metadata ? [metadata] : metadata;
  for (const m of list) ids.push(m.parentfolderid);
  return ids;
}
