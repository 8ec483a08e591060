import { defineMethods, me } from '../registry';
import { PDate, now } from '../store/model';
import { fail } from '../errors';
import { fileArg } from './common';

export const revisionMethods = () =>
  defineMethods([
    {
      name: 'listrevisions',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row } = fileArg(ctx);
        const revs = ctx.st.q('SELECT r.*, b.hash FROM revisions r JOIN blobs b ON b.key = r.blob WHERE r.fileid = ? ORDER BY r.id DESC').all(row.id) as {
          id: number; size: number; hash: string; created: number;
        }[];
        return {
          revisions: revs.map((r) => ({ revisionid: r.id, size: r.size, hash: BigInt(r.hash), created: new PDate(r.created) })),
          metadata: ctx.st.fileMeta(user, row),
        };
      },
    },
    {
      name: 'revertrevision',
      auth: 'required',
      handler(ctx) {
        const user = me(ctx);
        const { row, perms } = fileArg(ctx);
        if (!perms.modify) fail(2003);
        const id = ctx.p.int('revisionid', 2029);
        if (id === undefined) fail(2029); // code for a missing revisionid is unverified
        const rev = ctx.st.q('SELECT * FROM revisions WHERE id = ? AND fileid = ?').get(id, row.id) as { blob: string; size: number } | undefined;
        if (!rev) fail(2029);
        const t = now();
        ctx.st.db.transaction(() => {
          // the current content is kept as a new revision before reverting
          ctx.st.q('INSERT INTO revisions (fileid, blob, size, created) VALUES (?, ?, ?, ?)').run(row.id, row.blob, row.size, row.modified);
          ctx.st.q('UPDATE files SET blob = ?, size = ?, modified = ? WHERE id = ?').run(rev.blob, rev.size, t, row.id);
        })();
        const out = ctx.st.fileRow(row.id)!;
        ctx.st.fsEvent('modifyfile', user, (v) => ctx.st.fileMeta(v, out), ctx.st.folderRow(out.parent), out.id);
        return { metadata: ctx.st.fileMeta(user, out) };
      },
    },
  ]);
