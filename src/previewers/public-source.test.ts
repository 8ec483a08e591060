import { describe, expect, it } from 'vitest';
import { linkRenditions, screenThumbSize } from './public-source';

const src = (height: number, isoriginal = false) => ({ url: `u${height}${isoriginal ? 'o' : ''}`, width: height * 2, height, isoriginal });

describe('linkRenditions', () => {
  it('offers only transcodes when there are any (the original counts as a download)', () => {
    expect(linkRenditions([src(360), src(720), src(1080, true)]).map((r) => r.url)).toEqual(['u360', 'u720']);
  });
  it('falls back to the original when nothing else is offered', () => {
    expect(linkRenditions([src(480, true)]).map((r) => r.url)).toEqual(['u480o']);
    expect(linkRenditions([])).toEqual([]);
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
