import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseDelimited } from './csv';

describe('parseDelimited', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines",\n';
    expect(parseDelimited(text, ',')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
    ]);
  });

  it('accepts CRLF, a byte-order mark and no final newline', () => {
    expect(parseDelimited('\ufeffname;city\r\nZoë;Zürich', ';')).toEqual([
      ['name', 'city'],
      ['Zoë', 'Zürich'],
    ]);
  });

  it('reads tab-separated values and keeps empty lines as empty rows', () => {
    expect(parseDelimited('a\tb\n\nc\td\n', '\t')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  it('stops after maxRows', () => {
    expect(parseDelimited('1\n2\n3\n4\n', ',', 2)).toEqual([['1'], ['2']]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(parseDelimited('5" screen,x\n', ',')).toEqual([['5" screen', 'x']]);
  });
});

describe('guessDelimiter', () => {
  it('tells comma, semicolon and tab files apart', () => {
    expect(guessDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(guessDelimiter('a;b;c\n1,5;2,5;3\n')).toBe(';');
    expect(guessDelimiter('a\tb\n1\t2\n')).toBe('\t');
  });
});
