import type { Storage } from './storage';

/**
 * Structural checks of the file tree, for tests (and fsck-like tooling): every live folder and file
 * hangs under a live parent of the same owner, so its parent chain ends at its owner's root; shares
 * (the only way into another account's tree) point at live folders of their owner and are mounted in
 * a folder of their recipient. Returns one line per violation; empty when the tree is sound.
 */
export function treeProblems(st: Storage): string[] {
  const out: string[] = [];
  const bad = (sql: string, what: (r: Record<string, unknown>) => string) => {
    for (const r of st.db.prepare(sql).all() as Record<string, unknown>[]) out.push(what(r));
  };
  bad(
    `SELECT f.id, f.owner, p.id AS pid, p.owner AS powner, p.deleted AS pdeleted FROM folders f LEFT JOIN folders p ON p.id = f.parent
     WHERE f.deleted = 0 AND f.parent IS NOT NULL AND (p.id IS NULL OR p.deleted != 0 OR p.owner != f.owner)`,
    (r) => `folder ${String(r.id)} (owner ${String(r.owner)}) under ${r.pid === null ? 'a missing folder' : `folder ${String(r.pid)} (owner ${String(r.powner)}, deleted ${String(r.pdeleted)})`}`,
  );
  bad(
    `SELECT f.id, f.owner FROM folders f LEFT JOIN users u ON u.rootfolder = f.id AND u.id = f.owner WHERE f.parent IS NULL AND u.id IS NULL`,
    (r) => `folder ${String(r.id)} has no parent but is not the root of its owner ${String(r.owner)}`,
  );
  bad(
    `SELECT f.id, f.owner, p.id AS pid, p.owner AS powner FROM files f LEFT JOIN folders p ON p.id = f.parent
     WHERE f.deleted = 0 AND (p.id IS NULL OR p.deleted != 0 OR p.owner != f.owner)`,
    (r) => `file ${String(r.id)} (owner ${String(r.owner)}) in ${r.pid === null ? 'a missing folder' : `folder ${String(r.pid)} (owner ${String(r.powner)})`}`,
  );
  const hasShares = st.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'shares'").get() !== undefined;
  if (hasShares) {
    bad(
      `SELECT s.id, s.folderid FROM shares s LEFT JOIN folders f ON f.id = s.folderid WHERE f.id IS NULL OR f.owner != s.owner`,
      (r) => `share ${String(r.id)} points at folder ${String(r.folderid)}, which its owner no longer owns`,
    );
    bad(
      `SELECT s.id, s.mount FROM shares s LEFT JOIN folders m ON m.id = s.mount WHERE m.id IS NULL OR m.owner != s.touserid`,
      (r) => `share ${String(r.id)} is mounted in folder ${String(r.mount)}, which is not its recipient's`,
    );
  }
  return out;
}
