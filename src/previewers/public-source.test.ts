import { describe, expect, it } from 'vitest';
import { pickVideo, screenThumbSize } from './preview';

const src = (height: number, isoriginal = false) => ({ url: `u${height}${isoriginal ? 'o' : ''}`, width: height * 2, height, isoriginal });

describe('pickVideo', () => {
  it('prefers the largest transcode up to 1080p over the original (which counts as a download)', () => {
    expect(pickVideo([src(360), src(720), src(2160), src(1080, true)])?.url).toBe('u720');
  });
  it('falls back to the original when nothing else is offered', () => {
    expect(pickVideo([src(2160), src(480, true)])?.url).toBe('u480o');
    expect(pickVideo([])).toBeUndefined();
  });
});

describe('screenThumbSize', () => {
  it('fits the screen within getpubthumb limits, each side a multiple of 4', () => {
    const [w, h] = screenThumbSize().split('x').map(Number);
    expect(w % 4).toBe(0);
    expect(h % 4).toBe(0);
    expect(w).toBeLessThanOrEqual(2048);
    expect(h).toBeLessThanOrEqual(1024);
  });
});
