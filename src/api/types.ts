// Wire types (re-exported from protocol/) plus parameter shapes shared by several categories.
import type { PcloudDate } from './protocol/types';

export type * from './protocol/types';
export { FILE_CATEGORY, SHARE_PERMISSION, COLLECTION_TYPE } from './protocol/types';

/** A file addressed by id (preferred) or by full path. */
export type FileRef = { fileid: number; path?: never } | { path: string; fileid?: never };

/** A folder addressed by id (0 = root) or by full path. */
export type FolderRef = { folderid: number; path?: never } | { path: string; folderid?: never };

/** Target folder where omitting both means the root (uploadfile, downloadfile). */
export type OptionalFolderRef = { folderid?: number; path?: never } | { path?: string; folderid?: never };

/** Destination of copy/rename/save: a folder id (+ optional name) or a full path. */
export type Destination =
  | { tofolderid: number; toname?: string; topath?: never }
  | { topath: string; tofolderid?: never; toname?: never }
  | { toname: string; tofolderid?: never; topath?: never };

/** Datetime input (docs/pcloud/structures.md §2.2): a string in any accepted form, unix seconds, or a Date. */
export type DateInput = PcloudDate | number | Date;

/** Tree parameters (docs/pcloud/structures.md §4). */
export interface TreeParams {
  folderid?: number;
  folderids?: readonly number[];
  fileids?: readonly number[];
  excludefolderids?: readonly number[];
  excludefileids?: readonly number[];
}

/** Parameters every content-link method accepts (getfilelink and friends). */
export interface LinkOptions {
  forcedownload?: boolean;
  contenttype?: string;
  maxspeed?: number;
  skipfilename?: boolean;
}

/** Thumbnail request: `size` is `WxH`, each side divisible by 4 or 5 (16–2048 × 16–1024). */
export interface ThumbOptions {
  size: `${number}x${number}`;
  crop?: boolean;
  type?: 'png' | 'jpg';
}

/** Limits shared by the public-link creation methods. */
export interface PublinkLimits {
  expire?: DateInput;
  maxdownloads?: number;
  maxtraffic?: number;
  shortlink?: boolean;
  linkpassword?: string;
}

/** A file to upload: a File already has a name; a bare Blob needs one. */
export type UploadPart = File | { name: string; data: Blob };

/** Reply with no documented fields beyond `result`. */
export type Empty = Record<string, never>;
