// Markdown → safe HTML: marked (GitHub-flavoured: tables, task lists, fenced code) and DOMPurify.
// What the file names outside itself is not fetched: pictures from the web are left out (a visitor's
// browser would otherwise report to any host the author chose), relative pictures are marked for the
// previewer to resolve among the files of the same folder.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:|^\/\//i;
const SAFE_LINK = /^(https?:|mailto:)/i;

let purifier: ReturnType<typeof DOMPurify> | undefined;

function purify(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      node.removeAttribute('src');
      node.removeAttribute('srcset');
      if (src && !ABSOLUTE.test(src)) node.setAttribute('data-rel', src);
      else if (src) node.setAttribute('data-remote', '');
    }
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (SAFE_LINK.test(href)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else if (!href.startsWith('#')) {
        node.removeAttribute('href');
      }
    }
    // no inline styles: a `url()` in one would be a remote load
    node.removeAttribute('style');
  });
  purifier = p;
  return p;
}

/** Sanitised HTML of a Markdown document: no scripts, handlers, frames, forms, styles or remote loads. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text) as string;
  return purify().sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'iframe', 'object', 'embed', 'video', 'audio', 'source', 'link', 'meta', 'base', 'svg', 'math'],
    FORBID_ATTR: ['style', 'srcset', 'poster', 'background', 'formaction'],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['target'],
  });
}

/** The file a relative picture path names, among `names` of the same folder (`./a.png`, `a%20b.png`). */
export function resolveRelative(path: string, names: readonly string[]): string | undefined {
  let p = path.split(/[?#]/)[0];
  try {
    p = decodeURIComponent(p);
  } catch {
    // a stray % stays as written
  }
  p = p.replace(/^\.\//, '');
  if (p.includes('/')) return undefined;
  return names.find((n) => n === p) ?? names.find((n) => n.toLowerCase() === p.toLowerCase());
}
