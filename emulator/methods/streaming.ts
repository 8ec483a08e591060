import { defineMethods, me, type Ctx } from '../registry';
import { createReadStream, promises as fsp } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Emulator } from '../server';
import type { FileRow } from '../store/model';
import { fileKind, now } from '../store/model';
import { fail } from '../errors';
import { fileArg } from './common';
import { guardContent, plain, sendFile, type LinkGrant } from '../content';
import { RAW } from '../registry';
import { join } from 'node:path';
import { media } from '../media/state';
import { installProbeHook, mediaCategory, probeBlob, type MediaInfo } from '../media/probe';
import { THUMB_MIME, type ThumbType } from '../media/thumbs';
import {
  displaySize, isDone, predictedPlaylist, startHlsVariant, ensureMp3, ensureMp4, fitBox, bitrateFor, hlsLadder, masterPlaylist, parseVariantKey,
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
  const row = ctx.st.q('SELECT blob, size FROM revisions WHERE id = ? AND fileid = ?').get(rev, file.id) as { blob: string; size: number } | undefined;
  if (!row) fail(2029);
  return row;
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

export function registerFileContent(emu: Emulator): void {
  emu.content.bindIp = () => emu.quirks.contentIpBinding;
  emu.content.handlers.set('file', async (grant, req, res) => {
    await sendFile(req, res, emu.st.blobs.pathOf(String(grant.b)), {
      contentType: String(grant.ct),
      downloadName: grant.dl ? String(grant.n) : undefined,
    });
  });
  registerMediaContent(emu);
  installProbeHook(emu);
}

// ---- media content (thumbnails, transcodes, HLS) ----------------------------------------------

/** Runs a transcode for a content request; a failure answers 500 instead of a broken stream. */
async function made(emu: Emulator, res: Parameters<typeof plain>[0], job: () => Promise<string>): Promise<string | null> {
  try {
    return await job();
  } catch (err) {
    emu.log(`transcode: ${(err as Error).message}`);
    if (!res.headersSent) plain(res, 500, 'Transcoding failed.');
    return null;
  }
}

function registerMediaContent(emu: Emulator): void {
  const state = media(emu);
  emu.content.handlers.set('thumb', async (grant, req, res) => {
    const rel = String(grant.p);
    const ext = rel.slice(rel.lastIndexOf('.') + 1);
    const type: ThumbType = ext === 'png' ? 'png' : ext === 'webp' ? 'webp' : 'jpeg';
    await sendFile(req, res, join(state.cacheDir, rel), { contentType: THUMB_MIME[type], cache: 'private, max-age=86400' });
  });
  // getaudiolink (mp3) and getvideolink / getvideolinks (progressive mp4)
  emu.content.handlers.set('stream', async (grant, req, res) => {
    const blob = String(grant.b);
    const v = parseVariantKey(String(grant.v ?? ''));
    const file = await made(emu, res, () =>
      grant.op === 'mp3' ? ensureMp3(emu, blob, Number(grant.a)) : ensureMp4(emu, blob, v!, grant.na !== 1),
    );
    if (file === null) return;
    await sendFile(req, res, file, { contentType: String(grant.ct), downloadName: grant.dl ? String(grant.n) : undefined });
  });
  // gethlslink: `<prefix>/<name>.m3u8` master, `<prefix>/v<i>/index.m3u8` renditions, `<prefix>/v<i>/segNNN.ts`
  emu.content.handlers.set('hls', async (grant, req, res, rest) => {
    const blob = String(grant.b);
    const hasAudio = grant.na !== 1;
    const variants = (grant.v as string[]).map(parseVariantKey).filter((v): v is VideoVariant => v !== null);
    if (rest === '' || /^[^/]+\.m3u8$/.test(rest)) {
      const body = masterPlaylist(variants, hasAudio);
      res.writeHead(200, {
        'Content-Type': 'application/vnd.apple.mpegurl', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'private, max-age=3600',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const m = /^v(\d+)\/(index\.m3u8|seg\d{3,6}\.ts)$/.exec(rest);
    const v = m ? variants[Number(m[1])] : undefined;
    if (!m || !v) return plain(res, 404, 'Not found.');
    const job = startHlsVariant(emu, blob, v, hasAudio);
    const file = join(job.dir, m[2]);
    if (m[2] === 'index.m3u8') {
      const duration = Number(grant.d);
      if (!(await isDone(job.dir)) && duration > 0) {
        // still transcoding: answer the playlist ffmpeg is going to write, segments follow as they are made
        const body = predictedPlaylist(duration);
        res.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache' });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      if ((await made(emu, res, () => job.done.then(() => file))) === null) return;
      await sendFile(req, res, file, { contentType: 'application/vnd.apple.mpegurl', cache: 'private, max-age=86400' });
      return;
    }
    let settled = false;
    job.done.then(() => (settled = true), () => (settled = true));
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      try {
        await fsp.access(file);
        break;
      } catch {
        if (settled || Date.now() > deadline || res.destroyed) return plain(res, 404, 'Not found.');
        await Promise.race([job.done.catch(() => {}), new Promise((r) => setTimeout(r, 200))]);
      }
    }
    await sendFile(req, res, file, { contentType: 'video/mp2t', cache: 'private, max-age=86400' });
  });
}

/** A video (category 2) the caller may read, with its probed fields; 2044 for anything else. */
async function videoArg(ctx: Ctx, audioToo = false): Promise<{ row: FileRow; blob: string; info: MediaInfo; category: number }> {
  const { row, perms } = fileArg(ctx);
  if (!perms.read) fail(2003);
  const blob = contentOf(ctx, row).blob;
  return { row, blob, ...(await mediaOf(ctx, row, blob, audioToo)) };
}

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
function renamed(name: string, ext: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name) + ext;
}

/** kbit/s parameter within [min, max]; malformed or absent values take the default. */
function kbitArg(ctx: Ctx, name: string, def: number, min: number, max: number): number {
  const n = parseInt(ctx.p.str(name) ?? '', 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : def;
}

/** `resolution=WxH` (64x64 … 1280x960); malformed values mean "unchanged". */
function resolutionArg(ctx: Ctx): { width: number; height: number } | undefined {
  const m = /^(\d+)x(\d+)$/.exec(ctx.p.str('resolution') ?? '');
  if (!m) return undefined;
  return { width: Math.min(1280, Math.max(64, Number(m[1]))), height: Math.min(960, Math.max(64, Number(m[2]))) };
}

function contentTypeArg(ctx: Ctx, def: string): { ct: string; dl: 0 | 1 } {
  const ct = ctx.p.str('contenttype');
  if (ct !== undefined && !CONTENT_TYPE.test(ct)) fail(1005);
  const dl = ctx.p.flag('forcedownload');
  return { ct: dl ? 'application/octet-stream' : ct ?? def, dl: dl ? 1 : 0 };
}

function linkOf(ctx: Ctx, grant: LinkGrant, name: string) {
  return ctx.emu.content.link(ctx, grant, ctx.p.flag('skipfilename') ? null : name);
}

/** Starts a transcode now so the first content request finds it (or finds it under way). */
function prewarm(job: () => Promise<unknown>): void {
  job().catch(() => {});
}

const mediaFields = (info: MediaInfo) => {
  const out: MediaInfo = {};
  for (const k of ['width', 'height', 'fps', 'duration', 'videocodec', 'videobitrate', 'audiocodec', 'audiobitrate', 'audiosamplerate', 'rotate']) {
    if (info[k] !== undefined) out[k] = info[k];
  }
  return out;
};

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
        const grant = { k: 'file', ...downloadGrant(ctx, content.blob, row.name) };
        const link = ctx.emu.content.link(ctx, grant, ctx.p.flag('skipfilename') ? null : row.name);
        const b = ctx.st.blobRow(content.blob);
        void user;
        return { ...link, dwltag: b.sha1.slice(0, 16), hash: BigInt(b.hash), size: content.size };
      },
    },
    {
      // Choice: a progressive MP4 (H.264 + AAC, faststart, Range-seekable) instead of pCloud's FLV,
      // which browsers cannot play; `fixedbitrate` and the content URL's `start` are accepted and ignored.
      name: 'getvideolink',
      auth: 'required',
      async handler(ctx) {
        checkReferer(ctx);
        const { row, blob, info } = await videoArg(ctx);
        const { ct, dl } = contentTypeArg(ctx, 'video/mp4');
        const box = resolutionArg(ctx);
        const src = displaySize(info)!;
        const size = box ? fitBox(src, box.width, box.height) : fitBox(src, src.width, src.height);
        const v: VideoVariant = { ...size, vbitrate: kbitArg(ctx, 'vbitrate', 1000, 16, 4000), abitrate: kbitArg(ctx, 'abitrate', 128, 16, 320) };
        const hasAudio = info.audiocodec !== undefined;
        prewarm(() => ensureMp4(ctx.emu, blob, v, hasAudio));
        const name = renamed(row.name, '.mp4');
        return linkOf(ctx, { k: 'stream', op: 'mp4', b: blob, v: variantKey(v), na: hasAudio ? 0 : 1, ct, dl, n: name, e: now() + ctx.emu.linkTtl }, name);
      },
    },
    {
      name: 'getvideolinks',
      auth: 'required',
      async handler(ctx) {
        checkReferer(ctx);
        const { row, blob, info } = await videoArg(ctx);
        return videoLinksReply(ctx, row, blob, info);
      },
    },
    {
      name: 'getaudiolink',
      auth: 'required',
      async handler(ctx) {
        checkReferer(ctx);
        const { row, blob } = await videoArg(ctx, true);
        return audioLinkReply(ctx, row, blob);
      },
    },
    {
      // A master playlist (one rendition per rung of a 360p/720p/1080p ladder up to the source size,
      // or one fitting `resolution`) whose relative URIs resolve under the same signed link prefix.
      name: 'gethlslink',
      auth: 'required',
      async handler(ctx) {
        checkReferer(ctx);
        const { row, blob, info } = await videoArg(ctx);
        const hasAudio = info.audiocodec !== undefined;
        const vb = ctx.p.str('vbitrate') === undefined ? undefined : kbitArg(ctx, 'vbitrate', 1000, 16, 4000);
        const variants = hlsLadder(displaySize(info)!, { vbitrate: vb, abitrate: kbitArg(ctx, 'abitrate', 128, 16, 320), box: resolutionArg(ctx) });
        startHlsVariant(ctx.emu, blob, variants[0], hasAudio); // the lowest rung first: players start there
        const grant = { k: 'hls', b: blob, v: variants.map(variantKey), na: hasAudio ? 0 : 1, d: Number(info.duration ?? 0), e: now() + ctx.emu.linkTtl };
        return linkOf(ctx, grant, renamed(row.name, '.m3u8'));
      },
    },
    {
      name: 'gettextfile',
      auth: 'required',
      async handler(ctx): Promise<typeof RAW> {
        checkReferer(ctx);
        const { row, perms } = fileArg(ctx);
        if (!perms.read) fail(2003);
        return sendTextFile(ctx, contentOf(ctx, row).blob, row.name);
      },
    },
  ]);
