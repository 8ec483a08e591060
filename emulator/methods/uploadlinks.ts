// Upload links (docs/pcloud/methods-uploadlinks.md): anyone holding the code can drop files into one folder of
// the owner's, within the link's expiry, space and file-count limits; they see nothing of it.
import { randomBytes } from 'node:crypto';
import { defineMethods, me, type Ctx } from '../registry';
import type { Services } from '../services';
import type { FileRow, UserRow } from '../store/model';
import { PDate, now, validName } from '../store/model';
import type { Meta, Storage } from '../store/storage';
import type { BlobInfo } from '../store/blobs';
import { BlobTooLarge, BodyEnded } from '../store/blobs';
import { ApiError, fail } from '../errors';
import { fileArg, folderArg } from './common';
import { putFile } from '../store/ops';

import type { UploadLinkChange, UploadLinkRow } from '../store/repos/upload-links';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomCode(length: number): string {
  let out = '';
  for (const b of randomBytes(length)) out += ALPHABET[b % ALPHABET.length];
  return out;
}

const linkUrl = (code: string) => `https://my.pcloud.com/#page=puplink&code=${code}`;

function byCode(st: Storage, ctx: Ctx): UploadLinkRow {
  const code = ctx.p.require('code', 1022);
  const l = st.uploadLinks.byCode(code);
  if (!l) fail(7001);
  return l;
}

/** 7002 deleted (or its folder trashed), 7004 expired, 7007 space full, 7008 file limit reached. */
function checkUsable(st: Storage, l: UploadLinkRow): void {
  const folder = st.folderRow(l.folderid);
  if (l.deleted || !folder || folder.deleted !== 0) fail(7002);
  if (l.expire !== null && l.expire < now()) fail(7004);
  if (l.maxspace && l.space >= l.maxspace) fail(7007);
  if (l.maxfiles && l.files >= l.maxfiles) fail(7008);
}

function linkObject(st: Storage, owner: UserRow, l: UploadLinkRow): Meta {
  const m: Meta = {
    uploadlinkid: l.id, code: l.code, link: linkUrl(l.code), mail: l.mail, comment: l.comment,
    files: l.files, space: l.space, created: new PDate(l.created), modified: new PDate(l.modified),
  };
  const folder = st.folderRow(l.folderid);
  if (folder) m.metadata = { ...st.folderMeta(owner, folder), isshared: true };
  // the field's real name is unverified (docs: `expire`, api.txt: `expires`): both are sent
  if (l.expire !== null) m.expire = m.expires = new PDate(l.expire);
  if (l.maxspace) m.maxspace = l.maxspace;
  if (l.maxfiles) m.maxfiles = l.maxfiles;
  return m;
}

/**
 * Takes one file slot (and `bytes` of space) of the link in one statement, so uploads running in
 * parallel cannot together pass `maxfiles`/`maxspace`: 7008 / 7007 when the slot or space is not there.
 */
function reserve(st: Storage, id: number, bytes: number): void {
  st.uploadLinks.reserve(id, bytes);
}

/** More space for a file already holding a slot (bytes as they arrive); 7007 past `maxspace`. */
function reserveSpace(st: Storage, id: number, bytes: number): void {
  if (!st.uploadLinks.reserveSpace(id, bytes)) fail(7007);
}

/** Gives back what a file that was not stored had reserved. */
function release(st: Storage, id: number, bytes: number): void {
  st.uploadLinks.release(id, bytes);
}

/** Stores one received file, whose slot and space are reserved, in the link's folder (renamed on conflict). */
function store(st: Storage, l: UploadLinkRow, name: string, blob: BlobInfo): FileRow {
  const owner = st.user(l.owner)!;
  const folder = st.folderRow(l.folderid)!;
  return putFile(st, owner, folder, name, blob, { renameIfExists: true });
}

