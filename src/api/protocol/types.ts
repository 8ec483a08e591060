// Wire types of pCloud replies (docs/pcloud/structures.md and docs/pcloud/methods-*.md). Shared by the browser client and
// the emulator. Fields marked optional are either conditional on the request or only observed in
// real replies; clients must tolerate unknown extra fields, so nothing here is exhaustive.

export * from './metadata';
import type { FileMetadata, FolderMetadata, Metadata, PcloudDate, Uint64String } from './metadata';

// ---------------------------------------------------------------------------------------------
// Events (docs/pcloud/structures.md §5)

export type FileEventName =
  | 'reset'
  | 'createfolder'
  | 'modifyfolder'
  | 'deletefolder'
  | 'createfile'
  | 'modifyfile'
  | 'deletefile';

export type ShareEventName =
  | 'requestsharein'
  | 'acceptedsharein'
  | 'declinedsharein'
  | 'cancelledsharein'
  | 'removedsharein'
  | 'modifiedsharein'
  | 'requestshareout'
  | 'acceptedshareout'
  | 'declinedshareout'
  | 'cancelledshareout'
  | 'removedshareout'
  | 'modifiedshareout';

/** Unknown event names must be ignored, hence the open `string`. */
export type EventName = FileEventName | ShareEventName | 'modifyuserinfo' | (string & {});

export interface DiffEvent {
  event: EventName;
  time: PcloudDate;
  diffid: number;
  metadata?: Metadata;
  share?: ShareInfo;
  userinfo?: Partial<UserInfo>;
}

// ---------------------------------------------------------------------------------------------
// Content links (docs/pcloud/structures.md §6)

export interface FileLink {
  hosts: string[];
  /** Absolute, percent-encoded; append to `<scheme>://<hosts[0]>`. */
  path: string;
  expires: PcloudDate;
  dwltag?: string;
  hash?: Uint64String;
  /** Bytes on getfilelink; on thumbnail links it is the produced `"WxH"`. */
  size?: number | string;
}

export interface ThumbLink extends FileLink {
  /** Produced image size `"WxH"`. */
  size: string;
}

/** Per-file entry of getthumbslinks / getpubthumbslinks (its own result code). */
export interface ThumbsLinkEntry {
  fileid: number;
  result: number;
  error?: string;
  hosts?: string[];
  path?: string;
  expires?: PcloudDate;
  size?: string;
}

export interface VideoVariant extends FileLink {
  isoriginal: boolean;
  width: number;
  height: number;
  duration: string;
  fps: string;
  videocodec: string;
  audiocodec: string;
  videobitrate: number;
  audiobitrate: number;
  audiosamplerate?: number;
  rotate?: number;
  /** Only on getmediatranscodepublink (undocumented), e.g. `"original"`. */
  transcodetype?: string;
}

// ---------------------------------------------------------------------------------------------
// Checksums and account (docs/pcloud/structures.md §7, §8)

/** `md5` on US accounts, `sha256` on EU accounts; `sha1` everywhere. Lowercase hex. */
export interface Checksums {
  sha1: string;
  md5?: string;
  sha256?: string;
}

export interface UserInfo {
  userid: number;
  email: string;
  emailverified: boolean;
  registered: PcloudDate;
  premium: boolean;
  premiumexpires?: PcloudDate;
  premiumlifetime?: boolean;
  quota: number;
  usedquota: number;
  language: string;
  plan?: number;
  business?: boolean;
  cryptosetup?: boolean;
  cryptosubscription?: boolean;
  cryptolifetime?: boolean;
  cryptoexpires?: PcloudDate;
  publiclinkquota?: number;
  trashrevretentiondays?: number;
  freequota?: number;
  haspassword?: boolean;
  usedpublinkbranding?: boolean;
  agreedwithpp?: boolean;
  haspaidrelocation?: boolean;
  currency?: string;
  journey?: { claimed: boolean; steps: Record<string, boolean> };
  registrationinfo?: { provider?: unknown; device?: unknown; country?: string; ref?: unknown };
  apiserver?: ApiServers;
  /** Only with `getauth=1` on a credential login, never for OAuth callers. */
  auth?: string;
}

export interface ApiServers {
  api: string[];
  binapi: string[];
}

export interface ServerInfo {
  ip: string;
  ipbin: string;
  ipv6: string;
  hostname: string;
}

export interface AuthToken {
  tokenid: number;
  device: string;
  created: PcloudDate;
  expires_inactive: PcloudDate;
  expires: PcloudDate;
}

export interface UserInvite {
  email: string;
  /** Docs say boolean; the example shows `1`. */
  is_pending: boolean | number;
}

// ---------------------------------------------------------------------------------------------
// Upload progress (docs/pcloud/methods-core.md §3)

export interface UploadProgress {
  total: number;
  uploaded: number;
  currentfile?: string;
  currentfileuploaded?: number;
  filenumber?: number;
  files?: Metadata[];
  finished: boolean;
}

export interface RemoteDownloadFile {
  url: string;
  status: 'waiting' | 'downloading' | 'ready' | 'error';
  size?: number;
  downloaded?: number;
  metadata?: Metadata;
}

/** `uploadprogress` for a `downloadfile` job. */
export interface RemoteDownloadProgress {
  urlcount: number;
  urlready: number;
  urlworking: number;
  finished: boolean;
  files: RemoteDownloadFile[];
}

