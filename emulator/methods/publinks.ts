// Public links (methods-publinks.md): file, folder and tree links with expiry, download/traffic
// limits and counters; anonymous methods see only what lies inside the link.
import { randomBytes } from 'node:crypto';
import { defineMethods, me, type Ctx } from '../registry';
import type { Emulator } from '../server';
import type { FileRow, FolderRow, UserRow } from '../store/model';
import { PDate, now } from '../store/model';
import type { Meta, Storage } from '../store/storage';
import { fail } from '../errors';
import { fileArg, folderArg, times } from './common';
import { checkReferer, downloadGrant } from './streaming';
import { listing } from './folder';
import { copyFile, destination } from '../store/ops';
import { plain, sendFile } from '../content';

interface LinkRow {
  id: number;
  owner: number;
  code: string;
  shortcode: string | null;
  kind: 'file' | 'folder' | 'tree';
  fileid: number | null;
  folderid: number | null;
  tree: string | null; // JSON TreeSpec
  created: number;
  modified: number;
  expire: number | null;
  maxdownloads: number | null;
  maxtraffic: number | null;
  downloads: number;
  traffic: number;
  password: string | null;
  deleted: number;
}

interface TreeSpec {
  name: string;
  fileids: number[];
  folderids: number[];
  folderid: number | null;
}

