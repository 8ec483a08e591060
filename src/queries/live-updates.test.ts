import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueryClient } from '@tanstack/react-query';
import { PcloudError, PcloudNetworkError } from '../api/errors';
import { diff, type DiffParams, type DiffResult } from '../api/general';
import type { CallOptions } from '../api/client';
import type { DiffEvent, Metadata } from '../api/types';
import { collectionKeys } from './collections';
import { fileKeys } from './file';
import { folderKeys, folderListingOptions } from './folder';
import { generalKeys } from './general';
import { applyDiffEvents, diffInvalidations, startLiveUpdates } from './live-updates';
import { shareKeys } from './sharing';
import { fileMeta, folderMeta, recordInvalidations, testQueryClient } from './testing';
import { thumbLinksOptions } from './thumbnails';
import { trashKeys } from './trash';
import { searchKeys } from './keys';

vi.mock('../api/general', async (importOriginal) => ({ ...(await importOriginal<object>()), diff: vi.fn() }));

let client: QueryClient;
let eventId = 100;

function event(name: string, metadata?: Metadata, extra: Partial<DiffEvent> = {}): DiffEvent {
  eventId += 1;
  return { event: name, time: 'Mon, 14 Oct 2013 04:07:25 +0000', diffid: eventId, ...(metadata ? { metadata } : {}), ...extra };
}

beforeEach(() => {
  client = testQueryClient();
  client.setQueryData(folderListingOptions(10).queryKey, folderMeta(10, 0, 'Docs', [fileMeta(200, 10), folderMeta(30, 10, 'Sub')]));
});

afterEach(() => {
  vi.resetAllMocks();
  client.clear();
});

