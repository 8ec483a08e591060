// Thumbnails for account files and public links alike: parameters, making, sending, saving and links.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { RAW, type Ctx } from '../registry';
import type { FileRow, UserRow } from '../store/model';
import { fileKind, now } from '../store/model';
import { destination, putFile } from '../store/ops';
import { fail } from '../errors';
import { makeThumb, parseThumbSize, thumbType, THUMB_EXT, type Thumb, type ThumbSpec } from '../media/thumbs';
import { media } from '../media/state';
import { guardContent, type LinkGrant } from '../content';

/** getthumb's body: the image itself. */
export async function sendThumb(ctx: Ctx, t: Thumb, spec: ThumbSpec): Promise<typeof RAW> {
  const data = await fsp.readFile(join(media(ctx.emu).cacheDir, t.rel));
  guardContent(ctx.res); // bytes on the API origin: inert like every content response
  ctx.res.writeHead(200, {
    'Content-Type': spec.type === 'jpeg' ? 'image/jpeg' : `image/${spec.type}`,
    'Content-Length': data.length,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'X-Error, Content-Length',
    'Cache-Control': 'private, max-age=3600',
  });
  ctx.res.end(data);
  return RAW;
}

/** savethumb: `row`'s thumbnail stored as a file of `user` (`topath` | `tofolderid` + `toname`, `noover`). */
export async function saveThumb(ctx: Ctx, user: UserRow, row: FileRow, blob: string) {
  const spec = thumbSpec(ctx);
  const topath = ctx.p.str('topath');
  const tofolderid = ctx.p.int('tofolderid', 1017);
  if ((topath === undefined || topath === '') && tofolderid === undefined) fail(1016);
  const t = await thumbOf(ctx, row, spec, blob);
  const dest = destination(ctx.st, user, { topath: topath || undefined, tofolderid, toname: ctx.p.str('toname') || undefined }, row.name);
  const info = await ctx.st.blobs.putBuffer(await fsp.readFile(join(media(ctx.emu).cacheDir, t.rel)));
  const saved = putFile(ctx.st, user, dest.parent, dest.name, info, { noOverwrite: ctx.p.flag('noover') });
  ctx.st.files.noteImageSize(info.key, t.width, t.height);
  return { metadata: ctx.st.fileMeta(user, ctx.st.fileRow(saved.id)!), width: t.width, height: t.height };
}

export function thumbSpec(ctx: Ctx): ThumbSpec {
  const { width, height } = parseThumbSize(ctx.p.str('size'));
  return { width, height, crop: ctx.p.flag('crop'), type: thumbType(ctx.p.str('type')) };
}

/** 1014 unless the file's metadata says `thumb: true` (thumbable image or video, non-empty). */
export async function thumbOf(ctx: Ctx, row: FileRow, spec: ThumbSpec, blob = row.blob): Promise<Thumb> {
  const kind = fileKind(row.name);
  if (!kind.thumb || row.size === 0) fail(1014);
  return makeThumb(ctx.emu, blob, kind.category, spec);
}

export function thumbLink(ctx: Ctx, row: FileRow, t: Thumb, wrap: (g: LinkGrant) => LinkGrant = (g) => g) {
  const grant = wrap({ k: 'thumb', p: t.rel, e: now() + ctx.emu.linkTtl });
  const size = `${t.width}x${t.height}`;
  return { ...ctx.emu.content.link(ctx, grant, `th-${row.id}-${size}.${THUMB_EXT[t.type]}`), size };
}

/** Runs `fn` over `items` with at most `n` in flight. */
export async function pool<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}
