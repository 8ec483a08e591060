// Media probing (docs/pcloud/structures.md §1.1 media fields): once per blob, lazily, stored as JSON in
// blobs.media so that Storage.fileMeta merges the fields into every metadata object.
import sharp from 'sharp';
import type { Services } from '../services';
import { fileKind } from '../store/model';
import { ApiError } from '../errors';
import { ffmpegAvailable, ffprobePath } from './ffmpeg-path';
import { media } from './state';

export type MediaInfo = Record<string, string | number>;

/** 1 image, 2 video, 3 audio (pCloud's `category`); anything else is not probed. */
export function mediaCategory(name: string): number {
  const c = fileKind(name).category;
  return c >= 1 && c <= 3 ? c : 0;
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  bit_rate?: string;
  sample_rate?: string;
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
}
interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; bit_rate?: string; tags?: Record<string, string> };
}

function rate(r: string | undefined): number {
  const [a, b] = (r ?? '').split('/').map(Number);
  return b ? a / b : a || 0;
}

const kbit = (bps: string | undefined): number | undefined => (bps && Number(bps) > 0 ? Math.round(Number(bps) / 1000) : undefined);

export async function ffprobe(emu: Services, file: string): Promise<ProbeOutput> {
  const out = await media(emu).run(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { timeoutMs: 60_000 });
  return JSON.parse(out.toString('utf8')) as ProbeOutput;
}

async function probeImage(file: string): Promise<MediaInfo> {
  const m = await sharp(file).metadata();
  if (!m.width || !m.height) return {};
  const turned = (m.orientation ?? 1) >= 5; // EXIF orientations 5–8 swap the axes
  return { width: turned ? m.height : m.width, height: turned ? m.width : m.height };
}

async function probeAv(emu: Services, file: string, category: number): Promise<MediaInfo> {
  const p = await ffprobe(emu, file);
  const streams = p.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video' && s.width);
  const a = streams.find((s) => s.codec_type === 'audio');
  const out: MediaInfo = {};
  if (category === 3 || (!v && a)) {
    const tags: Record<string, string> = {};
    for (const src of [a?.tags, p.format?.tags]) for (const [k, val] of Object.entries(src ?? {})) tags[k.toLowerCase()] ??= val;
    for (const k of ['artist', 'album', 'title', 'genre'] as const) if (tags[k]) out[k] = tags[k];
    const track = parseInt(tags.track ?? tags.tracknumber ?? '', 10);
    if (Number.isFinite(track)) out.trackno = track;
    if (category === 3) return out;
  }
  if (!v) return out;
  out.width = v.width!;
  out.height = v.height!;
  const duration = Number(p.format?.duration);
  if (Number.isFinite(duration)) out.duration = duration.toFixed(2);
  const fps = rate(v.avg_frame_rate) || rate(v.r_frame_rate);
  if (fps) out.fps = fps.toFixed(2);
  if (v.codec_name) out.videocodec = v.codec_name;
  const vb = kbit(v.bit_rate) ?? (kbit(p.format?.bit_rate) !== undefined ? kbit(p.format?.bit_rate)! - (kbit(a?.bit_rate) ?? 0) : undefined);
  if (vb !== undefined) out.videobitrate = vb;
  if (a?.codec_name) out.audiocodec = a.codec_name;
  const ab = kbit(a?.bit_rate);
  if (ab !== undefined) out.audiobitrate = ab;
  if (a?.sample_rate) out.audiosamplerate = Number(a.sample_rate);
  const matrix = v.side_data_list?.find((d) => d.rotation !== undefined)?.rotation;
  const rotate = v.tags?.rotate !== undefined ? Number(v.tags.rotate) : -Math.round(matrix ?? 0);
  out.rotate = Number.isFinite(rotate) ? ((rotate % 360) + 360) % 360 : 0;
  return out;
}

/**
 * The media fields of a blob: read from blobs.media, or probed now (once per blob) and stored.
 * A blob that cannot be probed stores `{}` so it is not probed again. Without ffmpeg a video or
 * audio file answers 5002 (pCloud's "no servers available" of the streaming methods), cached
 * fields or not: nothing could be transcoded from them, and nothing is stored, so the file is
 * probed once ffmpeg is there.
 */
export function probeBlob(emu: Services, key: string, category: number): Promise<MediaInfo> {
  if ((category === 2 || category === 3) && !ffmpegAvailable()) return Promise.reject(new ApiError(5002));
  const row = emu.st.q('SELECT media FROM blobs WHERE key = ?').get(key) as { media: string | null } | undefined;
  if (!row) return Promise.resolve({});
  if (row.media !== null) return Promise.resolve(JSON.parse(row.media) as MediaInfo);
  if (category === 0) return Promise.resolve({});
  const state = media(emu);
  return state.once(`probe:${key}`, () =>
    state.limit(async () => {
      const file = emu.st.blobs.pathOf(key);
      let info: MediaInfo;
      try {
        info = category === 1 ? await probeImage(file) : await probeAv(emu, file, category);
      } catch {
        info = {};
      }
      if (!state.closed) emu.st.q('UPDATE blobs SET media = ? WHERE key = ?').run(JSON.stringify(info), key);
      return info;
    }),
  );
}

/** Best-effort fire-and-forget probe of a stored blob (call after an upload completes). */
export function probeInBackground(emu: Services, blobKey: string, name?: string): void {
  const state = media(emu);
  if (state.closed) return;
  let fileName = name;
  if (fileName === undefined) {
    const row = emu.st.q('SELECT name FROM files WHERE blob = ? LIMIT 1').get(blobKey) as { name: string } | undefined;
    fileName = row?.name;
  }
  const category = fileName === undefined ? 0 : mediaCategory(fileName);
  if (category === 0 || (category !== 1 && !ffmpegAvailable())) return;
  setImmediate(() => {
    if (state.closed) return;
    probeBlob(emu, blobKey, category).catch(() => {});
  });
}

/**
 * Probes new content in the background without touching the upload code: every file creation or
 * modification goes through `Storage.event` (createfile/modifyfile with the fileid), which we observe.
 */
export function installProbeHook(emu: Services): void {
  const st = emu.st as typeof emu.st & { mediaProbeHook?: true };
  if (st.mediaProbeHook) return;
  st.mediaProbeHook = true;
  const original = st.event.bind(st);
  st.event = (userid, event, payload, fileid) => {
    const id = original(userid, event, payload, fileid);
    if (fileid !== undefined && (event === 'createfile' || event === 'modifyfile')) {
      try {
        const row = st.fileRow(fileid);
        if (row && row.owner === userid) probeInBackground(emu, row.blob, row.name);
      } catch {
        /* best effort */
      }
    }
    return id;
  };
}
