// Folder shares between users (docs/pcloud/methods-sharing.md): share requests mailed by code, accepted shares
// mounted in the recipient's root, permission bits enforced through the storage hooks.
import { randomBytes } from 'node:crypto';
import { defineMethods, me, type Ctx } from '../registry';
import type { Emulator } from '../server';
import type { FolderRow, UserRow } from '../store/model';
import { PDate, now, validName } from '../store/model';
import type { Meta, Perms, Storage } from '../store/storage';
import { fail } from '../errors';
import { sendMail } from '../mail';
import { folderArg } from './common';
import { validEmail } from './general';

/** How long a share request stays pending (the docs example: three weeks). */
const REQUEST_TTL = 21 * 24 * 3600;

interface RequestRow {
  id: number;
  folderid: number;
  owner: number;
  tomail: string;
  name: string;
  message: string | null;
  perms: number;
  created: number;
  expires: number;
  code: string;
}

interface ShareRow {
  id: number;
  folderid: number;
  owner: number;
  touserid: number;
  mount: number;
  name: string;
  perms: number;
  created: number;
}

function ensureTables(st: Storage): void {
  st.db.exec(`
    CREATE TABLE IF NOT EXISTS sharerequests (
      id INTEGER PRIMARY KEY,
      folderid INTEGER NOT NULL,
      owner INTEGER NOT NULL,
      tomail TEXT NOT NULL COLLATE NOCASE,
      name TEXT NOT NULL,
      message TEXT,
      perms INTEGER NOT NULL,
      created INTEGER NOT NULL,
      expires INTEGER NOT NULL,
      code TEXT NOT NULL UNIQUE
    );
    CREATE INDEX IF NOT EXISTS sharerequests_folder ON sharerequests(folderid);
    CREATE INDEX IF NOT EXISTS sharerequests_mail ON sharerequests(tomail);
    CREATE TABLE IF NOT EXISTS shares (
      id INTEGER PRIMARY KEY,
      folderid INTEGER NOT NULL,
      owner INTEGER NOT NULL,
      touserid INTEGER NOT NULL,
      mount INTEGER NOT NULL,          -- the recipient's folder the share appears in (their root)
      name TEXT NOT NULL,
      perms INTEGER NOT NULL,          -- bits: 1 create, 2 modify, 4 delete, 8 manage
      created INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS shares_folder ON shares(folderid);
    CREATE INDEX IF NOT EXISTS shares_to ON shares(touserid);
    CREATE INDEX IF NOT EXISTS shares_mount ON shares(mount);
    CREATE TABLE IF NOT EXISTS sharepolicies (
      userid INTEGER NOT NULL,         -- the recipient
      fromuserid INTEGER NOT NULL,     -- the sender
      policy TEXT NOT NULL,            -- 'block' (declineshare block) or 'always' (acceptshare always)
      PRIMARY KEY (userid, fromuserid)
    );
  `);
}

export function bitsToPerms(bits: number): Perms {
  return { mine: false, read: true, create: (bits & 1) !== 0, modify: (bits & 2) !== 0, delete: (bits & 4) !== 0 };
}

function permFlags(bits: number): Meta {
  const m: Meta = { canread: true, cancreate: (bits & 1) !== 0, canmodify: (bits & 2) !== 0, candelete: (bits & 4) !== 0 };
  if (bits & 8) m.canmanage = true;
  return m;
}

const PERM_NAMES: Record<string, number> = { view: 0, read: 0, create: 1, modify: 2, delete: 4, manage: 8, edit: 7, full: 15 };

/**
 * `permissions` as the bit sum (`7`), or as names (`view`, `edit`, `create,modify`); without it, the
 * lenient `cancreate`/`canmodify`/`candelete` flags some clients send. 1024 when none is given.
 */
function permissionsArg(ctx: Ctx): number {
  const raw = ctx.p.str('permissions')?.trim();
  if (raw === undefined || raw === '') {
    const flags = ['cancreate', 'canmodify', 'candelete', 'canmanage'];
    if (!flags.some((f) => ctx.p.has(f)) && !ctx.p.has('canread')) fail(1024);
    return flags.reduce((n, f, i) => n | (ctx.p.flag(f) ? 1 << i : 0), 0);
  }
  if (/^\d+$/.test(raw)) return Number(raw) & 15;
  let bits = 0;
  for (const word of raw.toLowerCase().split(/[\s,|+]+/).filter(Boolean)) {
    const b = PERM_NAMES[word];
    if (b === undefined) fail(1024);
    bits |= b;
  }
  return bits;
}

