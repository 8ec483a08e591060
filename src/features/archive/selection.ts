// What the zip methods take for a selection (docs/pcloud/structures.md §4 tree parameters), and a default name.
import type { FolderMetadata, Metadata } from '../../api/protocol/types';
import type { TreeParams } from '../../api/types';
import { getT } from '../../i18n';
import archive from '../../locales/en/archive';

const t = getT(archive);

export function treeOf(items: readonly Metadata[]): TreeParams {
  const fileids = items.flatMap((m) => (m.isfolder ? [] : [m.fileid]));
  const folderids = items.flatMap((m) => (m.isfolder ? [m.folderid] : []));
  return { ...(fileids.length ? { fileids } : {}), ...(folderids.length ? { folderids } : {}) };
}

/** "Holiday.zip" for one item, the open folder's name for several, "pCloud files.zip" (in the app's language) otherwise. */
export function defaultZipName(items: readonly Metadata[], folder?: FolderMetadata): string {
  const base =
    items.length === 1
      ? items[0].isfolder
        ? items[0].name
        : items[0].name.replace(/\.[^.]+$/, '') || items[0].name
      : folder && folder.folderid !== 0
        ? folder.name
        : t('defaultZipName');
  return `${base}.zip`;
}

/** A fresh progress id per job (the server keys savezip/extract progress by it). */
export function newProgressHash(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function describeSelection(items: readonly Metadata[]): string {
  if (items.length === 1) return t('quotedName', { name: items[0].name });
  const folders = items.filter((m) => m.isfolder).length;
  const files = items.length - folders;
  if (files && folders) return t('selFilesAndFolders', { files: t('selFiles', { count: files }), folders: t('selFolders', { count: folders }) });
  return files ? t('selFiles', { count: files }) : t('selFolders', { count: folders });
}
