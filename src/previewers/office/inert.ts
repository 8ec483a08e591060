// Makes rendered office documents inert: no scripts or handlers (DOMPurify), and nothing the document
// names outside itself is loaded — only its own pictures (data: URLs) are shown.
import DOMPurify from 'dompurify';

const OWN = /^data:image\//i;
const SAFE_LINK = /^(https?:|mailto:)/i;
// url(...) in CSS that points anywhere but the document's own bytes
const REMOTE_CSS_URL = /url\(\s*(?!['"]?data:)[^)]*\)/gi;

/** CSS with every remote url() and @import removed. */
export function inertCss(css: string): string {
  return css.replace(/@import[^;]*;?/gi, '').replace(REMOTE_CSS_URL, 'none');
}

let purifier: ReturnType<typeof DOMPurify> | undefined;

function purify(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    for (const attr of ['src', 'poster', 'background']) {
      const v = node.getAttribute(attr);
      if (v !== null && !OWN.test(v)) node.removeAttribute(attr);
    }
    node.removeAttribute('srcset');
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (SAFE_LINK.test(href)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else if (!href.startsWith('#')) node.removeAttribute('href');
    }
    const style = node.getAttribute('style');
    if (style && /url\(|@import/i.test(style)) node.setAttribute('style', inertCss(style));
  });
  purifier = p;
  return p;
}

/** Sanitises a rendered document in place of its HTML: what is left shows, and does nothing else. */
export function inertHtml(html: string): string {
  return purify().sanitize(html, {
    FORBID_TAGS: ['style', 'script', 'iframe', 'frame', 'object', 'embed', 'form', 'link', 'meta', 'base', 'audio', 'video', 'source'],
    ADD_ATTR: ['target'],
  });
}