class Shares {
  constructor(readonly emu: Emulator) {}

  get st(): Storage {
    return this.emu.st;
  }

  request(id: number): RequestRow | undefined {
    return this.st.q('SELECT * FROM sharerequests WHERE id = ? AND expires >= ?').get(id, now()) as RequestRow | undefined;
  }

  requestByCode(code: string): RequestRow | undefined {
    return this.st.q('SELECT * FROM sharerequests WHERE code = ? AND expires >= ?').get(code, now()) as RequestRow | undefined;
  }

  share(id: number): ShareRow | undefined {
    return this.st.q('SELECT * FROM shares WHERE id = ?').get(id) as ShareRow | undefined;
  }

  /** The accepted share giving `userid` access to `folder` (itself or its closest shared ancestor). */
  shareFor(userid: number, folder: FolderRow): ShareRow | undefined {
    const stmt = this.st.q('SELECT * FROM shares WHERE folderid = ? AND touserid = ?');
    let cur: FolderRow | undefined = folder;
    while (cur) {
      const s = stmt.get(cur.id, userid) as ShareRow | undefined;
      if (s) return s;
      cur = cur.parent !== null ? this.st.folderRow(cur.parent) : undefined;
    }
    return undefined;
  }

  /** Whether `userid` reaches `folder`, an ancestor or a descendant of it through a share. */
  hasAccess(userid: number, folder: FolderRow): boolean {
    if (this.shareFor(userid, folder)) return true;
    const shares = this.st.q('SELECT folderid FROM shares WHERE touserid = ?').all(userid) as { folderid: number }[];
    return shares.some((s) => this.st.isAncestor(folder.id, s.folderid));
  }

  install(): void {
    const st = this.st;
    st.sharePerms = (userid, folder) => {
      const s = this.shareFor(userid, folder);
      if (!s) return null;
      const shared = st.folderRow(s.folderid);
      if (!shared || shared.deleted !== 0) return null;
      return bitsToPerms(s.perms);
    };
    st.isShared = (folder) =>
      st.q('SELECT 1 FROM shares WHERE folderid = ? LIMIT 1').get(folder.id) !== undefined ||
      st.q('SELECT 1 FROM sharerequests WHERE folderid = ? AND expires >= ? LIMIT 1').get(folder.id, now()) !== undefined;
    st.viewersOf = (folder) => {
      const out = new Set<number>();
      const stmt = st.q('SELECT touserid FROM shares WHERE folderid = ?');
      for (let cur: FolderRow | undefined = folder; cur; cur = cur.parent !== null ? st.folderRow(cur.parent) : undefined) {
        for (const r of stmt.all(cur.id) as { touserid: number }[]) out.add(r.touserid);
      }
      return [...out];
    };
    st.mountedFolders = (parent) =>
      // the recipient sees the share under the name they accepted it with
      st.q('SELECT f.*, s.name AS name FROM shares s JOIN folders f ON f.id = s.folderid WHERE s.mount = ? AND f.deleted = 0').all(parent) as FolderRow[];
    st.mountName = (userid, folder) => {
      const s = st.q('SELECT name FROM shares WHERE folderid = ? AND touserid = ?').get(folder.id, userid) as { name: string } | undefined;
      return s ? s.name : null;
    };
    st.shareRootOf = (userid, folder) => this.shareFor(userid, folder)?.folderid ?? null;
    st.moveMount = (user, folder, parent, name) => {
      if (!validName(name)) fail(2001);
      const clash = st.childFolder(parent.id, name);
      if (clash && clash.id !== folder.id) fail(2004);
      st.q('UPDATE shares SET mount = ?, name = ? WHERE folderid = ? AND touserid = ?').run(parent.id, name, folder.id, user.id);
      st.event(user.id, 'modifyfolder', { metadata: st.folderMeta(user, folder) });
    };
    st.mountParent = (userid, folder) => {
      const s = st.q('SELECT mount FROM shares WHERE folderid = ? AND touserid = ?').get(folder.id, userid) as { mount: number } | undefined;
      return s ? s.mount : null;
    };
  }

