import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, toTime } from './format';

describe('formatBytes', () => {
  it('scales by 1024 with one decimal under 10', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(1023, 'en')).toBe('1,023 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(10 * 1024, 'en')).toBe('10 KB');
    expect(formatBytes(5 * 1024 ** 3, 'en')).toBe('5 GB');
  });

  it('uses the locale (formatters are cached per locale and digits, not shared across them)', () => {
    expect(formatBytes(1536, 'de')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(1536, 'de')).toBe('1,5 KB');
    expect(formatBytes(20 * 1024, 'de')).toBe('20 KB');
  });

  it('gives nothing for impossible sizes', () => {
    expect(formatBytes(-1)).toBe('');
    expect(formatBytes(Number.NaN)).toBe('');
  });
});

describe('formatDate and toTime', () => {
  it('reads pCloud dates and unix seconds alike', () => {
    const s = 'Thu, 21 Mar 2013 18:31:45 +0000';
    expect(toTime(s)).toBe(Date.UTC(2013, 2, 21, 18, 31, 45));
    expect(toTime(Date.UTC(2013, 2, 21, 18, 31, 45) / 1000)).toBe(toTime(s));
    expect(formatDate(s, 'en')).toBe(formatDate(toTime(s) / 1000, 'en'));
    expect(formatDate('not a date')).toBe('');
    expect(formatDate(undefined)).toBe('');
  });
});
