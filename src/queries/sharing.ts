// Folder shares between users. Share events from live updates invalidate `shareKeys.all`; a
// mounted or unmounted incoming share also arrives there as folder events.
import { queryOptions, useMutation } from '@tanstack/react-query';
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
import { folderKeys } from './keys';
import { writeMutation } from './mutations';

export const shareKeys = {
  all: ['shares'] as const,
  list: () => ['shares', 'list'] as const,
  /** Anonymous lookup of an offer by its e-mailed code. */
  request: (code: string) => ['shares', 'request', code] as const,
};

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

/** Creates a request (no id in the reply); the folder's `isshared` changes on the owner's side too. */
export const shareFolderMutation = writeMutation({
  mutationKey: ['shares', 'share'],
  mutationFn: (params: ShareFolderParams) => shareFolder(params),
  invalidates: (params) => [shareKeys.all, ...(params.folderid === undefined ? [] : [folderKeys.meta(params.folderid)])],
});
export const useShareFolder = () => useMutation(shareFolderMutation);

export const cancelShareRequestMutation = writeMutation({
  mutationKey: ['shares', 'cancelrequest'],
  mutationFn: (params: { sharerequestid: number }) => cancelShareRequest(params),
  invalidates: () => [shareKeys.all],
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

export const declineShareMutation = writeMutation({
  mutationKey: ['shares', 'decline'],
  mutationFn: (params: Parameters<typeof declineShare>[0]) => declineShare(params),
  invalidates: () => [shareKeys.all],
});
export const useDeclineShare = () => useMutation(declineShareMutation);

/** Where an incoming share was mounted is not in the reply; its folder event refreshes that listing. */
export const removeShareMutation = writeMutation({
  mutationKey: ['shares', 'remove'],
  mutationFn: (params: { shareid: number }) => removeShare(params),
  invalidates: () => [shareKeys.all],
});
export const useRemoveShare = () => useMutation(removeShareMutation);

export const changeShareMutation = writeMutation({
  mutationKey: ['shares', 'change'],
  mutationFn: (params: { shareid: number; permissions: number }) => changeShare(params),
  invalidates: () => [shareKeys.all],
});
export const useChangeShare = () => useMutation(changeShareMutation);

export const accountTeamShareMutation = writeMutation({
  mutationKey: ['shares', 'teamshare'],
  mutationFn: (params: AccountTeamShareParams) => accountTeamShare(params),
  invalidates: () => [shareKeys.all],
});
export const useAccountTeamShare = () => useMutation(accountTeamShareMutation);
