// Test helpers for src/queries: a fresh client per test, a React wrapper, metadata fixtures and an
// invalidation recorder. Not imported by app code.
import { createElement, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import type { FileMetadata, FolderMetadata } from '../api/types';

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity, staleTime: 30_000 }, mutations: { retry: false } },
  });
}

export function wrapperFor(client: QueryClient) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return createElement(QueryClientProvider, { client }, children);
  };
}

const DATE = 'Wed, 02 Oct 2013 14:29:11 +0000';

export function fileMeta(fileid: number, parentfolderid: number, name = `file${fileid}.txt`): FileMetadata {
  return {
    isfolder: false,
    fileid,
    id: `f${fileid}`,
    name,
    parentfolderid,
    created: DATE,
    modified: DATE,
    ismine: true,
    isshared: false,
    icon: 'document',
    thumb: false,
    size: 10,
    contenttype: 'text/plain',
    hash: '18446744073709551615',
    category: 4,
  };
}

export function folderMeta(folderid: number, parentfolderid: number | undefined, name = `folder${folderid}`, contents?: FolderMetadata['contents']): FolderMetadata {
  return {
    isfolder: true,
    folderid,
    id: `d${folderid}`,
    name,
    ...(parentfolderid === undefined ? {} : { parentfolderid }),
    created: DATE,
    modified: DATE,
    ismine: true,
    isshared: false,
    icon: 'folder',
    thumb: false,
    ...(contents === undefined ? {} : { contents }),
  };
}

/** Records the keys passed to invalidateQueries (a key-less call is recorded as `'*'`). */
export function recordInvalidations(client: QueryClient): (QueryKey | '*')[] {
  const calls: (QueryKey | '*')[] = [];
  const original = client.invalidateQueries.bind(client);
  client.invalidateQueries = ((filters?: Parameters<QueryClient['invalidateQueries']>[0], options?: Parameters<QueryClient['invalidateQueries']>[1]) => {
    calls.push(filters?.queryKey ?? '*');
    return original(filters, options);
  }) as QueryClient['invalidateQueries'];
  return calls;
}

/** A promise with its resolve/reject exposed (to observe state while a call is in flight). */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