function linkIdArg(ctx: Ctx): UploadLinkRow {
  const id = ctx.p.int('uploadlinkid', 2040);
  if (id === undefined) fail(1036);
  const l = ctx.st.uploadLinks.owned(me(ctx).id, id);
  if (!l) fail(2040);
  return l;
}

async function uploadtolink(ctx: Ctx) {
  const st = ctx.st;
  const l = byCode(st, ctx);
  checkUsable(st, l);
  const names = ctx.p.str('names');
  if (!names || !names.trim()) fail(2001);
  const hash = ctx.p.str('progresshash');
  const total = Number(ctx.req.headers['content-length'] ?? 0);
  const progress: Meta & { kind: string; userid: number; updated: number; uploaded: number; filenumber: number; finished: boolean } = {
    kind: 'linkupload', userid: l.owner, updated: 0, linkid: l.id, total, uploaded: 0, filenumber: 0, finished: false,
  };
  if (hash) {
    ctx.emu.progress.set(hash, progress);
    ctx.req.on('data', (c: Buffer) => {
      progress.uploaded += c.length;
    });
  }
  const raw = !String(ctx.req.headers['content-type'] ?? '').startsWith('multipart/');
  const declared = ctx.req.headers['content-length'] === undefined ? undefined : total;
  let received = 0;
  ctx.req.on('data', (c: Buffer) => {
    received += c.length;
  });
  const stored: FileRow[] = [];
  for (let f = await ctx.files!.next(); f; f = await ctx.files!.next()) {
    const name = raw ? ctx.p.str('filename') ?? '' : f.name;
    if (!validName(name)) {
      f.stream.resume();
      fail(2001);
    }
    const expected = raw && ctx.req.headers['content-length'] !== undefined ? total : undefined;
    // The slot, and the space the body can still hold, are taken before a byte is stored: a raw
    // body's exact length, or what is left of a multipart request (an upper bound, given back once
    // the file's size is known). When the bound does not fit, a part's bytes are reserved as they come.
    const bound = expected ?? (declared === undefined ? 0 : Math.max(0, declared - received));
    let held = bound;
    try {
      try {
        reserve(st, l.id, bound);
      } catch (err) {
        if (expected !== undefined || bound === 0 || !(err instanceof ApiError) || err.code !== 7007) throw err;
        reserve(st, l.id, 0);
        held = 0;
      }
    } catch (err) {
      f.stream.resume();
      throw err;
    }
    const quotaLeft = Math.max(0, st.user(l.owner)!.quota - st.usedQuota(l.owner));
    progress.filenumber++;
    progress.currentfile = name;
    progress.currentfileuploaded = 0;
    let blob: BlobInfo;
    let seen = 0;
    try {
      blob = await st.blobs.put(f.stream, {
        limit: quotaLeft,
        expected,
        // bytes beyond what was reserved up front are reserved as they arrive
        admit: (n) => {
          seen += n;
          if (seen > held) {
            reserveSpace(st, l.id, seen - held);
            held = seen;
          }
        },
        onBytes: (n) => {
          progress.currentfileuploaded = n;
        },
      });
    } catch (err) {
      release(st, l.id, held);
      if (err instanceof BlobTooLarge) fail(2008);
      if (err instanceof BodyEnded) fail(2041);
      throw err;
    }
    try {
      if (blob.size < held) {
        st.uploadLinks.releaseSpace(l.id, held - blob.size);
        held = blob.size;
      }
      stored.push(store(st, l, name, blob));
    } catch (err) {
      release(st, l.id, held);
      throw err;
    }
  }
  progress.finished = true;
  delete progress.currentfile;
  delete progress.currentfileuploaded;
  return {};
}

