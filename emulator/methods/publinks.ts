// Public links (docs/pcloud/methods-publinks.md): file, folder, tree and collection links with expiry,
// download/traffic limits and counters; anonymous methods see only what lies inside the link.
//
// Choices where the reference is silent or unverified (all isolated here):
// * Counters: `downloads` counts fetches of a file's original bytes (getpublinkdownload, the original
//   variant of getpubvideolinks/getmediatranscodepublink) and whole zips (getpubzip, getpubziplink's
//   URL); `traffic` counts every byte served for the link — those, transcoded streams
//   (getpubvideolinks/getpubaudiolink) and getpubtextfile. Thumbnails count nothing. Server-side copies
//   (copypubfile, savepubzip, savepubthumb) move no bytes to the visitor and count nothing.
// * 7010 (referer quirk): getpublinkdownload, getpubvideolinks, getpubaudiolink and
//   getmediatranscodepublink carry the docs banner; getpubthumb*/getpubzip* have none; for
//   getpubtextfile the docs page is unverified and we do not check, so browser previews of a link work.
// * getpubzip of a whole folder link holds the folder itself as the top directory (like getzip
//   folderids=<it>); tree links hold their virtual folder's items at the top; collection links their files.
//   Tree parameters outside the link answer 1017 (folders) / 1018 (files), the codes getpubzip documents.
// * Collection links show a virtual folder named after the collection (folderid 0) holding its files in
//   collection order; a file leaves the link when it leaves the collection or the owner loses it.
//   Top-level items of tree and collection links report `parentfolderid: 0` (that virtual root), not
//   the id of their real folder outside the link. listplshort adds `collectionid` for collection links.
import { randomBytes } from 'node:crypto';
import { defineMethods, me, RAW, type Ctx } from '../registry';
import type { Services } from '../services';
import type { FileRow, FolderRow, UserRow } from '../store/model';
import { PDate, now } from '../store/model';
import type { Meta, Storage } from '../store/storage';
import { ApiError, fail, messageFor } from '../errors';
import { fileArg, folderArg, times } from './common';
import { audioLinkReply, checkReferer, downloadGrant, mediaOf, sendTextFile, videoLinksReply, type GrantWrap } from '../domain/content-links';
import { pool, saveThumb, sendThumb, thumbLink, thumbOf, thumbSpec } from '../domain/thumbs';
import { buildZip, resolveTree, saveZip, streamZip, treeSpec, type TreeSpec as ZipTree, type ZipItem } from '../domain/zip';
import { visibleItems } from '../domain/collections';
import type { CollectionRow } from '../store/repos/collections';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listing } from '../domain/listing';
import { copyFile, destination } from '../store/ops';
import { guardContent, plain, sendFile, type LinkGrant } from '../content';

import type { LinkChange, LinkRow } from '../store/repos/links';

