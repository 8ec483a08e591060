// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, dehydrate } from '@tanstack/react-query';
import type { PersistedClient } from '@tanstack/react-query-persist-client';
import { cacheBuster, createCachePersister, MAX_PERSISTED_LISTING, shouldPersistQuery, type CacheStorage } from './query-client';
import { fileKeys, folderKeys } from './keys';
import { CONTENT_LINK_META } from './content-links';

const listing = (n: number) => ({ folderid: 1, name: 'x', isfolder: true, contents: Array.from({ length: n }, (_, i) => ({ name: `f${i}` })) });

function persistedKeys(client: QueryClient): unknown[][] {
  return dehydrate(client, { shouldDehydrateQuery: shouldPersistQuery }).queries.map((q) => [...q.queryKey]);
}

describe('what the offline cache keeps', () => {
  it('keeps listings, folder and file metadata and userinfo, and nothing else', () => {
    const client = new QueryClient();
    client.setQueryData(folderKeys.list(1), listing(3));
    client.setQueryData(folderKeys.subfolders(1), listing(1));
    client.setQueryData(folderKeys.meta(1), { folderid: 1 });
    client.setQueryData(fileKeys.meta(7), { fileid: 7 });
    client.setQueryData(['general', 'userinfo'], { email: 'a@b.c' });
    // never: content links, checksums, public links, anything else
    client.setQueryData([...fileKeys.links(7), 'thumb'], { url: 'https://c1.pcloud.com/x' });
    client.setQueryData(fileKeys.checksum(7), { sha1: 'abc' });
    client.setQueryData(['publinks', 'list'], [{ code: 'XYZ' }]);
    client.setQueryData(['general', 'ip'], { ip: '1.2.3.4' });
    expect(persistedKeys(client).sort()).toEqual(
      [folderKeys.list(1), folderKeys.subfolders(1), folderKeys.meta(1), fileKeys.meta(7), ['general', 'userinfo']].map((k) => [...k]).sort(),
    );
  });

  it('skips queries marked persist: false even under an allowed key, failed queries, and huge listings', () => {
    const client = new QueryClient();
    client.getQueryCache().build(client, { queryKey: folderKeys.list(2), meta: CONTENT_LINK_META }).setData(listing(1));
    client.setQueryData(folderKeys.list(3), listing(MAX_PERSISTED_LISTING + 1));
    client.setQueryData(folderKeys.list(4), listing(MAX_PERSISTED_LISTING));
    expect(persistedKeys(client)).toEqual([[...folderKeys.list(4)]]);
  });

  it('busts on another version or another account, and keeps nothing signed out', () => {
    const a = cacheBuster('1.0.0', { apiBase: 'https://api.pcloud.com', userid: 1 });
    expect(cacheBuster('1.0.1', { apiBase: 'https://api.pcloud.com', userid: 1 })).not.toBe(a);
    expect(cacheBuster('1.0.0', { apiBase: 'https://api.pcloud.com', userid: 2 })).not.toBe(a);
    expect(cacheBuster('1.0.0', { apiBase: 'https://eapi.pcloud.com', userid: 1 })).not.toBe(a);
    expect(cacheBuster('1.0.0', null)).toBe('');
  });
});

describe('createCachePersister', () => {
  afterEach(() => vi.useRealTimers());

  const memory = () => {
    const box: { value?: PersistedClient; writes: number } = { writes: 0 };
    const storage: CacheStorage = {
      get: async () => box.value,
      set: async (v) => {
        box.value = v;
        box.writes++;
      },
      del: async () => {
        box.value = undefined;
      },
    };
    return { box, storage };
  };
  const client = (updatedAt: number): PersistedClient => ({
    timestamp: 0,
    buster: 'b',
    clientState: { mutations: [], queries: [{ queryHash: '["folder",1,"list"]', queryKey: ['folder', 1, 'list'], dehydratedAt: 0, state: { dataUpdatedAt: updatedAt } as never }] },
  });

  it('writes at most once per interval, the latest state, and only when a kept query changed', async () => {
    vi.useFakeTimers();
    const { box, storage } = memory();
    const p = createCachePersister(storage, 1000);
    await p.persistClient(client(1));
    await p.persistClient(client(2));
    expect(box.writes).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(box.writes).toBe(1);
    expect(box.value?.clientState.queries[0].state.dataUpdatedAt).toBe(2);
    await p.persistClient(client(2)); // same queries, same versions: e.g. a thumbnail link changed
    await vi.advanceTimersByTimeAsync(1000);
    expect(box.writes).toBe(1);
    await p.persistClient(client(3));
    await vi.advanceTimersByTimeAsync(1000);
    expect(box.writes).toBe(2);
    expect(await p.restoreClient()).toEqual(client(3));
  });

  it('removeClient forgets what is stored and what is pending', async () => {
    vi.useFakeTimers();
    const { box, storage } = memory();
    const p = createCachePersister(storage, 1000);
    await p.persistClient(client(1));
    await vi.advanceTimersByTimeAsync(1000);
    await p.persistClient(client(2));
    await p.removeClient();
    await vi.advanceTimersByTimeAsync(2000);
    expect(box.value).toBeUndefined();
    expect(await p.restoreClient()).toBeUndefined();
  });
});
