// M3U / M3U8 playlists: parse the entries, then match them to audio files of the account.
// Pure: no React, no network. Playlists come from many players and systems, so locations may be
// absolute or relative, use Windows separators or drive letters, be file:// or http(s) URLs, or be
// percent-encoded; #EXTINF lines give a duration and a title for the entry that follows.

export interface PlaylistEntry {
  /** 1-based line number of the location in the playlist */
  line: number;
  /** the location exactly as written */
  raw: string;
  /** from the preceding #EXTINF, when there was one */
  title?: string;
  /** seconds, from #EXTINF (-1 = unknown in the format, left out here) */
  duration?: number;
  /** a web address (matched by file name only) or a file path */
  kind: 'path' | 'url';
  /** decoded path segments, without '.', '..' resolved where possible */
  segments: string[];
  /** starts at a root (`/…`, `C:\…`, `\\server\…`, file://) rather than relative to the playlist */
  absolute: boolean;
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const DRIVE = /^[a-z]:(?=\/|$)/i;

function decodePercent(s: string): string {
  if (!/%[0-9a-f]{2}/i.test(s)) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    // a lone "%" in a real file name: decode what is valid, keep the rest
    return s.replace(/(%[0-9a-f]{2})+/gi, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
  }
}

/** Splits on either separator and resolves '.' and '..' (a leading '..' of a relative path is kept). */
export function normaliseSegments(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else out.push('..');
      continue;
    }
    out.push(part);
  }
  return out;
}

function parseLocation(raw: string): Pick<PlaylistEntry, 'kind' | 'segments' | 'absolute'> {
  if (URL_SCHEME.test(raw)) {
    let pathname: string;
    let file = false;
    try {
      const u = new URL(raw);
      file = u.protocol === 'file:';
      pathname = u.pathname;
    } catch {
      pathname = raw.replace(URL_SCHEME, '/');
    }
    let path = decodePercent(pathname).replace(/\\/g, '/');
    if (file) path = path.replace(/^\/([a-z]:)(?=\/|$)/i, '').replace(DRIVE, '');
    return { kind: file ? 'path' : 'url', segments: normaliseSegments(path.split('/')), absolute: true };
  }
  let path = decodePercent(raw).replace(/\\/g, '/');
  let absolute = false;
  if (DRIVE.test(path)) {
    path = path.replace(DRIVE, '');
    absolute = true;
  } else if (path.startsWith('//')) {
    // UNC \\server\share\…: the server and share name say nothing about the account
    path = path.replace(/^\/\/[^/]*\/[^/]*/, '');
    absolute = true;
  } else if (path.startsWith('/')) {
    absolute = true;
  }
  return { kind: 'path', segments: normaliseSegments(path.split('/')), absolute };
}

/** Entries in playlist order. Comments and directives other than #EXTINF are ignored. */
export function parseM3u(text: string): PlaylistEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const entries: PlaylistEntry[] = [];
  let info: { title?: string; duration?: number } | null = null;
  lines.forEach((lineText, i) => {
    const line = lineText.trim();
    if (!line) return;
    if (line.startsWith('#')) {
      const m = /^#EXTINF:\s*(-?\d+(?:\.\d+)?)?[^,]*,(.*)$/i.exec(line);
      if (m) {
        const duration = m[1] === undefined ? undefined : Number(m[1]);
        const title = m[2].trim();
        info = { ...(title ? { title } : {}), ...(duration !== undefined && duration >= 0 ? { duration } : {}) };
      }
      return;
    }
    const loc = parseLocation(line);
    if (loc.segments.length === 0) {
      info = null;
      return;
    }
    entries.push({ line: i + 1, raw: line, ...(info ?? {}), ...loc });
    info = null;
  });
  return entries;
}

/**
 * A playlist file's bytes as text: .m3u8 is UTF-8 by definition; plain .m3u is often in the
 * system's legacy code page, so bytes that are not valid UTF-8 are read as Windows-1252.
 */
export function decodePlaylist(bytes: ArrayBuffer | Uint8Array, name = ''): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (/\.m3u8$/i.test(name)) return new TextDecoder('utf-8').decode(view);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(view);
  } catch {
    return new TextDecoder('windows-1252').decode(view);
  }
}

export interface IndexedFile<F> {
  /** full path in the account, '/'-separated, starting with '/' */
  path: string;
  file: F;
}

export interface PlaylistMatch<F> {
  matched: { entry: PlaylistEntry; file: F; by: 'path' | 'name' | 'title' }[];
  unmatched: PlaylistEntry[];
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase();
const stem = (name: string) => name.replace(/\.[^.]+$/, '');

/**
 * Matches entries to files: the same full path first (relative entries resolved against
 * `baseDir`, the playlist's own folder in the account when known), then the file whose path shares
 * the longest tail with the entry (at least the file name: a playlist written on another computer
 * still finds /Music/Artist/song.mp3 from C:\Users\me\Music\Artist\song.mp3), then the #EXTINF
 * title against file names without extension.
 */
export function matchPlaylist<F>(entries: readonly PlaylistEntry[], files: readonly IndexedFile<F>[], baseDir?: string): PlaylistMatch<F> {
  const byPath = new Map<string, IndexedFile<F>>();
  const byName = new Map<string, IndexedFile<F>[]>();
  const byStem = new Map<string, IndexedFile<F>[]>();
  const split = new Map<IndexedFile<F>, string[]>();
  for (const f of files) {
    const segs = normaliseSegments(f.path.split('/')).map(fold);
    split.set(f, segs);
    byPath.set('/' + segs.join('/'), f);
    const name = segs[segs.length - 1] ?? '';
    byName.set(name, [...(byName.get(name) ?? []), f]);
    byStem.set(stem(name), [...(byStem.get(stem(name)) ?? []), f]);
  }
  const base = baseDir ? normaliseSegments(baseDir.split('/')) : null;
  const result: PlaylistMatch<F> = { matched: [], unmatched: [] };

  for (const entry of entries) {
    const segs = entry.segments.map(fold);
    if (entry.kind === 'path') {
      const full = entry.absolute ? segs : base ? normaliseSegments([...base.map(fold), ...segs]) : null;
      const exact = full && !full.includes('..') ? byPath.get('/' + full.join('/')) : undefined;
      if (exact) {
        result.matched.push({ entry, file: exact.file, by: 'path' });
        continue;
      }
    }
    const candidates = byName.get(segs[segs.length - 1] ?? '') ?? [];
    let best: IndexedFile<F> | undefined;
    let bestScore = 0;
    for (const c of candidates) {
      const cs = split.get(c)!;
      let score = 0;
      while (score < segs.length && score < cs.length && segs[segs.length - 1 - score] === cs[cs.length - 1 - score]) score++;
      if (score > bestScore || (score === bestScore && best && c.path.length < best.path.length)) {
        best = c;
        bestScore = score;
      }
    }
    if (best) {
      result.matched.push({ entry, file: best.file, by: 'name' });
      continue;
    }
    const byTitle = entry.title ? byStem.get(fold(entry.title)) : undefined;
    if (byTitle?.length) {
      result.matched.push({ entry, file: byTitle[0].file, by: 'title' });
      continue;
    }
    result.unmatched.push(entry);
  }
  return result;
}

/** "Road trip.m3u8" → "Road trip"; `fallback` (the caller's translated wording) when nothing is left. */
export function playlistNameOf(fileName: string, fallback: string): string {
  return stem(fileName.replace(/^.*[\\/]/, '')).trim() || fallback;
}