function ensureTables(st: Storage): void {
  st.db.exec(`
    CREATE TABLE IF NOT EXISTS publinks (
      id INTEGER PRIMARY KEY,
      owner INTEGER NOT NULL,
      code TEXT NOT NULL UNIQUE,
      shortcode TEXT UNIQUE,
      kind TEXT NOT NULL,              -- file, folder, tree
      fileid INTEGER,
      folderid INTEGER,
      tree TEXT,                       -- JSON {name, fileids, folderids, folderid} of a tree link
      created INTEGER NOT NULL,
      modified INTEGER NOT NULL,
      expire INTEGER,
      maxdownloads INTEGER,
      maxtraffic INTEGER,
      downloads INTEGER NOT NULL DEFAULT 0,
      traffic INTEGER NOT NULL DEFAULT 0,
      password TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS publinks_owner ON publinks(owner);
  `);
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

class Links {
  constructor(readonly st: Storage) {}

  byId(owner: number, id: number): LinkRow | undefined {
    return this.st.q('SELECT * FROM publinks WHERE id = ? AND owner = ? AND deleted = 0').get(id, owner) as LinkRow | undefined;
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
    return {};
  }

  /**
   * The link named by `code` (or its short code), checked in the documented order: 1028, 7001, 7002,
   * 7004, then 7005/7006 unless `limits` is false (copypubfile). A trashed target reads as deleted.
   */
  resolve(ctx: Ctx, limits = true): LinkRow {
    const code = ctx.p.str('code');
    if (!code) fail(1028);
    const l = this.st.q('SELECT * FROM publinks WHERE code = ? OR shortcode = ?').get(code, code) as LinkRow | undefined;
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
    const f = this.st.fileRow(id);
    if (!f || f.deleted !== 0 || f.owner !== l.owner) fail(2009);
    if (l.kind === 'folder' && this.inside(l.folderid!, f.parent)) return f;
    if (l.kind === 'tree') {
      const t = this.tree(l);
      if (t.fileids.includes(f.id)) return f;
      if (t.folderid !== null && f.parent === t.folderid) return f;
      if (t.folderid !== null) {
        for (const sub of this.st.childFolders(t.folderid)) if (sub.owner === l.owner && this.inside(sub.id, f.parent)) return f;
      }
      if (t.folderids.some((root) => this.inside(root, f.parent))) return f;
    }
    fail(2009);
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
      else {
        const target = l.kind === 'file' ? this.st.fileRow(l.fileid!) : this.st.folderRow(l.folderid!);
        if (!target) return null;
        m.metadata = l.kind === 'file' ? this.st.fileMeta(owner, target as FileRow) : this.st.folderMeta(owner, target as FolderRow);
      }
    } else {
      m.isfolder = l.kind !== 'file';
      if (l.kind === 'file') Object.assign(m, { fileid: l.fileid, id: `f${l.fileid}` });
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
  create(ctx: Ctx, kind: LinkRow['kind'], target: { fileid?: number; folderid?: number; tree?: TreeSpec }): Meta {
    const user = me(ctx);
    if (!user.emailverified) fail(2014);
    const expire = ctx.p.date('expire') ?? null;
    const maxdownloads = ctx.p.int('maxdownloads', 1000) || null;
    const maxtraffic = ctx.p.int('maxtraffic', 1000) || null;
    const password = ctx.p.str('linkpassword') || null;
    const t = now();
    let code = (kind === 'file' ? 'XZ' : 'kZ') + randomCode(32);
    while (this.st.q('SELECT 1 FROM publinks WHERE code = ? OR shortcode = ?').get(code, code)) code = (kind === 'file' ? 'XZ' : 'kZ') + randomCode(32);
    const shortcode = ctx.p.flag('shortlink') ? this.newShortcode() : null;
    const id = Number(
      this.st
        .q('INSERT INTO publinks (owner, code, shortcode, kind, fileid, folderid, tree, created, modified, expire, maxdownloads, maxtraffic, password) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(user.id, code, shortcode, kind, target.fileid ?? null, target.folderid ?? null, target.tree ? JSON.stringify(target.tree) : null, t, t, expire, maxdownloads, maxtraffic, password)
        .lastInsertRowid,
    );
    const out: Meta = { linkid: id, code, link: linkUrl(user, code) };
    if (shortcode) Object.assign(out, { shortcode, shortlink: shortUrl(user, shortcode) });
    return out;
  }

  newShortcode(): string {
    let s = randomCode(8);
    while (this.st.q('SELECT 1 FROM publinks WHERE code = ? OR shortcode = ?').get(s, s)) s = randomCode(8);
    return s;
  }
}


/** Content links of public links: they re-check the link and count downloads and traffic. */
function registerPublinkContent(emu: Emulator, links: Links): void {
  emu.content.handlers.set('publink', async (grant, req, res) => {
    const l = emu.st.q('SELECT * FROM publinks WHERE id = ?').get(Number(grant.l)) as LinkRow | undefined;
    if (!l || l.deleted || (l.expire !== null && l.expire < now()) || !links.target(l)) return plain(res, 410, 'This link is no longer available.');
    const counted = req.method !== 'HEAD';
    res.once('finish', () => {
      if (!counted || res.statusCode >= 400) return;
      const bytes = Number(res.getHeader('Content-Length') ?? 0);
      const first = res.statusCode === 200 || /^bytes 0-/.test(String(res.getHeader('Content-Range') ?? ''));
      emu.st.q('UPDATE publinks SET downloads = downloads + ?, traffic = traffic + ? WHERE id = ?').run(first ? 1 : 0, bytes, l.id);
    });
    await sendFile(req, res, emu.st.blobs.pathOf(String(grant.b)), {
      contentType: String(grant.ct),
      downloadName: grant.dl ? String(grant.n) : undefined,
    });
  });
}

function parseIds(ctx: Ctx, name: string, bad: number): number[] {
  return ctx.p.intList(name, bad) ?? [];
}

export function publinkMethods(emu: Emulator) {
  ensureTables(emu.st);
  const st = emu.st;
  const links = new Links(st);
  registerPublinkContent(emu, links);
  return defineMethods([
    {
      name: 'getfilepublink',
      auth: 'required',
      handler(ctx) {
        checkReferer(ctx);
        const { row } = fileArg(ctx);
        if (row.owner !== me(ctx).id) fail(2026);
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
        const link = ctx.emu.content.link(ctx.host, grant, ctx.p.flag('skipfilename') ? null : row.name);
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
        const rows = st.q('SELECT * FROM publinks WHERE owner = ? AND deleted = 0 ORDER BY id').all(me(ctx).id) as LinkRow[];
        return { publinks: rows.map((l) => links.object(l, true)).filter((m) => m !== null) };
      },
    },
    {
      name: 'listplshort',
      auth: 'required',
      handler(ctx) {
        const rows = st.q('SELECT * FROM publinks WHERE owner = ? AND deleted = 0 ORDER BY id').all(me(ctx).id) as LinkRow[];
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
        st.q('UPDATE publinks SET deleted = 1, modified = ? WHERE id = ?').run(now(), l.id);
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
        const set = (col: string, v: unknown) => st.q(`UPDATE publinks SET ${col} = ? WHERE id = ?`).run(v, l.id);
        if (ctx.p.flag('deleteshortlink')) set('shortcode', null);
        if (ctx.p.flag('shortlink') && !l.shortcode) set('shortcode', links.newShortcode());
        if (ctx.p.flag('deleteexpire')) set('expire', null);
        else if (expire !== undefined) set('expire', expire);
        if (maxdownloads !== undefined) set('maxdownloads', maxdownloads || null);
        if (maxtraffic !== undefined) set('maxtraffic', maxtraffic || null);
        if (ctx.p.flag('deletepassword')) set('password', null);
        else if (ctx.p.str('linkpassword')) set('password', ctx.p.str('linkpassword'));
        set('modified', now());
        const after = links.byId(l.owner, l.id)!;
        const owner = st.user(l.owner);
        return after.shortcode && ctx.p.flag('shortlink') ? { shortcode: after.shortcode, shortlink: shortUrl(owner, after.shortcode) } : {};
      },
    },
  ]);
}
