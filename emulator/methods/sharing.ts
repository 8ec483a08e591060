// Folder shares between users (docs/pcloud/methods-sharing.md): share requests mailed by code, accepted shares
// mounted in the recipient's root; the rows live in store/repos/shares.ts, what they grant in
// store/share-access.ts.
import { randomBytes } from 'node:crypto';
import { defineMethods, me, type Ctx } from '../registry';
import type { Services } from '../services';
import type { FolderRow, UserRow } from '../store/model';
import { PDate, now, validName } from '../store/model';
import type { Meta, Storage } from '../store/storage';
import type { ShareRequestRow as RequestRow, ShareRow } from '../store/repos/shares';
import { fail } from '../errors';
import { sendMail } from '../mail';
import { folderArg } from './common';
import { validEmail } from './general';

/** How long a share request stays pending (the docs example: three weeks). */
const REQUEST_TTL = 21 * 24 * 3600;

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
  constructor(readonly emu: Services) {}

  get st(): Storage {
    return this.emu.st;
  }

  request(id: number): RequestRow | undefined {
    return this.st.shares.request(id, now());
  }

  requestByCode(code: string): RequestRow | undefined {
    return this.st.shares.requestByCode(code, now());
  }

  share(id: number): ShareRow | undefined {
    return this.st.shares.share(id);
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
    const id = st.shares.accept(r, user.id, always, mount, name, now());
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
    st.shares.deleteShare(s.id);
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

export function sharingMethods(emu: Services) {
  const sh = new Shares(emu);
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
          if (!to.acceptsshares || st.shares.policy(to.id, user.id) === 'block') fail(2017);
          if (st.access.hasAccess(to.id, row)) fail(2024);
        }
        if (st.shares.hasPendingRequest(row.id, mail, now())) fail(2019);
        const t = now();
        const code = randomBytes(16).toString('hex');
        const message = ctx.p.str('message') || null;
        const id = st.shares.createRequest({ folderid: row.id, owner: user.id, tomail: mail, name, message, perms, created: t, expires: t + REQUEST_TTL, code });
        const r = sh.request(id)!;
        st.event(user.id, 'requestshareout', { share: sh.requestObj(r, 'out') });
        if (to) st.event(to.id, 'requestsharein', { share: sh.requestObj(r, 'in') });
        await sendMail(
          emu, mail, `${user.email} shared the folder "${name}" with you`,
          `${user.email} invites you to the folder "${name}".${message ? `\n\n${message}` : ''}\n\nAccept with code: ${code}`,
        );
        if (to && st.shares.policy(to.id, user.id) === 'always') {
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
          if (inc) shares.incoming = live(st.shares.incoming(user.id)).map((s) => sh.shareObj(s, 'in'));
          if (out) shares.outgoing = live(st.shares.outgoing(user.id)).map((s) => sh.shareObj(s, 'out'));
          reply.shares = shares;
        }
        if (!ctx.p.flag('norequests')) {
          const requests: Meta = {};
          if (inc) {
            requests.incoming = live(st.shares.incomingRequests(user.email, t)).map((r) => sh.requestObj(r, 'in'));
          }
          if (out) {
            requests.outgoing = live(st.shares.outgoingRequests(user.id, t)).map((r) => sh.requestObj(r, 'out'));
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
        st.shares.deleteRequest(r.id);
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
        if (st.access.hasAccess(user.id, folder)) fail(2024);
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
        st.shares.deleteRequest(r.id);
        if (ctx.p.flag('block')) st.shares.setPolicy(user.id, r.owner, 'block');
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
        st.shares.setPerms(s.id, perms);
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
