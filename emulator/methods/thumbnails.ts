// Thumbnail methods (docs/pcloud/methods-media.md §3): getthumblink, getthumbslinks, getthumb, savethumb.
import { defineMethods, me, type RAW, type Ctx } from '../registry';
import type { FileRow } from '../store/model';
import { ApiError, fail, messageFor } from '../errors';
import { fileArg } from './common';
import { contentOf } from '../domain/content-links';
import { sendThumb, saveThumb, thumbSpec, thumbOf, thumbLink, pool } from '../domain/thumbs';

function readableFile(ctx: Ctx): FileRow {
  const { row, perms } = fileArg(ctx);
  if (!perms.read) fail(2003);
  return row;
}

export const thumbnailMethods = () =>
  defineMethods([
    {
      name: 'getthumblink',
      auth: 'required',
      async handler(ctx) {
        const row = readableFile(ctx);
        const spec = thumbSpec(ctx);
        const t = await thumbOf(ctx, row, spec, contentOf(ctx, row).blob);
        return thumbLink(ctx, row, t);
      },
    },
    {
      name: 'getthumbslinks',
      auth: 'required',
      async handler(ctx) {
        const ids = ctx.p.intList('fileids', 1038);
        if (!ids || ids.length === 0) fail(1038);
        const spec = thumbSpec(ctx);
        const user = me(ctx);
        const thumbs = await pool(ids, 8, async (fileid) => {
          try {
            const { row, perms } = ctx.st.fileById(user, fileid);
            if (!perms.read) fail(2003);
            const t = await thumbOf(ctx, row, spec);
            return { fileid, result: 0, ...thumbLink(ctx, row, t) };
          } catch (err) {
            if (!(err instanceof ApiError)) throw err;
            return { fileid, result: err.code, error: messageFor(err.code) };
          }
        });
        return { thumbs };
      },
    },
    {
      name: 'getthumb',
      auth: 'required',
      async handler(ctx): Promise<typeof RAW> {
        const row = readableFile(ctx);
        const spec = thumbSpec(ctx);
        const t = await thumbOf(ctx, row, spec, contentOf(ctx, row).blob);
        return sendThumb(ctx, t, spec);
      },
    },
    {
      name: 'savethumb',
      auth: 'required',
      async handler(ctx) {
        const row = readableFile(ctx);
        return saveThumb(ctx, me(ctx), row, contentOf(ctx, row).blob);
      },
    },
  ]);
