import { describe, expect, it } from 'vitest';
import {
  checkPublinkForm,
  checkUploadLinkForm,
  emptyPublinkForm,
  emptyUploadLinkForm,
  endOfDay,
  publinkChanges,
  publinkCreateParams,
  publinkToForm,
  toDateInput,
  uploadLinkChanges,
  uploadLinkCreateParams,
  uploadLinkToForm,
} from './link-options';
import { downloadsText, isTreeLink, publinkProblem, spaceText, uploadLinkProblem } from './link-share';
import { getT, resetLanguage, setLanguage } from '../../i18n';
import links from '../../locales/en/links';

const t = getT(links);

const NOW = new Date(2026, 10, 23, 12, 0, 0);
const MB = 1024 ** 2;
const GB = 1024 ** 3;

describe('publink form', () => {
  it('accepts an empty form as "no limits"', () => {
    const r = checkPublinkForm(emptyPublinkForm, NOW);
    expect(r).toEqual({ ok: true, values: { expire: null, maxdownloads: null, maxtraffic: null, shortlink: false } });
    expect(publinkCreateParams(r.ok ? r.values : (null as never))).toEqual({});
  });

  it('turns a day into the end of that day, and sizes into bytes', () => {
    const r = checkPublinkForm({ expires: '2026-12-31', maxdownloads: ' 5 ', maxtraffic: '1,5', trafficUnit: 'GB', shortlink: true }, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values.expire).toEqual(new Date(2026, 11, 31, 23, 59, 59));
    expect(r.values.maxdownloads).toBe(5);
    expect(r.values.maxtraffic).toBe(1.5 * GB);
    expect(publinkCreateParams(r.values)).toEqual({ expire: r.values.expire, maxdownloads: 5, maxtraffic: 1.5 * GB, shortlink: true });
  });

  it('explains each bad field and accepts today', () => {
    const r = checkPublinkForm({ expires: '2026-11-22', maxdownloads: '2.5', maxtraffic: '-3', trafficUnit: 'MB', shortlink: false }, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.expires).toBe('errPast');
    expect(r.errors.maxdownloads).toBe('errDownloads');
    expect(r.errors.maxtraffic).toBe('errSize');
    expect(t(r.errors.expires!)).toBe('Choose today or a later day.');
    expect(t(r.errors.maxdownloads!)).toBe('Enter a whole number of downloads (1 or more), or leave it empty for no limit.');
    expect(checkPublinkForm({ ...emptyPublinkForm, expires: '2026-02-30' }, NOW)).toEqual({ ok: false, errors: { expires: 'errDate' } });
    expect(checkPublinkForm({ ...emptyPublinkForm, expires: toDateInput(NOW) }, NOW).ok).toBe(true);
    expect(checkPublinkForm({ ...emptyPublinkForm, maxdownloads: '0' }, NOW).ok).toBe(false);
    expect(checkPublinkForm({ ...emptyPublinkForm, maxdownloads: 'abc' }, NOW).ok).toBe(false);
    expect(checkPublinkForm({ ...emptyPublinkForm, maxdownloads: '99999999999999999999' }, NOW).ok).toBe(false);
  });

  it('rejects impossible dates', () => {
    expect(endOfDay('2026-02-30')).toBeNull();
    expect(endOfDay('31/12/2026')).toBeNull();
  });

  it('fills the edit form from a listed link', () => {
    const expires = new Date(2027, 0, 9, 23, 59, 59).toUTCString();
    expect(publinkToForm({ expires, maxdownloads: 7, maxtraffic: 2 * GB, shortcode: 'Ab12' })).toEqual({
      expires: '2027-01-09', maxdownloads: '7', maxtraffic: '2', trafficUnit: 'GB', shortlink: true,
    });
    expect(publinkToForm({ maxtraffic: 300 * MB })).toMatchObject({ expires: '', maxdownloads: '', maxtraffic: '300', trafficUnit: 'MB', shortlink: false });
  });

  it('sends only what changed, with 0 / delete flags to remove limits', () => {
    const expires = new Date(2027, 0, 9, 23, 59, 59).toUTCString();
    const link = { expires, maxdownloads: 7, maxtraffic: 2 * GB, shortcode: 'Ab12' };
    const same = checkPublinkForm(publinkToForm(link), NOW);
    expect(same.ok && publinkChanges(link, same.values)).toBeNull();

    const cleared = checkPublinkForm(emptyPublinkForm, NOW);
    expect(cleared.ok && publinkChanges(link, cleared.values)).toEqual({ deleteexpire: true, maxdownloads: 0, maxtraffic: 0, deleteshortlink: true });

    const moved = checkPublinkForm({ ...publinkToForm(link), expires: '2027-02-01', maxdownloads: '8' }, NOW);
    expect(moved.ok && publinkChanges(link, moved.values)).toEqual({ expire: new Date(2027, 1, 1, 23, 59, 59), maxdownloads: 8 });

    const shortOn = checkPublinkForm({ ...emptyPublinkForm, shortlink: true }, NOW);
    expect(shortOn.ok && publinkChanges({}, shortOn.values)).toEqual({ shortlink: true });
  });
});

