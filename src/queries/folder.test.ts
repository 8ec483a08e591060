// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { stat } from '../api/file';
import { copyFolder, createFolder, deleteFolderRecursive, listFolder, renameFolder } from '../api/folder';
import { PcloudError } from '../api/errors';
import type { FolderMetadata } from '../api/types';
import { fileKeys, statOptions } from './file';
import {
  copyFolderMutation,
  folderKeys,
  folderListingOptions,
  folderMetaOptions,
  useCreateFolder,
  useDeleteFolderRecursive,
  useRenameFolder,
} from './folder';
import { generalKeys } from './general';
import { invalidateListings } from './listing-cache';
import { runMutation } from './mutations';
import { trashKeys } from './trash';
import { deferred, fileMeta, folderMeta, recordInvalidations, testQueryClient, wrapperFor } from './testing';

vi.mock('../api/folder');
vi.mock('../api/file');

let client: QueryClient;

const root = () =>
  folderMeta(0, undefined, '/', [folderMeta(10, 0, 'Docs'), folderMeta(11, 0, 'Music'), fileMeta(100, 0, 'a.txt'), fileMeta(101, 0, 'b.txt')]);

function names(folderid: number): string[] | undefined {
  return client.getQueryData(folderListingOptions(folderid).queryKey)?.contents?.map((m) => m.name);
}

beforeEach(() => {
  client = testQueryClient();
  client.setQueryData(folderListingOptions(0).queryKey, root());
  client.setQueryData(folderListingOptions(10).queryKey, folderMeta(10, 0, 'Docs', [fileMeta(200, 10, 'x.txt')]));
});

afterEach(() => {
  vi.resetAllMocks();
  client.clear();
});

describe('listings serve item queries', () => {
  it('folderListingOptions returns the folder metadata with its contents', async () => {
    vi.mocked(listFolder).mockResolvedValue({ metadata: root() });
    const fresh = testQueryClient();
    const { result } = renderHook(() => useQuery(folderListingOptions(0)), { wrapper: wrapperFor(fresh) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.contents).toHaveLength(4);
    expect(listFolder).toHaveBeenCalledWith({ folderid: 0 }, expect.objectContaining({ signal: expect.any(AbortSignal) }));
    // the listed folder's own metadata is written at once, without contents
    expect(fresh.getQueryData(folderKeys.meta(0))).toMatchObject({ name: '/' });
    expect(fresh.getQueryData(folderKeys.meta(0))).not.toHaveProperty('contents');
  });

  it('opening an item already listed costs no request', async () => {
    vi.mocked(listFolder).mockResolvedValue({ metadata: root() });
    const fresh = testQueryClient();
    await fresh.fetchQuery(folderListingOptions(0));
    const file = renderHook(() => useQuery(statOptions(101)), { wrapper: wrapperFor(fresh) });
    const meta = renderHook(() => useQuery(folderMetaOptions(11)), { wrapper: wrapperFor(fresh) });
    await waitFor(() => expect(file.result.current.data).toMatchObject({ name: 'b.txt', parentfolderid: 0 }));
    await waitFor(() => expect(meta.result.current.data).toMatchObject({ name: 'Music' }));
    expect(meta.result.current.data).not.toHaveProperty('contents');
    expect(listFolder).toHaveBeenCalledTimes(1);
    expect(vi.mocked(stat)).not.toHaveBeenCalled();
  });

  it('an invalidated listing is not trusted: the item query asks the server', async () => {
    vi.mocked(stat).mockResolvedValue({ metadata: fileMeta(101, 0, 'renamed.txt') });
    await client.invalidateQueries({ queryKey: folderKeys.list(0), refetchType: 'none' });
    const data = await client.fetchQuery(statOptions(101));
    expect(data).toMatchObject({ name: 'renamed.txt' });
    expect(vi.mocked(stat)).toHaveBeenCalledTimes(1);
  });

  it('a listing fetch updates item queries that exist, but not ones fetched after it', async () => {
    const fresh = testQueryClient();
    fresh.setQueryData(fileKeys.meta(100), fileMeta(100, 0, 'old.txt'), { updatedAt: Date.now() - 60_000 });
    fresh.setQueryData(fileKeys.meta(101), fileMeta(101, 0, 'newer.txt'), { updatedAt: Date.now() + 10_000 });
    vi.mocked(listFolder).mockResolvedValue({ metadata: root() });
    await fresh.fetchQuery(folderListingOptions(0));
    expect(fresh.getQueryData(fileKeys.meta(100))).toMatchObject({ name: 'a.txt' });
    expect(fresh.getQueryData(fileKeys.meta(101))).toMatchObject({ name: 'newer.txt' });
    // no entry is created per listed item
    expect(fresh.getQueryData(folderKeys.meta(10))).toBeUndefined();
  });
});

describe('useCreateFolder', () => {
  it('shows a placeholder at once, then swaps in the real folder and invalidates the parent', async () => {
    const reply = deferred<{ metadata: FolderMetadata }>();
    vi.mocked(createFolder).mockReturnValue(reply.promise);
    const calls = recordInvalidations(client);
    const { result } = renderHook(() => useCreateFolder(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ folderid: 0, name: 'New' }));

    await waitFor(() => expect(names(0)).toContain('New'));
    const placeholder = client.getQueryData(folderListingOptions(0).queryKey)?.contents?.find((m) => m.name === 'New');
    expect(placeholder).toMatchObject({ isfolder: true });
    expect(placeholder?.isfolder && placeholder.folderid).toBeLessThan(0);

    reply.resolve({ metadata: folderMeta(12, 0, 'New') });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const created = client.getQueryData(folderListingOptions(0).queryKey)?.contents?.find((m) => m.name === 'New');
    expect(created).toMatchObject({ folderid: 12, id: 'd12' });
    // the new folder opens without a request
    expect(client.getQueryData(folderListingOptions(12).queryKey)).toMatchObject({ folderid: 12, contents: [] });
    expect(calls).toContainEqual(folderKeys.detail(0));
  });

  it('removes the placeholder when the server refuses', async () => {
    vi.mocked(createFolder).mockRejectedValue(new PcloudError(2004, undefined, 'createfolder'));
    const calls = recordInvalidations(client);
    const { result } = renderHook(() => useCreateFolder(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ folderid: 0, name: 'New' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ code: 2004, kind: 'exists' });
    expect(names(0)).toEqual(['Docs', 'Music', 'a.txt', 'b.txt']);
    expect(calls).toContainEqual(folderKeys.detail(0));
  });
});

