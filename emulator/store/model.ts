import { lookup } from 'mime-types';

/** A datetime inside a reply; the HTTP layer prints it per `timeformat`. */
export class PDate {
  constructor(readonly seconds: number) {}
}

export const now = (): number => Math.floor(Date.now() / 1000);

export interface UserRow {
  id: number;
  email: string;
  /** scrypt hash (store/passwords.ts). */
  password: string;
  /** The password sealed under the data dir's key, for digest/md5 logins only. */
  sealed: string | null;
  created: number;
  quota: number;
  language: string;
  emailverified: number;
  premium: number;
  locationid: number;
  rootfolder: number;
  acceptsshares: number;
  deactivated: number;
}

/** What a user may do in a folder: `mine` for the owner, the rest granted by a share. */
export interface Perms {
  mine: boolean;
  read: boolean;
  create: boolean;
  modify: boolean;
  delete: boolean;
}

export interface FolderRow {
  id: number;
  owner: number;
  parent: number | null;
  name: string;
  created: number;
  modified: number;
  deleted: number;
  origparent: number | null;
  deletedat: number | null;
}

export interface FileRow {
  id: number;
  owner: number;
  parent: number;
  name: string;
  blob: string;
  size: number;
  created: number;
  modified: number;
  deleted: number;
  origparent: number | null;
  deletedat: number | null;
}

export interface BlobRow {
  key: string;
  size: number;
  sha1: string;
  md5: string;
  hash: string;
  media: string | null;
}

export interface FileKind {
  contenttype: string;
  category: number;
  icon: string;
  thumb: boolean;
}

const ARCHIVES = new Set([
  'application/zip', 'application/x-tar', 'application/gzip', 'application/x-7z-compressed',
  'application/vnd.rar', 'application/x-rar-compressed', 'application/x-bzip2', 'application/x-xz',
]);
const THUMBABLE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/tiff', 'image/avif', 'image/bmp']);

const kinds = new Map<string, FileKind>();

// The extension → category/icon mapping is unverified (docs/pcloud/structures.md §1.3): we derive it from the MIME type.
export function fileKind(name: string): FileKind {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  // memoised per extension: a 100,000-file listing must not look up the MIME table per row
  let kind = kinds.get(ext);
  if (!kind) {
    kind = kindOf(ext);
    if (kinds.size < 10_000) kinds.set(ext, kind);
  }
  return kind;
}

function kindOf(ext: string): FileKind {
  let contenttype = (ext && lookup(ext)) || 'application/octet-stream';
  if (ext === 'm3u8' || ext === 'm3u') contenttype = 'audio/x-mpegurl';
  if (ext === 'ts' || ext === 'tsx') contenttype = 'text/plain'; // code, not MPEG-TS, in a file manager
  const [major] = contenttype.split('/');
  if (major === 'image') return { contenttype, category: 1, icon: 'image', thumb: THUMBABLE_IMAGES.has(contenttype) };
  if (major === 'video') return { contenttype, category: 2, icon: 'video', thumb: true };
  if (major === 'audio') return { contenttype, category: 3, icon: 'audio', thumb: false };
  if (ARCHIVES.has(contenttype)) return { contenttype, category: 5, icon: 'archive', thumb: false };
  if (contenttype === 'text/html') return { contenttype, category: 4, icon: 'web', thumb: false };
  if (/spreadsheet|excel|csv/.test(contenttype)) return { contenttype, category: 4, icon: 'spreadsheet', thumb: false };
  if (/presentation|powerpoint/.test(contenttype)) return { contenttype, category: 4, icon: 'presentation', thumb: false };
  if (major === 'text' || /pdf|document|msword|rtf|json|xml|javascript|typescript/.test(contenttype)) {
    return { contenttype, category: 4, icon: 'document', thumb: false };
  }
  if (/x-iso9660|diskimage|apple-diskimage/.test(contenttype)) return { contenttype, category: 0, icon: 'diskimage', thumb: false };
  if (/executable|x-msdownload|x-sh/.test(contenttype)) return { contenttype, category: 0, icon: 'executable', thumb: false };
  return { contenttype, category: 0, icon: 'file', thumb: false };
}

/** Icon ids for `iconformat=id` (docs/pcloud/structures.md §1.3). */
export const ICON_IDS: Record<string, number> = {
  file: 0, image: 1, video: 2, audio: 3, document: 4, archive: 5, spreadsheet: 8, presentation: 7,
  web: 18, executable: 16, diskimage: 23, folder: 20, database: 0, gis: 0, font: 0, package: 5,
};

export function validName(name: string): boolean {
  if (name === '' || name === '.' || name === '..') return false;
  if (/[/\\\0]/.test(name)) return false;
  return Buffer.byteLength(name, 'utf8') < 1024;
}

/** `name (2).ext`, `name (3).ext`, … as pCloud's renameifexists does. */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  if (dot > 0) return `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
  return `${name} (${n})`;
}

export interface TokenRow {
  id: number;
  userid: number;
  token: string;
  kind: 'auth' | 'oauth';
  clientid: string | null;
  device: string;
  created: number;
  expires: number;
  inactiveexpire: number;
  lastused: number;
  revoked: number;
}