interface TreeSpec {
  name: string;
  fileids: number[];
  folderids: number[];
  folderid: number | null;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomCode(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

function linkUrl(owner: UserRow | undefined, code: string): string {
  return `https://${owner?.locationid === 2 ? 'e' : 'u'}.pcloud.link/publink/show?code=${code}`;
}

function shortUrl(owner: UserRow | undefined, shortcode: string): string {
  return `https://${owner?.locationid === 2 ? 'e.' : ''}pc.cd/${shortcode}`;
}

/** Only an owner may publish a file: one shared to them stays within the share. */
function publishable(userid: number, file: FileRow): boolean {
  return file.owner === userid;
}

class Links {
  constructor(readonly st: Storage) {}

  byId(owner: number, id: number): LinkRow | undefined {
    return this.st.links.owned(owner, id);
  }

  target(l: LinkRow): { file?: FileRow; folder?: FolderRow } | null {
    if (l.kind === 'file') {
      const file = this.st.fileRow(l.fileid!);
      return file && file.deleted === 0 ? { file } : null;
    }
    if (l.kind === 'folder') {
      const folder = this.st.folderRow(l.folderid!);
      return folder && folder.deleted === 0 ? { folder } : null;
    }
    if (l.kind === 'collection') return this.collection(l) ? {} : null;
    return {};
  }

  collection(l: LinkRow): CollectionRow | undefined {
    return l.collectionid === null ? undefined : this.st.collections.owned(l.collectionid, l.owner);
  }

  /**
   * The live files of a collection link, in collection order: only the owner's own. A collection
   * may hold files shared *to* its owner, which a public link must not republish (as getfilepublink refuses them).
   */
  collectionFiles(l: LinkRow): FileRow[] {
    const c = this.collection(l);
    return c ? visibleItems(this.st, this.st.user(l.owner)!, c).map((i) => i.file).filter((f) => publishable(l.owner, f)) : [];
  }

  /**
   * The link named by `code` (or its short code), checked in the documented order: 1028, 7001, 7002,
   * 7004, then 7005/7006 unless `limits` is false (copypubfile). A trashed target reads as deleted.
   */
  resolve(ctx: Ctx, limits = true): LinkRow {
    const code = ctx.p.str('code');
    if (!code) fail(1028);
    const l = this.st.links.byCode(code);
    if (!l) fail(7001);
    if (l.deleted || !this.target(l)) fail(7002);
    if (l.expire !== null && l.expire < now()) fail(7004);
    // Viewer-side passwords are undocumented: we take `linkpassword` and answer 2003 (unverified).
    if (l.password !== null && ctx.p.str('linkpassword') !== l.password) fail(2003);
    if (limits && l.maxtraffic && l.traffic >= l.maxtraffic) fail(7005);
    if (limits && l.maxdownloads && l.downloads >= l.maxdownloads) fail(7006);
    return l;
  }

  tree(l: LinkRow): TreeSpec {
    return JSON.parse(l.tree ?? '{}') as TreeSpec;
  }

  /** Whether a live folder lies inside a (live) link folder, at any depth. */
  inside(root: number, folder: number): boolean {
    let cur: FolderRow | undefined = this.st.folderRow(folder);
    while (cur && cur.deleted === 0) {
      if (cur.id === root) return true;
      cur = cur.parent !== null ? this.st.folderRow(cur.parent) : undefined;
    }
    return false;
  }

  /** The file `fileid` names inside the link (1029 when a folder-type link gets none, 2009 outside). */
  file(ctx: Ctx, l: LinkRow): FileRow {
    const id = ctx.p.int('fileid', 1018);
    if (l.kind === 'file') {
      if (id !== undefined && id !== l.fileid) fail(2009);
      return this.st.fileRow(l.fileid!)!;
    }
    if (id === undefined) fail(1029);
    return this.fileIn(l, id) ?? fail(2009);
  }

  /** A live file with this id inside the link's scope, or null. */
  fileIn(l: LinkRow, id: number): FileRow | null {
    if (l.kind === 'file') return id === l.fileid ? this.st.fileRow(id)! : null;
    if (l.kind === 'collection') return this.collectionFiles(l).find((f) => f.id === id) ?? null;
    const f = this.st.fileRow(id);
    if (!f || f.deleted !== 0 || f.owner !== l.owner) return null;
    return this.folderIn(l, f.parent) ? f : l.kind === 'tree' && this.tree(l).fileids.includes(f.id) ? f : null;
  }

  /** Whether a live folder (internal id) lies inside the link's scope (a tree's poured-in folder included). */
  folderIn(l: LinkRow, id: number): boolean {
    if (l.kind === 'folder') return this.inside(l.folderid!, id);
    if (l.kind !== 'tree') return false;
    const f = this.st.folderRow(id);
    if (!f || f.deleted !== 0 || f.owner !== l.owner) return false;
    const t = this.tree(l);
    if (t.folderid !== null && this.inside(t.folderid, id)) return true;
    return t.folderids.some((root) => this.inside(root, id));
  }

  /**
   * The zip tree of a link (owner's folder ids): the whole link, or the sub-tree named by
   * `folderid`/`folderids`/`fileids` (each must lie inside the link: 1017 / 1018 otherwise).
   * Exclusions narrow it further.
   */
  zipSpec(ctx: Ctx, l: LinkRow): ZipTree {
    const owner = this.st.user(l.owner)!;
    const asked = treeSpec(ctx.p);
    const ext = (id: number) => this.st.extFolderId(owner, id);
    if (asked.folderid !== undefined || asked.folderids.length || asked.fileids.length) {
      for (const id of [...(asked.folderid !== undefined ? [asked.folderid] : []), ...asked.folderids]) {
        if (!this.folderIn(l, this.st.intFolderId(owner, id))) fail(1017);
      }
      for (const id of asked.fileids) if (!this.fileIn(l, id)) fail(1018);
      return asked;
    }
    const base = { excludefolderids: asked.excludefolderids, excludefileids: asked.excludefileids };
    if (l.kind === 'file') return { ...base, folderids: [], fileids: [l.fileid!] };
    if (l.kind === 'folder') return { ...base, folderids: [ext(l.folderid!)], fileids: [] };
    if (l.kind === 'collection') return { ...base, folderids: [], fileids: this.collectionFiles(l).map((f) => f.id) };
    const t = this.tree(l);
    const live = (id: number) => {
      const f = this.st.folderRow(id);
      return f !== undefined && f.deleted === 0 && f.owner === l.owner;
    };
    return {
      ...base,
      folderid: t.folderid !== null && live(t.folderid) ? ext(t.folderid) : undefined,
      folderids: t.folderids.filter(live).map(ext),
      fileids: t.fileids.filter((id) => this.fileIn(l, id)),
    };
  }

  zipItems(l: LinkRow, spec: ZipTree): ZipItem[] {
    return resolveTree(this.st, this.st.user(l.owner)!, spec);
  }

  /** Metadata as a link's viewer sees it: no paths, nothing above the link, never shared. */
  scrub(m: Meta, mine: boolean, top: boolean): Meta {
    delete m.path;
    if (top) delete m.parentfolderid;
    m.ismine = mine;
    m.isshared = false;
    for (const k of ['userid', 'canread', 'canmodify', 'candelete', 'cancreate']) delete m[k];
    if (Array.isArray(m.contents)) m.contents = (m.contents as Meta[]).map((c) => this.scrub(c, mine, false));
    return m;
  }

  folderTree(owner: UserRow, folder: FolderRow): Meta {
    return listing(this.st, owner, folder, { recursive: true, nofiles: false, showdeleted: false, noshares: true, path: null });
  }

  /** showpublink's metadata: the file, the folder with recursive contents, or the virtual tree folder. */
  metadata(l: LinkRow, caller: UserRow | null): Meta {
    const owner = this.st.user(l.owner)!;
    const mine = caller?.id === l.owner;
    if (l.kind === 'file') return this.scrub(this.st.fileMeta(owner, this.st.fileRow(l.fileid!)!, { path: null }), mine, true);
    if (l.kind === 'folder') return this.scrub(this.folderTree(owner, this.st.folderRow(l.folderid!)!), mine, true);
    if (l.kind === 'collection') {
      const c = this.collection(l)!;
      const root: Meta = {
        name: c.name, created: new PDate(c.created), modified: new PDate(c.modified), ismine: mine, isshared: false,
        thumb: false, comments: 0, isfolder: true, id: 'd0', folderid: 0, icon: 'folder',
        // items hang off the virtual root: their real folders lie outside the link
        contents: this.collectionFiles(l).map((f) => ({ ...this.st.fileMeta(owner, f, { path: null }), parentfolderid: 0 })),
      };
      return this.scrub(root, mine, true);
    }
    const t = this.tree(l);
    const contents: Meta[] = [];
    const live = (id: number) => {
      const f = this.st.folderRow(id);
      return f && f.deleted === 0 && f.owner === l.owner ? f : undefined;
    };
    for (const id of t.folderids) {
      const f = live(id);
      if (f) contents.push(this.folderTree(owner, f));
    }
    if (t.folderid !== null) {
      const f = live(t.folderid);
      if (f) contents.push(...((this.folderTree(owner, f).contents as Meta[]) ?? []));
    }
    for (const id of t.fileids) {
      const f = this.st.fileRow(id);
      if (f && f.deleted === 0 && f.owner === l.owner) contents.push(this.st.fileMeta(owner, f, { path: null }));
    }
    for (const c of contents) c.parentfolderid = 0; // the virtual root, not folders outside the link
    const root: Meta = {
      name: t.name, created: new PDate(l.created), modified: new PDate(l.created), ismine: mine, isshared: false,
      thumb: false, comments: 0, isfolder: true, id: 'd0', folderid: 0, icon: 'folder', contents,
    };
    return this.scrub(root, mine, true);
  }

  object(l: LinkRow, withMeta: boolean): Meta | null {
    const owner = this.st.user(l.owner)!;
    const m: Meta = { linkid: l.id, code: l.code, link: linkUrl(owner, l.code), created: new PDate(l.created), modified: new PDate(l.modified) };
    if (withMeta) {
      if (l.kind === 'tree') m.metadata = this.metadata(l, owner);
      else if (l.kind === 'collection') {
        if (!this.collection(l)) return null;
        const meta = this.metadata(l, owner);
        delete meta.contents;
        m.metadata = meta;
      }
      else {
        const target = l.kind === 'file' ? this.st.fileRow(l.fileid!) : this.st.folderRow(l.folderid!);
        if (!target) return null;
        m.metadata = l.kind === 'file' ? this.st.fileMeta(owner, target as FileRow) : this.st.folderMeta(owner, target as FolderRow);
      }
    } else {
      m.isfolder = l.kind !== 'file';
      if (l.kind === 'file') Object.assign(m, { fileid: l.fileid, id: `f${l.fileid}` });
      else if (l.kind === 'collection') Object.assign(m, { folderid: 0, id: 'd0', collectionid: l.collectionid });
      else Object.assign(m, { folderid: l.folderid ?? 0, id: `d${l.folderid ?? 0}` });
    }
    m.downloads = l.downloads;
    m.traffic = l.traffic;
    if (l.shortcode) Object.assign(m, { shortcode: l.shortcode, shortlink: shortUrl(owner, l.shortcode) });
    if (l.expire !== null) m.expires = new PDate(l.expire);
    if (l.maxdownloads) m.maxdownloads = l.maxdownloads;
    if (l.maxtraffic) m.maxtraffic = l.maxtraffic;
    m.haspassword = l.password !== null;
    return m;
  }

  /** Common creation parameters and the new link's creation reply. */
  create(ctx: Ctx, kind: LinkRow['kind'], target: { fileid?: number; folderid?: number; collectionid?: number; tree?: TreeSpec }): Meta {
    const user = me(ctx);
    if (!user.emailverified) fail(2014);
    const expire = ctx.p.date('expire') ?? null;
    const maxdownloads = ctx.p.int('maxdownloads', 1000) || null;
    const maxtraffic = ctx.p.int('maxtraffic', 1000) || null;
    const password = ctx.p.str('linkpassword') || null;
    const t = now();
    let code = (kind === 'file' ? 'XZ' : 'kZ') + randomCode(32);
    while (this.st.links.codeTaken(code)) code = (kind === 'file' ? 'XZ' : 'kZ') + randomCode(32);
    const shortcode = ctx.p.flag('shortlink') ? this.newShortcode() : null;
    const id = this.st.links.create({
      owner: user.id, code, shortcode, kind, fileid: target.fileid ?? null, folderid: target.folderid ?? null, collectionid: target.collectionid ?? null,
      tree: target.tree ? JSON.stringify(target.tree) : null, created: t, expire, maxdownloads, maxtraffic, password,
    });
    const out: Meta = { linkid: id, code, link: linkUrl(user, code) };
    if (shortcode) Object.assign(out, { shortcode, shortlink: shortUrl(user, shortcode) });
    return out;
  }

  newShortcode(): string {
    let s = randomCode(8);
    while (this.st.links.codeTaken(s)) s = randomCode(8);
    return s;
  }
}


/** Content links of public links: they re-check the link and its limits, and count. */
function registerPublinkContent(emu: Services, links: Links): void {
  emu.content.handlers.set('publink', async (grant, req, res) => {
    if (!admitUrl(emu, links, grant, Number(grant.l), Count.Download, req, res)) return;
    await sendFile(req, res, emu.st.blobs.pathOf(String(grant.b)), {
      contentType: String(grant.ct),
      downloadName: grant.dl ? String(grant.n) : undefined,
    });
  });
}

/** What a content fetch of a link counts: nothing (thumbnails), traffic, or traffic and one download. */
enum Count {
  None = 0,
  Traffic = 1,
  Download = 2,
}

function alive(emu: Services, links: Links, id: number): LinkRow | null {
  const l = emu.st.links.byId(id);
  if (!l || l.deleted || (l.expire !== null && l.expire < now()) || !links.target(l)) return null;
  return l;
}

/**
 * Content URLs (by their nonce) that have served their link once, until they expire: a later
 * request on one of them that does not start at byte 0 (a seek, a resumed download) continues that
 * download instead of counting a new one, and is not refused by the download limit it already counted against.
 */
const servedUrls = new WeakMap<Services, Map<string, number>>();

function served(emu: Services): Map<string, number> {
  let m = servedUrls.get(emu);
  if (!m) servedUrls.set(emu, (m = new Map()));
  return m;
}

/**
 * Admits one fetch of a link's bytes, in pCloud's order: the link must live (7002/7004 → null
 * below), its traffic must not be used up (7005), and a fetch that counts a download reserves it
 * atomically, so URLs minted earlier or fetched in parallel cannot together exceed `maxdownloads`
 * (7006). A fetch that counts nothing new is still refused once the link's downloads are used up,
 * unless it continues a download of the same URL. Returns the refusal code, or 0 and starts
 * counting the response (`countOn`).
 */
function admit(
  emu: Services, links: Links, linkid: number, count: Count, req: IncomingMessage, res: ServerResponse, nonce?: string, until?: number,
): number {
  const l = alive(emu, links, linkid);
  if (!l) return 7002;
  if (l.maxtraffic && l.traffic >= l.maxtraffic) return 7005;
  const urls = served(emu);
  const seen = nonce !== undefined && urls.has(nonce);
  const range = req.headers.range?.trim();
  const fromStart = !range || /^bytes=0*-/.test(range);
  let reserved = false;
  if (count === Count.Download && req.method !== 'HEAD' && (fromStart || !seen)) {
    if (!emu.st.links.reserveDownload(l.id)) return 7006;
    reserved = true;
  } else if (!seen && l.maxdownloads && l.downloads >= l.maxdownloads) {
    return 7006;
  }
  if (nonce !== undefined) {
    const t = now();
    if (urls.size > 10_000) for (const [k, until] of urls) if (until < t) urls.delete(k);
    urls.set(nonce, until ?? t + emu.linkTtl);
  }
  if (req.method !== 'HEAD') countOn(emu, res, l.id, count, reserved);
  return 0;
}

/** `admit` for a content URL: a refusal is the content host's HTTP 410 with pCloud's sentence. */
function admitUrl(emu: Services, links: Links, grant: LinkGrant, linkid: number, count: Count, req: IncomingMessage, res: ServerResponse): boolean {
  const nonce = typeof grant.r === 'string' ? grant.r : undefined;
  const code = admit(emu, links, linkid, count, req, res, nonce, grant.e);
  if (code === 0) return true;
  plain(res, 410, code === 7002 ? 'This link is no longer available.' : messageFor(code));
  return false;
}

/**
 * Counts the traffic of a response as its bytes leave (a write's callback fires once the chunk is
 * handed to the socket, so a download cut short counts only what went out), in batches. A download
 * reserved by `admit` is given back when the response turns out an error (API errors of binary
 * methods are JSON written with an X-Error header).
 */
function countOn(emu: Services, res: ServerResponse, linkid: number, count: Count, reserved: boolean): void {
  let pending = 0;
  const flush = () => {
    if (pending === 0 || count === Count.None) return;
    emu.st.links.addTraffic(linkid, pending);
    pending = 0;
  };
  let failed = false;
  const sent = (n: number) => {
    if (failed) return;
    pending += n;
    if (pending >= 64 * 1024) flush();
  };
  const size = (chunk: unknown, enc?: unknown) =>
    typeof chunk === 'string' ? Buffer.byteLength(chunk, typeof enc === 'string' ? (enc as BufferEncoding) : 'utf8') : chunk instanceof Uint8Array ? chunk.length : 0;
  const write = res.write;
  const end = res.end;
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((a) => typeof a === 'object' && a !== null && !Array.isArray(a)) as Record<string, unknown> | undefined;
    if (headers && Object.keys(headers).some((k) => k.toLowerCase() === 'x-error')) failed = true;
    if (typeof args[0] === 'number' && args[0] >= 400) failed = true;
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    const n = size(chunk, rest[0]);
    const i = rest.findIndex((r) => typeof r === 'function');
    const cb = i >= 0 ? (rest[i] as (err?: Error | null) => void) : undefined;
    const args = i >= 0 ? rest.slice(0, i) : rest;
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...args, (err?: Error | null) => {
      if (!err) sent(n);
      cb?.(err);
    });
  } as typeof res.write;
  let last = 0;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'function') last = size(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;
  let done = false;
  const settle = () => {
    if (done) return;
    done = true;
    if (failed || res.statusCode >= 400 || res.getHeader('X-Error') !== undefined) {
      if (reserved) emu.st.links.releaseDownload(linkid);
      return;
    }
    if (res.writableFinished) sent(last);
    flush();
  };
  res.once('finish', settle);
  res.once('close', settle);
}

