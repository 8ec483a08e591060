// Folder shares between users. Share events from live updates invalidate `shareKeys.all`; a
// mounted or unmounted incoming share also arrives there as folder events.
import { mutationOptions, queryOptions, useMutation, type DefaultError, type QueryClient } from '@tanstack/react-query';
import {
  acceptShare,
  accountTeamShare,
  cancelShareRequest,
  changeShare,
  declineShare,
  listShares,
  removeShare,
  shareFolder,
  shareRequestInfo,
  type AcceptShareParams,
  type AccountTeamShareParams,
  type ShareFolderParams,
} from '../api/sharing';
import { SHARE_PERMISSION, type ShareLists, type SharePermissions } from '../api/protocol/types';
import { folderKeys } from './keys';
import { invalidateListings } from './listing-cache';
import { invalidateKeys, writeMutation } from './mutations';

export { shareKeys } from './keys';
import { shareKeys } from './keys';

// ---------------------------------------------------------------------------------------------
// Permissions: input is a bit sum, output four booleans (docs/pcloud/methods-sharing.md §2)

/** The two levels pCloud's own apps offer; anything else is a custom mix of the bits. */
export const VIEW_PERMISSIONS = 0;
export const EDIT_PERMISSIONS = SHARE_PERMISSION.create | SHARE_PERMISSION.modify | SHARE_PERMISSION.delete;

export function permissionBits(p: Partial<SharePermissions>): number {
  return (
    (p.cancreate ? SHARE_PERMISSION.create : 0) |
    (p.canmodify ? SHARE_PERMISSION.modify : 0) |
    (p.candelete ? SHARE_PERMISSION.delete : 0) |
    (p.canmanage ? SHARE_PERMISSION.manage : 0)
  );
}

export function permissionFlags(bits: number): SharePermissions {
  const flags: SharePermissions = {
    canread: true,
    cancreate: (bits & SHARE_PERMISSION.create) !== 0,
    canmodify: (bits & SHARE_PERMISSION.modify) !== 0,
    candelete: (bits & SHARE_PERMISSION.delete) !== 0,
  };
  if (bits & SHARE_PERMISSION.manage) flags.canmanage = true;
  return flags;
}

// ---------------------------------------------------------------------------------------------
// Reads

/** Incoming and outgoing shares and pending requests, in one call. */
export function shareListOptions() {
  return queryOptions({
    queryKey: shareKeys.list(),
    queryFn: ({ signal }) => listShares({}, { signal }),
    staleTime: 30_000,
  });
}

export function shareRequestInfoOptions(code: string) {
  return queryOptions({
    queryKey: shareKeys.request(code),
    queryFn: ({ signal }) => shareRequestInfo({ code }, { signal }).then((r) => r.share),
    staleTime: 60_000,
  });
}

// ---------------------------------------------------------------------------------------------
// Optimistic edits of the cached `listshares` reply

type ShareListEdit = (lists: ShareLists) => ShareLists;

interface ShareListContext {
  /** The reply before the edit; put back if the server refuses. */
  previous: ShareLists | undefined;
}

async function editShareLists(client: QueryClient, edit: ShareListEdit): Promise<ShareListContext> {
  // a listing fetched before the write must not overwrite the edit when it lands
  await client.cancelQueries({ queryKey: shareKeys.list() });
  const previous = client.getQueryData<ShareLists>(shareKeys.list());
  if (previous) client.setQueryData<ShareLists>(shareKeys.list(), edit(previous));
  return { previous };
}

/** Drops established shares (either direction) whose id matches. */
export function withoutShares(lists: ShareLists, match: (shareid: number) => boolean): ShareLists {
  const part = lists.shares;
  if (!part) return lists;
  return {
    ...lists,
    shares: { ...part, incoming: part.incoming?.filter((s) => !match(s.shareid)), outgoing: part.outgoing?.filter((s) => !match(s.shareid)) },
  };
}

/** Drops pending requests (either direction) whose id matches. */
export function withoutRequests(lists: ShareLists, match: (sharerequestid: number) => boolean): ShareLists {
  const part = lists.requests;
  if (!part) return lists;
  return {
    ...lists,
    requests: {
      ...part,
      incoming: part.incoming?.filter((r) => !match(r.sharerequestid)),
      outgoing: part.outgoing?.filter((r) => !match(r.sharerequestid)),
    },
  };
}

export function withPermissions(lists: ShareLists, shareid: number, bits: number): ShareLists {
  const outgoing = lists.shares?.outgoing;
  if (!outgoing) return lists;
  return { ...lists, shares: { ...lists.shares, outgoing: outgoing.map((s) => (s.shareid === shareid ? { ...s, ...permissionFlags(bits) } : s)) } };
}

