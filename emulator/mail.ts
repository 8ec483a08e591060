import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from './server';

let sequence = 0;

/** The emulator sends no mail: messages land in <data>/outbox as text files and in the log. */
export async function sendMail(emu: Emulator, to: string, subject: string, body: string): Promise<void> {
  const dir = join(emu.opts.dataDir, 'outbox');
  await fsp.mkdir(dir, { recursive: true });
  const safe = to.replace(/[^a-zA-Z0-9@._-]/g, '_');
  // the sequence number keeps two mails of the same millisecond apart (and in order)
  const file = join(dir, `${Date.now()}-${String(++sequence % 1e6).padStart(6, '0')}-${safe}.txt`);
  await fsp.writeFile(file, `To: ${to}\nSubject: ${subject}\n\n${body}\n`);
  emu.log(`mail to ${to}: ${subject} (${file})`);
}
