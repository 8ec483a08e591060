import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { promises as fsp } from 'node:fs';
import type { Statement } from 'better-sqlite3';
import type { DB } from './db';
import { openDb } from './db';
import { BlobStore } from './blobs';
import { PasswordVault } from './passwords';
import type { BlobRow, FileRow, FolderRow, Perms, UserRow } from './model';
import { PDate, fileKind, now } from './model';
import { ShareRepo } from './repos/shares';
import { CollectionRepo } from './repos/collections';
import { LinkRepo } from './repos/links';
import { UploadLinkRepo } from './repos/upload-links';
import { UploadRepo } from './repos/uploads';
import { TokenRepo } from './repos/tokens';
import { AccountRepo } from './repos/accounts';
import { TransferRepo } from './repos/transfers';
import { NewsletterRepo } from './repos/newsletter';
import { FileRepo } from './repos/files';
import { TfaRepo } from './repos/tfa';
import { ShareAccess } from './share-access';
import { fail } from '../errors';

export type { Perms } from './model';

const OWNER: Perms = { mine: true, read: true, create: true, modify: true, delete: true };

export type Meta = Record<string, unknown>;

/** Entries of the read cache, and the longest listing it keeps (big trees are read rarely and weigh). */
const READ_CACHE_ENTRIES = 1024;
const READ_CACHE_ROWS = 5000;
const READ_CACHE_BYTES = 64 * 1024 * 1024;

/** `[id, owner, name, size, created, modified, hash, media]` of a file in a listing. */
export type ListingRow = [number, number, string, number, number, number, string, string | null];

/**
 * Metadata + content storage for all users. Methods throw ApiError with pCloud's codes, so method
 * handlers stay thin. Access rules live in `folderPerms`: the owner's, or what a share grants
 * (`share-access.ts`, over the share repository).
 */
export class Storage {
  readonly db: DB;
  readonly blobs: BlobStore;
  readonly changes = new EventEmitter();
  readonly vault: PasswordVault;
  readonly shares: ShareRepo;
  readonly collections: CollectionRepo;
  readonly links: LinkRepo;
  readonly uploadLinks: UploadLinkRepo;
  readonly uploads: UploadRepo;
  readonly tokens: TokenRepo;
  readonly accounts: AccountRepo;
  readonly transfers: TransferRepo;
  readonly newsletter: NewsletterRepo;
  readonly files: FileRepo;
  readonly tfa: TfaRepo;
  /** What shares grant: permissions, mounts, viewers. */
  readonly access: ShareAccess;

  private constructor(readonly dataDir: string) {
    this.db = openDb(join(dataDir, 'pcloud.sqlite'));
    this.vault = PasswordVault.open(dataDir);
    this.sealLegacyPasswords();
    this.blobs = new BlobStore(dataDir);
    this.changes.setMaxListeners(0);
    this.shares = new ShareRepo(this.db);
    this.collections = new CollectionRepo(this.db);
    this.links = new LinkRepo(this.db);
    this.uploadLinks = new UploadLinkRepo(this.db);
    this.uploads = new UploadRepo(this.db);
    this.tokens = new TokenRepo(this.db);
    this.accounts = new AccountRepo(this.db);
    this.transfers = new TransferRepo(this.db);
    this.newsletter = new NewsletterRepo(this.db);
    this.files = new FileRepo(this.db);
    this.tfa = new TfaRepo(this.db);
    this.access = new ShareAccess(this.shares, (id) => this.folderRow(id));
  }

  /**
   * Opens (creating if needed) a data dir. `sweep` removes temp files of interrupted writes and blobs
   * no row refers to: only a server starting on a dir that no other live server uses may ask for it,
   * since those files may belong to uploads in flight elsewhere (the CLI opening the dir while a server
   * runs never sweeps).
   */
  static async open(dataDir: string, opts: { sweep?: boolean } = {}): Promise<Storage> {
    // Database, blobs, keys and mail are the server owner's alone: nothing below is readable by others.
    await fsp.mkdir(dataDir, { recursive: true, mode: 0o700 });
    await fsp.chmod(dataDir, 0o700);
    const st = new Storage(dataDir);
    await st.blobs.init();
    if (opts.sweep) {
      const referenced = st.db.prepare('SELECT 1 FROM blobs WHERE key = ?');
      await st.blobs.sweep((key) => referenced.get(key) !== undefined);
    }
    return st;
  }

