// File descriptors are bound to one TCP connection, which a browser cannot pin, and pCloud has
// been seen refusing file_open (2003); there is nothing to cache about a descriptor. The one read
// that makes sense is a byte range of a file (e.g. sniffing a header or ID3 tag): open, pread and
// close inside one queryFn. Where the server refuses, the query fails with that PcloudError.
import { queryOptions } from '@tanstack/react-query';
import { fileClose, fileOpen, filePread } from '../api/fileops';
import { fileKeys } from './keys';

export const fileOpsKeys = {
  /** Under the file, so a file event drops cached ranges with the rest of the file. */
  range: (fileid: number, offset: number, count: number) => [...fileKeys.detail(fileid), 'range', offset, count] as const,
};

export function fileRangeOptions(fileid: number, offset: number, count: number) {
  return queryOptions({
    queryKey: fileOpsKeys.range(fileid, offset, count),
    queryFn: async ({ signal }) => {
      const { fd } = await fileOpen({ fileid, flags: 0 }, { signal });
      try {
        return await (await filePread({ fd, offset, count }, { signal })).arrayBuffer();
      } finally {
        // deliberately ignored: a descriptor that cannot be closed dies with its connection anyway
        await fileClose({ fd }).catch(() => undefined);
      }
    },
    // content changes only with a file event, which invalidates it
    staleTime: Infinity,
    gcTime: 60_000,
    meta: { persist: false },
  });
}
