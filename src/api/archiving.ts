// Zip and extraction methods (docs/pcloud/methods-media.md §2). Tree params: docs/pcloud/structures.md §4.
import { request, requestBinary, type CallOptions } from './client';
import type { Destination, ExtractProgress, FileLink, FileMetadata, FileRef, SaveZipProgress, TreeParams } from './types';

export interface ZipOptions {
  forcedownload?: boolean;
  /** Sent back in Content-Disposition; include `.zip`. */
  filename?: string;
  /** `+hhmm`, `-hhmm`, `±hh:mm` or a zone name; entry times are UTC otherwise. */
  timeoffset?: string;
}

/** Streams the zip over the API connection. Refuses OAuth tokens (1000; see isOAuthRefusal). */
export function getZip(params: TreeParams & ZipOptions, opts?: CallOptions): Promise<Response> {
  return requestBinary('getzip', params, opts);
}

export function getZipLink(params: TreeParams & ZipOptions & { maxspeed?: number }, opts?: CallOptions): Promise<FileLink> {
  return request<FileLink>('getziplink', params, opts);
}

export type SaveZipParams = TreeParams &
  Destination & {
    timeoffset?: string;
    /** Use a fresh value per call; poll with saveZipProgress. */
    progresshash?: string;
    noover?: boolean;
  };

export function saveZip(params: SaveZipParams, opts?: CallOptions): Promise<{ metadata: FileMetadata }> {
  return request<{ metadata: FileMetadata }>('savezip', params, opts);
}

export type ExtractArchiveParams = FileRef &
  ({ tofolderid: number; topath?: never } | { topath: string; tofolderid?: never }) & {
    nooutput?: boolean;
    overwrite?: 'rename' | 'overwrite' | 'skip';
    password?: string;
  };

/**
 * Runs ~2 s; when `finished` is false, continue with extractArchiveProgress on the returned
 * `hostname` (pass it as `apiBase`).
 */
export function extractArchive(params: ExtractArchiveParams, opts?: CallOptions): Promise<ExtractProgress> {
  return request<ExtractProgress>('extractarchive', params, opts);
}

export function extractArchiveProgress(
  params: { progresshash: string; lines?: number },
  opts?: CallOptions,
): Promise<ExtractProgress> {
  return request<ExtractProgress>('extractarchiveprogress', params, opts);
}

export function saveZipProgress(params: { progresshash: string }, opts?: CallOptions): Promise<SaveZipProgress> {
  return request<SaveZipProgress>('savezipprogress', params, opts);
}
