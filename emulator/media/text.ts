// gettextfile re-encoding (docs/pcloud/methods-media.md §1): glibc iconv does the conversion, so any charset
// name iconv knows works; unknown names and undecodable input answer 2061.
import type { Services } from '../services';
import { fail } from '../errors';
import { media } from './state';

const ICONV = process.env.PCLOUD_EMU_ICONV ?? '/usr/bin/iconv';
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,39}$/;

const norm = (e: string) => e.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Charset of text without a declared one: BOMs, then valid UTF-8, else Windows-1252. */
export function detectEncoding(data: Buffer): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'UTF-8';
  if (data[0] === 0xff && data[1] === 0xfe) return 'UTF-16LE';
  if (data[0] === 0xfe && data[1] === 0xff) return 'UTF-16BE';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return 'UTF-8';
  } catch {
    return 'WINDOWS-1252';
  }
}

export async function reencode(emu: Services, data: Buffer, from: string | undefined, to: string | undefined): Promise<{ body: Buffer; to: string }> {
  const target = to === undefined || to === '' ? 'utf-8' : to;
  if (!NAME.test(target) || (from !== undefined && from !== '' && !NAME.test(from))) fail(2061);
  let source = from === undefined || from === '' ? detectEncoding(data) : from;
  let input = data;
  if (norm(source) === 'UTF16LE' && data[0] === 0xff && data[1] === 0xfe) input = data.subarray(2);
  else if (norm(source) === 'UTF16BE' && data[0] === 0xfe && data[1] === 0xff) input = data.subarray(2);
  if (norm(source) === 'UTF8' && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) input = data.subarray(3);
  if (norm(source) === norm(target) && norm(source) === 'UTF8') {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(input);
      return { body: input, to: target };
    } catch {
      source = 'UTF-8';
    }
  }
  try {
    return { body: await media(emu).run(ICONV, ['-f', source, '-t', target], { input, timeoutMs: 60_000 }), to: target };
  } catch {
    fail(2061);
  }
}
