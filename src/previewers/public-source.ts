// A public link's PreviewSource: every link through the link's code on the host that knows it, with
// no session (src/queries/public.ts). Images come from getpubthumb at screen size: anonymous, not
// bound to an IP, and unlike a download it counts nothing against the link's limits.
import { useQuery } from '@tanstack/react-query';
import type { FileMetadata } from '../api/protocol/types';
import { getPubThumbUrl } from '../api/publinks';
import { fileParam, publicAudioOptions, publicFileOptions, publicTextOptions, publicVideoOptions, type PublicLink } from '../queries/public';
import type { Loaded, PreviewSource, ThumbSize } from './source';

/** A thumb size (each side a multiple of 4, within getpubthumb's 2048×1024) that fills this screen. */
export function screenThumbSize(): ThumbSize {
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  const fit = (px: number, max: number) => Math.max(16, Math.min(max, Math.ceil((px * dpr) / 4) * 4));
  return `${fit(window.innerWidth, 2048)}x${fit(window.innerHeight, 1024)}`;
}

export function publicImageUrl(link: PublicLink, file: FileMetadata, size: ThumbSize = screenThumbSize()): string {
  return getPubThumbUrl({ code: link.code, fileid: fileParam(link, file.fileid), size }, { apiBase: link.apiBase });
}

/**
 * Transcodes when there are any: playing the original counts against the link's download limits
 * like a download, so it is offered only when nothing else is.
 */
export function linkRenditions<T extends { isoriginal: boolean }>(all: readonly T[]): readonly T[] {
  const transcodes = all.filter((r) => !r.isoriginal);
  return transcodes.length ? transcodes : all;
}

const NO_HLS: Loaded<string> = { data: undefined, error: new Error('Public links have no HLS stream') };
const ready = (data: string | undefined): Loaded<string> => ({ data, error: null });

export interface PublicSourceOptions {
  /** The files of the link's folder being viewed. */
  files: readonly FileMetadata[];
  download(file: FileMetadata): void;
  describeError(error: unknown): string;
}

export function publicSource(link: PublicLink, { files, download, describeError }: PublicSourceOptions): PreviewSource {
  return {
    origin: 'public',
    hasHls: false,
    siblings: () => files,
    useFileUrl(file) {
      const q = useQuery({ ...publicFileOptions(link, file?.fileid ?? 0), enabled: !!file });
      return { data: q.data?.url, error: q.error };
    },
    useImageUrl: (file) => ready(file && publicImageUrl(link, file)),
    useThumbUrl: (file, size) => ready(file && publicImageUrl(link, file, size)),
    useHlsUrl: () => NO_HLS,
    useVideoRenditions(file, enabled) {
      const q = useQuery({ ...publicVideoOptions(link, file.fileid), enabled });
      return { data: q.data && linkRenditions(q.data), error: q.error };
    },
    useAudioUrl(file, enabled) {
      const q = useQuery({ ...publicAudioOptions(link, file.fileid), enabled });
      return { data: q.data?.url, error: q.error };
    },
    useText(file, enabled) {
      const q = useQuery({ ...publicTextOptions(link, file.fileid), enabled });
      return { data: q.data, error: q.error };
    },
    download,
    describeError,
  };
}
