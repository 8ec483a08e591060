// File revisions, kept under the file so file events and reverts reach them.
import { queryOptions, useMutation } from '@tanstack/react-query';
import { listRevisions, revertRevision } from '../api/revisions';
import { generalKeys } from './general';
import { fileKeys } from './keys';
import { writeMutation } from './mutations';

export const revisionKeys = {
  list: (fileid: number) => [...fileKeys.detail(fileid), 'revisions'] as const,
};

export function revisionsOptions(fileid: number) {
  return queryOptions({
    queryKey: revisionKeys.list(fileid),
    queryFn: async ({ signal, client }) => {
      const reply = await listRevisions({ fileid }, { signal });
      client.setQueryData(fileKeys.meta(fileid), reply.metadata);
      return reply;
    },
    staleTime: 60_000,
  });
}

/** The current content becomes a revision: the whole file (meta, checksum, links, revisions) changed. */
export const revertRevisionMutation = writeMutation({
  mutationKey: ['revisions', 'revert'],
  mutationFn: (params: { fileid: number; revisionid: number }) => revertRevision(params),
  invalidates: (params) => [fileKeys.detail(params.fileid), generalKeys.userInfo()],
  listings: (_params, data) => [data?.metadata.parentfolderid],
});
export const useRevertRevision = () => useMutation(revertRevisionMutation);
