// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { checksumFile, copyFile, deleteFile, renameFile, uploadFile } from '../api/file';
import { PcloudError } from '../api/errors';
import type { FileMetadata } from '../api/types';
import { checksumOptions, fileKeys, useCopyFile, useDeleteFile, useRenameFile, useUploadFile } from './file';
import { folderKeys, folderListingOptions } from './folder';
import { generalKeys } from './general';
import { trashKeys } from './trash';
import { deferred, fileMeta, folderMeta, recordInvalidations, testQueryClient, wrapperFor } from './testing';

vi.mock('../api/file');

let client: QueryClient;

function names(folderid: number): string[] | undefined {
  return client.getQueryData(folderListingOptions(folderid).queryKey)?.contents?.map((m) => m.name);
}

beforeEach(() => {
  client = testQueryClient();
  client.setQueryData(folderListingOptions(10).queryKey, folderMeta(10, 0, 'Docs', [fileMeta(200, 10, 'x.txt'), fileMeta(201, 10, 'y.txt')]));
  client.setQueryData(fileKeys.meta(200), fileMeta(200, 10, 'x.txt'));
});

afterEach(() => {
  vi.resetAllMocks();
  client.clear();
});

describe('useRenameFile', () => {
  it('renames optimistically, then invalidates the parent listing and the file metadata', async () => {
    const reply = deferred<{ metadata: FileMetadata }>();
    vi.mocked(renameFile).mockReturnValue(reply.promise);
    const calls = recordInvalidations(client);
    const { result } = renderHook(() => useRenameFile(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ fileid: 200, toname: 'z.txt' }));
    await waitFor(() => expect(names(10)).toEqual(['z.txt', 'y.txt']));
    expect(client.getQueryData(fileKeys.meta(200))).toMatchObject({ name: 'z.txt' });
    expect(calls).toEqual([]);
    reply.resolve({ metadata: fileMeta(200, 10, 'z.txt') });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual(expect.arrayContaining([fileKeys.meta(200), folderKeys.detail(10)]));
  });

  it('invalidates a file it replaced atomically', async () => {
    vi.mocked(renameFile).mockResolvedValue({ metadata: { ...fileMeta(200, 10, 'y.txt'), deletedfileid: 201 } });
    const calls = recordInvalidations(client);
    const { result } = renderHook(() => useRenameFile(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ fileid: 200, toname: 'y.txt' }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toContainEqual(fileKeys.detail(201));
  });

  it('rolls the name back on error and still invalidates the listing', async () => {
    vi.mocked(renameFile).mockRejectedValue(new PcloudError(2001, undefined, 'renamefile'));
    const calls = recordInvalidations(client);
    const { result } = renderHook(() => useRenameFile(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ fileid: 200, toname: 'bad' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(names(10)).toEqual(['x.txt', 'y.txt']);
    expect(client.getQueryData(fileKeys.meta(200))).toMatchObject({ name: 'x.txt' });
    expect(calls).toContainEqual(folderKeys.detail(10));
    expect(calls).not.toContainEqual(fileKeys.meta(200));
  });

  it('moves with tofolderid: out of the old listing, into the new one when cached', async () => {
    client.setQueryData(folderListingOptions(0).queryKey, folderMeta(0, undefined, '/', []));
    const reply = deferred<{ metadata: FileMetadata }>();
    vi.mocked(renameFile).mockReturnValue(reply.promise);
    const { result } = renderHook(() => useRenameFile(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ fileid: 201, tofolderid: 0 }));
    await waitFor(() => expect(names(10)).toEqual(['x.txt']));
    expect(names(0)).toEqual(['y.txt']);
    reply.reject(new PcloudError(2003, undefined, 'renamefile'));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(names(10)?.sort()).toEqual(['x.txt', 'y.txt']);
    expect(names(0)).toEqual([]);
  });
});

describe('useDeleteFile', () => {
  it('hides the file, then invalidates parent, file, trash and quota', async () => {
    const reply = deferred<{ metadata: FileMetadata }>();
    vi.mocked(deleteFile).mockReturnValue(reply.promise);
    const calls = recordInvalidations(client);
    const { result } = renderHook(() => useDeleteFile(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ fileid: 200 }));
    await waitFor(() => expect(names(10)).toEqual(['y.txt']));
    reply.resolve({ metadata: { ...fileMeta(200, 10, 'x.txt'), isdeleted: true } });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual(expect.arrayContaining([trashKeys.all, fileKeys.detail(200), folderKeys.detail(10), generalKeys.userInfo()]));
  });

  it('restores the file on error', async () => {
    vi.mocked(deleteFile).mockRejectedValue(new PcloudError(2009, undefined, 'deletefile'));
    const { result } = renderHook(() => useDeleteFile(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ fileid: 200 }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(names(10)?.sort()).toEqual(['x.txt', 'y.txt']);
  });
});

describe('non-optimistic file writes', () => {
  it('copy invalidates the target listing and the quota, not the source', async () => {
    vi.mocked(copyFile).mockResolvedValue({ metadata: fileMeta(300, 20, 'x.txt') });
    const calls = recordInvalidations(client);
    const { result } = renderHook(() => useCopyFile(), { wrapper: wrapperFor(client) });
    act(() => result.current.mutate({ fileid: 200, tofolderid: 20 }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls).toEqual(expect.arrayContaining([generalKeys.userInfo(), folderKeys.detail(20)]));
    expect(calls).not.toContainEqual(folderKeys.detail(10));
  });

  it('upload invalidates the target (root when unspecified), quota and the uploaded files', async () => {
    vi.mocked(uploadFile).mockResolvedValue({ fileids: [400], metadata: [fileMeta(400, 0, 'up.bin')], checksums: [{ sha1: 'a' }] });
    const calls = recordInvalidations(client);
    const { result } = renderHook(() => useUploadFile(), { wrapper: wrapperFor(client) });
    const file = new File(['x'], 'up.bin');
    act(() => result.current.mutate({ params: {}, files: [file] }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(uploadFile).toHaveBeenCalledWith({}, [file], undefined);
    expect(calls).toEqual(expect.arrayContaining([generalKeys.userInfo(), fileKeys.detail(400), folderKeys.detail(0)]));
  });

  it('checksumOptions also refreshes the file metadata', async () => {
    vi.mocked(checksumFile).mockResolvedValue({ sha1: 'ab', sha256: 'cd', metadata: fileMeta(200, 10, 'renamed.txt') });
    const data = await client.fetchQuery(checksumOptions(200));
    expect(data.sha256).toBe('cd');
    expect(client.getQueryData(fileKeys.meta(200))).toMatchObject({ name: 'renamed.txt' });
  });
});
