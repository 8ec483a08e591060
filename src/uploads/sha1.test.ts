import { describe, expect, it } from 'vitest';
import { runningSha1 } from './sha1';

// the platform's SHA-1 as the reference (whole input at once)
const node = async (b: Uint8Array) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-1', b as Uint8Array<ArrayBuffer>)), (x) => x.toString(16).padStart(2, '0')).join('');

describe('runningSha1', () => {
  it('matches the FIPS test vectors', async () => {
    expect((await runningSha1()).hex()).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect((await runningSha1()).update(new TextEncoder().encode('abc')).hex()).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });

  it('gives the same digest however the input is cut', async () => {
    const data = new Uint8Array(10_007).map((_, i) => (i * 31 + (i >> 7)) & 0xff);
    for (const step of [1, 3, 55, 56, 63, 64, 65, 1000, 10_007]) {
      const h = await runningSha1();
      for (let i = 0; i < data.length; i += step) h.update(data.subarray(i, i + step));
      expect(h.hex()).toBe(await node(data));
    }
  });

  it('peeks at the digest so far and keeps going', async () => {
    const data = new Uint8Array(5000).map((_, i) => i & 0xff);
    const h = await runningSha1();
    h.update(data.subarray(0, 2000));
    expect(h.peekHex()).toBe(await node(data.subarray(0, 2000)));
    h.update(data.subarray(2000));
    expect(h.hex()).toBe(await node(data));
  });
});