describe('upload link form', () => {
  it('requires a comment only when creating', () => {
    const r = checkUploadLinkForm({ ...emptyUploadLinkForm, comment: '   ' }, { requireComment: true }, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t(r.errors.comment!)).toMatch(/Write a few words/);
    expect(checkUploadLinkForm(emptyUploadLinkForm, { requireComment: false }, NOW).ok).toBe(true);
  });

  it('builds creation parameters and changes', () => {
    const r = checkUploadLinkForm({ comment: ' Slides please ', expires: '', maxspace: '500', spaceUnit: 'MB', maxfiles: '10' }, { requireComment: true }, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(uploadLinkCreateParams(r.values)).toEqual({ comment: 'Slides please', maxspace: 500 * MB, maxfiles: 10 });

    // the field name of the expiry is unverified: either is read
    const listed = { comment: 'x', expire: new Date(2027, 5, 1, 23, 59, 59).toUTCString(), maxspace: 500 * MB, maxfiles: 10 };
    expect(uploadLinkToForm(listed)).toEqual({ comment: 'x', expires: '2027-06-01', maxspace: '500', spaceUnit: 'MB', maxfiles: '10' });
    const same = checkUploadLinkForm(uploadLinkToForm(listed), { requireComment: false }, NOW);
    expect(same.ok && uploadLinkChanges(listed, same.values)).toBeNull();
    const cleared = checkUploadLinkForm({ ...uploadLinkToForm(listed), expires: '', maxfiles: '' }, { requireComment: false }, NOW);
    expect(cleared.ok && uploadLinkChanges(listed, cleared.values)).toEqual({ deleteexpire: true, maxfiles: 0 });
  });
});

describe('link states and counters', () => {
  const now = Date.UTC(2026, 10, 23);
  it('flags expired and exhausted links', () => {
    expect(publinkProblem({ downloads: 0, traffic: 0 }, now)).toBeNull();
    expect(publinkProblem({ downloads: 0, traffic: 0, expires: 'Sun, 22 Nov 2026 10:00:00 +0000' }, now)).toBe('expired');
    expect(publinkProblem({ downloads: 5, maxdownloads: 5, traffic: 0 }, now)).toBe('downloadLimit');
    expect(publinkProblem({ downloads: 1, traffic: 2048, maxtraffic: 1024 }, now)).toBe('trafficLimit');
    expect(uploadLinkProblem({ files: 3, maxfiles: 3, space: 0 }, now)).toBe('fileLimit');
    expect(uploadLinkProblem({ files: 0, space: 10, maxspace: 10 }, now)).toBe('spaceLimit');
    expect(t('downloadLimit')).toBe('Download limit reached');
  });

  it('formats counters with their limits', () => {
    expect(downloadsText({ downloads: 1234, maxdownloads: 5000 }, t)).toBe('1,234 of 5,000');
    expect(downloadsText({ downloads: 3 }, t)).toBe('3');
    expect(spaceText({ space: 1536, maxspace: GB }, t)).toBe('1.5 KB of 1 GB');
  });

  it('uses the language of the app for numbers and words', async () => {
    await setLanguage('de');
    try {
      expect(downloadsText({ downloads: 1234, maxdownloads: 5000 }, t)).toBe('1.234 von 5.000');
      expect(spaceText({ space: 1536, maxspace: GB }, t)).toBe('1,5 KB von 1 GB');
      expect(t('expired')).toBe('Abgelaufen');
    } finally {
      resetLanguage();
    }
  });

  it('recognises tree links by their virtual root', () => {
    const meta = { isfolder: true, folderid: 0, name: 'Two files' } as never;
    expect(isTreeLink({ metadata: meta })).toBe(true);
    expect(isTreeLink({ metadata: { isfolder: true, folderid: 12 } as never })).toBe(false);
    expect(isTreeLink({ metadata: { isfolder: false, fileid: 3 } as never })).toBe(false);
  });
});
