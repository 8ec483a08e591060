// pCloud Transfer (docs/pcloud/methods-media.md §5): anonymous multipart upload whose files are kept for the
// transfer (under <data>/transfers/, outside any account and outside the blob store) and whose
// download links (content kind 'transfer', valid TRANSFER_LIMITS.ttl) are mailed to the outbox.
// Not modelled: 2098/2100 (no sender/receiver is ever refused), a message over 160 characters is cut.
// Anonymous storage is bounded (emulator limits, not pCloud's): all live transfers together hold at
// most `limits.transferTotalBytes` (2097 beyond), at most `limits.transferMaxCount` live transfers
// (4010 beyond), and expired transfers are purged every `limits.transferSweepMs` and at start-up.
import { createWriteStream, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { defineMethods, type Ctx, type MethodDef } from '../registry';
import type { Services } from '../services';
import type { Storage } from '../store/storage';
import { fileKind, now, validName } from '../store/model';
import { ApiError, fail } from '../errors';
import { sendMail } from '../mail';
import { sendFile } from '../content';
import type { UploadProgress } from '../progress';

/** Limits of a transfer; tests may lower them (the emulator runs in-process). */
export const TRANSFER_LIMITS = {
  /** Total bytes of one transfer (pCloud Transfer's free limit is 5 GB); beyond → 2097. */
  maxBytes: 5 * 1024 ** 3,
  maxReceivers: 20,
  /** Lifetime of the download links, seconds (pCloud keeps transfers 7 days). */
  ttl: 7 * 24 * 3600,
};

const MAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

function transferDir(st: Storage, id: number): string {
  return join(st.dataDir, 'transfers', String(id));
}

/** Bytes held by live transfers, finished or still arriving, per emulator (checked per chunk). */
const anonBytes = new WeakMap<Services, { used: number }>();

function usage(emu: Services): { used: number } {
  let u = anonBytes.get(emu);
  if (!u) {
    u = { used: emu.st.transfers.bytes() };
    anonBytes.set(emu, u);
  }
  return u;
}

/** Removes expired transfers (rows and files); returns how many. */
export async function purgeExpiredTransfers(emu: Services): Promise<number> {
  const expired = emu.st.transfers.expired(now());
  const u = usage(emu);
  for (const id of expired) {
    const bytes = emu.st.transfers.bytes(id);
    emu.st.transfers.delete(id);
    u.used = Math.max(0, u.used - bytes);
    await fsp.rm(transferDir(emu.st, id), { recursive: true, force: true });
  }
  // files of transfers whose row is gone (a crash between the two) are anonymous storage nobody can reach
  const root = join(emu.st.dataDir, 'transfers');
  const names = await fsp.readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    if (!/^\d+$/.test(name) || !emu.st.transfers.exists(Number(name))) await fsp.rm(join(root, name), { recursive: true, force: true });
  }
  return expired.length;
}

/**
 * Writes one incoming part to `file`; `onBytes` answers a result code to stop at (2097 past a limit),
 * 2041 when the body breaks off.
 */
async function store(stream: Readable, file: string, onBytes: (n: number) => number): Promise<number> {
  let size = 0;
  const out = createWriteStream(file);
  try {
    await new Promise<void>((resolve, reject) => {
      let done = false;
      const failWith = (err: Error) => {
        if (done) return;
        done = true;
        stream.unpipe(out);
        stream.resume();
        out.destroy();
        reject(err);
      };
      stream.on('data', (c: Buffer) => {
        if (done) return;
        size += c.length;
        const code = onBytes(c.length);
        if (code) failWith(new ApiError(code));
      });
      stream.on('error', () => failWith(new ApiError(2041)));
      stream.on('close', () => {
        if (!stream.readableEnded) failWith(new ApiError(2041));
      });
      out.on('error', failWith);
      out.on('finish', () => {
        if (!done) resolve();
      });
      stream.pipe(out);
    });
  } catch (err) {
    await fsp.rm(file, { force: true });
    throw err;
  }
  return size;
}

