// Trash. All four methods refuse OAuth tokens on real pCloud (1000 → kind 'oauthRefused', never
// retried, never routed to sign-in): views show the trash as unavailable with this sign-in.
import { queryOptions, useMutation } from '@tanstack/react-query';
import { trashClear, trashList, trashRestore, trashRestorePath, type TrashRestoreParams } from '../api/trash';
import type { Metadata } from '../api/types';
import { generalKeys } from './general';
import { folderKeys } from './keys';
import { writeMutation } from './mutations';

type TrashItem = { fileid: number; folderid?: never } | { folderid: number; fileid?: never };

export { trashKeys } from './keys';
import { trashKeys } from './keys';

export function trashListOptions(folderid = 0) {
  return queryOptions({
    queryKey: trashKeys.list(folderid),
    queryFn: ({ signal }) => trashList({ folderid }, { signal }).then((r) => r.metadata),
    staleTime: 30_000,
  });
}

/** Where a restore would put the item (and which folders it would recreate). */
export function trashRestorePathOptions(item: TrashItem) {
  return queryOptions({
    queryKey: trashKeys.restorePath(item),
    queryFn: ({ signal }) => trashRestorePath(item, { signal }),
    staleTime: 30_000,
  });
}

function restoredParents(data: { metadata?: Metadata; restored?: Metadata[] } | undefined, params: TrashRestoreParams) {
  return [params.restoreto, data?.metadata?.parentfolderid, ...(data?.restored ?? []).map((m) => m.parentfolderid)];
}

export const restoreFromTrashMutation = writeMutation({
  mutationKey: ['trash', 'restore'],
  mutationFn: (params: TrashRestoreParams) => trashRestore(params),
  invalidates: (_params, data) => [
    trashKeys.all,
    // a restored folder comes back with its contents under its old id
    ...(data.metadata?.isfolder ? [folderKeys.detail(data.metadata.folderid)] : []),
    generalKeys.userInfo(),
  ],
  listings: (params, data) => restoredParents(data, params),
});
export const useRestoreFromTrash = () => useMutation(restoreFromTrashMutation);

export const clearTrashMutation = writeMutation({
  mutationKey: ['trash', 'clear'],
  mutationFn: (item: TrashItem) => trashClear(item),
  invalidates: () => [trashKeys.all, generalKeys.userInfo()],
});
export const useClearTrash = () => useMutation(clearTrashMutation);
