import { useQueries } from '@tanstack/react-query';
import { publicThumbsOptions, type PublicLink } from '../../queries/public';
import type { ThumbSource } from '../../widgets/use-thumbs';

/** A public link's thumbnails for the app's list window: one getpubthumbslinks per batch. */
export function publicThumbs(link: PublicLink): ThumbSource {
  return {
    useUrls(batches, size) {
      const results = useQueries({ queries: batches.map((ids) => publicThumbsOptions(link, ids, { size, crop: true })) });
      const urls = new Map<number, string>();
      for (const r of results) if (r.data) for (const [id, url] of r.data) urls.set(id, url);
      return urls;
    },
  };
}