async function uploadtransfer(ctx: Ctx) {
  const { st } = ctx;
  const sender = (ctx.p.str('sendermail') ?? '').trim();
  if (!MAIL.test(sender)) fail(1074);
  const receivers = (ctx.p.str('receivermails') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (!receivers.length || !receivers.every((r) => MAIL.test(r))) fail(1075);
  if (receivers.length > TRANSFER_LIMITS.maxReceivers) fail(2099);
  const message = (ctx.p.str('message') ?? '').slice(0, 160);
  if (!ctx.files) fail(2088); // a request without a body
  if (st.transfers.liveCount(now()) >= ctx.emu.limits.transferMaxCount) fail(4010);
  const held = usage(ctx.emu);
  const source = ctx.files;
  const raw = !String(ctx.req.headers['content-type'] ?? '').startsWith('multipart/');
  const hash = ctx.p.str('progresshash');
  const progress: UploadProgress = {
    kind: 'upload', userid: 0, total: Number(ctx.req.headers['content-length'] ?? 0), uploaded: 0, filenumber: 0, files: [], finished: false, updated: 0,
  };
  // anonymous callers choose the key: an absurdly long one is not worth holding in memory
  if (hash && hash.length <= 256) ctx.emu.progress.set(`transfer:${hash}`, progress);
  const t = now();
  const id = st.transfers.create({ sender, receivers: receivers.join(','), message, created: t, expires: t + TRANSFER_LIMITS.ttl });
  const dir = transferDir(st, id);
  await fsp.mkdir(dir, { recursive: true });
  const files: { name: string; size: number }[] = [];
  // bytes this request added to `held`: given back if the transfer fails
  let reserved = 0;
  try {
    for (let f = await source.next(); f; f = await source.next()) {
      // a raw (PUT) body is one file named by `filename`, as uploadfile takes it
      const name = raw ? ctx.p.str('filename') ?? '' : f.name;
      if (!validName(name)) {
        f.stream.resume();
        fail(2001);
      }
      progress.filenumber++;
      progress.currentfile = name;
      progress.currentfileuploaded = 0;
      const size = await store(f.stream, join(dir, String(files.length)), (n) => {
        if (reserved + n > TRANSFER_LIMITS.maxBytes || held.used + n > ctx.emu.limits.transferTotalBytes) return 2097;
        held.used += n;
        reserved += n;
        progress.uploaded += n;
        progress.currentfileuploaded = (progress.currentfileuploaded ?? 0) + n;
        return 0;
      });
      st.transfers.addFile(id, files.length, name, size);
      files.push({ name, size });
      progress.files.push({ name, size });
    }
    if (!files.length) fail(2088);
  } catch (err) {
    st.transfers.delete(id);
    held.used = Math.max(0, held.used - reserved);
    await fsp.rm(dir, { recursive: true, force: true });
    throw err;
  }
  progress.finished = true;
  delete progress.currentfile;
  delete progress.currentfileuploaded;

  const links = files.map((f, idx) => {
    const link = ctx.emu.content.link(ctx.host, { k: 'transfer', e: t + TRANSFER_LIMITS.ttl, t: id, i: idx }, f.name);
    return `${f.name} (${f.size} B): ${ctx.scheme}://${link.hosts[0]}${link.path}`;
  });
  const body = [`${sender} sent you ${files.length} file(s) with pCloud Transfer.`, message ? `\nMessage: ${message}\n` : '', ...links, ''].join('\n');
  for (const r of receivers) await sendMail(ctx.emu, r, `${sender} sent you files via pCloud Transfer`, body);
  await sendMail(ctx.emu, sender, 'Your files were sent with pCloud Transfer', `Sent to ${receivers.join(', ')}:\n${links.join('\n')}\n`);
  return {};
}

export function transferMethods(emu: Services): MethodDef[] {
  const sweep = () => void purgeExpiredTransfers(emu).catch((err: Error) => emu.log(`transfer sweep: ${err.message}`));
  sweep();
  const timer = setInterval(sweep, emu.limits.transferSweepMs);
  timer.unref();
  emu.shutdownHooks.push(() => clearInterval(timer));
  emu.content.handlers.set('transfer', async (grant, req, res) => {
    const name = emu.st.transfers.fileName(Number(grant.t), Number(grant.i));
    const file = name !== undefined ? join(transferDir(emu.st, Number(grant.t)), String(Number(grant.i))) : '/nonexistent';
    await sendFile(req, res, file, { contentType: name !== undefined ? fileKind(name).contenttype : 'application/octet-stream', downloadName: name ?? '' });
  });
  return defineMethods([
    { name: 'uploadtransfer', auth: 'none', upload: true, handler: uploadtransfer },
    {
      name: 'uploadtransferprogress',
      auth: 'none',
      handler(ctx) {
        const hash = ctx.p.require('progresshash', 1900);
        const job = ctx.emu.progress.get(`transfer:${hash}`);
        if (!job || job.kind !== 'upload') fail(1900);
        const { kind: _k, userid: _u, updated: _t, ...rest } = job;
        return rest;
      },
    },
  ]);
}
