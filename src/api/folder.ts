// Folder methods (docs/pcloud/methods-core.md §2).
import { request, type CallOptions } from './client';
import type { Destination, FolderMetadata, FolderRef } from './types';

export interface FolderResult {
  metadata: FolderMetadata;
}

export type CreateFolderParams = { path: string; folderid?: never; name?: never } | { folderid: number; name: string; path?: never };

export function createFolder(params: CreateFolderParams, opts?: CallOptions): Promise<FolderResult> {
  return request<FolderResult>('createfolder', params, opts);
}

export function createFolderIfNotExists(
  params: CreateFolderParams,
  opts?: CallOptions,
): Promise<FolderResult & { created: boolean }> {
  return request<FolderResult & { created: boolean }>('createfolderifnotexists', params, opts);
}

export type ListFolderParams = FolderRef & {
  /** Refused on the root since April 2026 (1101): list the root flat and recurse per child. */
  recursive?: boolean;
  showdeleted?: boolean;
  nofiles?: boolean;
  noshares?: boolean;
};

export function listFolder(params: ListFolderParams, opts?: CallOptions): Promise<FolderResult> {
  return request<FolderResult>('listfolder', params, opts);
}

export function renameFolder(params: FolderRef & Destination, opts?: CallOptions): Promise<FolderResult> {
  return request<FolderResult>('renamefolder', params, opts);
}

/** Only empty folders; the folder goes to the Trash. */
export function deleteFolder(params: FolderRef, opts?: CallOptions): Promise<FolderResult> {
  return request<FolderResult>('deletefolder', params, opts);
}

export interface DeleteFolderRecursiveResult {
  deletedfiles: number;
  deletedfolders: number;
}

export function deleteFolderRecursive(params: FolderRef, opts?: CallOptions): Promise<DeleteFolderRecursiveResult> {
  return request<DeleteFolderRecursiveResult>('deletefolderrecursive', params, opts);
}

export type CopyFolderParams = FolderRef &
  ({ tofolderid: number; topath?: never } | { topath: string; tofolderid?: never }) & {
    noover?: boolean;
    skipexisting?: boolean;
    copycontentonly?: boolean;
  };

export function copyFolder(params: CopyFolderParams, opts?: CallOptions): Promise<FolderResult> {
  return request<FolderResult>('copyfolder', params, opts);
}
