import type { QueryClient } from '@tanstack/react-query';
import type { FileMetadata } from '../../api/protocol/metadata';
import { contentUrl } from '../../api/client';
import { isAuthError } from '../../queries/query-client';
import { earliestExpiry } from '../../queries/content-links';
import { audioLinkOptions, fileLinkOptions, streamingKeys } from '../../queries/streaming';
import { getSession } from '../../stores/session';

export interface AudioSource {
  url: string;
  /** ms since the epoch after which the URL no longer works */
  expires: number;
  /** 'stream' = getaudiolink's MP3, 'file' = the original bytes (getfilelink) */
  via: 'stream' | 'file';
}

/**
 * A playable URL for a track: getaudiolink's MP3 (plays anywhere), or the original file through
 * getfilelink when pCloud will not transcode it. `fresh` drops cached links first (an expired or
 * refused URL). Throws the getaudiolink error when both fail.
 */
export async function resolveAudio(qc: QueryClient, track: FileMetadata, fresh = false): Promise<AudioSource> {
  if (fresh) qc.removeQueries({ queryKey: streamingKeys.file(track.fileid) });
  const base = getSession()?.apiBase ?? '';
  try {
    const link = await qc.fetchQuery(audioLinkOptions(track.fileid));
    return { url: contentUrl(link, base), expires: earliestExpiry(link) ?? Date.now() + 60_000, via: 'stream' };
  } catch (err) {
    if (isAuthError(err)) throw err;
    try {
      const link = await qc.fetchQuery(fileLinkOptions(track.fileid));
      return { url: contentUrl(link, base), expires: earliestExpiry(link) ?? Date.now() + 60_000, via: 'file' };
    } catch {
      throw err;
    }
  }
}
