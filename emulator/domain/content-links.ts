// Content links and the bodies behind them, for account files and public links alike: download
// grants, video and audio variants, text files, and the Referer check of link methods.
import { type Ctx } from '../registry';
import { createReadStream, promises as fsp } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileRow } from '../store/model';
import { fileKind, now } from '../store/model';
import { fail } from '../errors';
import { guardContent, type LinkGrant } from '../content';
import { RAW } from '../registry';
import { mediaCategory, probeBlob, type MediaInfo } from '../media/probe';
import {
  displaySize, ensureMp3, fitBox, bitrateFor,
  variantKey, type VideoVariant,
} from '../media/transcode';
import { reencode } from '../media/text';

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
  const row = ctx.st.files.revision(rev, file.id);
  if (!row) fail(2029);
  return { blob: row.blob, size: row.size };
}

/**
 * The parts of a download grant that come from the link options every download method takes
 * (`contenttype` → 1005, `maxspeed` → 2011, `forcedownload`): shared by getfilelink and getpublinkdownload.
 */
export function downloadGrant(ctx: Ctx, blob: string, name: string) {
  const ct = ctx.p.str('contenttype');
  if (ct !== undefined && !CONTENT_TYPE.test(ct)) fail(1005);
  const maxspeed = ctx.p.int('maxspeed', 2011);
  if (maxspeed !== undefined && maxspeed < 1024) fail(2011, { minspeed: 1024 });
  const dl = ctx.p.flag('forcedownload');
  return {
    b: blob, n: name, e: now() + ctx.emu.linkTtl,
    ct: dl ? 'application/octet-stream' : ct ?? fileKind(name).contenttype, dl: dl ? 1 : 0,
  };
}

const CONTENT_TYPE = /^[a-z0-9.+-]+\/[a-z0-9.+-]+(;\s*charset=[a-z0-9-]+)?$/i;

/** Probed fields of a video (or, with `audioToo`, an audio file); 2044 for anything else. */
export async function mediaOf(ctx: Ctx, row: FileRow, blob: string, audioToo = false): Promise<{ info: MediaInfo; category: number }> {
  const category = mediaCategory(row.name);
  if (category !== 2 && !(audioToo && category === 3)) fail(2044);
  const info = await probeBlob(ctx.emu, blob, category);
  if (category === 2 && !displaySize(info)) fail(2044);
  if (audioToo && category === 2 && info.audiocodec === undefined) fail(2044);
  return { info, category };
}

/** Wraps a content grant (public links re-check the link and count); `download` marks the original bytes. */
export type GrantWrap = (grant: LinkGrant, download: boolean) => LinkGrant;

const unwrapped: GrantWrap = (g) => g;

/** getvideolinks' reply: one transcoded 720p-box MP4 and the original. */
export function videoLinksReply(ctx: Ctx, row: FileRow, blob: string, info: MediaInfo, wrap: GrantWrap = unwrapped) {
  const { ct, dl } = contentTypeArg(ctx, 'video/mp4');
  const e = now() + ctx.emu.linkTtl;
  const src = displaySize(info)!;
  const size = fitBox(src, 1280, 720);
  const v: VideoVariant = { ...size, vbitrate: bitrateFor(size, 2500), abitrate: 128 };
  const hasAudio = info.audiocodec !== undefined;
  const name = renamed(row.name, '.mp4');
  const transcoded = {
    isoriginal: false, width: v.width, height: v.height, ...(info.fps ? { fps: info.fps } : {}), ...(info.duration ? { duration: info.duration } : {}),
    videocodec: 'h264', videobitrate: v.vbitrate, ...(hasAudio ? { audiocodec: 'aac', audiobitrate: v.abitrate } : {}),
    ...linkOf(ctx, wrap({ k: 'stream', op: 'mp4', b: blob, v: variantKey(v), na: hasAudio ? 0 : 1, ct, dl, n: name, e }, false), name),
  };
  const original = {
    isoriginal: true, ...mediaFields(info),
    ...linkOf(ctx, wrap({ k: 'file', b: blob, n: row.name, e, ct: dl ? ct : ctx.p.str('contenttype') ?? fileKind(row.name).contenttype, dl }, true), row.name),
  };
  return { variants: [transcoded, original] };
}

/** getaudiolink's reply: an mp3 at `abitrate` (default 192 kbit/s). */
export function audioLinkReply(ctx: Ctx, row: FileRow, blob: string, wrap: GrantWrap = unwrapped) {
  const { ct, dl } = contentTypeArg(ctx, 'audio/mpeg');
  const abitrate = kbitArg(ctx, 'abitrate', 192, 16, 320);
  prewarm(() => ensureMp3(ctx.emu, blob, abitrate));
  const name = renamed(row.name, '.mp3');
  return linkOf(ctx, wrap({ k: 'stream', op: 'mp3', b: blob, a: abitrate, ct, dl, n: name, e: now() + ctx.emu.linkTtl }, false), name);
}

