// Codes are mapped to kinds and reasons here once; views switch on those, never on numbers.
import { describe, expect, it } from 'vitest';
import { entryError, isLinkState, isOAuthRefusal, PcloudError } from './errors';

const err = (code: number, method = 'listfolder') => new PcloudError(code, undefined, method);

describe('PcloudError reason', () => {
  it('names what a code says beyond its kind, keeping the kind', () => {
    expect(err(2095)).toMatchObject({ kind: 'auth', reason: 'tokenRevoked' });
    expect(err(2094)).toMatchObject({ kind: 'auth', reason: undefined });
    expect(err(2205)).toMatchObject({ kind: 'auth', reason: 'tokenExpired' });
    expect(err(2229)).toMatchObject({ kind: 'auth', reason: 'tokenExpired' });
    expect(err(2014, 'sharefolder')).toMatchObject({ kind: 'forbidden', reason: 'emailUnverified' });
    expect(err(2003)).toMatchObject({ kind: 'forbidden', reason: undefined });
    expect(err(2009)).toMatchObject({ kind: 'notFound', reason: 'fileNotFound' });
    expect(err(2005)).toMatchObject({ kind: 'notFound', reason: undefined });
    expect(err(1029, 'copypubfile')).toMatchObject({ kind: 'badRequest', reason: 'fileRequired' });
    expect(err(2044, 'getvideolinks').reason).toBe('notStreamable');
    expect(err(7010, 'getfilelink')).toMatchObject({ kind: 'link', reason: 'refererRefused' });
  });

  it('gives each link state its own reason, and only those are link states', () => {
    const reasons = [7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008].map((c) => err(c, 'showpublink').reason);
    expect(reasons).toEqual(['linkUnknown', 'linkDeleted', 'linkRemoved', 'linkExpired', 'linkTraffic', 'linkDownloads', 'linkSpace', 'linkFiles']);
    expect(reasons.every(isLinkState)).toBe(true);
    expect(isLinkState(err(7010).reason)).toBe(false);
    expect(isLinkState(undefined)).toBe(false);
    // a link out of space is still a quota problem for code that asks about kinds
    expect(err(7007, 'uploadtolink').kind).toBe('quota');
  });

  it('keeps 1000 from a method refusing OAuth tokens apart from a lost session', () => {
    expect(err(1000, 'trash_list')).toMatchObject({ kind: 'oauthRefused' });
    expect(isOAuthRefusal(err(1000, 'trash_list'))).toBe(true);
    expect(err(1000, 'listfolder')).toMatchObject({ kind: 'auth' });
  });
});

describe('entryError', () => {
  it('is undefined for an entry that went well and a PcloudError otherwise', () => {
    expect(entryError({ result: 0 }, 'collection_linkfiles')).toBeUndefined();
    const refused = entryError({ result: 2009, message: 'File not found.' }, 'collection_linkfiles');
    expect(refused).toBeInstanceOf(PcloudError);
    expect(refused).toMatchObject({ code: 2009, kind: 'notFound', method: 'collection_linkfiles', message: 'File not found.' });
    expect(entryError({ result: 2003, error: 'Access denied.' }, 'getthumbslinks')?.message).toBe('Access denied.');
  });
});
