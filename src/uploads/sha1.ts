// Running SHA-1 of upload bytes. crypto.subtle.digest needs the whole input at once, which for a
// multi-gigabyte upload would mean holding it all in memory; hash-wasm's incremental hasher takes the
// bytes chunk by chunk at near-native speed (about 3× a JavaScript implementation), which matters on
// small machines where hashing competes with the upload itself for the CPU.
// sha1 is the checksum pCloud returns in both regions (uploadfile `checksums`, upload_info, checksumfile).
import { createSHA1, type IHasher } from 'hash-wasm';

export interface RunningSha1 {
  update(data: Uint8Array): RunningSha1;
  /** The digest of everything so far; the hasher is finished afterwards. */
  hex(): string;
  /** The digest so far, and the hasher keeps going. */
  peekHex(): string;
}

export async function runningSha1(): Promise<RunningSha1> {
  const h: IHasher = await createSHA1();
  h.init();
  const self: RunningSha1 = {
    update(data) {
      h.update(data);
      return self;
    },
    hex: () => h.digest('hex'),
    peekHex() {
      const state = h.save();
      const hex = h.digest('hex');
      h.load(state);
      return hex;
    },
  };
  return self;
}
