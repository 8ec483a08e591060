// pCloud's digest login (docs/pcloud/methods-core.md §7.1): the password never travels, only
// sha1(password + sha1(lowercase(username)) + digest), where `digest` is a one-time string from getdigest.

async function sha1Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  // SubtleCrypto exists only in secure contexts (https, localhost); a LAN address over http has none
  if (globalThis.crypto?.subtle) {
    const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', bytes));
    return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  const { sha1 } = await import('hash-wasm');
  return sha1(bytes);
}

/** Lowercase hex, as pclsync, tomgross/pcloud and seborama/pcloud-sdk send it. */
export async function passwordDigest(password: string, username: string, digest: string): Promise<string> {
  return sha1Hex(password + (await sha1Hex(username.toLowerCase())) + digest);
}
