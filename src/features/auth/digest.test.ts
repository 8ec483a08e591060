import { afterEach, describe, expect, it, vi } from 'vitest';
import { passwordDigest } from './digest';

describe('passwordDigest', () => {
  // the worked example of docs/pcloud/methods-core.md §7.1, computed independently with sha1sum
  it('is sha1(password + sha1(lowercased username) + digest) in lowercase hex', async () => {
    expect(await passwordDigest('pcloud-demo', 'Demo@pCloud.local', 'abcdefghij0123456789')).toBe('6e83b9d7aa73b4f0b02a651edcaf38a212575b23');
  });

  it('lowercases only the username, not the password or the digest', async () => {
    const a = await passwordDigest('Secret', 'a@b.c', 'XyZ');
    expect(await passwordDigest('Secret', 'A@B.C', 'XyZ')).toBe(a);
    expect(await passwordDigest('secret', 'a@b.c', 'XyZ')).not.toBe(a);
    expect(await passwordDigest('Secret', 'a@b.c', 'xyz')).not.toBe(a);
  });

  it('hashes UTF-8', async () => {
    // printf 'ü%sd' "$(printf x@y.z | sha1sum | cut -c1-40)" | sha1sum
    expect(await passwordDigest('ü', 'x@y.z', 'd')).toBe('1da87f92dcec702658c9041fac2de995f3c9723a');
  });

  describe('without SubtleCrypto (an http page on a LAN address)', () => {
    afterEach(() => vi.unstubAllGlobals());
    it('computes the same digest with hash-wasm', async () => {
      vi.stubGlobal('crypto', {});
      expect(await passwordDigest('pcloud-demo', 'Demo@pCloud.local', 'abcdefghij0123456789')).toBe('6e83b9d7aa73b4f0b02a651edcaf38a212575b23');
    });
  });
});