describe('diffInvalidations: events → keys', () => {
  it('file events invalidate the parent listing(s) and the file; moves reach the old parent too', () => {
    const created = diffInvalidations(client, [event('createfile', fileMeta(300, 20))]);
    expect([...created.folders]).toEqual([20]);
    expect(created.keys).toEqual([fileKeys.detail(300), searchKeys.all]);

    const moved = diffInvalidations(client, [event('modifyfile', fileMeta(200, 20))]);
    expect([...moved.folders].sort()).toEqual([10, 20]);
    expect(moved.keys).toEqual(expect.arrayContaining([fileKeys.detail(200), collectionKeys.details()]));
    expect([...moved.thumbFiles]).toEqual([200]);

    const deleted = diffInvalidations(client, [event('deletefile', fileMeta(200, 10))]);
    expect([...deleted.folders]).toEqual([10]);
    expect(deleted.keys).toEqual(expect.arrayContaining([fileKeys.detail(200), trashKeys.all, collectionKeys.details()]));
  });

  it('an atomic replace also invalidates the replaced file', () => {
    const replaced = diffInvalidations(client, [event('createfile', { ...fileMeta(301, 10), deletedfileid: 200 })]);
    expect(replaced.keys).toEqual(expect.arrayContaining([fileKeys.detail(301), fileKeys.detail(200)]));
    expect([...replaced.folders]).toEqual([10]);
  });

  it('folder events invalidate listings; modified and deleted folders also their own', () => {
    expect([...diffInvalidations(client, [event('createfolder', folderMeta(40, 10))]).folders]).toEqual([10]);
    expect([...diffInvalidations(client, [event('modifyfolder', folderMeta(30, 0, 'Moved'))]).folders].sort()).toEqual([0, 10, 30]);
    const deleted = diffInvalidations(client, [event('deletefolder', folderMeta(30, 10))]);
    expect([...deleted.folders].sort()).toEqual([10, 30]);
    expect(deleted.keys).toEqual([trashKeys.all, searchKeys.all]);
  });

  it('share events → share lists, modifyuserinfo → userinfo, unknown events ignored, keys deduplicated', () => {
    const out = diffInvalidations(client, [
      event('requestsharein', undefined, { share: { sharerequestid: 1 } }),
      event('acceptedshareout'),
      event('modifyuserinfo', undefined, { userinfo: { quota: 1 } }),
      event('somethingnew'),
    ]);
    expect(out.keys).toEqual([shareKeys.all, generalKeys.userInfo()]);
    expect(out.folders.size).toBe(0);
    expect(out.all).toBe(false);
  });

  it('reset invalidates everything', async () => {
    expect(diffInvalidations(client, [event('createfile', fileMeta(1, 0)), event('reset')]).all).toBe(true);
    const calls = recordInvalidations(client);
    await applyDiffEvents(client, [event('reset')]);
    expect(calls).toEqual(['*']);
  });

  it('applyDiffEvents invalidates listings, keys and thumbnail batches holding the file', async () => {
    client.setQueryData(thumbLinksOptions([200, 201], '64x64').queryKey, []);
    client.setQueryData(thumbLinksOptions([201], '64x64').queryKey, []);
    const calls = recordInvalidations(client);
    await applyDiffEvents(client, [event('modifyfile', fileMeta(200, 10))]);
    expect(calls).toEqual(expect.arrayContaining([folderKeys.detail(10), fileKeys.detail(200)]));
    expect(client.getQueryState(thumbLinksOptions([200, 201], '64x64').queryKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(thumbLinksOptions([201], '64x64').queryKey)?.isInvalidated).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

type DiffCall = { params: DiffParams; signal: AbortSignal | undefined };

/** Scripted diff: each call takes the next step; a missing step hangs until aborted. */
function scriptDiff(steps: ((params: DiffParams) => DiffResult | Error)[]): DiffCall[] {
  const calls: DiffCall[] = [];
  vi.mocked(diff).mockImplementation((params: DiffParams = {}, opts: CallOptions = {}) => {
    calls.push({ params, signal: opts.signal });
    const step = steps.shift();
    if (step) {
      const out = step(params);
      return out instanceof Error ? Promise.reject(out) : Promise.resolve(out);
    }
    return new Promise((_resolve, reject) => {
      opts.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
    });
  });
  return calls;
}

describe('startLiveUpdates', () => {
  it('learns the id with last=0, then long-polls from it and applies events', async () => {
    const calls = scriptDiff([
      () => ({ diffid: 500, entries: [] }),
      () => ({ diffid: 501, entries: [event('createfile', fileMeta(300, 10))] }),
    ]);
    const invalidated = recordInvalidations(client);
    const onEvents = vi.fn();
    const stop = startLiveUpdates(client, { onEvents, minBatchIntervalMs: 0 });
    await vi.waitFor(() => expect(calls).toHaveLength(3));
    expect(calls.map((c) => c.params)).toEqual([{ last: 0 }, { diffid: 500, block: true }, { diffid: 501, block: true }]);
    expect(invalidated).toEqual(expect.arrayContaining([folderKeys.detail(10), fileKeys.detail(300)]));
    expect(onEvents).toHaveBeenCalledTimes(1);

    stop();
    expect(calls[2].signal?.aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(3);
    stop(); // idempotent
  });

  it('backs off after an error, restarts from last=0 and invalidates everything it may have missed', async () => {
    const calls = scriptDiff([
      () => ({ diffid: 500, entries: [] }),
      () => new PcloudNetworkError('network', 'diff', 'down'),
      () => ({ diffid: 520, entries: [] }),
    ]);
    const invalidated = recordInvalidations(client);
    const onError = vi.fn();
    const stop = startLiveUpdates(client, { onError, backoffBaseMs: 1, backoffMaxMs: 2, minBatchIntervalMs: 0 });
    await vi.waitFor(() => expect(calls).toHaveLength(4));
    expect(calls.map((c) => c.params)).toEqual([{ last: 0 }, { diffid: 500, block: true }, { last: 0 }, { diffid: 520, block: true }]);
    expect(onError).toHaveBeenCalledWith(expect.any(PcloudNetworkError));
    expect(invalidated).toEqual(['*']);
    stop();
  });

  it('stops for good on an auth error', async () => {
    const calls = scriptDiff([() => new PcloudError(2000, undefined, 'diff')]);
    const onError = vi.fn();
    startLiveUpdates(client, { onError, backoffBaseMs: 1 });
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(1);
  });

  it('stopping during the backoff wait ends the loop', async () => {
    const calls = scriptDiff([() => new PcloudNetworkError('timeout', 'diff', 'slow')]);
    const onError = vi.fn();
    const stop = startLiveUpdates(client, { onError, backoffBaseMs: 10_000 });
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
    stop();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(1);
  });

  it('an empty long-poll reply waits before polling again', async () => {
    const calls = scriptDiff([() => ({ diffid: 1, entries: [] }), () => ({ diffid: 1, entries: [] })]);
    const stop = startLiveUpdates(client, { minEmptyPollMs: 400 });
    await vi.waitFor(() => expect(calls).toHaveLength(2), { interval: 5 });
    const secondAt = Date.now();
    await vi.waitFor(() => expect(calls).toHaveLength(3), { timeout: 2_000, interval: 5 });
    expect(Date.now() - secondAt).toBeGreaterThanOrEqual(300);
    stop();
  });

  it('after a batch of events, waits before the next poll so a burst arrives in few batches', async () => {
    const ev: DiffEvent = { event: 'createfolder', diffid: 2, time: 'x', metadata: folderMeta(9, 0, 'n') };
    const calls = scriptDiff([() => ({ diffid: 1, entries: [] }), () => ({ diffid: 2, entries: [ev] }), () => ({ diffid: 2, entries: [] })]);
    const stop = startLiveUpdates(client, { minBatchIntervalMs: 400 });
    await vi.waitFor(() => expect(calls).toHaveLength(2), { interval: 5 });
    const batchAt = Date.now();
    await vi.waitFor(() => expect(calls).toHaveLength(3), { timeout: 2_000, interval: 5 });
    expect(Date.now() - batchAt).toBeGreaterThanOrEqual(300);
    stop();
  });

  it('catches up with diff?after= when started later than the app, then long-polls from there', async () => {
    const ev: DiffEvent = { event: 'createfolder', diffid: 7, time: 'x', metadata: folderMeta(9, 0, 'n') };
    const calls = scriptDiff([() => ({ diffid: 7, entries: [ev] })]);
    const onEvents = vi.fn();
    const since = Date.now() - 5_000;
    const stop = startLiveUpdates(client, { since, minBatchIntervalMs: 0, onEvents });
    await vi.waitFor(() => expect(calls).toHaveLength(2), { interval: 5 });
    expect(calls[0].params.last).toBeUndefined();
    expect((calls[0].params.after as Date).getTime()).toBeLessThanOrEqual(since);
    expect(calls[1].params).toMatchObject({ diffid: 7, block: true });
    stop();
  });
});
