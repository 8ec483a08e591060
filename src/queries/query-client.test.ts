// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { PcloudError, PcloudNetworkError } from '../api/errors';
import { createQueryClient, isAuthError, isPersistableQuery, shouldRetryQuery } from './query-client';
import { wrapperFor } from './testing';

describe('shouldRetryQuery', () => {
  it('never retries 1xxx/2xxx answers, auth errors, OAuth refusals or link errors', () => {
    for (const [code, method] of [
      [1000, 'userinfo'],
      [1000, 'trash_list'],
      [2000, 'userinfo'],
      [2094, 'listfolder'],
      [1004, 'stat'],
      [2005, 'listfolder'],
      [2009, 'stat'],
      [2003, 'listfolder'],
      [4000, 'listfolder'],
      [7002, 'showpublink'],
    ] as const) {
      expect(shouldRetryQuery(0, new PcloudError(code, undefined, method)), `${code} ${method}`).toBe(false);
    }
  });

  it('retries a 5xxx once and network failures twice', () => {
    const internal = new PcloudError(5000, undefined, 'listfolder');
    expect(shouldRetryQuery(0, internal)).toBe(true);
    expect(shouldRetryQuery(1, internal)).toBe(false);
    const offline = new PcloudNetworkError('network', 'listfolder', 'down');
    expect(shouldRetryQuery(0, offline)).toBe(true);
    expect(shouldRetryQuery(1, offline)).toBe(true);
    expect(shouldRetryQuery(2, offline)).toBe(false);
    expect(shouldRetryQuery(0, new PcloudNetworkError('parse', 'listfolder', 'bad json'))).toBe(false);
    expect(shouldRetryQuery(0, new TypeError('bug'))).toBe(false);
  });

  it('tells auth errors from OAuth refusals', () => {
    expect(isAuthError(new PcloudError(1000, undefined, 'userinfo'))).toBe(true);
    expect(isAuthError(new PcloudError(1000, undefined, 'trash_list'))).toBe(false);
    expect(isAuthError(new PcloudError(2009, undefined, 'stat'))).toBe(false);
  });
});

describe('createQueryClient hooks', () => {
  it('routes auth errors from queries and mutations to onAuthError, without retrying', async () => {
    const onAuthError = vi.fn();
    const onBackgroundError = vi.fn();
    const client = createQueryClient({ onAuthError, onBackgroundError });
    const queryFn = vi.fn().mockRejectedValue(new PcloudError(2000, undefined, 'userinfo'));
    await expect(client.fetchQuery({ queryKey: ['a'], queryFn, retryDelay: 0 })).rejects.toMatchObject({ code: 2000 });
    expect(queryFn).toHaveBeenCalledTimes(1);
    expect(onAuthError).toHaveBeenCalledTimes(1);
    expect(onBackgroundError).not.toHaveBeenCalled();

    const mutation = client.getMutationCache().build(client, {
      mutationFn: () => Promise.reject(new PcloudError(1000, undefined, 'renamefile')),
    });
    await expect(mutation.execute(undefined)).rejects.toBeInstanceOf(PcloudError);
    expect(onAuthError).toHaveBeenCalledTimes(2);
  });

  it('reports background errors only when the query already had data', async () => {
    const onBackgroundError = vi.fn();
    const client = createQueryClient({ onBackgroundError });
    const notFound = new PcloudError(2005, undefined, 'listfolder');
    await expect(client.fetchQuery({ queryKey: ['b'], queryFn: () => Promise.reject(notFound) })).rejects.toBe(notFound);
    expect(onBackgroundError).not.toHaveBeenCalled();

    client.setQueryData(['c'], 'shown');
    await expect(client.fetchQuery({ queryKey: ['c'], queryFn: () => Promise.reject(notFound), staleTime: 0 })).rejects.toBe(notFound);
    expect(onBackgroundError).toHaveBeenCalledTimes(1);
    expect(onBackgroundError.mock.calls[0][0]).toBe(notFound);

    client.setQueryData(['d'], 'shown');
    await expect(
      client.fetchQuery({ queryKey: ['d'], queryFn: () => Promise.reject(notFound), staleTime: 0, meta: { silent: true } }),
    ).rejects.toBe(notFound);
    expect(onBackgroundError).toHaveBeenCalledTimes(1);
  });

  it('types errors as PcloudError | PcloudNetworkError in hooks', async () => {
    const client = createQueryClient();
    const { result } = renderHook(
      () => useQuery({ queryKey: ['e'], queryFn: () => Promise.reject(new PcloudError(2009, undefined, 'stat')) }),
      { wrapper: wrapperFor(client) },
    );
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error;
    expect(error instanceof PcloudError ? error.kind : error?.failure).toBe('notFound');
  });

  it('keeps content links out of persistence', () => {
    expect(isPersistableQuery({ meta: { persist: false }, state: { status: 'success' } } as never)).toBe(false);
    expect(isPersistableQuery({ meta: undefined, state: { status: 'success' } } as never)).toBe(true);
  });
});
