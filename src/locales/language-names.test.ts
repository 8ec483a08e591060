// Every catalogue names every language the app has (LANGUAGES) in its own language — "Englisch" in
// German, "German" in English — checked against the platform's CLDR names (Intl.DisplayNames), and
// LANGUAGES holds each language's name for itself (what a language picker shows).
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n';
import en from './en/account';
import de from './de/account';
import deAll from './de/index';

const catalogues: Record<keyof typeof LANGUAGES, Record<string, unknown>> = { en: en.messages, de };
const key = (code: string) => `language${code[0].toUpperCase()}${code.slice(1)}`;
const cldr = (code: string, inLanguage: string) => {
  const name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code)!;
  return name[0].toLocaleUpperCase(inLanguage) + name.slice(1);
};

describe('language names', () => {
  const pairs = Object.keys(catalogues).flatMap((catalogue) => Object.keys(LANGUAGES).map((code) => ({ catalogue, code })));

  it.each(pairs)('the $catalogue catalogue names $code', ({ catalogue, code }) => {
    expect(catalogues[catalogue as keyof typeof catalogues][key(code)]).toBe(cldr(code, catalogue));
  });

  it.each(Object.entries(LANGUAGES))('%s is called %s by its own speakers', (code, name) => {
    expect(name).toBe(cldr(code, code));
  });

  it('no German message calls a language by its English name', () => {
    expect(JSON.stringify(deAll)).not.toMatch(/\b(English|German)\b/);
  });
});