// ---------------------------------------------------------------------------------------------
// Archiving (docs/pcloud/methods-media.md §2)

export interface SaveZipProgress {
  files: number;
  totalfiles: number;
  bytes: number;
  totalbytes: number;
}

export interface ExtractProgress {
  finished: boolean;
  lines: number;
  output?: string[];
  progresshash?: string;
  hostname?: string;
  ip?: string;
  ipbin?: string;
  ipv6?: string;
}

// ---------------------------------------------------------------------------------------------
// Sharing (docs/pcloud/methods-sharing.md §3)

/** Output permission booleans; input is the bit sum create=1, modify=2, delete=4, manage=8. */
export interface SharePermissions {
  canread: boolean;
  cancreate: boolean;
  canmodify: boolean;
  candelete: boolean;
  canmanage?: boolean;
}

export const SHARE_PERMISSION = { create: 1, modify: 2, delete: 4, manage: 8 } as const;

/** Loose union of every field a share object may carry (share events omit many of them). */
export interface ShareInfo extends Partial<SharePermissions> {
  sharerequestid?: number;
  shareid?: number;
  folderid?: number;
  sharename?: string;
  foldername?: string;
  tomail?: string;
  touserid?: number;
  frommail?: string;
  fromuserid?: number;
  folderowneruserid?: number;
  created?: PcloudDate;
  expires?: PcloudDate;
  message?: string;
}

/** An established share (listshares `shares.incoming`/`shares.outgoing`). */
export interface Share extends SharePermissions {
  shareid: number;
  folderid: number;
  sharename: string;
  created: PcloudDate;
  tomail?: string;
  touserid?: number;
  frommail?: string;
  fromuserid?: number;
  folderowneruserid?: number;
}

/** A pending offer (listshares `requests.*`, sharerequestinfo `share`). */
export interface ShareRequest extends SharePermissions {
  sharerequestid: number;
  folderid: number;
  sharename: string;
  created: PcloudDate;
  expires: PcloudDate;
  message?: string;
  tomail?: string;
  frommail?: string;
  fromuserid?: number;
  folderowneruserid?: number;
}

export interface ShareLists {
  shares?: { incoming?: Share[]; outgoing?: Share[] };
  requests?: { incoming?: ShareRequest[]; outgoing?: ShareRequest[] };
}

// ---------------------------------------------------------------------------------------------
// Public links (docs/pcloud/methods-publinks.md §2)

export interface PublinkCreated {
  linkid: number;
  code: string;
  link: string;
  shortcode?: string;
  shortlink?: string;
}

export interface Publink extends PublinkCreated {
  created: PcloudDate;
  modified: PcloudDate;
  metadata: Metadata;
  downloads: number;
  traffic: number;
  expires?: PcloudDate;
  maxdownloads?: number;
  maxtraffic?: number;
  haspassword?: boolean;
}

/** listplshort item: no metadata, ids instead. */
export interface PublinkShort extends PublinkCreated {
  created: PcloudDate;
  modified: PcloudDate;
  isfolder: boolean;
  fileid?: number;
  folderid?: number;
  id?: string;
  downloads?: number;
  traffic?: number;
  expires?: PcloudDate;
  maxdownloads?: number;
  maxtraffic?: number;
}

// ---------------------------------------------------------------------------------------------
// Upload links (docs/pcloud/methods-uploadlinks.md §2)

export interface UploadLinkCreated {
  uploadlinkid: number;
  code: string;
  mail: string;
  link: string;
}

export interface UploadLink extends UploadLinkCreated {
  comment: string;
  files: number;
  space: number;
  metadata: FolderMetadata;
  created: PcloudDate;
  modified: PcloudDate;
  /** The real field name is unverified (docs vs api.txt); read either. */
  expire?: PcloudDate;
  expires?: PcloudDate;
  maxspace?: number;
  maxfiles?: number;
}

export interface UploadLinkInfo {
  comment: string;
  mail: string;
}

// ---------------------------------------------------------------------------------------------
// Revisions, trash, collections (docs/pcloud/methods-misc.md)

export interface Revision {
  revisionid: number;
  size: number;
  hash: Uint64String;
  created: PcloudDate;
}

export type CollectionItem = FileMetadata & { position: number; added: PcloudDate };

export interface Collection {
  id: number;
  name: string;
  /** `"audio"` for playlists (input type 1). */
  type: string;
  ismine: boolean;
  system: boolean;
  /** Item **count**, not an array. */
  items: number;
  created: PcloudDate;
  modified: PcloudDate;
  contents?: CollectionItem[];
}

export const COLLECTION_TYPE = { playlist: 1 } as const;

export interface CollectionLinkResult {
  /** A string in the docs example; treat as opaque id text. */
  fileid: string | number;
  result: number;
  message?: string;
  metadata?: CollectionItem;
}

// ---------------------------------------------------------------------------------------------
// OAuth (docs/pcloud/methods-media.md §4)

export interface OAuthTokenResult {
  access_token: string;
  token_type: 'bearer';
  uid: number;
  userid?: number;
  locationid?: 1 | 2;
}

/** 1 = US (api.pcloud.com), 2 = EU (eapi.pcloud.com). */
export type LocationId = 1 | 2;