/**
 * gettextfile's body: the blob re-encoded (`fromencoding`/`toencoding`), written straight to the socket.
 * Files up to `limits.textFileMaxBytes` are converted in memory; what pCloud does with larger ones is
 * unverified, so larger ones are streamed: as they are when they need no conversion (UTF-8 to UTF-8),
 * decoded on the fly when the target is UTF-8, and refused with 2061 otherwise (never read whole).
 */
export async function sendTextFile(ctx: Ctx, blob: string, name: string): Promise<typeof RAW> {
  // bytes on the API origin, which is also the sign-in origin: inert whatever `contenttype` asks for
  guardContent(ctx.res);
  const ct = ctx.p.str('contenttype');
  if (ct !== undefined && !CONTENT_TYPE.test(ct)) fail(1005);
  const file = ctx.st.blobs.pathOf(blob);
  const dl = ctx.p.flag('forcedownload');
  const headers = (to: string, length?: number) => {
    const h: Record<string, string | number> = {
      'Content-Type': dl ? 'application/octet-stream' : ct ?? `text/plain; charset=${to.toLowerCase()}`,
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'X-Error, Content-Length, Content-Disposition',
      'Cache-Control': 'private, max-age=0',
    };
    if (length !== undefined) h['Content-Length'] = length;
    if (dl) h['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
    return h;
  };
  const size = (await fsp.stat(file)).size;
  if (size > ctx.emu.limits.textFileMaxBytes) return streamLargeText(ctx, file, size, headers);
  const data = await fsp.readFile(file);
  const { body, to } = await reencode(ctx.emu, data, ctx.p.str('fromencoding'), ctx.p.str('toencoding'));
  ctx.res.writeHead(200, headers(to, body.length));
  ctx.res.end(body);
  return RAW;
}

const isUtf8 = (label: string) => label.toUpperCase().replace(/[^A-Z0-9]/g, '') === 'UTF8';

async function streamLargeText(ctx: Ctx, file: string, size: number, headers: (to: string, length?: number) => Record<string, string | number>): Promise<typeof RAW> {
  const to = ctx.p.str('toencoding') || 'utf-8';
  if (!isUtf8(to)) fail(2061);
  const head = Buffer.alloc(64 * 1024);
  const fh = await fsp.open(file, 'r');
  let got: number;
  try {
    got = (await fh.read(head, 0, head.length, 0)).bytesRead;
  } finally {
    await fh.close();
  }
  const from = ctx.p.str('fromencoding') || detectHead(head.subarray(0, got));
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(from);
  } catch {
    fail(2061);
  }
  const bom = decoder.encoding === 'utf-8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const source = createReadStream(file, { start: bom, highWaterMark: 256 * 1024 });
  if (decoder.encoding === 'utf-8') {
    ctx.res.writeHead(200, headers(to, size - bom));
    await pipeline(source, ctx.res).catch(() => ctx.res.destroy());
    return RAW;
  }
  ctx.res.writeHead(200, headers(to));
  const encoder = new TextEncoder();
  const convert = new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, encoder.encode(decoder.decode(chunk, { stream: true })));
    },
    flush(done) {
      done(null, encoder.encode(decoder.decode()));
    },
  });
  await pipeline(source, convert, ctx.res).catch(() => ctx.res.destroy());
  return RAW;
}

/** detectEncoding on the first bytes only: a multi-byte character cut at the end is not an error. */
function detectHead(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** `name` with its extension replaced. */
export function renamed(name: string, ext: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name) + ext;
}

/** kbit/s parameter within [min, max]; malformed or absent values take the default. */
export function kbitArg(ctx: Ctx, name: string, def: number, min: number, max: number): number {
  const n = parseInt(ctx.p.str(name) ?? '', 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : def;
}

export function contentTypeArg(ctx: Ctx, def: string): { ct: string; dl: 0 | 1 } {
  const ct = ctx.p.str('contenttype');
  if (ct !== undefined && !CONTENT_TYPE.test(ct)) fail(1005);
  const dl = ctx.p.flag('forcedownload');
  return { ct: dl ? 'application/octet-stream' : ct ?? def, dl: dl ? 1 : 0 };
}

export function linkOf(ctx: Ctx, grant: LinkGrant, name: string) {
  return ctx.emu.content.link(ctx, grant, ctx.p.flag('skipfilename') ? null : name);
}

/** Starts a transcode now so the first content request finds it (or finds it under way). */
export function prewarm(job: () => Promise<unknown>): void {
  job().catch(() => {});
}

const mediaFields = (info: MediaInfo) => {
  const out: MediaInfo = {};
  for (const k of ['width', 'height', 'fps', 'duration', 'videocodec', 'videobitrate', 'audiocodec', 'audiobitrate', 'audiosamplerate', 'rotate']) {
    if (info[k] !== undefined) out[k] = info[k];
  }
  return out;
};
