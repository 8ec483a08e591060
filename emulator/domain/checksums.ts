// The checksum fields of replies (checksumfile, uploadfile, file_checksum): which depend on the region.
import type { UserRow } from '../store/model';

export function checksums(user: UserRow, b: { sha1: string; md5: string; key: string }): Record<string, string> {
  // US accounts get md5, EU accounts sha256 (docs/pcloud/structures.md §7)
  return user.locationid === 2 ? { sha1: b.sha1, sha256: b.key } : { sha1: b.sha1, md5: b.md5 };
}