describe('useRenameFolder', () => {
  it('renames in the listing and the item key, then invalidates parent and the folder itself', async () => {
    client.setQueryData(folderKeys.meta(10), folderMeta(10, 0, 'Docs'));
    const reply = deferred<{ metadata: FolderMetadata }>();
    vi.mocked(renameFolder).mockReturnValue(reply.promise);
    const calls = recordInvalidations(client);
    const { result } = renderHook(() => useRenameFolder(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ folderid: 10, toname: 'Papers' }));
    await waitFor(() => expect(names(0)).toContain('Papers'));
    expect(client.getQueryData(folderKeys.meta(10))).toMatchObject({ name: 'Papers' });
    reply.resolve({ metadata: folderMeta(10, 0, 'Papers') });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual(expect.arrayContaining([folderKeys.detail(0), folderKeys.detail(10)]));
  });

  it('rolls back on error', async () => {
    client.setQueryData(folderKeys.meta(10), folderMeta(10, 0, 'Docs'));
    vi.mocked(renameFolder).mockRejectedValue(new PcloudError(2001, undefined, 'renamefolder'));
    const { result } = renderHook(() => useRenameFolder(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ folderid: 10, toname: 'Bad/Name' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(names(0)).toEqual(['Docs', 'Music', 'a.txt', 'b.txt']);
    expect(client.getQueryData(folderKeys.meta(10))).toMatchObject({ name: 'Docs' });
  });
});

describe('useDeleteFolderRecursive', () => {
  it('hides the folder at once and invalidates parent, the folder, the trash and the quota', async () => {
    const reply = deferred<{ deletedfiles: number; deletedfolders: number }>();
    vi.mocked(deleteFolderRecursive).mockReturnValue(reply.promise);
    const calls = recordInvalidations(client);
    const { result } = renderHook(() => useDeleteFolderRecursive(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ folderid: 11 }));
    await waitFor(() => expect(names(0)).toEqual(['Docs', 'a.txt', 'b.txt']));
    reply.resolve({ deletedfiles: 1, deletedfolders: 1 });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual(expect.arrayContaining([trashKeys.all, folderKeys.detail(0), folderKeys.detail(11), generalKeys.userInfo()]));
  });

  it('puts the folder back on error', async () => {
    vi.mocked(deleteFolderRecursive).mockRejectedValue(new PcloudError(2003, undefined, 'deletefolderrecursive'));
    const { result } = renderHook(() => useDeleteFolderRecursive(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ folderid: 11 }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(names(0)?.sort()).toEqual(['Docs', 'Music', 'a.txt', 'b.txt']);
  });
});

describe('deferred listing invalidation', () => {
  it('does not refetch a listing while another listing mutation is still pending', async () => {
    const slow = deferred<{ metadata: FolderMetadata }>();
    vi.mocked(renameFolder).mockReturnValueOnce(slow.promise);
    vi.mocked(createFolder).mockResolvedValue({ metadata: folderMeta(12, 0, 'New') });
    const calls = recordInvalidations(client);
    const rename = renderHook(() => useRenameFolder(), { wrapper: wrapperFor(client) });
    const create = renderHook(() => useCreateFolder(), { wrapper: wrapperFor(client) });
    act(() => rename.result.current.mutate({ folderid: 11, toname: 'Tunes' }));
    act(() => create.result.current.mutate({ folderid: 0, name: 'New' }));
    await waitFor(() => expect(create.result.current.isSuccess).toBe(true));
    expect(calls).not.toContainEqual(folderKeys.detail(0));
    // both optimistic edits are visible together
    expect(names(0)).toEqual(expect.arrayContaining(['Tunes', 'New']));

    slow.resolve({ metadata: folderMeta(11, 0, 'Tunes') });
    await waitFor(() => expect(rename.result.current.isSuccess).toBe(true));
    expect(calls).toEqual(expect.arrayContaining([folderKeys.detail(0), folderKeys.detail(11)]));
  });
});

describe('plain writes do not hold back listing refetches', () => {
  it('a long-running non-optimistic write leaves live-update invalidations immediate', async () => {
    const slow = deferred<{ metadata: FolderMetadata }>();
    vi.mocked(copyFolder).mockReturnValue(slow.promise);
    const calls = recordInvalidations(client);
    const copying = runMutation(client, copyFolderMutation, { folderid: 11, tofolderid: 10 });
    await invalidateListings(client, [0]);
    expect(calls).toContainEqual(folderKeys.detail(0));
    slow.resolve({ metadata: folderMeta(12, 10, 'Music') });
    await copying;
    expect(calls).toContainEqual(folderKeys.detail(10));
  });
});
