import { describe, expect, it } from 'vitest';
import { renderMarkdown, resolveRelative } from './render';

const dom = (html: string) => {
  const d = document.createElement('div');
  d.innerHTML = html;
  return d;
};

describe('renderMarkdown', () => {
  it('renders GitHub-flavoured tables, task lists and fenced code', () => {
    const d = dom(renderMarkdown('# Title\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n\n```ts\nconst x = 1;\n```\n'));
    expect(d.querySelector('h1')?.textContent).toBe('Title');
    expect(d.querySelectorAll('td')).toHaveLength(2);
    const boxes = [...d.querySelectorAll('input[type=checkbox]')] as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    expect(d.querySelector('pre code.language-ts')?.textContent).toBe('const x = 1;\n');
  });

  it('drops scripts, event handlers, javascript: links, frames and inline styles', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n[click](javascript:alert(3))\n\n<iframe src="https://evil.example"></iframe>\n\n<p style="background:url(https://evil.example/t.png)">styled</p>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe|style=|evil\.example/i);
    expect(dom(html).textContent).toContain('styled');
  });

  it('marks relative pictures for the folder and never loads remote ones', () => {
    const d = dom(renderMarkdown('![a](diagram.png) ![b](https://tracker.example/pixel.gif) ![c](//cdn.example/x.png)'));
    const [a, b, c] = [...d.querySelectorAll('img')];
    expect(a.getAttribute('src')).toBeNull();
    expect(a.getAttribute('data-rel')).toBe('diagram.png');
    for (const img of [b, c]) {
      expect(img.getAttribute('src')).toBeNull();
      expect(img.hasAttribute('data-remote')).toBe(true);
    }
  });

  it('opens web links in a new tab without a referrer and unlinks relative ones', () => {
    const d = dom(renderMarkdown('[web](https://example.com) [rel](other.md)'));
    const [web, rel] = [...d.querySelectorAll('a')];
    expect(web.getAttribute('rel')).toBe('noopener noreferrer');
    expect(web.getAttribute('target')).toBe('_blank');
    expect(rel.hasAttribute('href')).toBe(false);
  });
});

describe('resolveRelative', () => {
  it('finds a file of the same folder, decoded, with or without ./', () => {
    const names = ['diagram.png', 'My photo.jpg'];
    expect(resolveRelative('diagram.png', names)).toBe('diagram.png');
    expect(resolveRelative('./My%20photo.jpg', names)).toBe('My photo.jpg');
    expect(resolveRelative('DIAGRAM.PNG', names)).toBe('diagram.png');
    expect(resolveRelative('img/diagram.png', names)).toBeUndefined();
    expect(resolveRelative('missing.png', names)).toBeUndefined();
  });
});
