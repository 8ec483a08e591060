import { createReadStream, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Storage } from './store/storage';
import type { FolderRow, UserRow } from './store/model';
import { createFolder, createUser, putFile } from './store/ops';

export const DEMO_USERS = [
  { email: 'demo@pcloud.local', password: 'pcloud-demo' },
  { email: 'friend@pcloud.local', password: 'pcloud-friend' },
];

/** Imports a directory tree from disk into a folder of the user's account, keeping mtimes. */
export async function importTree(st: Storage, user: UserRow, dir: string, into: FolderRow): Promise<{ files: number; folders: number }> {
  let files = 0;
  let folders = 0;
  const entries = await fsp.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      const sub = st.childFolder(into.id, e.name) ?? createFolder(st, user, into, e.name);
      folders++;
      const n = await importTree(st, user, full, sub);
      files += n.files;
      folders += n.folders;
    } else if (e.isFile()) {
      const stat = await fsp.stat(full);
      const blob = await st.blobs.put(createReadStream(full));
      const mtime = Math.floor(stat.mtimeMs / 1000);
      putFile(st, user, into, e.name, blob, { mtime, ctime: mtime });
      files++;
    }
  }
  return { files, folders };
}

/** Demo accounts with generated photos, video, music, documents, an archive and a 2,500-file folder. */
export async function seedDemo(st: Storage, log: (s: string) => void = () => {}, opts: { manyFiles?: number } = {}): Promise<UserRow> {
  const existing = st.userByEmail(DEMO_USERS[0].email);
  if (existing) return existing;
  const started = Date.now();
  const { generateDemoTree } = await import('./demo/generate');
  const dir = await fsp.mkdtemp(join(tmpdir(), 'pcloud-demo-'));
  try {
    await generateDemoTree(dir, { manyFiles: opts.manyFiles, log });
    const demo = createUser(st, DEMO_USERS[0].email, DEMO_USERS[0].password);
    st.event(demo.id, 'reset', {});
    const counts = await importTree(st, demo, dir, st.folderRow(demo.rootfolder)!);
    const friend = createUser(st, DEMO_USERS[1].email, DEMO_USERS[1].password);
    st.event(friend.id, 'reset', {});
    const inbox = createFolder(st, friend, st.folderRow(friend.rootfolder)!, 'Shared with demo');
    const note = await st.blobs.putBuffer(Buffer.from('Hello from the second demo account.\n'));
    putFile(st, friend, inbox, 'hello.txt', note);
    log(`demo data: ${counts.files} files, ${counts.folders} folders in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return demo;
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
