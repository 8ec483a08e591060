// @vitest-environment jsdom
// A delete held for its undo window is a pending mutation the listing view filters by: the cache
// keeps whatever the server says, the screen does not show the item until undo or the window's end.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { onlineManager, type QueryClient } from '@tanstack/react-query';
import { deleteFile } from '../api/file';
import { deleteFolderRecursive, listFolder } from '../api/folder';
import { PcloudError, PcloudNetworkError } from '../api/errors';
import type { FileMetadata, FolderMetadata } from '../api/types';
import { startPendingDelete } from './delete-items';
import { folderListingOptions } from './folder';
import { applyDiffEvents } from './live-updates';
import { flushPendingDeletes, pendingDeleteIds, useFolderListing, useSubfolders } from './pending-deletes';
import { fileMeta, folderMeta, testQueryClient, wrapperFor } from './testing';

vi.mock('../api/folder');
vi.mock('../api/file');

const HOLD_MS = 5000;
const report = fileMeta(100, 0, 'report.txt');
const notes = fileMeta(101, 0, 'notes.txt');
const docs = folderMeta(10, 0, 'Docs');

let client: QueryClient;
/** What the server lists in the root right now. */
let onServer: (FileMetadata | FolderMetadata)[];

const rawNames = () => client.getQueryData(folderListingOptions(0).queryKey)?.contents?.map((m) => m.name).sort();

function renderListing() {
  const view = renderHook(() => useFolderListing(0), { wrapper: wrapperFor(client) });
  const shown = () => view.result.current.data?.contents?.map((m) => m.name).sort();
  return { view, shown };
}

beforeEach(() => {
  client = testQueryClient();
  onServer = [docs, report, notes];
  vi.mocked(listFolder).mockImplementation(async () => ({ metadata: folderMeta(0, undefined, '/', [...onServer]) }));
  vi.mocked(deleteFile).mockImplementation(async ({ fileid }) => {
    const gone = onServer.find((m) => !m.isfolder && m.fileid === fileid) as FileMetadata;
    onServer = onServer.filter((m) => m !== gone);
    return { metadata: { ...gone, isdeleted: true } };
  });
});

afterEach(async () => {
  vi.useRealTimers();
  onlineManager.setOnline(true);
  await flushPendingDeletes();
  vi.resetAllMocks();
  client.clear();
});