  // ---- Share objects (docs/pcloud/methods-sharing.md §3) --------------------------------------------------

  requestObj(r: RequestRow, side: 'in' | 'out'): Meta {
    const m: Meta = {
      sharerequestid: r.id, folderid: r.folderid, sharename: r.name, folderowneruserid: r.owner,
      created: new PDate(r.created), expires: new PDate(r.expires), ...permFlags(r.perms),
    };
    if (r.message) m.message = r.message;
    if (side === 'out') m.tomail = r.tomail;
    else Object.assign(m, this.from(r.owner));
    return m;
  }

  shareObj(s: ShareRow, side: 'in' | 'out'): Meta {
    const m: Meta = { shareid: s.id, folderid: s.folderid, sharename: s.name, folderowneruserid: s.owner, created: new PDate(s.created), ...permFlags(s.perms) };
    return Object.assign(m, side === 'out' ? this.to(s.touserid) : this.from(s.owner));
  }

  from(owner: number): Meta {
    return { fromuserid: owner, frommail: this.st.user(owner)?.email ?? '' };
  }

  to(userid: number): Meta {
    return { touserid: userid, tomail: this.st.user(userid)?.email ?? '' };
  }

  // ---- state changes ---------------------------------------------------------------------------

  /** `mount`/`name`: where and under which name the recipient sees it (default: root, request's name). */
  accept(r: RequestRow, user: UserRow, always: boolean, mount: number = user.rootfolder, name: string = r.name): ShareRow {
    const st = this.st;
    const t = now();
    const id = st.db.transaction(() => {
      st.q('DELETE FROM sharerequests WHERE id = ?').run(r.id);
      if (always) st.q("INSERT OR REPLACE INTO sharepolicies (userid, fromuserid, policy) VALUES (?, ?, 'always')").run(user.id, r.owner);
      return Number(
        st.q('INSERT INTO shares (folderid, owner, touserid, mount, name, perms, created) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(r.folderid, r.owner, user.id, mount, name, r.perms, t).lastInsertRowid,
      );
    })();
    const s = this.share(id)!;
    // the recipient first learns of the folder and its contents, then of the share (docs/pcloud/structures.md §5)
    const folder = st.folderRow(s.folderid)!;
    const announce = (f: FolderRow) => {
      st.event(user.id, 'createfolder', { metadata: st.folderMeta(user, f) });
      for (const file of st.childFiles(f.id)) st.event(user.id, 'createfile', { metadata: st.fileMeta(user, file) }, file.id);
      for (const sub of st.ownChildFolders(f.id)) announce(sub);
    };
    announce(folder);
    st.event(user.id, 'acceptedsharein', { share: { ...this.shareObj(s, 'in'), sharerequestid: r.id } });
    st.event(r.owner, 'acceptedshareout', { share: { ...this.shareObj(s, 'out'), sharerequestid: r.id } });
    return s;
  }

  /** Ends a share; the recipient sees the folder go away, then both sides get `removedshare…`. */
  remove(s: ShareRow): void {
    const st = this.st;
    const recipient = st.user(s.touserid);
    const folder = st.folderRow(s.folderid);
    const meta = recipient && folder && folder.deleted === 0 ? st.folderMeta(recipient, folder) : null;
    st.q('DELETE FROM shares WHERE id = ?').run(s.id);
    if (meta) st.event(s.touserid, 'deletefolder', { metadata: { ...meta, isdeleted: true } });
    const base = { shareid: s.id, folderid: s.folderid };
    st.event(s.touserid, 'removedsharein', { share: { ...base, ...this.from(s.owner) } });
    st.event(s.owner, 'removedshareout', { share: { ...base, ...this.to(s.touserid) } });
  }
}

/** The pending request named by `sharerequestid` or `code` (1025 without either, 2021 unknown). */
function requestArg(ctx: Ctx, sh: Shares): { r: RequestRow; byCode: boolean } {
  const id = ctx.p.int('sharerequestid', 2021);
  const code = ctx.p.str('code');
  if (id === undefined && !code) fail(1025);
  const r = id !== undefined ? sh.request(id) : sh.requestByCode(code!);
  if (!r) fail(2021);
  return { r, byCode: id === undefined };
}

function liveFolder(st: Storage, id: number): FolderRow | undefined {
  const f = st.folderRow(id);
  return f && f.deleted === 0 ? f : undefined;
}

export function sharingMethods(emu: Emulator) {
  ensureTables(emu.st);
  const sh = new Shares(emu);
  sh.install();
  const st = emu.st;
  return defineMethods([
    {
      name: 'sharefolder',
      auth: 'required',
      async handler(ctx) {
        const user = me(ctx);
        const { row } = folderArg(ctx);
        const mail = ctx.p.str('mail')?.trim();
        if (!mail) fail(1023);
        const perms = permissionsArg(ctx);
        if (row.id === user.rootfolder) fail(2015);
        if (row.owner !== user.id) fail(2016);
        if (!user.emailverified) fail(2014);
        const name = ctx.p.str('name') ?? row.name;
        if (!validName(name)) fail(2001);
        if (!validEmail(mail)) fail(2018);
        if (mail.toLowerCase() === user.email.toLowerCase()) fail(2020);
        const to = st.userByEmail(mail);
        if (to) {
          const policy = st.q('SELECT policy FROM sharepolicies WHERE userid = ? AND fromuserid = ?').get(to.id, user.id) as { policy: string } | undefined;
          if (!to.acceptsshares || policy?.policy === 'block') fail(2017);
          if (sh.hasAccess(to.id, row)) fail(2024);
        }
        if (st.q('SELECT 1 FROM sharerequests WHERE folderid = ? AND tomail = ? AND expires >= ?').get(row.id, mail, now())) fail(2019);
        const t = now();
        const code = randomBytes(16).toString('hex');
        const message = ctx.p.str('message') || null;
        const id = Number(
          st.q('INSERT INTO sharerequests (folderid, owner, tomail, name, message, perms, created, expires, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
            .run(row.id, user.id, mail, name, message, perms, t, t + REQUEST_TTL, code).lastInsertRowid,
        );
        const r = sh.request(id)!;
        st.event(user.id, 'requestshareout', { share: sh.requestObj(r, 'out') });
        if (to) st.event(to.id, 'requestsharein', { share: sh.requestObj(r, 'in') });
        await sendMail(
          emu, mail, `${user.email} shared the folder "${name}" with you`,
          `${user.email} invites you to the folder "${name}".${message ? `\n\n${message}` : ''}\n\nAccept with code: ${code}`,
        );
        const policy = to && (st.q('SELECT policy FROM sharepolicies WHERE userid = ? AND fromuserid = ?').get(to.id, user.id) as { policy: string } | undefined);
        if (to && policy?.policy === 'always') {
          const s = sh.accept(r, to, false);
          return { shareid: s.id };
        }
        return { sharerequestid: id };
      },
    },
    {
      name: 'listshares',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const t = now();
        const inc = !ctx.p.flag('noincoming');
        const out = !ctx.p.flag('nooutgoing');
        const live = <T extends { folderid: number }>(rows: T[]) => rows.filter((r) => liveFolder(st, r.folderid));
        const reply: Meta = {};
        if (!ctx.p.flag('noshares')) {
          const shares: Meta = {};
          if (inc) shares.incoming = live(st.q('SELECT * FROM shares WHERE touserid = ? ORDER BY id').all(user.id) as ShareRow[]).map((s) => sh.shareObj(s, 'in'));
          if (out) shares.outgoing = live(st.q('SELECT * FROM shares WHERE owner = ? ORDER BY id').all(user.id) as ShareRow[]).map((s) => sh.shareObj(s, 'out'));
          reply.shares = shares;
        }
        if (!ctx.p.flag('norequests')) {
          const requests: Meta = {};
          if (inc) {
            requests.incoming = live(st.q('SELECT * FROM sharerequests WHERE tomail = ? AND expires >= ? ORDER BY id').all(user.email, t) as RequestRow[])
              .map((r) => sh.requestObj(r, 'in'));
          }
          if (out) {
            requests.outgoing = live(st.q('SELECT * FROM sharerequests WHERE owner = ? AND expires >= ? ORDER BY id').all(user.id, t) as RequestRow[])
              .map((r) => sh.requestObj(r, 'out'));
          }
          reply.requests = requests;
        }
        return reply;
      },
    },
    {
      name: 'sharerequestinfo',
      auth: 'none',
      handler(ctx) {
        const code = ctx.p.require('code', 1022);
        const r = sh.requestByCode(code);
        if (!r || !liveFolder(st, r.folderid)) fail(2021);
        return { share: { ...sh.requestObj(r, 'in'), tomail: r.tomail } };
      },
    },
    {
      name: 'cancelsharerequest',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const id = ctx.p.int('sharerequestid', 2021);
        if (id === undefined) fail(1026);
        const r = sh.request(id);
        if (!r || r.owner !== user.id) fail(2021);
        st.q('DELETE FROM sharerequests WHERE id = ?').run(r.id);
        st.event(user.id, 'cancelledshareout', { share: sh.requestObj(r, 'out') });
        const to = st.userByEmail(r.tomail);
        if (to) st.event(to.id, 'cancelledsharein', { share: sh.requestObj(r, 'in') });
        return {};
      },
    },
    {
      name: 'acceptshare',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { r, byCode } = requestArg(ctx, sh);
        if (r.owner === user.id) fail(2020);
        // by id only the addressee may accept; the mailed code works for whichever account holds it
        if (!byCode && r.tomail.toLowerCase() !== user.email.toLowerCase()) fail(2022);
        const name = ctx.p.str('name');
        if (name !== undefined && !validName(name)) fail(2001);
        let mount = user.rootfolder;
        if (ctx.p.has('folderid') || ctx.p.has('path')) {
          const { row } = folderArg(ctx, 2002);
          if (row.owner !== user.id) fail(2023);
          mount = row.id;
        }
        const folder = liveFolder(st, r.folderid);
        if (!folder) fail(2021);
        if (sh.hasAccess(user.id, folder)) fail(2024);
        const s = sh.accept(r, user, ctx.p.flag('always'), mount, name ?? r.name);
        return { shareid: s.id };
      },
    },
    {
      name: 'declineshare',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { r, byCode } = requestArg(ctx, sh);
        if (r.owner === user.id || (!byCode && r.tomail.toLowerCase() !== user.email.toLowerCase())) fail(2022);
        st.q('DELETE FROM sharerequests WHERE id = ?').run(r.id);
        if (ctx.p.flag('block')) st.q("INSERT OR REPLACE INTO sharepolicies (userid, fromuserid, policy) VALUES (?, ?, 'block')").run(user.id, r.owner);
        st.event(user.id, 'declinedsharein', { share: sh.requestObj(r, 'in') });
        st.event(r.owner, 'declinedshareout', { share: sh.requestObj(r, 'out') });
        return {};
      },
    },
    {
      name: 'removeshare',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const id = ctx.p.int('shareid', 2025);
        if (id === undefined) fail(1027);
        const s = sh.share(id);
        if (!s || (s.owner !== user.id && s.touserid !== user.id)) fail(2025);
        sh.remove(s);
        return {};
      },
    },
    {
      name: 'changeshare',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const id = ctx.p.int('shareid', 2025);
        if (id === undefined) fail(1027);
        const perms = permissionsArg(ctx);
        const s = sh.share(id);
        if (!s || s.owner !== user.id) fail(2025);
        st.q('UPDATE shares SET perms = ? WHERE id = ?').run(perms, s.id);
        const base = { shareid: s.id, folderid: s.folderid, ...permFlags(perms) };
        st.event(s.touserid, 'modifiedsharein', { share: { ...base, ...sh.from(s.owner) } });
        st.event(s.owner, 'modifiedshareout', { share: { ...base, ...sh.to(s.touserid) } });
        return {};
      },
    },
    {
      // Undocumented (pclsync): pCloud Business shares a folder with a team (`teamid` instead of `mail`).
      // The emulator has no Business accounts or teams, so after the ordinary folder checks every call
      // answers 2003 (Access denied), as a personal account would be refused a Business feature (unverified).
      name: 'account_teamshare',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row } = folderArg(ctx);
        if (row.id === user.rootfolder) fail(2015);
        if (row.owner !== user.id) fail(2016);
        fail(2003);
      },
    },
  ]);
}
