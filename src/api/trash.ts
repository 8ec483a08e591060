// Trash (docs/pcloud/methods-misc.md §2). All four refuse OAuth tokens on real pCloud (1000 → kind
// 'oauthRefused'), so an OAuth-only app shows the trash as unavailable there.
import { request, type CallOptions } from './client';
import type { Empty, FolderMetadata, Metadata } from './types';

type TrashItem = { fileid: number; folderid?: never } | { folderid: number; fileid?: never };

export interface TrashListParams {
  /** Trash folder (0 = trash root). */
  folderid?: number;
  nofiles?: boolean;
  recursive?: boolean;
}

export function trashList(params: TrashListParams = {}, opts?: CallOptions): Promise<{ metadata: FolderMetadata }> {
  return request<{ metadata: FolderMetadata }>('trash_list', params, opts);
}

export function trashRestorePath(
  params: TrashItem,
  opts?: CallOptions,
): Promise<{ metadata: Metadata; destination: FolderMetadata }> {
  return request<{ metadata: Metadata; destination: FolderMetadata }>('trash_restorepath', params, opts);
}

export type TrashRestoreParams = TrashItem & {
  restoreto?: number;
  /** When restoring a folder, fill `contents` of the returned metadata. */
  metadata?: boolean;
};

/** `folderid: 0` restores everything: then `restored[]` (or the `restoreto` folder's metadata). */
export function trashRestore(
  params: TrashRestoreParams,
  opts?: CallOptions,
): Promise<{ metadata?: Metadata; restored?: Metadata[] }> {
  return request<{ metadata?: Metadata; restored?: Metadata[] }>('trash_restore', params, opts);
}

/** Irreversible; `folderid: 0` empties the whole trash. */
export async function trashClear(params: TrashItem, opts?: CallOptions): Promise<void> {
  await request<Empty>('trash_clear', params, opts);
}
