import { describe, expect, it } from 'vitest';
import { errorKind, RESULT_MESSAGES } from './protocol/errors';
import { METHODS, methodInfo } from './protocol/methods';
import errorsSource from './protocol/errors.ts?raw';
import { formatPcloudDate, parsePcloudDate, parseZoneOffset } from './protocol/dates';

describe('RESULT_MESSAGES', () => {
  it('keeps pCloud’s exact spelling', () => {
    expect(RESULT_MESSAGES[2004]).toBe('File or folder alredy exists.');
    expect(RESULT_MESSAGES[2003]).toBe('Access denied. You do not have permissions to preform this operation.');
    expect(RESULT_MESSAGES[7003]).toBe('This link is deleted bacause of copyright complaint.');
    expect(RESULT_MESSAGES[1074]).toBe("Please provice valid 'sendermail'.");
    expect(RESULT_MESSAGES[3000]).toBe('SSL error occured. Check sslerror for more information.');
    expect(RESULT_MESSAGES[1900]).toBe('Upload not found');
    expect(RESULT_MESSAGES[1019]).toBe("Please provide 'sha1' or 'md5' checksum");
    expect(RESULT_MESSAGES[6000]).toBe('Not modified');
  });

  it('has a message for every code, including invented ones', () => {
    for (const code of [1054, 1101, 2055, 2061, 2064, 2067, 2068, 2071, 2072, 2092, 2205, 2229, 2261, 2297, 2321, 4010, 6001, 6002, 6003, 7009]) {
      expect(RESULT_MESSAGES[code]).toMatch(/\S/);
    }
    expect(errorsSource.match(/\/\/ emulator-invented/g)).toHaveLength(20);
  });
});

describe('errorKind', () => {
  it.each([
    [1000, 'auth'], [2000, 'auth'], [2094, 'auth'], [2095, 'auth'], [2205, 'auth'], [2229, 'auth'],
    [2002, 'notFound'], [2005, 'notFound'], [2009, 'notFound'], [1900, 'notFound'], [1901, 'notFound'],
    [2004, 'exists'], [2038, 'exists'], [2073, 'exists'],
    [2008, 'quota'], [7007, 'quota'], [7008, 'quota'], [2097, 'quota'],
    [2003, 'forbidden'], [2014, 'forbidden'], [2026, 'forbidden'],
    [4000, 'rateLimit'], [4010, 'rateLimit'],
    [5000, 'retryable'], [5004, 'retryable'],
    [6000, 'notModified'],
    [7001, 'link'], [7010, 'link'],
    [1004, 'badRequest'], [1101, 'badRequest'],
    [2001, 'invalidName'], [2067, 'notFound'], [3001, 'unknown'],
  ] as const)('%i → %s', (code, kind) => {
    expect(errorKind(code)).toBe(kind);
  });
});

describe('METHODS', () => {
  it('has one row per method, 145 in all, with unique names', () => {
    expect(METHODS).toHaveLength(145);
    expect(new Set(METHODS.map((m) => m.name)).size).toBe(145);
  });

  it('flags OAuth refusals and undocumented methods', () => {
    const refused = METHODS.filter((m) => m.oauthRefused).map((m) => m.name);
    expect(refused).toEqual(expect.arrayContaining(['trash_list', 'trash_clear', 'collection_list', 'listtokens', 'getzip']));
    expect(refused).toHaveLength(14);
    expect(methodInfo('upload_write')).toMatchObject({ category: 'upload', documented: false });
    expect(methodInfo('authorize')).toMatchObject({ category: 'oauth', returns: 'redirect', auth: 'no' });
    expect(methodInfo('showpublink')).toMatchObject({ auth: 'optional' });
    expect(methodInfo('getthumb')).toMatchObject({ returns: 'binary' });
  });
});

describe('dates', () => {
  it('formats exactly like pCloud', () => {
    expect(formatPcloudDate(1363890705)).toBe('Thu, 21 Mar 2013 18:31:45 +0000');
    expect(formatPcloudDate(1380720551)).toBe('Wed, 02 Oct 2013 13:29:11 +0000');
  });

  it.each([
    ['Thu, 21 Mar 2013 18:31:45 +0000', 1363890705],
    ['21 Mar 2013 18:31:45 +0000', 1363890705],
    ['Thu, 21 Dec 2000 16:01:07 +0200', 977407267],
    ['2004-02-12T15:19:21+00:00', 1076599161],
    ['2004-02-12 15:19:21', 1076599161],
    ['2004-02-12', 1076544000],
    ['2004', 1072915200],
    ['1363890705', 1363890705],
    ['20130321183145', 1363890705],
    ['20130321203145 +0200', 1363890705],
    ['2013-03-21T21:31:45 EEST', 1363890705],
  ])('parses %s', (input, expected) => {
    expect(parsePcloudDate(input)).toBe(expected);
  });

  it('rejects what the server answers 1013 to', () => {
    for (const input of ['', 'tomorrow', '2013-02-30', '32 Mar 2013 10:00:00 +0000', '2013-03-21T25:00:00']) {
      expect(parsePcloudDate(input)).toBeNull();
    }
  });

  it('parses zone offsets for timeoffset', () => {
    expect(parseZoneOffset('+0130')).toBe(90);
    expect(parseZoneOffset('-05:00')).toBe(-300);
    expect(parseZoneOffset('PST')).toBe(-480);
    expect(parseZoneOffset('nowhere')).toBeNull();
  });
});
