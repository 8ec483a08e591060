// Thumbnail links. One `getthumbslinks` per screenful (sorted ids make equal screens share a
// cache entry); single-file links sit under the file. Links expire: see content-links.ts.
import { queryOptions, useMutation } from '@tanstack/react-query';
import { getThumbLink, getThumbsLinks, saveThumb, type SaveThumbParams } from '../api/thumbnails';
import type { ThumbOptions } from '../api/types';
import { contentLinkQuery } from './content-links';
import { fileKeys } from './keys';
import { targetFolders, writeMutation } from './mutations';

type ThumbSize = ThumbOptions['size'];

function normalize(thumb: ThumbSize | ThumbOptions): ThumbOptions {
  return typeof thumb === 'string' ? { size: thumb } : thumb;
}

export const thumbnailKeys = {
  all: ['thumbnails'] as const,
  /** `fileids` last, so live updates can find every batch that holds a given file. */
  links: (fileids: readonly number[], thumb: ThumbSize | ThumbOptions) =>
    ['thumbnails', 'links', normalize(thumb), [...fileids].sort((a, b) => a - b)] as const,
  link: (fileid: number, thumb: ThumbSize | ThumbOptions) => [...fileKeys.links(fileid), 'thumb', normalize(thumb)] as const,
};

/** True if a `thumbnailKeys.links` key covers this file. */
export function thumbLinksKeyHasFile(key: readonly unknown[], fileid: number): boolean {
  const ids = key[0] === 'thumbnails' && key[1] === 'links' ? key[3] : undefined;
  return Array.isArray(ids) && ids.includes(fileid);
}

/** Entries carry their own `result`: a file without a thumbnail does not fail the batch. */
export function thumbLinksOptions(fileids: readonly number[], thumb: ThumbSize | ThumbOptions) {
  const key = thumbnailKeys.links(fileids, thumb);
  return queryOptions({
    queryKey: key,
    queryFn: ({ signal }) => getThumbsLinks({ fileids: key[3], ...key[2] }, { signal }).then((r) => r.thumbs),
    enabled: fileids.length > 0,
    ...contentLinkQuery,
  });
}

export function thumbLinkOptions(fileid: number, thumb: ThumbSize | ThumbOptions) {
  return queryOptions({
    queryKey: thumbnailKeys.link(fileid, thumb),
    queryFn: ({ signal }) => getThumbLink({ fileid, ...normalize(thumb) }, { signal }),
    ...contentLinkQuery,
  });
}

export const saveThumbMutation = writeMutation({
  mutationKey: ['thumbnails', 'save'],
  mutationFn: (params: SaveThumbParams) => saveThumb(params),
  listings: (params, data) => targetFolders(params, data?.metadata),
});
export const useSaveThumb = () => useMutation(saveThumbMutation);
