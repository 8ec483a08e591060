import type { FileMetadata } from '../api/protocol/types';

/**
 * How a file is shown. The one table for the signed-in viewer, the public-link viewer and search
 * results; a viewer that has no previewer for a kind shows it as 'other' (a download).
 */
export type FileKind =
  | 'image'
  | 'video'
  | 'audio'
  | 'pdf'
  | 'document'
  | 'spreadsheet'
  | 'presentation'
  | 'markdown'
  | 'code'
  | 'text'
  | 'archive'
  | 'other';

/** What `fileKind` reads: pCloud's category, the content type it sniffed, the name and `thumb`. */
export type KindInput = Pick<FileMetadata, 'name' | 'category'> & { contenttype?: string; thumb?: boolean };

const EXT_KIND: Record<string, FileKind> = {};
const byExt = (kind: FileKind, exts: string) => {
  for (const e of exts.split(' ')) EXT_KIND[e] = kind;
};
byExt('pdf', 'pdf');
byExt('document', 'docx odt rtf');
byExt('spreadsheet', 'xlsx xls ods csv tsv');
byExt('presentation', 'pptx odp');
byExt('markdown', 'md markdown mdown mkd mkdn');
byExt(
  'code',
  'ts tsx mts cts js jsx mjs cjs json jsonc py rb go rs java kt kts scala c h cc cpp cxx hpp hh cs php sh bash zsh fish ps1 ' +
    'css scss sass less html htm xhtml xml xsl yaml yml toml ini cfg conf sql swift lua pl pm r dart vue svelte ' +
    'gradle groovy hs ex exs erl clj elm ml fs vb bat cmd dockerfile makefile cmake graphql gql proto tf makefile dockerfile gemfile rakefile procfile',
);
// playlists are filed under audio by pCloud but are text: show them, never queue them as tracks
byExt('text', 'txt text log nfo srt vtt readme license changelog m3u m3u8 pls xspf cue diff patch env gitignore properties');
byExt('archive', 'zip rar 7z tar gz tgz bz2 tbz2 xz txz zst lz lzma cab');

const TYPE_KIND: Array<[RegExp, FileKind]> = [
  [/^application\/pdf$/, 'pdf'],
  [/^application\/(vnd\.openxmlformats-officedocument\.wordprocessingml|vnd\.oasis\.opendocument\.text|rtf)|^text\/rtf/, 'document'],
  [/^application\/(vnd\.openxmlformats-officedocument\.spreadsheetml|vnd\.ms-excel|vnd\.oasis\.opendocument\.spreadsheet)|^text\/(csv|tab-separated-values)/, 'spreadsheet'],
  [/^application\/(vnd\.openxmlformats-officedocument\.presentationml|vnd\.oasis\.opendocument\.presentation)/, 'presentation'],
  [/^text\/(markdown|x-markdown)/, 'markdown'],
  [/mpegurl|x-scpls|xspf/i, 'text'],
  [/^application\/(json|javascript|x-javascript|typescript|xml|x-sh|x-yaml|yaml|sql|x-httpd-php|x-python)|^text\/(javascript|css|html|xml|x-[a-z+-]*src|x-(python|java|c|c\+\+|go|rust|ruby|php|sh|shellscript|typescript))/, 'code'],
  [/^text\//, 'text'],
  [/^application\/(zip|x-zip|x-rar|vnd\.rar|x-7z|x-tar|gzip|x-gzip|x-bzip2|x-xz|zstd)/, 'archive'],
];

// files known by their whole name rather than an extension
const BARE_NAMES = new Set(['makefile', 'dockerfile', 'gemfile', 'rakefile', 'procfile', 'readme', 'license', 'changelog']);

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot >= 0) return name.slice(dot + 1).toLowerCase();
  const bare = name.toLowerCase();
  return BARE_NAMES.has(bare) ? bare : '';
}

/**
 * The kind of a file from pCloud's `category` (docs/pcloud/structures.md §1.2), its `contenttype`
 * and the extension. pCloud's media categories win (a `.ts` it calls video is an MPEG stream, not
 * TypeScript), except for playlists, which it files under audio. For everything else the extension
 * is asked first: the sniffed type is often just `text/plain` or `application/octet-stream`, and a
 * name is what the owner meant. An image pCloud cannot thumbnail (`thumb: false`, e.g. a raw photo)
 * is something the browser cannot show either.
 */
export function fileKind(file: KindInput): FileKind {
  const ext = extension(file.name);
  const type = (file.contenttype ?? '').toLowerCase();
  const byName = EXT_KIND[ext];
  const byType = TYPE_KIND.find(([re]) => re.test(type))?.[1];
  const playlist = (byName ?? byType) === 'text' && (/mpegurl|x-scpls|xspf/.test(type) || /^(m3u8?|pls|xspf|cue)$/.test(ext));
  if (!playlist) {
    if (file.category === 1 || (file.category === 0 && type.startsWith('image/'))) return file.thumb === false ? 'other' : 'image';
    if (file.category === 2 || (file.category === 0 && type.startsWith('video/'))) return 'video';
    if (file.category === 3 || (file.category === 0 && type.startsWith('audio/'))) return 'audio';
  }
  if (byName) return byName;
  if (byType) return byType;
  if (file.category === 5) return 'archive';
  return 'other';
}

/** Kinds whose bytes are text a text view can show as they are (until a richer previewer exists). */
export const TEXTUAL_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['text', 'code', 'markdown']);
