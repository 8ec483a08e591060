import { describe, expect, it } from 'vitest';
import type { Metadata } from '../api/protocol/types';
import { asciiSortKey, filterItems, freeName, nameProblem, sortItems } from './items';

const file = (name: string, size: number, modified: string): Metadata =>
  ({ name, id: `f${name}`, fileid: 1, isfolder: false, size, modified, created: modified, ismine: true, isshared: false, icon: 'file', thumb: false, category: 0, contenttype: 'text/plain', hash: '1' }) as Metadata;
const folder = (name: string): Metadata =>
  ({ name, id: `d${name}`, folderid: 2, isfolder: true, modified: 'Mon, 01 Jan 2024 00:00:00 +0000', created: '', ismine: true, isshared: false, icon: 'folder', thumb: false }) as Metadata;

describe('sortItems', () => {
  const items = [file('file10.txt', 5, 'Tue, 02 Jan 2024 00:00:00 +0000'), folder('Zeta'), file('file2.txt', 50, 'Mon, 01 Jan 2024 00:00:00 +0000'), folder('alpha')];
  it('puts folders first and sorts names naturally', () => {
    expect(sortItems(items, 'name', 'asc').map((m) => m.name)).toEqual(['alpha', 'Zeta', 'file2.txt', 'file10.txt']);
  });
  it('sorts by size and date in both directions, folders still first', () => {
    expect(sortItems(items, 'size', 'asc').map((m) => m.name).slice(2)).toEqual(['file10.txt', 'file2.txt']);
    expect(sortItems(items, 'modified', 'desc').map((m) => m.name).slice(2)).toEqual(['file10.txt', 'file2.txt']);
  });
});

describe('filterItems', () => {
  it('ignores case and accents', () => {
    const items = [file('Fête.jpg', 1, ''), file('other.txt', 1, '')];
    expect(filterItems(items, 'fete').map((m) => m.name)).toEqual(['Fête.jpg']);
    expect(filterItems(items, '  ')).toHaveLength(2);
  });
});

describe('freeName and nameProblem', () => {
  it('numbers names like renameifexists does', () => {
    expect(freeName('a.txt', new Set(['a.txt', 'a (2).txt']))).toBe('a (3).txt');
    expect(freeName('folder', new Set(['folder']))).toBe('folder (2)');
    expect(freeName('new.txt', new Set())).toBe('new.txt');
  });
  it('explains names pCloud refuses', () => {
    expect(nameProblem('a/b')).toMatch(/cannot contain/);
    expect(nameProblem('..')).toMatch(/reserved/);
    expect(nameProblem('')).toMatch(/empty/);
    expect(nameProblem('<script>.txt')).toBeNull();
  });
});

describe('fast natural sort keys', () => {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  it('orders printable-ASCII names exactly as the collator does', () => {
    let seed = 11;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const alphabet = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~';
    const names = Array.from({ length: 3000 }, () =>
      Array.from({ length: 1 + rnd(8) }, () => (rnd(4) === 0 ? String(rnd(1000)) : alphabet[rnd(alphabet.length)])).join(''),
    );
    const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
    for (let i = 0; i + 1 < names.length; i++) {
      const [a, b] = [names[i], names[i + 1]];
      const ka = asciiSortKey(a);
      const kb = asciiSortKey(b);
      expect([a, b, sign(ka < kb ? -1 : ka > kb ? 1 : 0)]).toEqual([a, b, sign(collator.compare(a, b))]);
    }
  });

  it('sorts big ASCII folders and mixed-script folders the same way the collator would', () => {
    const make = (names: string[]) => names.map((name) => file(name, 1, ''));
    const ascii = ['file10.txt', 'File2.txt', 'file1.txt', 'a b', 'a-b', 'a_b', '007 x', '7 x', 'Zeta', 'alpha'];
    const mixed = [...ascii, 'Éclair', 'ébène', 'Ürün', 'zebra'];
    for (const names of [ascii, mixed]) {
      const got = sortItems(make(names), 'name', 'asc').map((m) => m.name);
      const want = [...names].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
      expect(got).toEqual(want);
    }
  });
});
