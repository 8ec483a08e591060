// Demo ZIP archive built with yazl: nested folders, an empty folder and
// non-ASCII (UTF-8 flagged) entry names.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export const ARCHIVE_PATH = 'Archives/demo-archive.zip';

/** File entries of the demo archive (entry name -> content). */
export const ARCHIVE_FILES: Readonly<Record<string, string>> = {
  'README.txt': 'This archive was generated for the pCloud demo account.\n',
  'notes/todo.md': '# TODO\n\n- [ ] extract me\n- [ ] browse me without extracting\n',
  'notes/deep/nested/level3.txt': 'Three folders deep inside the archive.\n',
  'données/résumé été 2025.txt': 'Nom de fichier UTF-8 : résumé été 2025 ✓\n',
  '日本語/ファイル.txt': 'こんにちは、世界！\n',
  'data/numbers.csv': Array.from({ length: 200 }, (_, i) => `${i},${i * i},${(i * 0.5).toFixed(1)}`).join('\n') + '\n',
};

/** Empty directory entries (with trailing slash, as stored in the zip). */
export const ARCHIVE_EMPTY_DIRS: readonly string[] = ['empty-folder/'];

/** Write the demo archive under `root`. */
export async function generateArchive(root: string): Promise<void> {
  const out = path.join(root, ...ARCHIVE_PATH.split('/'));
  await mkdir(path.dirname(out), { recursive: true });
  const zip = new yazl.ZipFile();
  const mtime = new Date(Date.UTC(2025, 5, 21, 12, 0, 0));
  for (const [name, content] of Object.entries(ARCHIVE_FILES)) {
    zip.addBuffer(Buffer.from(content, 'utf8'), name, { mtime, compress: content.length > 100 });
  }
  for (const dir of ARCHIVE_EMPTY_DIRS) zip.addEmptyDirectory(dir, { mtime });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(out));
}
