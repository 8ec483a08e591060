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
        const revs = ctx.st.files.revisions(row.id);
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
        const rev = ctx.st.files.revision(id, row.id);
        if (!rev) fail(2029);
        // the current content is kept as a new revision before reverting
        ctx.st.files.revert(row, rev, now());
        const out = ctx.st.fileRow(row.id)!;
        ctx.st.fsEvent('modifyfile', user, (v) => ctx.st.fileMeta(v, out), ctx.st.folderRow(out.parent), out.id);
        return { metadata: ctx.st.fileMeta(user, out) };
      },
    },
  ]);
