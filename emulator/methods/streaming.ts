import { defineMethods, me, type Ctx } from '../registry';
import { promises as fsp } from 'node:fs';
import type { Services } from '../services';
import type { FileRow } from '../store/model';
import { now } from '../store/model';
import { fail } from '../errors';
import { fileArg } from './common';
import { plain, sendFile } from '../content';
import { type RAW } from '../registry';
import { join } from 'node:path';
import { media } from '../media/state';
import { installProbeHook, type MediaInfo } from '../media/probe';
import { THUMB_MIME, type ThumbType } from '../media/thumbs';
import {
  displaySize, isDone, predictedPlaylist, startHlsVariant, ensureMp3, ensureMp4, fitBox, hlsLadder, masterPlaylist, parseVariantKey,
  variantKey, type VideoVariant,
} from '../media/transcode';
import { checkReferer, contentOf, downloadGrant, mediaOf, videoLinksReply, audioLinkReply, sendTextFile, renamed, kbitArg, contentTypeArg, linkOf, prewarm } from '../domain/content-links';

export function registerFileContent(emu: Services): void {
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
async function made(emu: Services, res: Parameters<typeof plain>[0], job: () => Promise<string>): Promise<string | null> {
  try {
    return await job();
  } catch (err) {
    emu.log(`transcode: ${(err as Error).message}`);
    if (!res.headersSent) plain(res, 500, 'Transcoding failed.');
    return null;
  }
}

function registerMediaContent(emu: Services): void {
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

/** `resolution=WxH` (64x64 … 1280x960); malformed values mean "unchanged". */
function resolutionArg(ctx: Ctx): { width: number; height: number } | undefined {
  const m = /^(\d+)x(\d+)$/.exec(ctx.p.str('resolution') ?? '');
  if (!m) return undefined;
  return { width: Math.min(1280, Math.max(64, Number(m[1]))), height: Math.min(960, Math.max(64, Number(m[2]))) };
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
