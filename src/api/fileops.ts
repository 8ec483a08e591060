// File descriptors (docs/pcloud/methods-core.md §5). Descriptors live as long as one TCP connection, which a
// browser cannot pin, and rclone found file_open refused (2003) since 2025. Typed for completeness;
// the app uses the upload_* sessions instead.
import { request, requestBinary, type CallOptions } from './client';
import type { Checksums, Empty } from './types';

/** file_open flags (bit values). */
export const FILE_OPEN_FLAGS = { write: 0x0002, create: 0x0040, excl: 0x0080, trunc: 0x0200, append: 0x0400 } as const;

export type FileOpenParams = { flags: number } & (
  | { path: string }
  | { fileid: number }
  | { folderid: number; name: string }
);

export function fileOpen(params: FileOpenParams, opts?: CallOptions): Promise<{ fd: number; fileid: number }> {
  return request<{ fd: number; fileid: number }>('file_open', params, opts);
}

export function fileWrite(params: { fd: number }, data: Blob | ArrayBuffer, opts?: CallOptions): Promise<{ bytes: number }> {
  return request<{ bytes: number }>('file_write', params, { ...opts, body: data });
}

export function filePwrite(
  params: { fd: number; offset: number },
  data: Blob | ArrayBuffer,
  opts?: CallOptions,
): Promise<{ bytes: number }> {
  return request<{ bytes: number }>('file_pwrite', params, { ...opts, body: data });
}

export function fileRead(params: { fd: number; count: number }, opts?: CallOptions): Promise<Response> {
  return requestBinary('file_read', params, opts);
}

export function filePread(params: { fd: number; count: number; offset: number }, opts?: CallOptions): Promise<Response> {
  return requestBinary('file_pread', params, opts);
}

/** Throws PcloudError 6000 (kind 'notModified') when the range matches the checksum. */
export function filePreadIfmod(
  params: { fd: number; count: number; offset: number } & ({ sha1: string } | { md5: string }),
  opts?: CallOptions,
): Promise<Response> {
  return requestBinary('file_pread_ifmod', params, opts);
}

export function fileChecksum(
  params: { fd: number; offset: number; count: number },
  opts?: CallOptions,
): Promise<Checksums & { size: number }> {
  return request<Checksums & { size: number }>('file_checksum', params, opts);
}

export function fileSize(params: { fd: number }, opts?: CallOptions): Promise<{ size: number; offset: number }> {
  return request<{ size: number; offset: number }>('file_size', params, opts);
}

export async function fileTruncate(params: { fd: number; length: number }, opts?: CallOptions): Promise<void> {
  await request<Empty>('file_truncate', params, opts);
}

/** `whence`: 0 = from start, 1 = from current offset, 2 = from end. */
export function fileSeek(
  params: { fd: number; offset: number; whence?: 0 | 1 | 2 },
  opts?: CallOptions,
): Promise<{ offset: number }> {
  return request<{ offset: number }>('file_seek', params, opts);
}

export async function fileClose(params: { fd: number }, opts?: CallOptions): Promise<void> {
  await request<Empty>('file_close', params, opts);
}

export interface FileLockParams {
  fd: number;
  /** 0 unlock, 1 shared, 2 exclusive. */
  type: 0 | 1 | 2;
  offset?: number;
  length?: number;
  whence?: 0 | 1 | 2;
  get?: boolean;
  noblock?: boolean;
}

export function fileLock(params: FileLockParams, opts?: CallOptions): Promise<{ locked: boolean }> {
  return request<{ locked: boolean }>('file_lock', params, opts);
}