describe('a delete held for its undo window', () => {
  it('stays hidden when live updates refetch the listing, and undo brings it back without a write', async () => {
    const { shown } = renderListing();
    await waitFor(() => expect(shown()).toEqual(['Docs', 'notes.txt', 'report.txt']));

    const pending = startPendingDelete(client, [report], HOLD_MS);
    await waitFor(() => expect(shown()).toEqual(['Docs', 'notes.txt']));

    // another device touches the file: the feed refetches the root, the server still lists it
    const fetches = vi.mocked(listFolder).mock.calls.length;
    await act(() => applyDiffEvents(client, [{ event: 'modifyfile', diffid: 1, time: '', metadata: report }]));
    await waitFor(() => expect(vi.mocked(listFolder).mock.calls.length).toBe(fetches + 1));
    await waitFor(() => expect(client.getQueryState(folderListingOptions(0).queryKey)?.isInvalidated).toBe(false));
    expect(rawNames()).toEqual(['Docs', 'notes.txt', 'report.txt']);
    expect(shown()).toEqual(['Docs', 'notes.txt']);
    // and so does a refocus refetch
    await act(() => client.refetchQueries({ queryKey: folderListingOptions(0).queryKey }));
    expect(shown()).toEqual(['Docs', 'notes.txt']);

    expect(pending.undo()).toBe(true);
    await expect(pending.done).resolves.toMatchObject({ undone: true, deleted: [], failed: [] });
    await waitFor(() => expect(shown()).toEqual(['Docs', 'notes.txt', 'report.txt']));
    expect(deleteFile).not.toHaveBeenCalled();
    expect(pendingDeleteIds(client).size).toBe(0);
  });

  it('deletes when the window ends, and the item stays gone', async () => {
    const { shown } = renderListing();
    await waitFor(() => expect(shown()).toHaveLength(3));

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = startPendingDelete(client, [report], HOLD_MS);
    await vi.advanceTimersByTimeAsync(HOLD_MS - 1);
    expect(deleteFile).not.toHaveBeenCalled();
    expect(pendingDeleteIds(client)).toEqual(new Set(['f100']));
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();

    await expect(pending.done).resolves.toMatchObject({ undone: false, deleted: [report], failed: [] });
    expect(deleteFile).toHaveBeenCalledWith({ fileid: 100 });
    expect(pending.undo()).toBe(false);
    await waitFor(() => expect(rawNames()).toEqual(['Docs', 'notes.txt']));
    expect(shown()).toEqual(['Docs', 'notes.txt']);
  });

  it('shows the items whose delete failed again, with the error', async () => {
    const { shown } = renderListing();
    await waitFor(() => expect(shown()).toHaveLength(3));
    const refused = new PcloudError(2003, undefined, 'deletefolderrecursive');
    vi.mocked(deleteFolderRecursive).mockRejectedValue(refused);

    const pending = startPendingDelete(client, [docs, notes], HOLD_MS);
    await waitFor(() => expect(shown()).toEqual(['report.txt']));
    await act(() => flushPendingDeletes());

    await expect(pending.done).resolves.toMatchObject({ deleted: [notes], failed: [{ item: docs, error: refused }] });
    await waitFor(() => expect(shown()).toEqual(['Docs', 'report.txt']));
  });

  it('is not parked while offline: the send fails and the item shows again', async () => {
    const { shown } = renderListing();
    await waitFor(() => expect(shown()).toHaveLength(3));
    onlineManager.setOnline(false);
    const offline = new PcloudNetworkError('network', 'deletefile', 'offline');
    vi.mocked(deleteFile).mockRejectedValue(offline);

    const pending = startPendingDelete(client, [report], HOLD_MS);
    await act(() => flushPendingDeletes());

    await expect(pending.done).resolves.toMatchObject({ deleted: [], failed: [{ item: report, error: offline }] });
    await waitFor(() => expect(shown()).toEqual(['Docs', 'notes.txt', 'report.txt']));
  });

  it('is no destination in a folder picker while held', async () => {
    vi.mocked(listFolder).mockImplementation(async () => ({ metadata: folderMeta(0, undefined, '/', onServer.filter((m) => m.isfolder)) }));
    const picker = renderHook(() => useSubfolders(0), { wrapper: wrapperFor(client) });
    const shown = () => picker.result.current.data?.contents?.map((m) => m.name);
    await waitFor(() => expect(shown()).toEqual(['Docs']));
    const pending = startPendingDelete(client, [docs], HOLD_MS);
    await waitFor(() => expect(shown()).toEqual([]));
    pending.undo();
    await waitFor(() => expect(shown()).toEqual(['Docs']));
  });

  it('flushPendingDeletes sends every held delete at once and waits for them', async () => {
    const first = startPendingDelete(client, [report], HOLD_MS);
    const second = startPendingDelete(client, [notes], HOLD_MS);
    await flushPendingDeletes();
    expect(vi.mocked(deleteFile).mock.calls.map(([p]) => p.fileid).sort()).toEqual([100, 101]);
    await expect(first.done).resolves.toMatchObject({ deleted: [report] });
    await expect(second.done).resolves.toMatchObject({ deleted: [notes] });
    expect(pendingDeleteIds(client).size).toBe(0);
  });

  it('a page going away sends every held item at once, in requests that outlive the page', async () => {
    const replies: (() => void)[] = [];
    vi.mocked(deleteFile).mockImplementation(({ fileid }) => new Promise((resolve) => replies.push(() => resolve({ metadata: { ...fileMeta(fileid!, 0), isdeleted: true } }))));
    const pending = startPendingDelete(client, [report, notes], HOLD_MS);
    await Promise.resolve();
    window.dispatchEvent(new Event('pagehide'));
    // no reply has come: both requests started anyway (a page that is gone never reads the first reply)
    await vi.waitFor(() => expect(deleteFile).toHaveBeenCalledTimes(2));
    expect(vi.mocked(deleteFile).mock.calls.map(([p, o]) => [p.fileid, o?.keepalive])).toEqual([[100, true], [101, true]]);
    for (const r of replies) r();
    await expect(pending.done).resolves.toMatchObject({ undone: false, failed: [] });
    expect(pending.undo()).toBe(false);
  });

  it('a tab that is hidden sends too, and so does a delete already on its way item by item', async () => {
    const replies: (() => void)[] = [];
    vi.mocked(deleteFile).mockImplementation(({ fileid }) => new Promise((resolve) => replies.push(() => resolve({ metadata: { ...fileMeta(fileid!, 0), isdeleted: true } }))));
    const pending = startPendingDelete(client, [report, notes], HOLD_MS);
    const sending = flushPendingDeletes();
    await vi.waitFor(() => expect(deleteFile).toHaveBeenCalledTimes(1));
    expect(vi.mocked(deleteFile).mock.calls[0][1]?.keepalive).toBeUndefined();
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    hidden.mockRestore();
    await vi.waitFor(() => expect(deleteFile).toHaveBeenCalledTimes(2));
    expect(vi.mocked(deleteFile).mock.calls[1]).toEqual([{ fileid: 101 }, { keepalive: true, retry: 0 }]);
    for (const r of replies) r();
    await sending;
    await expect(pending.done).resolves.toMatchObject({ deleted: expect.arrayContaining([report, notes]) as unknown });
  });
});
