// Incremental SHA-1 (FIPS 180-4). crypto.subtle.digest needs the whole input at once, which for a
// multi-gigabyte upload would mean holding it all in memory; this takes the bytes chunk by chunk.
// sha1 is the checksum pCloud returns in both regions (uploadfile `checksums`, upload_info, checksumfile).

export class Sha1 {
  private h = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  private readonly w = new Int32Array(80);
  private readonly block = new Uint8Array(64);
  private buffered = 0;
  private length = 0; // bytes so far (exact up to 2^53)

  update(data: Uint8Array): this {
    let i = 0;
    this.length += data.length;
    if (this.buffered) {
      const take = Math.min(64 - this.buffered, data.length);
      this.block.set(data.subarray(0, take), this.buffered);
      this.buffered += take;
      i = take;
      if (this.buffered < 64) return this;
      this.compress(this.block, 0);
      this.buffered = 0;
    }
    for (; i + 64 <= data.length; i += 64) this.compress(data, i);
    if (i < data.length) {
      this.block.set(data.subarray(i), 0);
      this.buffered = data.length - i;
    }
    return this;
  }

  /** An independent copy, to read the digest so far and keep going. */
  clone(): Sha1 {
    const c = new Sha1();
    c.h.set(this.h);
    c.block.set(this.block);
    c.buffered = this.buffered;
    c.length = this.length;
    return c;
  }

  /** Lowercase hex, as pCloud writes checksums. The object cannot be updated afterwards. */
  hex(): string {
    const bits = this.length * 8;
    const tail = new Uint8Array(this.buffered < 56 ? 64 : 128);
    tail.set(this.block.subarray(0, this.buffered));
    tail[this.buffered] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
    view.setUint32(tail.length - 4, bits >>> 0);
    for (let i = 0; i < tail.length; i += 64) this.compress(tail, i);
    let out = '';
    for (const v of this.h) out += (v >>> 0).toString(16).padStart(8, '0');
    return out;
  }

  private compress(b: Uint8Array, at: number): void {
    const w = this.w;
    for (let t = 0; t < 16; t++) {
      const j = at + t * 4;
      w[t] = (b[j] << 24) | (b[j + 1] << 16) | (b[j + 2] << 8) | b[j + 3];
    }
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16];
      w[t] = (x << 1) | (x >>> 31);
    }
    const h = this.h;
    let a = h[0], b1 = h[1], c = h[2], d = h[3], e = h[4];
    let t = 0;
    // four rounds of 20 steps, unrolled by function so the hot loop has no branches
    for (; t < 20; t++) {
      const tmp = (((a << 5) | (a >>> 27)) + ((b1 & c) | (~b1 & d)) + e + 0x5a827999 + w[t]) | 0;
      e = d; d = c; c = (b1 << 30) | (b1 >>> 2); b1 = a; a = tmp;
    }
    for (; t < 40; t++) {
      const tmp = (((a << 5) | (a >>> 27)) + (b1 ^ c ^ d) + e + 0x6ed9eba1 + w[t]) | 0;
      e = d; d = c; c = (b1 << 30) | (b1 >>> 2); b1 = a; a = tmp;
    }
    for (; t < 60; t++) {
      const tmp = (((a << 5) | (a >>> 27)) + ((b1 & c) | (b1 & d) | (c & d)) + e + 0x8f1bbcdc + w[t]) | 0;
      e = d; d = c; c = (b1 << 30) | (b1 >>> 2); b1 = a; a = tmp;
    }
    for (; t < 80; t++) {
      const tmp = (((a << 5) | (a >>> 27)) + (b1 ^ c ^ d) + e + 0xca62c1d6 + w[t]) | 0;
      e = d; d = c; c = (b1 << 30) | (b1 >>> 2); b1 = a; a = tmp;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b1) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0;
  }
}
