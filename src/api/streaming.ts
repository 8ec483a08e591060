// Streaming methods (docs/pcloud/methods-media.md §1). All are referrer-restricted on real pCloud (7010 from
// foreign web pages); the links they return are short-lived and IP-bound: resolve right before use.
import { request, requestBinary, type CallOptions } from './client';
import type { FileLink, FileRef, LinkOptions, VideoVariant } from './types';

export interface TranscodeOptions {
  /** Audio kbit/s, 16–320. */
  abitrate?: number;
  /** Initial video kbit/s, 16–4000. */
  vbitrate?: number;
  /** `WIDTHxHEIGHT`, 64x64 … 1280x960. */
  resolution?: string;
}

export function getFileLink(params: FileRef & LinkOptions & { revisionid?: number }, opts?: CallOptions): Promise<FileLink> {
  return request<FileLink>('getfilelink', params, opts);
}

/** FLV stream; not playable in modern browsers — prefer getHlsLink. */
export function getVideoLink(
  params: FileRef & LinkOptions & TranscodeOptions & { fixedbitrate?: boolean },
  opts?: CallOptions,
): Promise<FileLink> {
  return request<FileLink>('getvideolink', params, opts);
}

export function getVideoLinks(params: FileRef & LinkOptions, opts?: CallOptions): Promise<{ variants: VideoVariant[] }> {
  return request<{ variants: VideoVariant[] }>('getvideolinks', params, opts);
}

export function getAudioLink(
  params: FileRef & Pick<LinkOptions, 'forcedownload' | 'contenttype'> & { abitrate?: number },
  opts?: CallOptions,
): Promise<FileLink> {
  return request<FileLink>('getaudiolink', params, opts);
}

/** `path` ends in `.m3u8`. */
export function getHlsLink(
  params: FileRef & TranscodeOptions & { skipfilename?: boolean },
  opts?: CallOptions,
): Promise<FileLink> {
  return request<FileLink>('gethlslink', params, opts);
}

export interface TextFileOptions {
  fromencoding?: string;
  toencoding?: string;
  forcedownload?: boolean;
  contenttype?: string;
}

/** The file body itself (re-encoded), as an unread Response. */
export function getTextFile(params: FileRef & TextFileOptions, opts?: CallOptions): Promise<Response> {
  return requestBinary('gettextfile', params, opts);
}
