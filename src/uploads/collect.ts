export interface Collected {
  entries: { file: File; dir: string }[];
  emptyDirs: string[];
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most ~100 entries per call: keep reading until it returns none
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

async function walk(entry: FileSystemEntry, dir: string, out: Collected): Promise<void> {
  if (entry.isFile) {
    out.entries.push({ file: await fileOf(entry as FileSystemFileEntry), dir });
    return;
  }
  if (!entry.isDirectory) return;
  const path = dir ? `${dir}/${entry.name}` : entry.name;
  const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
  if (!children.length) out.emptyDirs.push(path);
  for (const child of children) await walk(child, path, out);
}

/** Files and whole folder trees from a drop (folders keep their structure; empty ones too). */
export async function collectDrop(dt: DataTransfer): Promise<Collected> {
  const out: Collected = { entries: [], emptyDirs: [] };
  const roots = Array.from(dt.items)
    .filter((i) => i.kind === 'file')
    .map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  for (const r of roots) {
    if (r.entry) await walk(r.entry, '', out);
    else if (r.file) out.entries.push({ file: r.file, dir: '' });
  }
  return out;
}

/** Files from an <input type=file> (with `webkitdirectory`, paths come in webkitRelativePath). */
export function collectInput(files: FileList): Collected {
  return {
    emptyDirs: [],
    entries: Array.from(files).map((file) => {
      const rel = file.webkitRelativePath;
      return { file, dir: rel ? rel.split('/').slice(0, -1).join('/') : '' };
    }),
  };
}