interface OptimisticShareWrite<TVariables> {
  mutationKey: readonly unknown[];
  mutationFn: (variables: TVariables) => Promise<void>;
  edit: (variables: TVariables) => ShareListEdit;
  /** Folders whose listings show the change (e.g. the owner's `isshared` badge). */
  listings?: (variables: TVariables) => Iterable<number | undefined>;
}

/**
 * The people list answers at once: the cached reply is edited before the call, put back when the
 * server refuses, and re-read after success (the server may have changed more than we know).
 */
function optimisticShareWrite<TVariables>(def: OptimisticShareWrite<TVariables>) {
  return mutationOptions<void, DefaultError, TVariables, ShareListContext>({
    mutationKey: def.mutationKey,
    mutationFn: (variables) => def.mutationFn(variables),
    onMutate: (variables, { client }) => editShareLists(client, def.edit(variables)),
    onError: (_error, _variables, context, { client }) => {
      if (context?.previous) client.setQueryData(shareKeys.list(), context.previous);
    },
    onSuccess: async (_data, variables, _context, { client }) => {
      await invalidateKeys(client, [shareKeys.all]);
      if (def.listings) await invalidateListings(client, def.listings(variables));
    },
  });
}

/** Where the shared folder is listed on the owner's side, so its badge can follow. */
type InParent = { parentfolderid?: number };

// ---------------------------------------------------------------------------------------------
// Writes

/** Creates a request (no id in the reply); the folder's `isshared` changes on the owner's side too. */
export const shareFolderMutation = writeMutation({
  mutationKey: ['shares', 'share'],
  mutationFn: ({ parentfolderid: _parent, ...params }: ShareFolderParams & InParent) => shareFolder(params),
  invalidates: (params) => [shareKeys.all, ...(params.folderid === undefined ? [] : [folderKeys.meta(params.folderid)])],
  listings: (params) => [params.parentfolderid],
});
export const useShareFolder = () => useMutation(shareFolderMutation);

export const cancelShareRequestMutation = optimisticShareWrite({
  mutationKey: ['shares', 'cancelrequest'],
  mutationFn: ({ sharerequestid }: { sharerequestid: number } & InParent) => cancelShareRequest({ sharerequestid }),
  edit: (v) => (lists) => withoutRequests(lists, (id) => id === v.sharerequestid),
  listings: (v) => [v.parentfolderid],
});
export const useCancelShareRequest = () => useMutation(cancelShareRequestMutation);

/** Mounts the shared folder under `folderid` (default root): that listing changes. */
export const acceptShareMutation = writeMutation({
  mutationKey: ['shares', 'accept'],
  mutationFn: (params: AcceptShareParams) => acceptShare(params),
  invalidates: () => [shareKeys.all],
  listings: (params) => [params.path === undefined ? (params.folderid ?? 0) : undefined],
});
export const useAcceptShare = () => useMutation(acceptShareMutation);

export const declineShareMutation = optimisticShareWrite({
  mutationKey: ['shares', 'decline'],
  mutationFn: (params: Parameters<typeof declineShare>[0]) => declineShare(params),
  edit: (v) => (lists) => (v.sharerequestid === undefined ? lists : withoutRequests(lists, (id) => id === v.sharerequestid)),
});
export const useDeclineShare = () => useMutation(declineShareMutation);

/** Where an incoming share was mounted is not in the reply; its folder event refreshes that listing. */
export const removeShareMutation = optimisticShareWrite({
  mutationKey: ['shares', 'remove'],
  mutationFn: ({ shareid }: { shareid: number } & InParent) => removeShare({ shareid }),
  edit: (v) => (lists) => withoutShares(lists, (id) => id === v.shareid),
  listings: (v) => [v.parentfolderid],
});
export const useRemoveShare = () => useMutation(removeShareMutation);

export const changeShareMutation = optimisticShareWrite({
  mutationKey: ['shares', 'change'],
  mutationFn: (params: { shareid: number; permissions: number }) => changeShare(params),
  edit: (v) => (lists) => withPermissions(lists, v.shareid, v.permissions),
});
export const useChangeShare = () => useMutation(changeShareMutation);

export const accountTeamShareMutation = writeMutation({
  mutationKey: ['shares', 'teamshare'],
  mutationFn: (params: AccountTeamShareParams) => accountTeamShare(params),
  invalidates: () => [shareKeys.all],
});
export const useAccountTeamShare = () => useMutation(accountTeamShareMutation);
