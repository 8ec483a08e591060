import type { VideoVariant } from '../../api/protocol/types';

const KEY = 'pcloud.videoQuality';

/** The quality the user last picked: a frame height, or undefined for automatic. */
export function preferredHeight(): number | undefined {
  try {
    const v = Number(localStorage.getItem(KEY));
    return Number.isFinite(v) && v > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}

export function preferredHeightSet(height: number | undefined): void {
  try {
    if (height === undefined) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, String(height));
  } catch {
    /* the choice just won't be remembered */
  }
}

/** Index of the level closest to `height` without going over it (the smallest when all are taller). */
export function closestLevel(heights: readonly number[], height: number): number {
  let best = -1;
  for (let i = 0; i < heights.length; i++) {
    if (heights[i] <= height && (best < 0 || heights[i] > heights[best])) best = i;
  }
  if (best >= 0) return best;
  let smallest = 0;
  for (let i = 1; i < heights.length; i++) if (heights[i] < heights[smallest]) smallest = i;
  return heights.length ? smallest : -1;
}

/** Codecs a browser's <video> plays in an MP4/WebM container without help. */
const WEB_CODECS = /^(h264|avc1?|vp8|vp9|av1|hevc|h265)$/i;

/**
 * The getvideolinks variant to play: the user's chosen height when one fits, otherwise the
 * tallest variant this browser can play. The original wins a tie: it needs no transcoding, so
 * it starts sooner. Returns -1 when nothing is playable.
 */
export function pickVariant(
  variants: readonly (Pick<VideoVariant, 'height' | 'isoriginal'> & { videocodec?: string })[],
  canPlayOriginal: boolean,
  height?: number,
): number {
  const playable = variants.map((v, i) => ({ v, i })).filter(({ v }) => !v.isoriginal || (canPlayOriginal && (!v.videocodec || WEB_CODECS.test(v.videocodec))));
  if (!playable.length) return -1;
  const heights = playable.map(({ v }) => v.height);
  const target = height === undefined ? Math.max(...heights) : heights[closestLevel(heights, height)];
  const same = playable.filter(({ v }) => v.height === target);
  return (same.find(({ v }) => v.isoriginal) ?? same[0]).i;
}
