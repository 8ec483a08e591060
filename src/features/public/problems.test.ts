import { afterEach, describe, expect, it } from 'vitest';
import { resetLanguage, setLanguage } from '../../i18n';
import { PcloudError, PcloudNetworkError } from '../../api/errors';
import { actionError, linkProblem } from './problems';

const err = (code: number) => new PcloudError(code, undefined, 'showpublink');

describe('linkProblem', () => {
  it('gives each link state its own page', () => {
    const ids = [7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008].map((c) => linkProblem(err(c)).id);
    expect(ids).toEqual(['unknown', 'deleted', 'removed', 'expired', 'traffic', 'downloads', 'space', 'files']);
    expect(new Set(ids.map((_, i) => linkProblem(err(7001 + i)).title)).size).toBe(8);
  });
  it('names upload links as such and offers a retry only when it can help', () => {
    expect(linkProblem(err(7004), 'upload link').title).toBe('This upload link has expired');
    expect(linkProblem(err(7004)).retry).toBe(false);
    expect(linkProblem(new PcloudNetworkError('network', 'showpublink', 'x'))).toMatchObject({ id: 'offline', retry: true });
  });
});

describe('in German', () => {
  afterEach(() => resetLanguage());
  it('words link problems in the language chosen when they are asked for', async () => {
    await setLanguage('de');
    expect(linkProblem(err(7004), 'upload link').title).toBe('Dieser Upload-Link ist abgelaufen');
    expect(actionError(err(7006))).toBe('Dieser Link hat sein Download-Limit erreicht.');
  });
});

describe('actionError', () => {
  it('explains failed actions in a sentence', () => {
    expect(actionError(err(7006))).toBe('This link has reached its download limit.');
    expect(actionError(err(2008))).toBe('Your pCloud account is out of space.');
    expect(actionError(err(2009))).toBe('That file is no longer in this link.');
    // a missing folder (say, the one chosen to save into) is not "that file"
    expect(actionError(err(2005))).not.toBe('That file is no longer in this link.');
    expect(actionError(new PcloudNetworkError('network', 'getpubziplink', 'x'))).toMatch(/could not be reached/);
    expect(actionError(new Error('unplayable'))).toBe('Something unexpected went wrong. Please try again.');
  });
});
