import { describe, expect, it } from 'vitest';
import { highlight, languageOf, languageOfFence, splitHighlightedLines } from './highlight';

describe('splitHighlightedLines', () => {
  it('closes spans at a line end and opens them again on the next line', () => {
    const html = 'a <span class="c">/* one\ntwo */</span> b\n<span class="s">"x"</span>';
    expect(splitHighlightedLines(html)).toEqual(['a <span class="c">/* one</span>', '<span class="c">two */</span> b', '<span class="s">"x"</span>']);
  });

  it('keeps nested spans balanced on every line', () => {
    const lines = splitHighlightedLines('<span class="a"><span class="b">1\n2</span>\n3</span>');
    expect(lines).toEqual(['<span class="a"><span class="b">1</span></span>', '<span class="a"><span class="b">2</span></span>', '<span class="a">3</span>']);
  });

  it('gives one line per newline, empty ones included', () => {
    expect(splitHighlightedLines('x\n\ny\n')).toEqual(['x', '', 'y', '']);
  });
});

describe('languages', () => {
  it('knows common file names and fence tags', () => {
    expect(languageOf('app.tsx')).toBe('typescript');
    expect(languageOf('Makefile')).toBe('makefile');
    expect(languageOf('main.go')).toBe('go');
    expect(languageOf('notes.txt')).toBeUndefined();
    expect(languageOfFence('py')).toBe('python');
    expect(languageOfFence('rust')).toBe('rust');
    expect(languageOfFence('brainfuck')).toBeUndefined();
  });

  it('highlights with escaped markup', async () => {
    const html = await highlight('const a = "<b>";', 'typescript');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>');
  });
});
