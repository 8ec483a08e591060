// Transcodes for the streaming methods (docs/pcloud/methods-media.md §1), each made once with ffmpeg and
// cached under <dataDir>/cache: MP3 for getaudiolink, progressive MP4 for getvideolink(s), and
// HLS (H.264 yuv420p + AAC in MPEG-TS, VOD playlists) for gethlslink.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../services';
import { ffmpegPath } from './ffmpeg-path';
import { media, produce } from './state';
import { ffprobe, type MediaInfo } from './probe';

export interface VideoVariant {
  width: number;
  height: number;
  vbitrate: number; // kbit/s
  abitrate: number; // kbit/s
}

const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

/** Displayed size of a probed video (rotation applied, as ffmpeg autorotates). */
export function displaySize(info: MediaInfo): { width: number; height: number } | null {
  const w = Number(info.width);
  const h = Number(info.height);
  if (!w || !h) return null;
  return info.rotate === 90 || info.rotate === 270 ? { width: h, height: w } : { width: w, height: h };
}

/** Fits a source into a box, never enlarging; even dimensions (yuv420p). */
export function fitBox(src: { width: number; height: number }, boxW: number, boxH: number): { width: number; height: number } {
  const scale = Math.min(boxW / src.width, boxH / src.height, 1);
  return { width: even(src.width * scale), height: even(src.height * scale) };
}

/** A bitrate that suits a frame size (≈ 2.2 bit per pixel per second at 25 fps), capped. */
export function bitrateFor(size: { width: number; height: number }, cap?: number): number {
  const auto = Math.min(5000, Math.max(150, Math.round((size.width * size.height * 2.2) / 1000)));
  return cap === undefined ? auto : Math.min(auto, cap);
}

/** HLS variants by resolution: 360p / 720p / 1080p rungs below the source, plus the source (≤ 1080p). */
export function hlsLadder(src: { width: number; height: number }, opts: { vbitrate?: number; abitrate: number; box?: { width: number; height: number } }): VideoVariant[] {
  if (opts.box) {
    const size = fitBox(src, opts.box.width, opts.box.height);
    return [{ ...size, vbitrate: opts.vbitrate ?? bitrateFor(size), abitrate: opts.abitrate }];
  }
  const top = fitBox(src, 1920, 1080);
  const sizes = [360, 720].filter((h) => h < top.height - 40).map((h) => fitBox(src, 1920, h));
  sizes.push(top);
  return sizes.map((s) => ({ ...s, vbitrate: bitrateFor(s, opts.vbitrate), abitrate: opts.abitrate }));
}

export const variantKey = (v: VideoVariant) => `${v.width}x${v.height}-${v.vbitrate}-${v.abitrate}`;

export function parseVariantKey(key: string): VideoVariant | null {
  const m = /^(\d+)x(\d+)-(\d+)-(\d+)$/.exec(key);
  return m ? { width: Number(m[1]), height: Number(m[2]), vbitrate: Number(m[3]), abitrate: Number(m[4]) } : null;
}

function videoArgs(v: VideoVariant, hasAudio: boolean): string[] {
  const args = [
    '-map', '0:v:0', '-vf', `scale=${v.width}:${v.height},setsar=1`, '-c:v', 'libx264', '-preset', 'veryfast',
    '-profile:v', 'main', '-level:v', '4.0', '-pix_fmt', 'yuv420p', '-b:v', `${v.vbitrate}k`, '-maxrate', `${Math.round(v.vbitrate * 1.5)}k`,
    '-bufsize', `${v.vbitrate * 2}k`,
  ];
  if (hasAudio) args.push('-map', '0:a:0', '-c:a', 'aac', '-b:a', `${v.abitrate}k`, '-ac', '2', '-ar', '44100');
  return args;
}

/**
 * MP3 of a file's (first) audio track at `abitrate` kbit/s. A file that already is an MP3 at or
 * below that bitrate is served as it is: re-encoding it could only lose quality, and the first
 * play then starts at once instead of after a whole transcode (clients cannot tell the difference:
 * pCloud's reply is an MP3 at most `abitrate` either way).
 */
export function ensureMp3(emu: Services, blob: string, abitrate: number): Promise<string> {
  const state = media(emu);
  const final = join(state.cacheDir, 'audio', blob.slice(0, 2), `${blob}-${abitrate}.mp3`);
  return state.once(`mp3:${final}`, async () => {
    const source = emu.st.blobs.pathOf(blob);
    try {
      const probe = await ffprobe(emu, source);
      const audio = (probe.streams ?? []).find((st) => st.codec_type === 'audio');
      const kbps = Number(audio?.bit_rate ?? probe.format?.bit_rate) / 1000;
      if (probe.format?.format_name === 'mp3' && audio?.codec_name === 'mp3' && kbps > 0 && kbps <= abitrate + 1) return source;
    } catch {
      /* not probeable: let ffmpeg try (and report) below */
    }
    return produce(final, async (tmp) => {
      await state.run(ffmpegPath(), ['-nostdin', '-v', 'error', '-y', '-i', source, '-map', '0:a:0', '-vn', '-c:a', 'libmp3lame', '-b:a', `${abitrate}k`, '-f', 'mp3', tmp]);
    });
  });
}

