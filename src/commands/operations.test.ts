// The browse operations orchestrate (conflicts, toasts, undo); the writes and their invalidations
// are the query layer's. Every failure ends in a toast the user sees.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueryClient } from '@tanstack/react-query';
import { copyFile, deleteFile, renameFile } from '../api/file';
import { listFolder } from '../api/folder';
import { PcloudError, PcloudNetworkError } from '../api/errors';
import { flushPendingDeletes } from '../queries/pending-deletes';
import { folderKeys } from '../queries/keys';
import { fileMeta, folderMeta, recordInvalidations, testQueryClient } from '../queries/testing';
import { toast } from '../stores/toasts';
import { removeWithUndo, transfer } from './operations';

vi.mock('../api/file');
vi.mock('../api/folder');
vi.mock('../stores/toasts', () => ({ toast: vi.fn(() => 1), updateToast: vi.fn() }));

const report = fileMeta(100, 0, 'report.txt');
const never = () => Promise.reject(new Error('no conflict expected'));
let client: QueryClient;

const toasted = () => vi.mocked(toast).mock.calls.map(([t]) => `${t.kind}: ${t.message}`);

beforeEach(() => {
  client = testQueryClient();
  vi.mocked(listFolder).mockResolvedValue({ metadata: folderMeta(10, 0, 'Archive', []) });
});

afterEach(async () => {
  await flushPendingDeletes();
  vi.resetAllMocks();
  client.clear();
});

describe('transfer', () => {
  it('says so when the target cannot be read, instead of failing silently', async () => {
    vi.mocked(listFolder).mockRejectedValue(new PcloudNetworkError('network', 'listfolder', 'offline'));
    await transfer(client, [report], 10, 'move', never);
    expect(toasted()).toEqual([expect.stringMatching(/^error: Could not move: /)]);
    expect(renameFile).not.toHaveBeenCalled();
  });

  it('copies through the query layer, which refreshes the target listing', async () => {
    vi.mocked(copyFile).mockResolvedValue({ metadata: fileMeta(300, 10, 'report.txt') });
    const invalidated = recordInvalidations(client);
    await transfer(client, [report], 10, 'copy', never);
    expect(copyFile).toHaveBeenCalledWith({ fileid: 100, tofolderid: 10, noover: true });
    expect(invalidated).toContainEqual(folderKeys.detail(10));
  });

  it('reports an item the server refused with the reason', async () => {
    vi.mocked(copyFile).mockRejectedValue(new PcloudError(2008, undefined, 'copyfile'));
    await transfer(client, [report], 10, 'copy', never);
    expect(toasted()).toContainEqual(expect.stringMatching(/^error: report\.txt: /));
  });
});

describe('removeWithUndo', () => {
  it('tells which item could not be deleted', async () => {
    vi.mocked(deleteFile).mockRejectedValue(new PcloudError(2003, undefined, 'deletefile'));
    removeWithUndo(client, [report]);
    await flushPendingDeletes();
    await vi.waitFor(() => expect(toasted()).toContainEqual(expect.stringMatching(/^error: Could not delete “report\.txt”/)));
  });
});