/**
 * Content links minted for a link (`pubw`) wrap an ordinary grant: the fetch re-checks that the link
 * still lives (deleted, expired, target gone → 410) and its limits, counts, then the inner kind serves it.
 */
function registerWrappedContent(emu: Services, links: Links): void {
  emu.content.handlers.set('pubw', async (grant, req, res, rest) => {
    const inner = grant.g as LinkGrant;
    const handler = emu.content.handlers.get(inner.k);
    if (!handler || inner.k === 'pubw') return plain(res, 410, 'This link is no longer available.');
    if (!admitUrl(emu, links, grant, Number(grant.l), Number(grant.c) as Count, req, res)) return;
    await handler(inner, req, res, rest);
  });
}

function wrapFor(l: LinkRow, count: (download: boolean) => Count): GrantWrap {
  return (g, download) => ({ k: 'pubw', e: g.e, l: l.id, c: count(download), g });
}

const mediaCount = (download: boolean) => (download ? Count.Download : Count.Traffic);

/** A `getvideolinks` reply for a link file; `transcodetype` added for getmediatranscodepublink. */
async function pubVideoLinks(ctx: Ctx, links: Links, transcodetype: boolean) {
  checkReferer(ctx);
  const l = links.resolve(ctx);
  const row = links.file(ctx, l);
  const { info } = await mediaOf(ctx, row, row.blob);
  const reply = videoLinksReply(ctx, row, row.blob, info, wrapFor(l, mediaCount));
  if (transcodetype) {
    for (const v of reply.variants as Meta[]) v.transcodetype = v.isoriginal ? 'original' : `${String(v.height)}p`;
  }
  return reply;
}