/** Progressive MP4 (faststart) of a video, H.264 + AAC. */
export function ensureMp4(emu: Services, blob: string, v: VideoVariant, hasAudio: boolean): Promise<string> {
  const state = media(emu);
  const final = join(state.cacheDir, 'video', blob.slice(0, 2), `${blob}-${variantKey(v)}${hasAudio ? '' : '-na'}.mp4`);
  return state.once(`mp4:${final}`, () =>
    produce(final, async (tmp) => {
      await state.run(ffmpegPath(), ['-nostdin', '-v', 'error', '-y', '-i', emu.st.blobs.pathOf(blob), ...videoArgs(v, hasAudio), '-movflags', '+faststart', '-f', 'mp4', tmp]);
    }),
  );
}

/** Short segments: a player's first frame waits for 2 s of transcoding, not more (keyframes every 2 s). */
export const HLS_SEGMENT_SECONDS = 2;

/**
 * One HLS rendition, transcoded in the background into its cache directory: `index.m3u8` (VOD)
 * and `seg000.ts`…, keyframes and segments every 2 s; `.done` marks the end. A segment file in
 * the directory is whole, so it can be served while later ones are still being made: ffmpeg
 * writes into `.work/` and each segment moves up once the next one has begun (older builds, like
 * the static one shipped on npm, write segments in place even with `temp_file`).
 */
export function startHlsVariant(emu: Services, blob: string, v: VideoVariant, hasAudio: boolean): { dir: string; done: Promise<void> } {
  const state = media(emu);
  const dir = join(state.cacheDir, 'hls', blob.slice(0, 2), blob, `${variantKey(v)}${hasAudio ? '' : '-na'}`);
  const marker = join(dir, '.done');
  const done = state.once(`hls:${dir}`, async () => {
    try {
      await fsp.access(marker);
      return;
    } catch {
      /* not made yet, or left half-made by a previous run */
    }
    const work = join(dir, '.work');
    await fsp.rm(dir, { recursive: true, force: true });
    await fsp.mkdir(work, { recursive: true });
    const job = state.run(
      ffmpegPath(),
      [
        '-nostdin', '-v', 'error', '-y', '-i', emu.st.blobs.pathOf(blob), ...videoArgs(v, hasAudio),
        '-force_key_frames', 'expr:gte(t,n_forced*2)', '-f', 'hls', '-hls_time', String(HLS_SEGMENT_SECONDS),
        '-hls_playlist_type', 'vod', '-hls_segment_type', 'mpegts', '-hls_flags', 'temp_file+independent_segments',
        '-hls_segment_filename', 'seg%03d.ts', 'index.m3u8',
      ],
      { cwd: work },
    );
    let moving = Promise.resolve();
    const tick = () => (moving = moving.then(() => promoteSegments(work, dir, false)));
    const timer = setInterval(tick, 100);
    try {
      await job;
    } finally {
      clearInterval(timer);
      await moving;
    }
    await promoteSegments(work, dir, true);
    await fsp.rename(join(work, 'index.m3u8'), join(dir, 'index.m3u8'));
    await fsp.rm(work, { recursive: true, force: true });
    await fsp.writeFile(marker, '');
  });
  done.catch(() => {}); // callers that care await it themselves
  return { dir, done };
}

/** Moves finished segments from `work` to `dir`: those before the newest begun one, or all when ffmpeg is done. */
async function promoteSegments(work: string, dir: string, all: boolean): Promise<void> {
  let names: string[];
  try {
    names = await fsp.readdir(work);
  } catch {
    return;
  }
  const index = (n: string) => Number(/^seg(\d+)\.ts/.exec(n)?.[1] ?? -1);
  const newest = Math.max(-1, ...names.map(index));
  for (const n of names) {
    if (!/^seg\d+\.ts$/.test(n) || (!all && index(n) >= newest)) continue;
    await fsp.rename(join(work, n), join(dir, n)).catch(() => {});
  }
}

export async function isDone(dir: string): Promise<boolean> {
  try {
    await fsp.access(join(dir, '.done'));
    return true;
  } catch {
    return false;
  }
}

/** The rendition playlist ffmpeg will write, predicted from the duration (served while it works). */
export function predictedPlaylist(duration: number): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${HLS_SEGMENT_SECONDS}`, '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD'];
  const count = Math.max(1, Math.ceil(duration / HLS_SEGMENT_SECONDS - 0.01));
  for (let i = 0; i < count; i++) {
    const len = i < count - 1 ? HLS_SEGMENT_SECONDS : duration - HLS_SEGMENT_SECONDS * (count - 1);
    lines.push(`#EXTINF:${Math.max(0.04, len).toFixed(6)},`, `seg${String(i).padStart(3, '0')}.ts`);
  }
  lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

/** The master playlist: one variant per rung, relative URIs `v<i>/index.m3u8`. */
export function masterPlaylist(variants: VideoVariant[], hasAudio: boolean): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  variants.forEach((v, i) => {
    const bandwidth = Math.round((v.vbitrate * 1.5 + (hasAudio ? v.abitrate : 0)) * 1000);
    const codecs = hasAudio ? 'avc1.4d4028,mp4a.40.2' : 'avc1.4d4028';
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth},AVERAGE-BANDWIDTH=${Math.round((v.vbitrate + v.abitrate) * 1000)},RESOLUTION=${v.width}x${v.height},CODECS="${codecs}"`);
    lines.push(`v${i}/index.m3u8`);
  });
  return lines.join('\n') + '\n';
}
