import { describe, expect, it } from 'vitest';
import { summariseExtraction } from './extract-log';

describe('summariseExtraction', () => {
  it('counts extracted, skipped and failed entries', () => {
    const s = summariseExtraction([
      '  docs/a.txt  (12 B)... OK.',
      '  docs/b.txt  (3 B)... skipped.',
      '  c.bin  (9 B)... OK.',
      'Error: cannot create d.txt',
      'Successfully extracted to current directory.',
    ]);
    expect(s).toEqual({ extracted: 2, skipped: 1, errors: 1 });
  });

  it('is zero for an empty log', () => {
    expect(summariseExtraction([])).toEqual({ extracted: 0, skipped: 0, errors: 0 });
  });
});