function parseIds(ctx: Ctx, name: string, bad: number): number[] {
  return ctx.p.intList(name, bad) ?? [];
}

export function publinkMethods(emu: Services) {
  const st = emu.st;
  const links = new Links(st);
  registerPublinkContent(emu, links);
  registerWrappedContent(emu, links);
  return defineMethods([
    {
      name: 'getfilepublink',
      auth: 'required',
      handler(ctx) {
        checkReferer(ctx);
        const { row } = fileArg(ctx);
        if (!publishable(me(ctx).id, row)) fail(2026);
        return links.create(ctx, 'file', { fileid: row.id });
      },
    },
    {
      name: 'getfolderpublink',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row } = folderArg(ctx);
        if (row.id === user.rootfolder) fail(2015);
        if (row.owner !== user.id) fail(2026);
        return links.create(ctx, 'folder', { folderid: row.id });
      },
    },
    {
      name: 'gettreepublink',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const name = ctx.p.str('name');
        if (!name) fail(1039);
        const fileids = parseIds(ctx, 'fileids', 1018);
        const folderids = parseIds(ctx, 'folderids', 1017);
        const folderExt = ctx.p.int('folderid', 1017);
        if (!fileids.length && !folderids.length && folderExt === undefined) fail(1002);
        for (const id of fileids) if (st.fileById(user, id).row.owner !== user.id) fail(2026);
        const own = (ext: number) => {
          const { row } = st.folderById(user, ext);
          if (row.owner !== user.id) fail(2026);
          return row.id;
        };
        const tree: TreeSpec = { name, fileids, folderids: folderids.map(own), folderid: folderExt === undefined ? null : own(folderExt) };
        return links.create(ctx, 'tree', { tree });
      },
    },
    {
      name: 'showpublink',
      auth: 'optional',
      handler(ctx) {
        const l = links.resolve(ctx);
        const out: Meta = { metadata: links.metadata(l, ctx.user) };
        if (ctx.user) out.ownerisme = ctx.user.id === l.owner;
        return out;
      },
    },
    {
      name: 'getpublinkdownload',
      auth: 'optional',
      handler(ctx) {
        checkReferer(ctx);
        const l = links.resolve(ctx);
        const row = links.file(ctx, l);
        const grant = { k: 'publink', l: l.id, ...downloadGrant(ctx, row.blob, row.name) };
        const link = ctx.emu.content.link(ctx, grant, ctx.p.flag('skipfilename') ? null : row.name);
        const b = st.blobRow(row.blob);
        return { ...link, dwltag: b.sha1.slice(0, 16), hash: BigInt(b.hash), size: row.size };
      },
    },
    {
      name: 'copypubfile',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const l = links.resolve(ctx, false);
        const row = links.file(ctx, l);
        const topath = ctx.p.str('topath');
        const tofolderid = ctx.p.int('tofolderid', 1017);
        if (topath === undefined && tofolderid === undefined) fail(1016);
        const dest = destination(st, user, { topath, tofolderid, toname: ctx.p.str('toname') }, row.name);
        const out = copyFile(st, user, row, dest.parent, dest.name, { ...times(ctx), noOverwrite: ctx.p.flag('noover') });
        return { metadata: st.fileMeta(user, out) };
      },
    },
    {
      name: 'listpublinks',
      auth: 'required',
      handler(ctx) {
        const rows = st.links.list(me(ctx).id);
        return { publinks: rows.map((l) => links.object(l, true)).filter((m) => m !== null) };
      },
    },
    {
      name: 'listplshort',
      auth: 'required',
      handler(ctx) {
        const rows = st.links.list(me(ctx).id);
        return { publinks: rows.map((l) => links.object(l, false)) };
      },
    },
    {
      name: 'deletepublink',
      auth: 'required',
      handler(ctx) {
        const id = ctx.p.int('linkid', 2027);
        if (id === undefined) fail(1030);
        const l = links.byId(me(ctx).id, id);
        if (!l) fail(2027);
        st.links.delete(l.id, now());
        return {};
      },
    },
    {
      name: 'changepublink',
      auth: 'required',
      handler(ctx) {
        const id = ctx.p.int('linkid', 2027);
        if (id === undefined) fail(1030);
        const expire = ctx.p.date('expire');
        const maxdownloads = ctx.p.int('maxdownloads', 1000);
        const maxtraffic = ctx.p.int('maxtraffic', 1000);
        const l = links.byId(me(ctx).id, id);
        if (!l) fail(2027);
        const change: LinkChange = {};
        if (ctx.p.flag('deleteshortlink')) change.shortcode = null;
        if (ctx.p.flag('shortlink') && !l.shortcode) change.shortcode = links.newShortcode();
        if (ctx.p.flag('deleteexpire')) change.expire = null;
        else if (expire !== undefined) change.expire = expire;
        if (maxdownloads !== undefined) change.maxdownloads = maxdownloads || null;
        if (maxtraffic !== undefined) change.maxtraffic = maxtraffic || null;
        if (ctx.p.flag('deletepassword')) change.password = null;
        else if (ctx.p.str('linkpassword')) change.password = ctx.p.str('linkpassword');
        change.modified = now();
        st.links.change(l.id, change);
        const after = links.byId(l.owner, l.id)!;
        const owner = st.user(l.owner);
        return after.shortcode && ctx.p.flag('shortlink') ? { shortcode: after.shortcode, shortlink: shortUrl(owner, after.shortcode) } : {};
      },
    },
    {
      name: 'getcollectionpublink',
      auth: 'required',
      handler(ctx) {
        const id = ctx.p.int('collectionid', 2065);
        if (id === undefined) fail(1057);
        const c = st.collections.owned(id, me(ctx).id);
        if (!c) fail(2065);
        return links.create(ctx, 'collection', { collectionid: c.id });
      },
    },
    {
      name: 'getpubthumb',
      auth: 'none',
      async handler(ctx): Promise<typeof RAW> {
        const l = links.resolve(ctx);
        const row = links.file(ctx, l);
        const spec = thumbSpec(ctx);
        return sendThumb(ctx, await thumbOf(ctx, row, spec), spec);
      },
    },
    {
      name: 'getpubthumblink',
      auth: 'none',
      async handler(ctx) {
        const l = links.resolve(ctx);
        const row = links.file(ctx, l);
        const t = await thumbOf(ctx, row, thumbSpec(ctx));
        return thumbLink(ctx, row, t, (g) => wrapFor(l, () => Count.None)(g, false));
      },
    },
    {
      name: 'getpubthumbslinks',
      auth: 'none',
      async handler(ctx) {
        const l = links.resolve(ctx);
        const ids = ctx.p.intList('fileids', 1038);
        if (!ids || ids.length === 0) fail(1038);
        const spec = thumbSpec(ctx);
        const wrap = (g: LinkGrant) => wrapFor(l, () => Count.None)(g, false);
        const thumbs = await pool(ids, 8, async (fileid) => {
          try {
            const row = links.fileIn(l, fileid) ?? fail(2009);
            return { fileid, result: 0, ...thumbLink(ctx, row, await thumbOf(ctx, row, spec), wrap) };
          } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            return { fileid, result: err.code, error: messageFor(err.code) };
          }
        });
        return { thumbs };
      },
    },
    {
      name: 'savepubthumb',
      auth: 'required',
      async handler(ctx) {
        const l = links.resolve(ctx);
        const row = links.file(ctx, l);
        return saveThumb(ctx, me(ctx), row, row.blob);
      },
    },
    {
      // `auth: optional` as the reference table: credentials change nothing here.
      name: 'getpubzip',
      auth: 'optional',
      async handler(ctx): Promise<typeof RAW> {
        const l = links.resolve(ctx);
        const items = links.zipItems(l, links.zipSpec(ctx, l));
        const zip = buildZip(st, items, ctx.p.str('timeoffset'));
        const refused = admit(emu, links, l.id, Count.Download, ctx.req, ctx.res);
        if (refused) fail(refused);
        guardContent(ctx.res);
        await streamZip(ctx.res, zip, { download: ctx.p.flag('forcedownload'), filename: ctx.p.str('filename') || undefined });
        return RAW;
      },
    },
    {
      name: 'getpubziplink',
      auth: 'none',
      handler(ctx) {
        const l = links.resolve(ctx);
        const spec = links.zipSpec(ctx, l);
        links.zipItems(l, spec); // errors now, not when the link is fetched
        const maxspeed = ctx.p.int('maxspeed', 2011);
        if (maxspeed !== undefined && maxspeed < 1024) fail(2011, { minspeed: 1024 });
        const filename = ctx.p.str('filename') || undefined;
        const e = now() + ctx.emu.linkTtl;
        const inner = { k: 'zip', e, u: l.owner, t: spec, tz: ctx.p.str('timeoffset'), dl: ctx.p.flag('forcedownload') ? 1 : 0, n: filename };
        return ctx.emu.content.link(ctx, wrapFor(l, () => Count.Download)(inner, true), filename ?? 'archive.zip');
      },
    },
    {
      name: 'savepubzip',
      auth: 'required',
      async handler(ctx) {
        const l = links.resolve(ctx);
        const spec = links.zipSpec(ctx, l);
        return saveZip(ctx, me(ctx), () => links.zipItems(l, spec));
      },
    },
    {
      name: 'getpubvideolinks',
      auth: 'none',
      handler: (ctx) => pubVideoLinks(ctx, links, false),
    },
    {
      // Undocumented (cyberdrop-dl): getpubvideolinks' variants, each with `transcodetype` —
      // "original" for the file itself (what that client downloads), "<height>p" for transcodes (our choice).
      name: 'getmediatranscodepublink',
      auth: 'none',
      handler: (ctx) => pubVideoLinks(ctx, links, true),
    },
    {
      name: 'getpubaudiolink',
      auth: 'none',
      async handler(ctx) {
        checkReferer(ctx);
        const l = links.resolve(ctx);
        const row = links.file(ctx, l);
        await mediaOf(ctx, row, row.blob, true);
        return audioLinkReply(ctx, row, row.blob, wrapFor(l, mediaCount));
      },
    },
    {
      name: 'getpubtextfile',
      auth: 'none',
      async handler(ctx): Promise<typeof RAW> {
        const l = links.resolve(ctx);
        const row = links.file(ctx, l);
        const refused = admit(emu, links, l.id, Count.Traffic, ctx.req, ctx.res);
        if (refused) fail(refused);
        // served on the API origin, with a `contenttype` of the visitor's choosing: never active there
        return sendTextFile(ctx, row.blob, row.name);
      },
    },
  ]);
}
