// Resumable upload sessions (undocumented upload_* methods, docs/pcloud/methods-core.md §4): create, write raw
// chunks at offsets, then save as a file. Suited to large browser uploads that must survive errors.
import { request, type CallOptions } from './client';
import type { Checksums, Empty, FileMetadata } from './types';

export function uploadCreate(params: { filesize?: number } = {}, opts?: CallOptions): Promise<{ uploadid: number }> {
  return request<{ uploadid: number }>('upload_create', params, opts);
}

export interface UploadWriteOptions extends CallOptions {
  /** Default PUT; some clients use POST with an octet-stream body. */
  httpMethod?: 'PUT' | 'POST';
}

/** A chunk may be rewritten at the same offset; after a failure ask uploadInfo how far it got. */
export async function uploadWrite(
  params: { uploadid: number; uploadoffset: number },
  data: Blob | ArrayBuffer,
  opts: UploadWriteOptions = {},
): Promise<void> {
  await request<Empty>('upload_write', params, { ...opts, body: data });
}

export function uploadInfo(params: { uploadid: number }, opts?: CallOptions): Promise<Checksums & { size: number }> {
  return request<Checksums & { size: number }>('upload_info', params, opts);
}

export interface UploadSaveParams {
  uploadid: number;
  folderid: number;
  name: string;
  mtime?: number;
  ctime?: number;
  renameifexists?: boolean;
  /** Overwrite only if the current file has this hash, or `new` = only if absent. */
  ifhash?: string | 'new';
}

export function uploadSave(params: UploadSaveParams, opts?: CallOptions): Promise<{ metadata: FileMetadata }> {
  return request<{ metadata: FileMetadata }>('upload_save', params, opts);
}

export async function uploadDelete(params: { uploadid: number }, opts?: CallOptions): Promise<void> {
  await request<Empty>('upload_delete', params, opts);
}
