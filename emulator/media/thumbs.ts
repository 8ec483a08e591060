// Thumbnails (docs/pcloud/methods-media.md §3): sharp for images, an ffmpeg frame grab for videos; cached on
// disk under <dataDir>/cache/thumbs by content key + size + crop + type.
import { join } from 'node:path';
import sharp from 'sharp';
import type { Services } from '../services';
import { ApiError, fail } from '../errors';
import { ffmpegAvailable, ffmpegPath } from './ffmpeg-path';
import { media, produce } from './state';
import { probeBlob } from './probe';

export type ThumbType = 'jpeg' | 'png' | 'webp';

export interface ThumbSpec {
  width: number;
  height: number;
  crop: boolean;
  type: ThumbType;
}

export interface Thumb {
  /** Path relative to the cache dir (what content links carry). */
  rel: string;
  width: number;
  height: number;
  type: ThumbType;
}

const dividable = (n: number) => n % 4 === 0 || n % 5 === 0;

/** `WxH`: width 16–2048, height 16–1024, each divisible by 4 or by 5; else 1015. */
export function parseThumbSize(size: string | undefined): { width: number; height: number } {
  const m = /^(\d{1,5})x(\d{1,5})$/.exec(size ?? '');
  if (!m) fail(1015);
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width < 16 || width > 2048 || height < 16 || height > 1024 || !dividable(width) || !dividable(height)) fail(1015);
  return { width, height };
}

/** `type`: png / webp; anything else (jpeg, jpg, auto, absent) gives JPEG. */
export function thumbType(type: string | undefined): ThumbType {
  const t = (type ?? '').toLowerCase();
  return t === 'png' ? 'png' : t === 'webp' ? 'webp' : 'jpeg';
}

export const THUMB_MIME: Record<ThumbType, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
export const THUMB_EXT: Record<ThumbType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

const dims = new Map<string, { width: number; height: number }>();

/** A still of a video, grabbed once per blob (a second in, or the middle of very short clips). */
async function videoFrame(emu: Services, blob: string): Promise<string> {
  const state = media(emu);
  const final = join(state.cacheDir, 'frames', blob.slice(0, 2), `${blob}.png`);
  return state.once(`frame:${blob}`, async () => {
    const info = await probeBlob(emu, blob, 2);
    const duration = Number(info.duration ?? 0);
    const at = duration > 2 ? 1 : duration / 2;
    return produce(final, async (tmp) => {
      await state.run(ffmpegPath(), ['-nostdin', '-v', 'error', '-ss', at.toFixed(2), '-i', emu.st.blobs.pathOf(blob), '-frames:v', '1', '-f', 'image2', '-c:v', 'png', tmp], { timeoutMs: 120_000 });
    });
  });
}

/** Produces (or reuses) a thumbnail; 3001 when the source cannot be decoded, 5002 for a video without ffmpeg. */
export async function makeThumb(emu: Services, blob: string, category: number, spec: ThumbSpec): Promise<Thumb> {
  if (category === 2 && !ffmpegAvailable()) fail(5002);
  const state = media(emu);
  const rel = join('thumbs', blob.slice(0, 2), `${blob}-${spec.width}x${spec.height}-${spec.crop ? 'c' : 'f'}.${THUMB_EXT[spec.type]}`);
  const file = join(state.cacheDir, rel);
  try {
    return await state.once(`thumb:${rel}`, async () => {
      let size = dims.get(rel);
      await produce(file, (tmp) =>
        state.limit(async () => {
          const source = category === 2 ? await videoFrame(emu, blob) : emu.st.blobs.pathOf(blob);
          let img = sharp(source, { limitInputPixels: 2 ** 28 }).rotate();
          img = spec.crop
            ? img.resize(spec.width, spec.height, { fit: 'cover', position: 'centre' })
            : img.resize(spec.width, spec.height, { fit: 'inside', withoutEnlargement: true });
          if (spec.type === 'jpeg') img = img.flatten({ background: '#ffffff' }).jpeg({ quality: 85 });
          else if (spec.type === 'png') img = img.png();
          else img = img.webp({ quality: 80 });
          const out = await img.toFile(tmp);
          size = { width: out.width, height: out.height };
        }),
      );
      if (!size) {
        const m = await sharp(file).metadata();
        size = { width: m.width ?? 0, height: m.height ?? 0 };
      }
      if (dims.size > 50_000) dims.clear();
      dims.set(rel, size);
      return { rel, ...size, type: spec.type };
    });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    emu.log(`thumb ${blob}: ${(err as Error).message}`);
    fail(3001);
  }
}
