// Folder listings as the API shows them: listfolder, trash_restore's metadata and public folder
// links all build them here.
import type { FolderRow, UserRow } from '../store/model';
import { ICON_IDS, fileKind, type FileKind } from '../store/model';
import { formatDate } from '../http/dates';
import type { Meta, Storage } from '../store/storage';
import { ChunkWriter, RawJson, metaJson, type JsonOptions } from '../json';

/**
 * A folder's listing; recursive children carry `contents` but no `path` (docs/pcloud/structures.md §1.1).
 * With `fmt` (listfolder), files are serialised straight to JSON in one fragment per folder: with
 * 100,000 files that is several times faster than building objects for the generic serialiser.
 */
export function listing(
  st: Storage,
  user: UserRow,
  folder: FolderRow,
  opts: { recursive: boolean; nofiles: boolean; showdeleted: boolean; noshares: boolean; path?: string | null; fmt?: JsonOptions },
): Meta {
  const meta = st.folderMeta(user, folder, { path: opts.path });
  const prefix = typeof meta.path === 'string' ? (meta.path === '/' ? '' : meta.path) : null;
  const contents: (Meta | RawJson)[] = [];
  const child = (nested: boolean, name: string) => (nested || prefix === null ? null : `${prefix}/${name}`);
  const walk = (row: FolderRow, into: (Meta | RawJson)[], nested: boolean) => {
    const deleted = opts.showdeleted ? [0, 1] : [0];
    for (const d of deleted) {
      for (const sub of st.childFolders(row.id, d)) {
        if (opts.noshares && sub.owner !== user.id) continue;
        if (sub.owner !== user.id && !st.folderPerms(user, sub)) continue;
        const m = st.folderMeta(user, sub, { path: child(nested, sub.name) });
        if (opts.recursive) {
          const inner: (Meta | RawJson)[] = [];
          walk(sub, inner, true);
          m.contents = inner;
        }
        into.push(m);
      }
      if (opts.nofiles) continue;
      const pathPrefix = nested || prefix === null ? null : `${prefix}/`;
      if (opts.fmt) {
        const chunks = filesJson(st, user, row, d, pathPrefix, opts.fmt);
        if (chunks.length) into.push(new RawJson(chunks));
      } else {
        for (const f of st.childFiles(row.id, d)) into.push(st.fileMeta(user, f, { path: child(nested, f.name) }));
      }
    }
  };
  walk(folder, contents, false);
  meta.contents = contents;
  return meta;
}

/** JSON for every field name, once: `"name":`. */
const keys = new Map<string, string>();

const key = (k: string) => keys.get(k) ?? (keys.set(k, JSON.stringify(k) + ':'), keys.get(k)!);

/**
 * The files of one folder as JSON array elements (`{…},{…}`), exactly as `toJson(st.fileMeta(…))`
 * prints them but without building objects: the listfolder fast path. Own files without media fields
 * are written here field by field; anything else (foreign files in shares, probed media) takes the
 * generic path.
 */
function filesJson(st: Storage, user: UserRow, folder: FolderRow, deleted: number, pathPrefix: string | null, fmt: JsonOptions): Buffer[] {
  const rows = st.childFilesForListing(folder.id, deleted);
  if (!rows.length) return [];
  const f = fmt.filterMeta;
  const want = (k: string) => !f || f.has(k);
  const w = {
    name: want('name'), created: want('created'), modified: want('modified'), ismine: want('ismine'), isshared: want('isshared'),
    thumb: want('thumb'), comments: want('comments'), isfolder: want('isfolder'), id: want('id'), fileid: want('fileid'),
    parentfolderid: want('parentfolderid'), icon: want('icon'), category: want('category'), contenttype: want('contenttype'),
    size: want('size'), hash: want('hash'), path: want('path') && pathPrefix !== null, isdeleted: want('isdeleted') && deleted !== 0,
  };
  // files of a folder tend to share timestamps (one upload batch): format each second once
  let lastSecond = -1;
  let lastDate = '';
  const date = (s: number) => {
    if (s !== lastSecond) {
      lastSecond = s;
      lastDate = fmt.timestamps ? String(s) : `"${formatDate(s)}"`;
    }
    return lastDate;
  };
  const parent = String(st.extFolderId(user, folder.id));
  const out = new ChunkWriter();
  let sep = '';
  // `"icon":…,"category":…,"contenttype":…` per kind, and the constant runs of fields
  const kinds = new Map<FileKind, string>();
  const kindJson = (k: FileKind) =>
    kinds.get(k) ??
    (kinds.set(k, `"icon":${fmt.iconIds ? String(ICON_IDS[k.icon] ?? 0) : JSON.stringify(k.icon)},"category":${k.category},"contenttype":${JSON.stringify(k.contenttype)}`),
    kinds.get(k)!);
  const tail = `${deleted !== 0 ? ',"isdeleted":true' : ''}}`;
  for (const [id, owner, name, size, created, modified, hash, media] of rows) {
    if (owner !== user.id || media) {
      const row = st.fileRow(id)!;
      out.write(sep + metaJson(st.fileMeta(user, row, { path: pathPrefix === null ? null : pathPrefix + name, blob: { hash, media } }), fmt));
      sep = ',';
      continue;
    }
    const kind = fileKind(name);
    if (!f) {
      const quoted = JSON.stringify(name);
      const path = pathPrefix === null ? '' : `,"path":${pathPrefix === '/' ? `"/${quoted.slice(1)}` : JSON.stringify(pathPrefix + name)}`;
      out.write(
        `${sep}{"name":${quoted},"created":${date(created)},"modified":${date(modified)},"ismine":true,"isshared":false,"thumb":${kind.thumb && size > 0},` +
          `"comments":0,"isfolder":false,"id":"f${id}","fileid":${id},"parentfolderid":${parent},${kindJson(kind)},"size":${size},"hash":${hash}${path}${tail}`,
      );
      sep = ',';
      continue;
    }
    const parts: string[] = [];
    if (w.name) parts.push(key('name') + JSON.stringify(name));
    if (w.created) parts.push(key('created') + date(created));
    if (w.modified) parts.push(key('modified') + date(modified));
    if (w.ismine) parts.push(key('ismine') + 'true');
    if (w.isshared) parts.push(key('isshared') + 'false');
    if (w.thumb) parts.push(key('thumb') + String(kind.thumb && size > 0));
    if (w.comments) parts.push(key('comments') + '0');
    if (w.isfolder) parts.push(key('isfolder') + 'false');
    if (w.id) parts.push(key('id') + `"f${id}"`);
    if (w.fileid) parts.push(key('fileid') + id);
    if (w.parentfolderid) parts.push(key('parentfolderid') + parent);
    if (w.icon) parts.push(key('icon') + (fmt.iconIds ? String(ICON_IDS[kind.icon] ?? 0) : JSON.stringify(kind.icon)));
    if (w.category) parts.push(key('category') + kind.category);
    if (w.contenttype) parts.push(key('contenttype') + JSON.stringify(kind.contenttype));
    if (w.size) parts.push(key('size') + size);
    if (w.hash) parts.push(key('hash') + hash);
    if (w.path) parts.push(key('path') + JSON.stringify(pathPrefix + name));
    if (w.isdeleted) parts.push(key('isdeleted') + 'true');
    out.write(`${sep}{${parts.join(',')}}`);
    sep = ',';
  }
  return out.flush();
}
