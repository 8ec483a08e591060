// Upload links / file requests (docs/pcloud/methods-uploadlinks.md).
import { request, type CallOptions } from './client';
import { toFormData } from './multipart';
import type {
  DateInput,
  Empty,
  FileRef,
  FolderRef,
  UploadLink,
  UploadLinkCreated,
  UploadLinkInfo,
  UploadPart,
  UploadProgress,
} from './types';

export type CreateUploadLinkParams = FolderRef & {
  /** Instructions shown to uploaders (they see nothing else of the owner). */
  comment: string;
  expire?: DateInput;
  maxspace?: number;
  maxfiles?: number;
};

export function createUploadLink(params: CreateUploadLinkParams, opts?: CallOptions): Promise<UploadLinkCreated> {
  return request<UploadLinkCreated>('createuploadlink', params, opts);
}

export function listUploadLinks(opts?: CallOptions): Promise<{ uploadlinks: UploadLink[] }> {
  return request<{ uploadlinks: UploadLink[] }>('listuploadlinks', {}, opts);
}

export async function deleteUploadLink(params: { uploadlinkid: number }, opts?: CallOptions): Promise<void> {
  await request<Empty>('deleteuploadlink', params, opts);
}

export interface ChangeUploadLinkParams {
  uploadlinkid: number;
  expire?: DateInput;
  deleteexpire?: boolean;
  /** 0 removes the limit. */
  maxspace?: number;
  /** 0 removes the limit. */
  maxfiles?: number;
}

export async function changeUploadLink(params: ChangeUploadLinkParams, opts?: CallOptions): Promise<void> {
  await request<Empty>('changeuploadlink', params, opts);
}

export function showUploadLink(params: { code: string }, opts?: CallOptions): Promise<UploadLinkInfo> {
  return request<UploadLinkInfo>('showuploadlink', params, opts);
}

export interface UploadToLinkParams {
  code: string;
  /** Uploader's display name; not documented but effectively required (2001 without it). */
  names: string;
  nopartial?: boolean;
  progresshash?: string;
}

/** Anonymous multipart upload; the reply may carry nothing but `result`. */
export async function uploadToLink(
  params: UploadToLinkParams,
  files: readonly UploadPart[],
  opts?: CallOptions,
): Promise<void> {
  await request<Empty>('uploadtolink', { nopartial: true, ...params }, { ...opts, body: toFormData(files) });
}

export function uploadLinkProgress(
  params: { code: string; progresshash: string },
  opts?: CallOptions,
): Promise<Omit<UploadProgress, 'files'>> {
  return request<Omit<UploadProgress, 'files'>>('uploadlinkprogress', params, opts);
}

export async function copyToLink(params: FileRef & { code: string; toname?: string }, opts?: CallOptions): Promise<void> {
  await request<Empty>('copytolink', params, opts);
}

/** Undocumented (errors.txt only); purpose unknown. */
export async function notifyUploadLink(params: { code: string }, opts?: CallOptions): Promise<void> {
  await request<Empty>('notifyuploadlink', params, opts);
}
