import { describe, expect, it } from 'vitest';
import { Sha1 } from './sha1';

// the platform's SHA-1 as the reference (whole input at once)
const node = async (b: Uint8Array) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-1', b as Uint8Array<ArrayBuffer>)), (x) => x.toString(16).padStart(2, '0')).join('');

describe('Sha1', () => {
  it('matches the FIPS test vectors', async () => {
    expect(new Sha1().hex()).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(new Sha1().update(new TextEncoder().encode('abc')).hex()).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });

  it('gives the same digest however the input is cut', async () => {
    const data = new Uint8Array(10_007).map((_, i) => (i * 31 + (i >> 7)) & 0xff);
    for (const step of [1, 3, 55, 56, 63, 64, 65, 1000, 10_007]) {
      const h = new Sha1();
      for (let i = 0; i < data.length; i += step) h.update(data.subarray(i, i + step));
      expect(h.hex()).toBe(await node(data));
    }
  });

  it('handles lengths around the padding boundary', async () => {
    for (const n of [55, 56, 57, 63, 64, 65, 119, 120, 128]) {
      const data = new Uint8Array(n).fill(0x61);
      expect(new Sha1().update(data).hex()).toBe(await node(data));
    }
  });
});

describe('Sha1.clone', () => {
  it('reads the digest so far without disturbing the running one', async () => {
    const a = new TextEncoder().encode('hello ');
    const b = new TextEncoder().encode('world');
    const h = new Sha1().update(a);
    expect(h.clone().hex()).toBe(await node(a));
    expect(h.update(b).hex()).toBe(await node(new TextEncoder().encode('hello world')));
  });
});
