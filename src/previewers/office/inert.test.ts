import { describe, expect, it } from 'vitest';
import { inertCss, inertHtml } from './inert';

describe('inertHtml', () => {
  it('keeps the document’s own pictures and drops remote ones, scripts and handlers', () => {
    const html = inertHtml(
      '<section><img src="data:image/png;base64,AAAA"><img src="https://tracker.example/p.gif"><img src="blob:https://app/1"><img src="data:text/html,x"><script>alert(1)</script><p onclick="alert(2)">text</p><iframe srcdoc="<script>alert(3)</script>"></iframe></section>',
    );
    const d = document.createElement('div');
    d.innerHTML = html;
    expect([...d.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['data:image/png;base64,AAAA', null, null, null]);
    expect(html).not.toMatch(/script|onclick|iframe|tracker/);
    expect(d.textContent).toBe('text');
  });

  it('removes remote urls from inline styles and makes web links open without a referrer', () => {
    const d = document.createElement('div');
    d.innerHTML = inertHtml('<p style="color: red; background: url(https://evil.example/x.png)">x</p><a href="https://example.com">web</a><a href="javascript:alert(1)">js</a>');
    expect(d.querySelector('p')?.getAttribute('style')).not.toContain('evil');
    expect(d.querySelector('p')?.getAttribute('style')).toContain('color: red');
    const [web, js] = [...d.querySelectorAll('a')];
    expect(web.getAttribute('rel')).toBe('noopener noreferrer');
    expect(js.hasAttribute('href')).toBe(false);
  });
});

describe('inertCss', () => {
  it('drops @import and remote url() but keeps data: urls', () => {
    const css = inertCss('@import url("https://evil.example/a.css"); .a { background: url(https://evil.example/b.png) } .b { background: url("data:image/png;base64,AA") }');
    expect(css).not.toContain('evil');
    expect(css).toContain('data:image/png;base64,AA');
  });
});
