// Folder shares between users (docs/pcloud/methods-sharing.md). `permissions` is the bit sum of
// SHARE_PERMISSION (0 = view, 7 = edit).
import { request, type CallOptions } from './client';
import type { Empty, FolderRef, ShareLists, ShareRequest } from './types';

export type ShareFolderParams = FolderRef & {
  mail: string;
  permissions: number;
  name?: string;
  message?: string;
};

/** Creates a share request; the reply has no id, so re-read listShares. */
export async function shareFolder(params: ShareFolderParams, opts?: CallOptions): Promise<void> {
  await request<Empty>('sharefolder', params, opts);
}

export interface ListSharesParams {
  norequests?: boolean;
  noshares?: boolean;
  noincoming?: boolean;
  nooutgoing?: boolean;
}

export function listShares(params: ListSharesParams = {}, opts?: CallOptions): Promise<ShareLists> {
  return request<ShareLists>('listshares', params, opts);
}

/** Anonymous lookup by the e-mailed code. */
export function shareRequestInfo(params: { code: string }, opts?: CallOptions): Promise<{ share: ShareRequest }> {
  return request<{ share: ShareRequest }>('sharerequestinfo', params, opts);
}

export async function cancelShareRequest(params: { sharerequestid: number }, opts?: CallOptions): Promise<void> {
  await request<Empty>('cancelsharerequest', params, opts);
}

type RequestRef = { sharerequestid: number; code?: never } | { code: string; sharerequestid?: never };

export type AcceptShareParams = RequestRef & {
  /** Local name of the mounted folder. */
  name?: string;
  folderid?: number;
  path?: string;
  /** Auto-accept future offers from this sender. */
  always?: boolean;
};

export async function acceptShare(params: AcceptShareParams, opts?: CallOptions): Promise<void> {
  await request<Empty>('acceptshare', params, opts);
}

/** `block` declines all future offers from this sender. */
export async function declineShare(params: RequestRef & { block?: boolean }, opts?: CallOptions): Promise<void> {
  await request<Empty>('declineshare', params, opts);
}

export async function removeShare(params: { shareid: number }, opts?: CallOptions): Promise<void> {
  await request<Empty>('removeshare', params, opts);
}

export async function changeShare(params: { shareid: number; permissions: number }, opts?: CallOptions): Promise<void> {
  await request<Empty>('changeshare', params, opts);
}

export type AccountTeamShareParams = FolderRef & {
  teamid: number;
  permissions: number;
  name?: string;
  message?: string;
};

/** pCloud Business team share; undocumented and unverified. */
export async function accountTeamShare(params: AccountTeamShareParams, opts?: CallOptions): Promise<void> {
  await request<Empty>('account_teamshare', params, opts);
}
