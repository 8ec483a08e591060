// Syntax highlighting with highlight.js's core; each language's grammar is a chunk of its own,
// loaded the first time a file in that language opens.
import type { HLJSApi, LanguageFn } from 'highlight.js';

type Loader = () => Promise<{ default: LanguageFn }>;

const GRAMMARS: Record<string, Loader> = {
  typescript: () => import('highlight.js/lib/languages/typescript'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  python: () => import('highlight.js/lib/languages/python'),
  go: () => import('highlight.js/lib/languages/go'),
  rust: () => import('highlight.js/lib/languages/rust'),
  java: () => import('highlight.js/lib/languages/java'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  php: () => import('highlight.js/lib/languages/php'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  swift: () => import('highlight.js/lib/languages/swift'),
  bash: () => import('highlight.js/lib/languages/bash'),
  css: () => import('highlight.js/lib/languages/css'),
  scss: () => import('highlight.js/lib/languages/scss'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
  ini: () => import('highlight.js/lib/languages/ini'),
  sql: () => import('highlight.js/lib/languages/sql'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  dockerfile: () => import('highlight.js/lib/languages/dockerfile'),
  makefile: () => import('highlight.js/lib/languages/makefile'),
  lua: () => import('highlight.js/lib/languages/lua'),
  diff: () => import('highlight.js/lib/languages/diff'),
};

const BY_EXTENSION: Record<string, string> = {
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', vue: 'xml', svelte: 'xml',
  json: 'json', jsonc: 'json',
  py: 'python', go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', kts: 'kotlin',
  c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp', hh: 'cpp', cs: 'csharp',
  php: 'php', rb: 'ruby', swift: 'swift', sh: 'bash', bash: 'bash', zsh: 'bash',
  css: 'css', scss: 'scss', less: 'scss', html: 'xml', htm: 'xml', xhtml: 'xml', xml: 'xml', xsl: 'xml', svg: 'xml',
  yaml: 'yaml', yml: 'yaml', toml: 'ini', ini: 'ini', cfg: 'ini', conf: 'ini', properties: 'ini',
  sql: 'sql', md: 'markdown', markdown: 'markdown', lua: 'lua', diff: 'diff', patch: 'diff',
  dockerfile: 'dockerfile', makefile: 'makefile',
};

const ALIASES: Record<string, string> = { ts: 'typescript', js: 'javascript', py: 'python', sh: 'bash', shell: 'bash', html: 'xml', rs: 'rust', yml: 'yaml', 'c++': 'cpp', 'c#': 'csharp' };

/** The grammar for a file name (by extension, or the whole name for Makefile and Dockerfile). */
export function languageOf(name: string): string | undefined {
  const lower = name.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return BY_EXTENSION[dot >= 0 ? lower.slice(dot + 1) : lower];
}

/** The grammar a fenced code block names (```ts), if there is one. */
export function languageOfFence(tag: string): string | undefined {
  const l = tag.toLowerCase();
  return GRAMMARS[l] ? l : ALIASES[l];
}

let core: Promise<HLJSApi> | undefined;

/** Highlighted HTML of `code` (escaped by highlight.js), or null for a language it does not know. */
export async function highlight(code: string, language: string): Promise<string | null> {
  const load = GRAMMARS[language];
  if (!load) return null;
  core ??= import('highlight.js/lib/core').then((m) => m.default);
  const [hljs, grammar] = await Promise.all([core, load()]);
  if (!hljs.getLanguage(language)) hljs.registerLanguage(language, grammar.default);
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}

/**
 * Splits highlighted HTML into lines, closing the spans open at each line end and opening them
 * again on the next line, so every line is well-formed on its own (line numbers, virtual rows).
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  const tag = /<span[^>]*>|<\/span>|\n/g;
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    line += html.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === '\n') {
      lines.push(line + '</span>'.repeat(open.length));
      line = open.join('');
    } else if (m[0] === '</span>') {
      open.pop();
      line += m[0];
    } else {
      open.push(m[0]);
      line += m[0];
    }
  }
  lines.push(line + html.slice(last));
  return lines;
}
