import type { FileMetadata } from '../../api/protocol/types';

const COVER = /^(cover|folder|front|album|albumart)\.(jpe?g|png|webp)$/i;

/** A folder's album-cover image, when it has one. */
export function findCover(files: readonly FileMetadata[]): FileMetadata | undefined {
  return files.find((f) => f.category === 1 && f.thumb && COVER.test(f.name));
}
