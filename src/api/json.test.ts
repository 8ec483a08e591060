import { describe, expect, it } from 'vitest';
import { parseJsonLossless, quoteBigIntegers } from './json';

describe('lossless JSON', () => {
  it('keeps a uint64 hash exact (JSON.parse would round it)', () => {
    const text = '{"result":0,"metadata":{"fileid":1729212,"hash":10681749967730527559,"size":73269}}';
    expect(JSON.parse(text).metadata.hash).toBe(10681749967730528000);
    expect(parseJsonLossless(text)).toEqual({
      result: 0,
      metadata: { fileid: 1729212, hash: '10681749967730527559', size: 73269 },
    });
  });

  it('turns every hash into a string, even small ones, so its type is uniform', () => {
    expect(parseJsonLossless('{"hash": 42, "revisions": [{"hash" :\n 7}]}')).toEqual({
      hash: '42',
      revisions: [{ hash: '7' }],
    });
  });

  it('quotes any integer beyond 2^53 but leaves safe numbers as numbers', () => {
    expect(parseJsonLossless('[9007199254740991, 9007199254740993, -9007199254740993, 17109536202]')).toEqual([
      9007199254740991,
      '9007199254740993',
      '-9007199254740993',
      17109536202,
    ]);
  });

  it('does not touch digits inside strings, escaped quotes, floats or exponents', () => {
    const text =
      '{"name":"10681749967730527559 \\"hash\\": 5","path":"\\\\","x":0.10681749967730527559,"y":1e10681749967730527559,"duration":"245.33"}';
    expect(quoteBigIntegers(text)).toBe(text);
    expect(parseJsonLossless('{"name":"hash","v":"\\"hash\\":12345678901234567890"}')).toEqual({
      name: 'hash',
      v: '"hash":12345678901234567890',
    });
  });

  it('quotes hash keys after { or , only: a key-like run inside a string stays as it is', () => {
    const text = String.raw`{"v":"{,\"hash\": 5","list":[{ "hash" : 6 },{"hash":7}],"hash":-8}`;
    expect(parseJsonLossless(text)).toEqual({ v: '{,"hash": 5', list: [{ hash: '6' }, { hash: '7' }], hash: '-8' });
  });

  it('handles "hash" as a string value followed by a number elsewhere', () => {
    expect(parseJsonLossless('["hash", 5]')).toEqual(['hash', 5]);
    expect(parseJsonLossless('{"a":"hash","b":5}')).toEqual({ a: 'hash', b: 5 });
  });

  it('copes with pretty-printed, slash-escaped pCloud output', () => {
    const text = '{\n\t"result": 0,\n\t"metadata": {\n\t\t"path": "\\/",\n\t\t"hash": 17079372075467340000\n\t}\n}';
    expect(parseJsonLossless(text)).toEqual({ result: 0, metadata: { path: '/', hash: '17079372075467340000' } });
  });

  it('tracks string boundaries across escaped backslashes and quotes', () => {
    const text = String.raw`{"p":"a\\","q":"\"","h":12345678901234567890,"s":"\\\"12345678901234567890"}`;
    expect(parseJsonLossless(text)).toEqual({ p: 'a\\', q: '"', h: '12345678901234567890', s: '\\"12345678901234567890' });
  });

  it('agrees with JSON.parse on generated documents apart from the quoted values', () => {
    let seed = 7;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const pieces = ['\\', '\\"', '"', ' ', 'hash', ':', '1', '12345678901234567890', 'é', '{', ','];
    for (let round = 0; round < 200; round++) {
      const str = Array.from({ length: rnd(8) }, () => pieces[rnd(pieces.length)]).join('');
      const big = `1${'0'.repeat(16 + rnd(4))}${rnd(10)}`;
      const doc = { [str]: str, n: rnd(1000), hash: 'H', list: [str, 'B', 1.5, -2] };
      const text = JSON.stringify(doc).replace('"H"', big).replace('"B"', big);
      const expected: unknown = JSON.parse(text.replace(big, `"${big}"`).replace(big + ',', `"${big}",`));
      expect(parseJsonLossless(text)).toEqual(expected);
    }
  });
});
