import { promises as fsp } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Services } from './services';

/**
 * The base of links the server hands out in mails and invitations: the configured public URL, else
 * the address this server was reached on as the socket reports it. Never the `Host` header: a client
 * that chooses it could make a reset mail for someone else point at its own site.
 */
export function publicUrl(emu: Services, req: IncomingMessage): string {
  if (emu.opts.publicUrl) return emu.opts.publicUrl.replace(/\/+$/, '');
  const s = req.socket;
  let host = (s.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  if (host.includes(':')) host = `[${host}]`;
  return `${'encrypted' in s ? 'https' : 'http'}://${host}:${s.localPort ?? 80}`;
}

let sequence = 0;

/** The emulator sends no mail: messages land in <data>/outbox as text files and in the log. */
export async function sendMail(emu: Services, to: string, subject: string, body: string): Promise<void> {
  const dir = join(emu.opts.dataDir, 'outbox');
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const safe = to.replace(/[^a-zA-Z0-9@._-]/g, '_').slice(0, 100); // a file name, whatever the address
  // the sequence number keeps two mails of the same millisecond apart (and in order)
  const file = join(dir, `${Date.now()}-${String(++sequence % 1e6).padStart(6, '0')}-${safe}.txt`);
  await fsp.writeFile(file, `To: ${to}\nSubject: ${subject}\n\n${body}\n`, { mode: 0o600 });
  emu.log(`mail to ${to}: ${subject} (${file})`);
}