export function uploadLinkMethods(emu: Services) {
  const st = emu.st;
  return defineMethods([
    {
      name: 'createuploadlink',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row } = folderArg(ctx);
        if (row.owner !== user.id) fail(2039);
        if (!user.emailverified) fail(2014);
        const comment = ctx.p.require('comment', 1035);
        const expire = ctx.p.date('expire') ?? null;
        const maxspace = ctx.p.int('maxspace', 1000) || null;
        const maxfiles = ctx.p.int('maxfiles', 1000) || null;
        let code = randomCode(30);
        while (st.uploadLinks.codeTaken(code)) code = randomCode(30);
        const mail = `${randomCode(12).toLowerCase()}@${user.locationid === 2 ? 'e' : 'u'}.pcloud.com`;
        const t = now();
        const id = st.uploadLinks.create({ owner: user.id, folderid: row.id, code, mail, comment, created: t, expire, maxspace, maxfiles });
        return { uploadlinkid: id, code, mail, link: linkUrl(code) };
      },
    },
    {
      name: 'listuploadlinks',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const rows = st.uploadLinks.list(user.id);
        return { uploadlinks: rows.map((l) => linkObject(st, user, l)) };
      },
    },
    {
      name: 'deleteuploadlink',
      auth: 'required',
      handler(ctx) {
        const l = linkIdArg(ctx);
        st.uploadLinks.delete(l.id, now());
        return {};
      },
    },
    {
      name: 'changeuploadlink',
      auth: 'required',
      handler(ctx) {
        const expire = ctx.p.date('expire');
        const maxspace = ctx.p.int('maxspace', 1000);
        const maxfiles = ctx.p.int('maxfiles', 1000);
        const l = linkIdArg(ctx);
        const change: UploadLinkChange = {};
        if (ctx.p.flag('deleteexpire')) change.expire = null;
        else if (expire !== undefined) change.expire = expire;
        if (maxspace !== undefined) change.maxspace = maxspace || null;
        if (maxfiles !== undefined) change.maxfiles = maxfiles || null;
        change.modified = now();
        st.uploadLinks.change(l.id, change);
        return {};
      },
    },
    {
      name: 'showuploadlink',
      auth: 'none',
      handler(ctx) {
        const l = byCode(st, ctx);
        checkUsable(st, l);
        return { comment: l.comment, mail: l.mail };
      },
    },
    { name: 'uploadtolink', auth: 'none', upload: true, handler: uploadtolink },
    {
      name: 'uploadlinkprogress',
      auth: 'none',
      handler(ctx) {
        const l = byCode(st, ctx);
        const hash = ctx.p.require('progresshash', 1900);
        const job = ctx.emu.progress.get(hash);
        if (!job || job.kind !== 'linkupload' || (job as Meta).linkid !== l.id) fail(1900);
        const { kind: _k, userid: _u, updated: _t, linkid: _l, ...rest } = job as Meta;
        return rest;
      },
    },
    {
      name: 'copytolink',
      auth: 'required',
      handler(ctx) {
        const l = byCode(st, ctx);
        checkUsable(st, l);
        const { row, perms } = fileArg(ctx);
        if (!perms.read) fail(2003);
        const name = ctx.p.str('toname') ?? row.name;
        if (!validName(name)) fail(2001);
        const b = st.blobRow(row.blob);
        const blob: BlobInfo = { key: b.key, size: b.size, sha1: b.sha1, md5: b.md5, sha256: b.key, hash: BigInt(b.hash) };
        reserve(st, l.id, row.size);
        try {
          store(st, l, name, blob);
        } catch (err) {
          release(st, l.id, row.size);
          throw err;
        }
        return {};
      },
    },
    {
      // Undocumented: only errors.txt names it (1022, 2012); its purpose is unknown (probably "tell the
      // owner an upload batch finished"). A no-op that validates the code, as the reference suggests.
      name: 'notifyuploadlink',
      auth: 'none',
      handler(ctx) {
        const code = ctx.p.require('code', 1022);
        const l = st.uploadLinks.liveByCode(code);
        if (!l) fail(2012);
        return {};
      },
    },
  ]);
}
