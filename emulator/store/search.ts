// The search index query (methods/search.ts answers with it): words matched through the trigram
// index of search_items, categories from extensions, the caller's own items and those shared with them.
import type { UserRow } from './model';
import { fileKind } from './model';
import type { Perms, Storage } from './storage';

/** What the trigram index folds: case and diacritics (ß and ligatures stay as they are). */
export function foldName(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whitespace-separated words, folded; the order does not matter and all must occur in the name. */
export function queryWords(query: string): string[] {
  return [...new Set(foldName(query).split(/\s+/).filter((w) => w !== ''))];
}

export interface Candidate {
  key: number;
  owner: number;
  name: string;
  ext: string;
  modified: number;
}

export interface SearchRequest {
  words: string[];
  category: number | undefined;
  offset: number;
  limit: number;
}

/** The extensions of `owners`' live items that fall into `category`, found by skipping along the index. */
function categoryExts(st: Storage, owners: number[], category: number): string[] {
  const next = st.q('SELECT ext FROM search_items WHERE owner = ? AND deleted = 0 AND ext > ? ORDER BY ext LIMIT 1');
  const out = new Set<string>();
  for (const owner of owners) {
    // '' (no extension) sorts first: ask for it separately, then skip from one extension to the next
    if (st.q("SELECT 1 FROM search_items WHERE owner = ? AND deleted = 0 AND ext = '' AND key > 0 LIMIT 1").get(owner)) {
      if (fileKind('x').category === category) out.add('');
    }
    let ext = '';
    for (;;) {
      const row = next.get(owner, ext) as { ext: string } | undefined;
      if (!row) break;
      ext = row.ext;
      if (fileKind(`x.${ext}`).category === category) out.add(ext);
    }
  }
  return [...out];
}

/** FTS5 query: every word of three or more characters as a quoted substring. */
function matchExpr(words: string[]): string | null {
  const long = words.filter((w) => [...w].length >= 3);
  return long.length ? long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ') : null;
}

const withFold = new WeakSet<object>();

/** Words under three characters are checked row by row: ASCII names by LIKE, others folded in JS. */
function ensureFold(st: Storage): void {
  if (withFold.has(st.db)) return;
  st.db.function('search_fold_has', { deterministic: true }, (name: unknown, word: unknown) =>
    typeof name === 'string' && typeof word === 'string' && foldName(name).includes(word) ? 1 : 0,
  );
  withFold.add(st.db);
}

const shortFilter = " AND (s.name LIKE ? ESCAPE '\\' OR (s.name GLOB '*[^ -~]*' AND search_fold_has(s.name, ?)))";

const likeArg = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The page of matches (newest first) and their total, for `user`. Items of other accounts are only
 * considered when they lie below a folder shared with `user` (checked per parent through `folderPerms`).
 */
export function runSearch(st: Storage, user: UserRow, req: SearchRequest): { total: number; page: Candidate[]; perms: Map<number, Perms> } {
  ensureFold(st);
  const shareOwners = st.shares.ownersSharingWith(user.id).filter((o) => o !== user.id);
  const owners = [user.id, ...shareOwners];
  const match = matchExpr(req.words);

  let filter = '';
  const args: unknown[] = [];
  if (req.category !== undefined) {
    filter += ' AND s.key > 0 AND s.ext IN (SELECT value FROM json_each(?))';
    args.push(JSON.stringify(categoryExts(st, owners, req.category)));
  }
  for (const w of req.words.filter((w) => [...w].length < 3)) {
    filter += shortFilter;
    args.push(likeArg(w), w);
  }
  // without words the newest-first index serves the page and stops early; the count walks the
  // (owner, ext) index when a category narrows it
  const source = match
    ? 'FROM search_names n JOIN search_items s ON s.key = n.rowid WHERE search_names MATCH ? AND s.deleted = 0 AND s.owner = ?'
    : 'FROM search_items s INDEXED BY search_items_recent WHERE s.deleted = 0 AND s.owner = ?';
  const head = (owner: number) => (match ? [match, owner] : [owner]);
  const cols = 'SELECT s.key, s.owner, s.name, s.ext, s.modified';
  const order = ' ORDER BY s.modified DESC, s.key DESC';
  const wanted = req.offset + req.limit;

  // The caller's own items: counted and paged by SQLite.
  let ownTotal: number;
  let own: Candidate[];
  if (match) {
    // one pass over the matches for both the page and the count
    const rows = st.q(`${cols}, count(*) OVER () AS total ${source}${filter}${order} LIMIT ?`).all(...head(user.id), ...args, wanted) as (Candidate & { total: number })[];
    own = rows;
    ownTotal = rows.length
      ? rows[0].total
      : req.offset > 0 ? (st.q(`SELECT count(*) AS n ${source}${filter}`).get(...head(user.id), ...args) as { n: number }).n : 0;
  } else {
    const countSource = 'FROM search_items s WHERE s.deleted = 0 AND s.owner = ?';
    ownTotal = (st.q(`SELECT count(*) AS n ${countSource}${filter}`).get(user.id, ...args) as { n: number }).n;
    own = st.q(`${cols} ${source}${filter}${order} LIMIT ?`).all(user.id, ...args, wanted) as Candidate[];
  }

  // Items of accounts that shared folders with the caller: only what those shares reach.
  const perms = new Map<number, Perms>();
  const foreign: Candidate[] = [];
  if (shareOwners.length) {
    const stmt = st.q(`${cols} ${source}${filter}`);
    const reach = new Map<number, Perms | null>();
    const permsOf = (folderId: number): Perms | null => {
      let p = reach.get(folderId);
      if (p === undefined) {
        const row = st.folderRow(folderId);
        p = row && row.deleted === 0 ? st.folderPerms(user, row) : null;
        reach.set(folderId, p);
      }
      return p;
    };
    for (const owner of shareOwners) {
      for (const c of stmt.all(...head(owner), ...args) as Candidate[]) {
        const parent = c.key > 0 ? st.fileRow(c.key)?.parent : -c.key;
        const p = parent === undefined ? null : permsOf(parent);
        if (!p) continue;
        perms.set(c.key, p);
        foreign.push(c);
      }
    }
  }
  const merged = foreign.length ? [...own, ...foreign].sort((a, b) => b.modified - a.modified || b.key - a.key) : own;
  return { total: ownTotal + foreign.length, page: merged.slice(req.offset, wanted), perms };
}
