// File revisions (docs/pcloud/methods-misc.md §1).
import { request, type CallOptions } from './client';
import type { FileMetadata, FileRef, Revision } from './types';

export function listRevisions(
  params: FileRef,
  opts?: CallOptions,
): Promise<{ revisions: Revision[]; metadata: FileMetadata }> {
  return request<{ revisions: Revision[]; metadata: FileMetadata }>('listrevisions', params, opts);
}

/** The current content is kept as a new revision before reverting. */
export function revertRevision(
  params: FileRef & { revisionid: number },
  opts?: CallOptions,
): Promise<{ metadata: FileMetadata }> {
  return request<{ metadata: FileMetadata }>('revertrevision', params, opts);
}
