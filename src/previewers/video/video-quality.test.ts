import { beforeEach, describe, expect, it } from 'vitest';
import { closestLevel, pickVariant, preferredHeight, preferredHeightSet } from './video-quality';

const transcoded = { height: 720, isoriginal: false, videocodec: 'h264' };
const original = (height: number, videocodec = 'h264') => ({ height, isoriginal: true, videocodec });

describe('video quality', () => {
  beforeEach(() => localStorage.clear());

  it('picks the closest level not above the wanted height', () => {
    expect(closestLevel([360, 720, 1080], 720)).toBe(1);
    expect(closestLevel([360, 720, 1080], 900)).toBe(1);
    expect(closestLevel([720, 1080], 480)).toBe(0);
    expect(closestLevel([], 480)).toBe(-1);
  });

  it('plays the tallest playable variant, the original on a tie', () => {
    expect(pickVariant([transcoded, original(720)], true)).toBe(1);
    expect(pickVariant([transcoded, original(1080)], true)).toBe(1);
    // an original the browser cannot play (MKV/HEVC in Chromium, or an unknown codec)
    expect(pickVariant([transcoded, original(1080, 'mpeg4')], true)).toBe(0);
    expect(pickVariant([transcoded, original(1080)], false)).toBe(0);
    expect(pickVariant([original(1080, 'wmv3')], true)).toBe(-1);
  });

  it('honours the remembered choice', () => {
    expect(pickVariant([transcoded, original(1080)], true, 720)).toBe(0);
    preferredHeightSet(720);
    expect(preferredHeight()).toBe(720);
    preferredHeightSet(undefined);
    expect(preferredHeight()).toBeUndefined();
  });
});
