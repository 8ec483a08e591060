// Pure helpers over the recursive metadata that showpublink returns for folder and tree links.
import type { FolderMetadata, Metadata } from '../../api/types';
import { getT } from '../../i18n';
import common from '../../locales/en/common';
import pub from '../../locales/en/public';

const tc = getT(common);
const t = getT(pub);

export interface FolderIndex {
  root: FolderMetadata;
  /** folderid → the folder and its parent's folderid (null for the link's root). */
  folders: Map<number, { folder: FolderMetadata; parent: number | null }>;
}

export function indexFolders(root: FolderMetadata): FolderIndex {
  const folders: FolderIndex['folders'] = new Map();
  const walk = (folder: FolderMetadata, parent: number | null) => {
    // first occurrence wins: a malformed tree with a repeated id cannot loop
    if (folders.has(folder.folderid)) return;
    folders.set(folder.folderid, { folder, parent });
    for (const child of folder.contents ?? []) if (child.isfolder) walk(child, folder.folderid);
  };
  walk(root, null);
  return { root, folders };
}

/** The chain of folders from the link's root down to `folderid` (just the root if it is unknown). */
export function trail(index: FolderIndex, folderid: number | null): FolderMetadata[] {
  const out: FolderMetadata[] = [];
  let id: number | null = folderid !== null && index.folders.has(folderid) ? folderid : index.root.folderid;
  const seen = new Set<number>();
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const entry = index.folders.get(id);
    if (!entry) break;
    out.unshift(entry.folder);
    id = entry.parent;
  }
  return out;
}

/** Counts for a folder line such as "3 folders, 12 files", in the app's language. */
export function describeContents(items: readonly Metadata[]): string {
  if (!items.length) return t('emptyFolderCount');
  let folders = 0;
  for (const m of items) if (m.isfolder) folders++;
  const files = items.length - folders;
  if (!files) return tc('folders', { count: folders });
  if (!folders) return tc('files', { count: files });
  return t('contentsSeparator', { folders: tc('folders', { count: folders }), files: tc('files', { count: files }) });
}

/** A zip name from a folder name: no path separators or control characters, `.zip` at the end. */
export function zipName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim() || 'download';
  return `${clean.slice(0, 200)}.zip`;
}
