// Public links, owner and viewer side (docs/pcloud/methods-publinks.md). Viewer methods are anonymous and take
// the link `code` (or short code); for folder-type links they also need the `fileid` inside it.
import { methodUrl, request, requestBinary, type CallOptions } from './client';
import type {
  DateInput,
  Destination,
  Empty,
  FileLink,
  FileMetadata,
  FileRef,
  FolderRef,
  LinkOptions,
  Metadata,
  Publink,
  PublinkCreated,
  PublinkLimits,
  PublinkShort,
  ThumbLink,
  ThumbOptions,
  ThumbsLinkEntry,
  TreeParams,
  VideoVariant,
} from './types';

export interface PublinkTarget {
  code: string;
  fileid?: number;
}

export function getFilePublink(params: FileRef & PublinkLimits, opts?: CallOptions): Promise<PublinkCreated> {
  return request<PublinkCreated>('getfilepublink', params, opts);
}

export function getFolderPublink(params: FolderRef & PublinkLimits, opts?: CallOptions): Promise<PublinkCreated> {
  return request<PublinkCreated>('getfolderpublink', params, opts);
}

/** Snapshot link to a virtual folder named `name`. */
export function getTreePublink(
  params: Omit<TreeParams, 'excludefolderids' | 'excludefileids'> & PublinkLimits & { name: string },
  opts?: CallOptions,
): Promise<PublinkCreated> {
  return request<PublinkCreated>('gettreepublink', params, opts);
}

export function getCollectionPublink(
  params: { collectionid: number } & Omit<PublinkLimits, 'linkpassword'>,
  opts?: CallOptions,
): Promise<PublinkCreated> {
  return request<PublinkCreated>('getcollectionpublink', params, opts);
}

/** Folder links come back with a recursive `contents`. */
export function showPublink(params: { code: string }, opts?: CallOptions): Promise<{ metadata: Metadata; ownerisme?: boolean }> {
  return request<{ metadata: Metadata; ownerisme?: boolean }>('showpublink', params, opts);
}

/** Only on an explicit user action (pCloud calls prefetching download links "bad behaviour"). */
export function getPublinkDownload(params: PublinkTarget & LinkOptions, opts?: CallOptions): Promise<FileLink> {
  return request<FileLink>('getpublinkdownload', params, opts);
}

export type CopyPubFileParams = PublinkTarget & Destination & { noover?: boolean };

/** Uses no link traffic, so it works after 7005/7006. */
export function copyPubFile(params: CopyPubFileParams, opts?: CallOptions): Promise<{ metadata: FileMetadata }> {
  return request<{ metadata: FileMetadata }>('copypubfile', params, opts);
}

export function listPublinks(opts?: CallOptions): Promise<{ publinks: Publink[] }> {
  return request<{ publinks: Publink[] }>('listpublinks', {}, opts);
}

export function listPlShort(opts?: CallOptions): Promise<{ publinks: PublinkShort[] }> {
  return request<{ publinks: PublinkShort[] }>('listplshort', {}, opts);
}

export async function deletePublink(params: { linkid: number }, opts?: CallOptions): Promise<void> {
  await request<Empty>('deletepublink', params, opts);
}

export interface ChangePublinkParams {
  linkid: number;
  shortlink?: boolean;
  deleteshortlink?: boolean;
  expire?: DateInput;
  deleteexpire?: boolean;
  /** 0 = unlimited. */
  maxtraffic?: number;
  /** 0 = unlimited. */
  maxdownloads?: number;
  linkpassword?: string;
  /** Undocumented (third-party client). */
  deletepassword?: boolean;
}

export function changePublink(
  params: ChangePublinkParams,
  opts?: CallOptions,
): Promise<{ shortcode?: string; shortlink?: string }> {
  return request<{ shortcode?: string; shortlink?: string }>('changepublink', params, opts);
}

export function getPubThumb(params: PublinkTarget & ThumbOptions, opts?: CallOptions): Promise<Response> {
  return requestBinary('getpubthumb', params, opts);
}

/** Anonymous, not IP-bound: usable directly as `<img src>`. */
export function getPubThumbUrl(params: PublinkTarget & ThumbOptions, opts?: { apiBase?: string }): string {
  return methodUrl('getpubthumb', params, opts);
}

export function getPubThumbLink(params: PublinkTarget & ThumbOptions, opts?: CallOptions): Promise<ThumbLink> {
  return request<ThumbLink>('getpubthumblink', params, opts);
}

export function getPubThumbsLinks(
  params: { code: string; fileids: readonly number[] } & ThumbOptions,
  opts?: CallOptions,
): Promise<{ thumbs: ThumbsLinkEntry[] }> {
  return request<{ thumbs: ThumbsLinkEntry[] }>('getpubthumbslinks', params, opts);
}

export type SavePubThumbParams = PublinkTarget & ThumbOptions & Destination & { noover?: boolean };

export function savePubThumb(
  params: SavePubThumbParams,
  opts?: CallOptions,
): Promise<{ metadata: FileMetadata; width: number; height: number }> {
  return request<{ metadata: FileMetadata; width: number; height: number }>('savepubthumb', params, opts);
}

export type PubZipParams = { code: string } & Pick<TreeParams, 'fileids' | 'folderids' | 'folderid'> & {
    forcedownload?: boolean;
    filename?: string;
    timeoffset?: string;
  };

export function getPubZip(params: PubZipParams, opts?: CallOptions): Promise<Response> {
  return requestBinary('getpubzip', params, opts);
}

/** Anonymous zip stream: usable directly as `<a href download>`. */
export function getPubZipUrl(params: PubZipParams, opts?: { apiBase?: string }): string {
  return methodUrl('getpubzip', params, opts);
}

export function getPubZipLink(params: PubZipParams & { maxspeed?: number }, opts?: CallOptions): Promise<FileLink> {
  return request<FileLink>('getpubziplink', params, opts);
}

export type SavePubZipParams = { code: string } & Pick<TreeParams, 'fileids' | 'folderids' | 'folderid'> &
  Destination & { timeoffset?: string };

export function savePubZip(params: SavePubZipParams, opts?: CallOptions): Promise<{ metadata: FileMetadata }> {
  return request<{ metadata: FileMetadata }>('savepubzip', params, opts);
}

export function getPubVideoLinks(
  params: PublinkTarget & LinkOptions,
  opts?: CallOptions,
): Promise<{ variants: VideoVariant[] }> {
  return request<{ variants: VideoVariant[] }>('getpubvideolinks', params, opts);
}

export function getPubAudioLink(
  params: PublinkTarget & Pick<LinkOptions, 'forcedownload' | 'contenttype'> & { abitrate?: number },
  opts?: CallOptions,
): Promise<FileLink> {
  return request<FileLink>('getpubaudiolink', params, opts);
}

export function getPubTextFile(
  params: PublinkTarget & { fromencoding?: string; toencoding?: string; forcedownload?: boolean; contenttype?: string },
  opts?: CallOptions,
): Promise<Response> {
  return requestBinary('getpubtextfile', params, opts);
}

/** Undocumented (seen in cyberdrop-dl): video variants of a public-link file. */
export function getMediaTranscodePublink(
  params: PublinkTarget & { forcedownload?: boolean },
  opts?: CallOptions,
): Promise<{ variants: VideoVariant[] }> {
  return request<{ variants: VideoVariant[] }>('getmediatranscodepublink', params, opts);
}
