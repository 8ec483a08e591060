// What a user still sees of a collection: shared by the collection methods and collection links.
import type { Storage } from '../store/storage';
import type { FileRow, UserRow } from '../store/model';
import type { CollectionItemRow as ItemRow, CollectionRow } from '../store/repos/collections';

/** The file behind an item if the user can still see it (trashed or unshared files drop out silently). */
export function visibleFile(st: Storage, user: UserRow, fileid: number): FileRow | null {
  try {
    const { row, perms } = st.fileById(user, fileid);
    return perms.read ? row : null;
  } catch {
    return null;
  }
}

export function visibleItems(st: Storage, user: UserRow, c: CollectionRow): { item: ItemRow; file: FileRow }[] {
  const rows = st.collections.items(c.id);
  const out: { item: ItemRow; file: FileRow }[] = [];
  for (const item of rows) {
    const file = visibleFile(st, user, item.fileid);
    if (file) out.push({ item, file });
  }
  return out;
}
