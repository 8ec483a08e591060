import { describe, expect, it } from 'vitest';
import { splitName } from './middle-name';

describe('splitName', () => {
  it('keeps the extension and a few characters before it in the tail', () => {
    expect(splitName('holiday-photos-from-the-beach-0412.jpg')).toEqual({ head: 'holiday-photos-from-the-beac', tail: 'h-0412.jpg' });
  });
  it('puts a space at the cut into the tail', () => {
    expect(splitName('A folder with a rather long name that needs two lines')).toEqual({ head: 'A folder with a rather long name that needs two', tail: ' lines' });
  });
  it('does not split short names', () => {
    expect(splitName('a.txt')).toEqual({ head: 'a.txt', tail: '' });
    expect(splitName('report-2024.pdf')).toEqual({ head: 'report-2024.pdf', tail: '' });
  });
  it('treats a long "extension" and dotfiles as part of the name', () => {
    const { head, tail } = splitName('.config-of-some-long-tool');
    expect(head + tail).toBe('.config-of-some-long-tool');
    expect(tail).toBe('g-tool');
    expect(splitName('archive.averyveryverylongextension').tail).toBe('ension');
  });
  it('always gives back the whole name in two parts', () => {
    for (const n of ['x', 'a very long name without extension at all', 'multi.part.name.tar.gz', '日本語のとても長いファイル名です.png']) {
      const { head, tail } = splitName(n);
      expect(head + tail).toBe(n);
    }
  });
});
