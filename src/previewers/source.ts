// Where a previewer gets a file's bytes and links from. The same previewers run in the signed-in app
// (links through the account's token) and on public links (links through the link's code, never a
// token), so they never call the API themselves: they ask a PreviewSource. Each `use…` member is a
// React hook (call it unconditionally, every render); a source object is fixed for the life of a
// viewer, so the hooks behind it never change between renders.
import type { FileMetadata } from '../api/protocol/types';

/** A value that arrives later: `data` once there, `error` when it could not be had. */
export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
}

/** A progressive (non-HLS) rendition of a video: the original or a transcode. */
export interface VideoRendition {
  url: string;
  width: number;
  height: number;
  isoriginal: boolean;
  videocodec?: string;
}

/** A `WxH` thumbnail size as pCloud's thumbnail methods take it. */
export type ThumbSize = `${number}x${number}`;

export interface PreviewSource {
  /** The signed-in account or a visitor of a public link (who cannot see versions, for one). */
  readonly origin: 'account' | 'public';
  /** The files of the folder the file is shown from: a gallery, subtitles next to a video, a document's images. */
  siblings(file: FileMetadata): readonly FileMetadata[];
  /**
   * A URL of the file's own bytes that answers Range requests (getfilelink; getpublinkdownload on a
   * public link, where each call counts against the link's download limits: ask only when shown).
   */
  useFileUrl(file: FileMetadata | undefined): Loaded<string>;
  /** A URL showing the image at the size of this screen (the file itself, or a screen-size thumbnail). */
  useImageUrl(file: FileMetadata | undefined): Loaded<string>;
  /** A thumbnail of the file at `size` (getthumblink / getpubthumb): images the browser cannot decode. */
  useThumbUrl(file: FileMetadata | undefined, size: ThumbSize): Loaded<string>;
  /** Whether `useHlsUrl` can answer at all (public links have no HLS method). */
  readonly hasHls: boolean;
  /** An HLS playlist URL; an error when there is none. */
  useHlsUrl(file: FileMetadata): Loaded<string>;
  /** Progressive renditions (getvideolinks / getpubvideolinks), asked for only when `enabled`. */
  useVideoRenditions(file: FileMetadata, enabled: boolean): Loaded<readonly VideoRendition[]>;
  /** A URL the browser's <audio> plays (getaudiolink / getpubaudiolink), asked for only when `enabled`. */
  useAudioUrl(file: FileMetadata, enabled: boolean): Loaded<string>;
  /** The file as UTF-8 text (gettextfile / getpubtextfile), asked for only when `enabled`. */
  useText(file: FileMetadata, enabled: boolean): Loaded<string>;
  /** Starts the browser's download of the file. */
  download(file: FileMetadata): void;
  /**
   * When set, audio is handed to a player that outlives the viewer (the signed-in mini-player with
   * its queue) instead of being played in the page.
   */
  playAudio?: (file: FileMetadata) => void;
  /** One sentence on why a link or the bytes could not be had, in the reader's language. */
  describeError(error: unknown): string;
}

/** What every previewer takes. */
export interface PreviewerProps {
  file: FileMetadata;
  source: PreviewSource;
}
