// pCloud Transfer (docs/pcloud/methods-media.md §5): anonymous upload + e-mailed download links.
import { request, type CallOptions } from './client';
import { toFormData } from './multipart';
import type { Empty, UploadPart, UploadProgress } from './types';

export interface UploadTransferParams {
  sendermail: string;
  /** Up to 20 addresses. */
  receivermails: readonly string[];
  /** At most 160 characters. */
  message?: string;
  progresshash?: string;
}

export async function uploadTransfer(
  params: UploadTransferParams,
  files: readonly UploadPart[],
  opts?: CallOptions,
): Promise<void> {
  await request<Empty>('uploadtransfer', params, { ...opts, body: toFormData(files) });
}

export function uploadTransferProgress(params: { progresshash: string }, opts?: CallOptions): Promise<UploadProgress> {
  return request<UploadProgress>('uploadtransferprogress', params, opts);
}
