// Metadata of files and folders (docs/pcloud/structures.md §1) and the scalar conventions every reply uses.
// Clients must tolerate unknown extra fields, so nothing here is exhaustive.

/**
 * RFC-1123Z string in UTC (`Thu, 21 Mar 2013 18:31:45 +0000`). The client never sends
 * `timeformat=timestamp`, so datetimes are always strings on the wire it sees.
 */
export type PcloudDate = string;

/**
 * Unsigned 64-bit integer kept as its exact decimal digits. The wire carries a bare JSON number
 * that exceeds 2^53; the client's lossless parser turns it into a string.
 */
export type Uint64String = string;

/** Every reply's envelope. */
export interface ApiResult {
  result: number;
  error?: string;
  /** Echo of the global `id` parameter. */
  id?: string;
}

// ---------------------------------------------------------------------------------------------
// Metadata (docs/pcloud/structures.md §1)

/** 0 uncategorized, 1 image, 2 video, 3 audio, 4 document, 5 archive. */
export type FileCategory = 0 | 1 | 2 | 3 | 4 | 5;

export const FILE_CATEGORY = {
  uncategorized: 0,
  image: 1,
  video: 2,
  audio: 3,
  document: 4,
  archive: 5,
} as const satisfies Record<string, FileCategory>;

interface MetadataBase {
  name: string;
  /** `"d<folderid>"` or `"f<fileid>"`. */
  id: string;
  /** Absent on the root folder; inside trash listings it is the position inside the trash. */
  parentfolderid?: number;
  created: PcloudDate;
  modified: PcloudDate;
  ismine: boolean;
  isshared: boolean;
  /** A name such as `"image"`, or a number with `iconformat=id`. */
  icon: string | number;
  thumb: boolean;
  /** Not reliable (docs and observations disagree); build paths from the tree instead. */
  path?: string;
  isdeleted?: boolean;
  /** Trash only: where the item lived before deletion. */
  origparentfolderid?: number;
  /** Permissions on foreign objects (inside folders shared to the caller). */
  canread?: boolean;
  canmodify?: boolean;
  candelete?: boolean;
  canmanage?: boolean;
  /** Owner of a foreign object. */
  userid?: number;
  comments?: number;
  encrypted?: boolean;
}

export interface FileMetadata extends MetadataBase {
  isfolder: false;
  fileid: number;
  size: number;
  contenttype: string;
  hash: Uint64String;
  category: FileCategory;
  /** Set when this file atomically replaced another one (renamefile, upload overwrite). */
  deletedfileid?: number;
  conflicted?: boolean;
  width?: number;
  height?: number;
  artist?: string;
  album?: string;
  title?: string;
  genre?: string;
  trackno?: string | number;
  /** Seconds as decimal text, e.g. `"245.33"`. */
  duration?: string;
  fps?: string;
  videocodec?: string;
  audiocodec?: string;
  videobitrate?: number;
  audiobitrate?: number;
  audiosamplerate?: number;
  rotate?: number;
}

export interface FolderMetadata extends MetadataBase {
  isfolder: true;
  folderid: number;
  cancreate?: boolean;
  /** Present on a listed folder (`[]` when empty) and on every folder of a recursive listing. */
  contents?: Metadata[];
}

export type Metadata = FileMetadata | FolderMetadata;
