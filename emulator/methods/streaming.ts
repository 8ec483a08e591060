import { defineMethods, me, type Ctx } from '../registry';
import type { Emulator } from '../server';
import type { FileRow } from '../store/model';
import { fileKind, now } from '../store/model';
import { fail } from '../errors';
import { fileArg } from './common';
import { sendFile } from '../content';

const PCLOUD_SITES = /(^|\.)pcloud\.(com|link)$/;

/**
 * Link methods refuse web pages of other sites with 7010 (SDK-js #4/#6/#7). Which header pCloud
 * reads is unverified; we read `Referer` only, so pages that send `referrerPolicy: no-referrer`
 * (and server-side callers) pass, and the emulator's own pages count as pCloud's.
 */
export function checkReferer(ctx: Ctx): void {
  if (!ctx.emu.quirks.refererCheck) return;
  const ref = ctx.req.headers.referer;
  if (!ref) return;
  try {
    const host = new URL(ref).host;
    if (host === ctx.host || PCLOUD_SITES.test(new URL(ref).hostname)) return;
  } catch {
    /* an unparseable Referer is foreign */
  }
  fail(7010);
}

/** The blob behind a file, or behind one of its revisions (global `revisionid`). */
export function contentOf(ctx: Ctx, file: FileRow): { blob: string; size: number } {
  const rev = ctx.p.int('revisionid', 2029);
  if (rev === undefined) return { blob: file.blob, size: file.size };
  const row = ctx.st.q('SELECT blob, size FROM revisions WHERE id = ? AND fileid = ?').get(rev, file.id) as { blob: string; size: number } | undefined;
  if (!row) fail(2029);
  return row;
}

const CONTENT_TYPE = /^[a-z0-9.+-]+\/[a-z0-9.+-]+(;\s*charset=[a-z0-9-]+)?$/i;

export function registerFileContent(emu: Emulator): void {
  emu.content.handlers.set('file', async (grant, req, res) => {
    await sendFile(req, res, emu.st.blobs.pathOf(String(grant.b)), {
      contentType: String(grant.ct),
      downloadName: grant.dl ? String(grant.n) : undefined,
    });
  });
}

export const streamingMethods = () =>
  defineMethods([
    {
      name: 'getfilelink',
      auth: 'required',
      handler(ctx) {
        checkReferer(ctx);
        const user = me(ctx);
        const { row, perms } = fileArg(ctx);
        if (!perms.read) fail(2003);
        const content = contentOf(ctx, row);
        const ct = ctx.p.str('contenttype');
        if (ct !== undefined && !CONTENT_TYPE.test(ct)) fail(1005);
        const maxspeed = ctx.p.int('maxspeed', 2011);
        if (maxspeed !== undefined && maxspeed < 1024) fail(2011, { minspeed: 1024 });
        const dl = ctx.p.flag('forcedownload');
        const grant = {
          k: 'file', b: content.blob, n: row.name, e: now() + ctx.emu.linkTtl,
          ct: dl ? 'application/octet-stream' : ct ?? fileKind(row.name).contenttype, dl: dl ? 1 : 0,
        };
        const link = ctx.emu.content.link(ctx.host, grant, ctx.p.flag('skipfilename') ? null : row.name);
        const b = ctx.st.blobRow(content.blob);
        void user;
        return { ...link, dwltag: b.sha1.slice(0, 16), hash: BigInt(b.hash), size: content.size };
      },
    },
  ]);
