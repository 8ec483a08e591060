import { afterEach, describe, expect, it } from 'vitest';
import { renderHook, act } from '@testing-library/react';
import { interpolate, selectForm, splitRich, defineMessages } from './core';
import { getT, initialLanguage, resetLanguage, setLanguage, supportedLanguage, useLanguage, useT, currentLocale } from './index';
import common from '../locales/en/common';
import { errorMessage } from './error-message';
import { PcloudError, PcloudNetworkError } from '../api/errors';

afterEach(() => {
  resetLanguage();
  localStorage.clear();
});

describe('message format', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(interpolate('{n} of {total}', { n: 1234, total: 'x' }, 'en')).toBe('1,234 of x');
    expect(interpolate('{n}', { n: 1234.5 }, 'de')).toBe('1.234,5');
    expect(interpolate('{missing} stays', {}, 'en')).toBe('{missing} stays');
  });

  it('chooses plural forms with Intl.PluralRules', () => {
    const m = { one: '# one', few: '# few', many: '# many', other: '# other' };
    expect(selectForm(m, 'en', 1)).toBe('# one');
    expect(selectForm(m, 'en', 2)).toBe('# other');
    expect(selectForm(m, 'ru', 3)).toBe('# few');
    expect(selectForm(m, 'ru', 5)).toBe('# many');
    expect(selectForm({ other: 'x' }, 'en', 1)).toBe('x');
  });

  it('splits rich messages into text and nodes, leaving the text inert', () => {
    const node = { tag: 'strong' };
    expect(splitRich('Delete {name}? <b>{n}</b>', { name: node, n: 2 }, 'en')).toEqual(['Delete ', node, '? <b>', '2', '</b>']);
  });
});

describe('language choice', () => {
  it('maps codes and tags to the languages that have a catalogue', () => {
    expect(supportedLanguage('de')).toBe('de');
    expect(supportedLanguage('de-AT')).toBe('de');
    expect(supportedLanguage('EN_gb')).toBe('en');
    expect(supportedLanguage('fr')).toBeNull();
    expect(supportedLanguage(undefined)).toBeNull();
  });

  it('switches catalogues, re-renders users of useT, and remembers the choice', async () => {
    const { result } = renderHook(() => ({ t: useT(common), lang: useLanguage() }));
    expect(result.current.t('cancel')).toBe('Cancel');
    expect(result.current.t('files', { count: 1 })).toBe('1 file');
    await act(() => setLanguage('de'));
    expect(result.current.lang).toBe('de');
    expect(result.current.t('cancel')).toBe('Abbrechen');
    expect(result.current.t('files', { count: 2500 })).toBe('2.500 Dateien');
    expect(getT(common)('close')).toBe('Schließen');
    expect(document.documentElement.lang).toMatch(/^de/);
    expect(initialLanguage()).toBe('de');
    // a language without a catalogue falls back to the browser's (English here)
    await act(() => setLanguage('fr'));
    expect(result.current.t('cancel')).toBe('Cancel');
    expect(currentLocale()).toMatch(/^en/);
  });

  it('a later choice wins over one still loading', async () => {
    const first = setLanguage('de');
    const second = setLanguage('en');
    await Promise.all([first, second]);
    expect(getT(common)('cancel')).toBe('Cancel');
  });

  it('falls back to English for a key a namespace of the active language lacks', async () => {
    const extra = defineMessages('not-translated', { hello: 'Hello {who}' });
    await setLanguage('de');
    expect(getT(extra)('hello', { who: 'you' })).toBe('Hello you');
  });
});

describe('errorMessage', () => {
  it('words known codes in the active language, else shows pCloud’s message', async () => {
    expect(errorMessage(new PcloudError(2004, undefined, 'createfolder'))).toBe('An item with this name already exists here.');
    expect(errorMessage(new PcloudError(1017, undefined, 'listfolder'))).toBe("Invalid 'folderid' provided.");
    expect(errorMessage(new PcloudNetworkError('http', 'listfolder', 'x', { status: 502 }))).toBe('The server answered with HTTP 502. Try again in a moment.');
    expect(errorMessage(new DOMException('stop', 'AbortError'))).toBe('Cancelled.');
    await setLanguage('de');
    expect(errorMessage(new PcloudError(2008, undefined, 'uploadfile'))).toMatch(/Speicher ist voll/);
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/nicht erreichbar/);
  });
});
