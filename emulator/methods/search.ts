// `search`: pCloud's undocumented account-wide name search (docs/pcloud/methods-core.md §8).
// The index is the `search_items` table and its trigram name index (emulator/store/schema.ts),
// kept in step with files and folders by triggers.
import { defineMethods, me, type Ctx } from '../registry';
import type { FileRow, FolderRow, UserRow } from '../store/model';
import type { Meta, Perms, Storage } from '../store/storage';
import { queryWords, type Candidate, type SearchRequest, runSearch } from '../store/search';

/** Our choices where pCloud's behaviour is unverified (docs/pcloud/methods-core.md §8). */
export const SEARCH_DEFAULT_LIMIT = 100;
export const SEARCH_MAX_LIMIT = 1000;

function itemMeta(st: Storage, user: UserRow, c: Candidate, perms: Perms | undefined): Meta | null {
  if (c.key > 0) {
    const row = st.fileRow(c.key) as FileRow | undefined;
    return row ? st.fileMeta(user, row, { path: null, perms }) : null;
  }
  const row = st.folderRow(-c.key) as FolderRow | undefined;
  return row ? st.folderMeta(user, row, { path: null }) : null;
}

/** Malformed numbers fall back to the default (pCloud's code for them is unknown). */
function uint(ctx: Ctx, name: string): number | undefined {
  const v = ctx.p.str(name)?.trim();
  return v && /^\d{1,15}$/.test(v) ? Number(v) : undefined;
}

export const searchMethods = () =>
  defineMethods([
    {
      name: 'search',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const req: SearchRequest = {
          words: queryWords(ctx.p.str('query') ?? ''),
          category: uint(ctx, 'category'),
          offset: uint(ctx, 'offset') ?? 0,
          limit: Math.min(uint(ctx, 'limit') ?? SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT),
        };
        const { total, page, perms } = runSearch(ctx.st, user, req);
        const items: Meta[] = [];
        for (const c of page) {
          const m = itemMeta(ctx.st, user, c, perms.get(c.key));
          if (m) items.push(m);
        }
        return { total, items };
      },
    },
  ]);
