// File methods (docs/pcloud/methods-core.md §3).
import { request, type CallOptions } from './client';
import { toFormData } from './multipart';
import type {
  Checksums,
  Destination,
  FileMetadata,
  FileRef,
  Metadata,
  OptionalFolderRef,
  RemoteDownloadProgress,
  UploadPart,
  UploadProgress,
} from './types';

export interface FileResult {
  metadata: FileMetadata;
}

export type UploadFileParams = OptionalFolderRef & {
  /** Default true: an interrupted upload leaves nothing behind (every official SDK sets it). */
  nopartial?: boolean;
  progresshash?: string;
  renameifexists?: boolean;
  /** Unix seconds. */
  mtime?: number;
  /** Unix seconds; only honoured together with `mtime`. */
  ctime?: number;
};

export interface UploadFileResult {
  fileids: number[];
  metadata: FileMetadata[];
  checksums: Checksums[];
}

/** Multipart upload of one or more files; progress via XHR when `onUploadProgress` is given. */
export function uploadFile(
  params: UploadFileParams,
  files: readonly UploadPart[],
  opts?: CallOptions,
): Promise<UploadFileResult> {
  return request<UploadFileResult>('uploadfile', { nopartial: true, ...params }, { ...opts, body: toFormData(files) });
}

/** Upload progress, or remote-download progress for a downloadfile job with the same hash. */
export function uploadProgress(
  params: { progresshash: string },
  opts?: CallOptions,
): Promise<UploadProgress | RemoteDownloadProgress> {
  return request<UploadProgress | RemoteDownloadProgress>('uploadprogress', params, opts);
}

export type DownloadFileParams = OptionalFolderRef & {
  /** One or more URLs; sent whitespace-separated as the server expects. */
  url: string | readonly string[];
  /** File names for the URLs in order; empty entries keep the automatic name. */
  target?: readonly string[];
  progresshash?: string;
  nopartial?: boolean;
};

function downloadParams(params: DownloadFileParams): object {
  const { url, target, ...rest } = params;
  return {
    ...rest,
    url: typeof url === 'string' ? url : url.join(' '),
    target: target?.map((name) => encodeURIComponent(name)).join(','),
  };
}

export function downloadFile(params: DownloadFileParams, opts?: CallOptions): Promise<{ metadata: Metadata[] }> {
  return request<{ metadata: Metadata[] }>('downloadfile', downloadParams(params), opts);
}

/** Returns once the URLs are queued; follow with uploadProgress(progresshash). */
export function downloadFileAsync(params: DownloadFileParams, opts?: CallOptions): Promise<{ metadata?: Metadata[] }> {
  return request<{ metadata?: Metadata[] }>('downloadfileasync', downloadParams(params), opts);
}

export type CopyFileParams = FileRef &
  Destination & {
    noover?: boolean;
    mtime?: number;
    ctime?: number;
    revisionid?: number;
  };

export function copyFile(params: CopyFileParams, opts?: CallOptions): Promise<FileResult> {
  return request<FileResult>('copyfile', params, opts);
}

export type ChecksumFileResult = Checksums & FileResult;

export function checksumFile(params: FileRef, opts?: CallOptions): Promise<ChecksumFileResult> {
  return request<ChecksumFileResult>('checksumfile', params, opts);
}

export function deleteFile(params: FileRef, opts?: CallOptions): Promise<FileResult> {
  return request<FileResult>('deletefile', params, opts);
}

/** Replaces an existing target atomically; the reply then carries `metadata.deletedfileid`. */
export function renameFile(params: FileRef & Destination, opts?: CallOptions): Promise<FileResult> {
  return request<FileResult>('renamefile', params, opts);
}

export function stat(params: FileRef, opts?: CallOptions): Promise<{ metadata: Metadata }> {
  return request<{ metadata: Metadata }>('stat', params, opts);
}
