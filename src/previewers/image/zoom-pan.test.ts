import { describe, expect, it } from 'vitest';
import { FIT, zoomAt } from './zoom-pan';

describe('zoomAt', () => {
  it('keeps the point under the pointer where it was', () => {
    const v = zoomAt(FIT, 2, 100, 50);
    expect(v).toEqual({ scale: 2, x: -100, y: -50, turns: 0 });
    // the stage point (100, 50) maps to picture point ((100 - x) / scale) = 100: unchanged
    expect((100 - v.x) / v.scale).toBe(100);
  });

  it('stays between fit and 8× and recentres at fit', () => {
    expect(zoomAt(FIT, 100).scale).toBe(8);
    expect(zoomAt({ scale: 2, x: 40, y: 10, turns: 1 }, 0.1)).toEqual({ scale: 1, x: 0, y: 0, turns: 1 });
  });
});

describe('fullThumbSize', () => {
  it('asks pCloud for its largest thumbnail of the picture’s shape, sides divisible by 4', async () => {
    const { fullThumbSize } = await import('./image-previewer');
    expect(fullThumbSize({ width: 4032, height: 3024 })).toBe('1364x1024');
    expect(fullThumbSize({ width: 3000, height: 1000 })).toBe('2048x680');
    expect(fullThumbSize({ width: 640, height: 480 })).toBe('640x480');
    expect(fullThumbSize({ width: undefined, height: undefined })).toBe('2048x1024');
  });
});
