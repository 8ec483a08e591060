// How the upload-link drop page sends files: one uploadtolink request per file, with the link's
// code and the visitor's name. No folders, sessions or checksums: the reply carries only `result`.
// Kept free of the signed-in app's code, because the public drop page loads it.
import type { Transport } from './engine';

/** Sends one file into the link (queries/public.ts uploadToPublicLink, bound to the link and name). */
export type SendToLink = (file: File, opts: { signal: AbortSignal; onProgress: (sent: number, total: number) => void }) => Promise<void>;

/** Scales multipart progress (headers included) to the file's own size. */
export function fileProgress(sent: number, total: number, fileSize: number): number {
  if (total <= 0) return 0;
  return Math.min(fileSize, Math.round((sent / total) * fileSize));
}

export function createLinkTransport(send: SendToLink): Transport {
  return {
    // one file at a time to begin with, as a stranger's browser on an unknown connection should
    concurrency: { start: 1, max: 3 },
    async send(batch, ctx) {
      const [item] = batch;
      await send(item.file!, { signal: ctx.signal, onProgress: (sent, total) => ctx.changed(item.id, { loaded: fileProgress(sent, total, item.size) }) });
      return [undefined];
    },
  };
}