  /**
   * Data dirs from before migration 2 kept clear passwords in `users.plain`: each is sealed, then
   * wiped (secure_delete overwrites the freed bytes, the checkpoint empties the WAL that held them).
   */
  private sealLegacyPasswords(): void {
    const rows = this.db.prepare("SELECT id, plain FROM users WHERE plain != ''").all() as { id: number; plain: string }[];
    if (!rows.length) return;
    this.db.pragma('secure_delete = ON');
    const seal = this.db.prepare("UPDATE users SET sealed = ?, plain = '' WHERE id = ?");
    this.db.transaction(() => {
      for (const r of rows) seal.run(this.vault.seal(r.plain), r.id);
    })();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.pragma('secure_delete = OFF');
  }

  private readonly statements = new Map<string, Statement<unknown[]>>();

  /** Prepared statements are cached: listing 100k items must not recompile SQL per row. */
  q(sql: string): Statement<unknown[]> {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  close(): void {
    this.db.close();
  }

  // ---- read cache --------------------------------------------------------------------------

  private readonly readCache = new Map<string, unknown>();
  private cacheChanges = -1;
  private cacheVersion = -1;
  private versionCheckedAt = -1;

  /**
   * A read-through cache for the hot listing queries (200 clients listing one folder spent a fifth of
   * the server's time re-reading the same rows). It is emptied by any write: `total_changes()` counts
   * every row this connection inserted, updated or deleted (trigger writes included) and
   * `data_version` moves when another connection (a CLI on the same data dir) commits. Inside a
   * transaction nothing is cached, since it may still roll back. Cached values are shared: callers
   * must not mutate them (`cachedRow` hands out copies). Another process's commit is noticed within a
   * millisecond: `data_version` is the dearer of the two checks and such commits are rare.
   */
  cached<T>(key: string, load: () => T, keep: (value: T) => boolean = () => true): T {
    if (!this.cacheFresh()) return load();
    if (this.readCache.has(key)) return this.readCache.get(key) as T;
    const generation = this.cacheGeneration;
    const value = load();
    if (keep(value)) this.cacheStore(key, value, generation);
    return value;
  }

  /** Bumped whenever the cache is emptied: a value computed in one generation is stored only in it. */
  private cacheGeneration = 0;

  /** Empties the cache if anything was written since the last look; false inside a transaction (no caching). */
  private cacheFresh(): boolean {
    if (this.db.inTransaction) return false;
    const changes = this.q('SELECT total_changes()').pluck().get() as number;
    const t = performance.now();
    let version = this.cacheVersion;
    if (t - this.versionCheckedAt >= 1) {
      version = this.q('PRAGMA data_version').pluck().get() as number;
      this.versionCheckedAt = t;
    }
    if (changes !== this.cacheChanges || version !== this.cacheVersion) {
      this.readCache.clear();
      this.cacheBytes = 0;
      this.cacheGeneration++;
      this.cacheChanges = changes;
      this.cacheVersion = version;
    }
    return true;
  }

  /**
   * For values computed asynchronously (a whole reply): look up, and the generation to hand back to
   * `cacheStore` once the value is ready; a write in between makes the store a no-op.
   */
  cacheLookup<T>(key: string): { value: T | undefined; generation: number } {
    if (!this.cacheFresh()) return { value: undefined, generation: -1 };
    return { value: this.readCache.get(key) as T | undefined, generation: this.cacheGeneration };
  }

  cacheStore(key: string, value: unknown, generation: number): void {
    if (!this.cacheFresh() || generation !== this.cacheGeneration) return;
    // a rough weight (bytes of a reply, ~200 bytes a row): what callers can make it hold stays bounded
    const weight = Buffer.isBuffer(value) ? value.length : Array.isArray(value) ? value.length * 200 : 200;
    if (this.readCache.size >= READ_CACHE_ENTRIES || this.cacheBytes + weight > READ_CACHE_BYTES) {
      this.readCache.clear();
      this.cacheBytes = 0;
    }
    this.readCache.set(key, value);
    this.cacheBytes += weight;
  }

  private cacheBytes = 0;

  /** One row through the read cache, as a copy the caller may change. */
  cachedRow<T extends object>(key: string, load: () => T | undefined): T | undefined {
    const row = this.cached(key, load);
    return row && { ...row };
  }

  // ---- users -------------------------------------------------------------------------------

  user(id: number): UserRow | undefined {
    return this.cachedRow(`user:${id}`, () => this.q('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined);
  }

  userByEmail(email: string): UserRow | undefined {
    return this.q('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
  }

  usedQuota(userid: number): number {
    const files = this.q('SELECT COALESCE(SUM(size), 0) AS n FROM files WHERE owner = ?').get(userid) as { n: number };
    const revs = this.db
      .prepare('SELECT COALESCE(SUM(r.size), 0) AS n FROM revisions r JOIN files f ON f.id = r.fileid WHERE f.owner = ?')
      .get(userid) as { n: number };
    return files.n + revs.n;
  }

  /** 2008 when `extra` more bytes would not fit in the owner's quota. */
  checkQuota(ownerid: number, extra: number): void {
    const u = this.user(ownerid);
    if (u && this.usedQuota(ownerid) + extra > u.quota) fail(2008);
  }

  // ---- lookups -----------------------------------------------------------------------------

  folderRow(id: number): FolderRow | undefined {
    return this.cachedRow(`folder:${id}`, () => this.q('SELECT * FROM folders WHERE id = ?').get(id) as FolderRow | undefined);
  }

  fileRow(id: number): FileRow | undefined {
    return this.q('SELECT * FROM files WHERE id = ?').get(id) as FileRow | undefined;
  }

  blobRow(key: string): BlobRow {
    return this.q('SELECT * FROM blobs WHERE key = ?').get(key) as BlobRow;
  }

  /** The folder id the API shows: an owner sees their root as 0. */
  extFolderId(user: UserRow, id: number): number {
    return id === user.rootfolder ? 0 : id;
  }

  intFolderId(user: UserRow, id: number): number {
    return id === 0 ? user.rootfolder : id;
  }

  folderPerms(user: UserRow, folder: FolderRow): Perms | null {
    if (folder.owner === user.id) return OWNER;
    return this.access.perms(user.id, folder);
  }

  isShared(folder: FolderRow): boolean {
    return this.access.isShared(folder);
  }

  mountedFolders(parent: number): FolderRow[] {
    return this.access.mountedIn(parent);
  }

  mountParent(userid: number, folder: FolderRow): number | null {
    return this.access.mountParent(userid, folder);
  }

  mountName(userid: number, folder: FolderRow): string | null {
    return this.access.mountName(userid, folder);
  }

  /** Resolves a live folder the user can read; unknown, foreign or trashed ids answer 2005 (we reveal nothing). */
  folderById(user: UserRow, extId: number): { row: FolderRow; perms: Perms } {
    const row = this.folderRow(this.intFolderId(user, extId));
    if (!row || row.deleted !== 0) fail(2005);
    const perms = this.folderPerms(user, row);
    if (!perms) fail(2005);
    return { row, perms };
  }

  childFolder(parent: number, name: string): FolderRow | undefined {
    const own = this.q('SELECT * FROM folders WHERE parent = ? AND name = ? AND deleted = 0').get(parent, name) as
      | FolderRow
      | undefined;
    return own ?? this.mountedFolders(parent).find((f) => f.name === name);
  }

  childFile(parent: number, name: string): FileRow | undefined {
    return this.q('SELECT * FROM files WHERE parent = ? AND name = ? AND deleted = 0').get(parent, name) as
      | FileRow
      | undefined;
  }

  /** Splits `/a/b/c` into components; 2010 for malformed paths. */
  splitPath(path: string): string[] {
    if (!path.startsWith('/')) fail(2010);
    const parts = path.split('/').filter((p) => p !== '');
    for (const p of parts) if (p === '.' || p === '..') fail(2010);
    return parts;
  }

  /** Walks a path of folders from the user's root; missing components answer `missingCode`. */
  walk(user: UserRow, parts: string[], missingCode: number): { row: FolderRow; perms: Perms } {
    let row = this.folderRow(user.rootfolder)!;
    let perms = OWNER;
    for (const name of parts) {
      const next = this.childFolder(row.id, name);
      if (!next) fail(missingCode);
      row = next;
      perms = this.folderPerms(user, row) ?? fail(missingCode);
    }
    return { row, perms };
  }

  folderByPath(user: UserRow, path: string): { row: FolderRow; perms: Perms } {
    return this.walk(user, this.splitPath(path), 2005);
  }

  fileById(user: UserRow, id: number): { row: FileRow; perms: Perms } {
    const row = this.fileRow(id);
    if (!row || row.deleted !== 0) fail(2009);
    const parent = this.folderRow(row.parent);
    const perms = parent && this.folderPerms(user, parent);
    if (!perms) fail(2009);
    return { row, perms };
  }

  fileByPath(user: UserRow, path: string): { row: FileRow; perms: Perms } {
    const parts = this.splitPath(path);
    const name = parts.pop();
    if (name === undefined) fail(2009);
    const parent = this.walk(user, parts, 2002);
    const row = this.childFile(parent.row.id, name);
    if (!row) fail(2009);
    return { row, perms: parent.perms };
  }

  /** Path of a folder as its viewer sees it (a foreign shared folder hangs under the viewer's root). */
  folderPath(user: UserRow, folder: FolderRow): string {
    const names: string[] = [];
    let cur: FolderRow | undefined = folder;
    while (cur && cur.id !== user.rootfolder && cur.parent !== null) {
      if (cur.owner !== user.id && !this.folderPerms(user, this.folderRow(cur.parent)!)) {
        // the top of a share: the recipient's name for it, then on from where they mounted it
        names.push(this.mountName(user.id, cur) ?? cur.name);
        const mount = this.mountParent(user.id, cur);
        cur = mount === null ? undefined : this.folderRow(mount);
        continue;
      }
      names.push(cur.name);
      cur = this.folderRow(cur.parent);
    }
    return '/' + names.reverse().join('/');
  }

  isAncestor(ancestor: number, folderId: number): boolean {
    let cur: number | null = folderId;
    while (cur !== null) {
      if (cur === ancestor) return true;
      const row = this.folderRow(cur);
      cur = row ? row.parent : null;
    }
    return false;
  }

  // ---- metadata ----------------------------------------------------------------------------

  folderMeta(user: UserRow, row: FolderRow, opts: { path?: string | null } = {}): Meta {
    const perms = this.folderPerms(user, row) ?? { ...OWNER, mine: row.owner === user.id };
    const ext = this.extFolderId(user, row.id);
    const isRoot = ext === 0;
    const m: Meta = {
      name: isRoot ? '/' : (row.owner !== user.id ? this.mountName(user.id, row) : null) ?? row.name,
      created: new PDate(row.created),
      modified: new PDate(row.modified),
      ismine: perms.mine,
      isshared: this.isShared(row),
      thumb: false,
      comments: 0,
      isfolder: true,
      id: `d${ext}`,
      folderid: ext,
      icon: 'folder',
    };
    if (!isRoot && row.parent !== null) {
      const mount = row.owner !== user.id ? this.mountParent(user.id, row) : null;
      m.parentfolderid = this.extFolderId(user, mount ?? row.parent);
    }
    if (opts.path !== null) m.path = opts.path ?? (isRoot ? '/' : this.folderPath(user, row));
    if (row.deleted) m.isdeleted = true;
    if (!perms.mine) {
      Object.assign(m, {
        userid: row.owner, canread: perms.read, canmodify: perms.modify, candelete: perms.delete, cancreate: perms.create,
      });
    }
    return m;
  }

  /** `blob` may carry the row's blob fields already (listings join them in, instead of one query per file). */
  fileMeta(user: UserRow, row: FileRow, opts: { path?: string | null; perms?: Perms; blob?: Pick<BlobRow, 'hash' | 'media'> } = {}): Meta {
    const blob = opts.blob ?? this.blobRow(row.blob);
    const kind = fileKind(row.name);
    const mine = row.owner === user.id;
    const m: Meta = {
      name: row.name,
      created: new PDate(row.created),
      modified: new PDate(row.modified),
      ismine: mine,
      isshared: false,
      thumb: kind.thumb && row.size > 0,
      comments: 0,
      isfolder: false,
      id: `f${row.id}`,
      fileid: row.id,
      parentfolderid: this.extFolderId(user, row.parent),
      icon: kind.icon,
      category: kind.category,
      contenttype: kind.contenttype,
      size: row.size,
      hash: BigInt(blob.hash),
    };
    if (blob.media) Object.assign(m, JSON.parse(blob.media));
    if (opts.path !== null && opts.path !== undefined) m.path = opts.path;
    else if (opts.path === undefined) {
      const parent = this.folderRow(row.parent);
      if (parent) {
        const pp = this.folderPath(user, parent);
        m.path = (pp === '/' ? '' : pp) + '/' + row.name;
      }
    }
    if (row.deleted) m.isdeleted = true;
    if (!mine) {
      const parent = this.folderRow(row.parent);
      const perms = opts.perms ?? (parent && this.folderPerms(user, parent));
      if (perms) Object.assign(m, { userid: row.owner, canread: perms.read, canmodify: perms.modify, candelete: perms.delete });
    }
    return m;
  }

  /**
   * The folders that really lie in `parent` (same owner's tree), without the foreign shares its
   * owner mounted there: what copies, zips and trashing walk, so they never reach into another account.
   */
  ownChildFolders(parent: number, deleted = 0): FolderRow[] {
    const load = () => this.q('SELECT * FROM folders WHERE parent = ? AND deleted = ? ORDER BY name').all(parent, deleted) as FolderRow[];
    return this.cached(`folders:${parent}:${deleted}`, () => load().map((r) => Object.freeze(r)), (rows) => rows.length <= READ_CACHE_ROWS).slice();
  }

  childFolders(parent: number, deleted = 0): FolderRow[] {
    const own = this.ownChildFolders(parent, deleted);
    const mounted = deleted === 0 ? this.mountedFolders(parent) : [];
    if (!mounted.length) return own;
    return [...own, ...mounted].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * Children files with their blob's `hash`/`media` in one query, in name order, as arrays
   * `[id, owner, name, size, created, modified, hash, media]` (no row objects: listings of 100,000 files).
   * For live files the literal `deleted = 0` lets SQLite walk the partial unique index (parent, name).
   */
  childFilesForListing(parent: number, deleted = 0): ListingRow[] {
    const cols = 'SELECT f.id, f.owner, f.name, f.size, f.created, f.modified, b.hash, b.media FROM files f JOIN blobs b ON b.key = f.blob';
    const stmt =
      deleted === 0
        ? this.q(`${cols} WHERE f.parent = ? AND f.deleted = 0 ORDER BY f.name`)
        : this.q(`${cols} WHERE f.parent = ? AND f.deleted = ? ORDER BY f.name`);
    const raw = stmt.raw(true); // this statement is only ever used raw
    return this.cached(
      `files:${parent}:${deleted}`,
      () => (deleted === 0 ? raw.all(parent) : raw.all(parent, deleted)) as ListingRow[],
      (rows) => rows.length <= READ_CACHE_ROWS,
    );
  }

  childFiles(parent: number, deleted = 0): FileRow[] {
    return this.q('SELECT * FROM files WHERE parent = ? AND deleted = ? ORDER BY name').all(parent, deleted) as FileRow[];
  }

  // ---- events (diff) -----------------------------------------------------------------------

  /** Appends an event for a user and wakes their blocked `diff` calls. */
  event(userid: number, event: string, payload: Meta, fileid?: number): number {
    const body = JSON.stringify(payload, (_k, v: unknown) =>
      v instanceof PDate ? { $d: v.seconds } : typeof v === 'bigint' ? { $u: v.toString() } : v,
    );
    const info = this.db
      .prepare('INSERT INTO events (userid, event, time, fileid, body) VALUES (?, ?, ?, ?, ?)')
      .run(userid, event, now(), fileid ?? null, body);
    const diffid = Number(info.lastInsertRowid);
    queueMicrotask(() => this.changes.emit(`user:${userid}`, diffid));
    return diffid;
  }

  /** Records a file/folder change for the owner and everyone who can see the folder it lives in. */
  fsEvent(event: string, actor: UserRow, meta: (viewer: UserRow) => Meta, folderOfChange: FolderRow | undefined, fileid?: number): void {
    const viewers = new Map<number, UserRow>([[actor.id, actor]]);
    if (folderOfChange) {
      const owner = this.user(folderOfChange.owner);
      if (owner) viewers.set(owner.id, owner);
      for (const uid of this.access.viewersOf(folderOfChange)) {
        const u = this.user(uid);
        if (u) viewers.set(uid, u);
      }
    }
    for (const v of viewers.values()) {
      if (folderOfChange && !this.folderPerms(v, folderOfChange)) continue;
      this.event(v.id, event, { metadata: meta(v) }, fileid);
    }
  }

  reviveEvent(body: string): Meta {
    return JSON.parse(body, (_k, v: unknown) => {
      if (v && typeof v === 'object' && '$d' in v) return new PDate((v as { $d: number }).$d);
      if (v && typeof v === 'object' && '$u' in v) return BigInt((v as { $u: string }).$u);
      return v;
    }) as Meta;
  }
}
