// The signed-in account's PreviewSource: content links through the session's token (src/queries).
import { useQuery } from '@tanstack/react-query';
import type { FileMetadata } from '../api/protocol/types';
import { contentUrl } from '../api/client';
import { fileLinkOptions, hlsLinkOptions, textFileOptions, videoLinksOptions, audioLinkOptions } from '../queries/streaming';
import { thumbLinkOptions } from '../queries/thumbnails';
import { getSession } from '../stores/session';
import { streamRefusal } from './refusal';
import type { Loaded, PreviewSource, ThumbSize, VideoRendition } from './source';

const url = (link: { hosts: string[]; path: string }) => contentUrl(link, getSession()?.apiBase ?? '');
// a refused stream is explained in place, never as a toast
const silent = { persist: false, contentLink: true, silent: true };

function loaded<T, U>(q: { data: T | undefined; error: unknown }, map: (d: T) => U): Loaded<U> {
  return { data: q.data === undefined ? undefined : map(q.data), error: q.error };
}

export interface AccountSourceOptions {
  /** The files of the folder being viewed. */
  files: readonly FileMetadata[];
  download(file: FileMetadata): void;
  playAudio?: (file: FileMetadata) => void;
}

export function accountSource({ files, download, playAudio }: AccountSourceOptions): PreviewSource {
  return {
    origin: 'account',
    hasHls: true,
    siblings: () => files,
    useFileUrl(file) {
      return loaded(useQuery({ ...fileLinkOptions(file?.fileid ?? 0), enabled: !!file }), url);
    },
    useImageUrl(file) {
      return loaded(useQuery({ ...fileLinkOptions(file?.fileid ?? 0), enabled: !!file }), url);
    },
    useThumbUrl(file, size: ThumbSize) {
      return loaded(useQuery({ ...thumbLinkOptions(file?.fileid ?? 0, size), enabled: !!file }), url);
    },
    useHlsUrl(file) {
      return loaded(useQuery({ ...hlsLinkOptions(file.fileid), meta: silent }), url);
    },
    useVideoRenditions(file, enabled) {
      const q = useQuery({ ...videoLinksOptions(file.fileid), enabled, meta: silent });
      return loaded(q, (d): VideoRendition[] => d.variants.map((v) => ({ url: url(v), width: v.width, height: v.height, isoriginal: v.isoriginal, videocodec: v.videocodec })));
    },
    useAudioUrl(file, enabled) {
      return loaded(useQuery({ ...audioLinkOptions(file.fileid), enabled }), url);
    },
    useText(file, enabled) {
      return loaded(useQuery({ ...textFileOptions(file.fileid), enabled }), (t) => t);
    },
    download,
    playAudio,
    describeError: streamRefusal,
  };
}
