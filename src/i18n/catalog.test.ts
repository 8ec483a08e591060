import { describe, expect, it } from 'vitest';
import * as en from '../locales/en/index';
import de from '../locales/de/index';
import type { Message, Messages, Namespace } from './core';

const placeholders = (m: Message): string[] => {
  const texts = typeof m === 'string' ? [m] : Object.values(m).filter((v): v is string => typeof v === 'string');
  const names = new Set(texts.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])));
  if (typeof m !== 'string') names.add('count');
  return [...names].sort();
};

const spaces = Object.entries(en as Record<string, Namespace<string, Messages>>);
const catalogs: Record<string, Record<string, Messages>> = { de };

describe('English catalogue', () => {
  it.each(spaces)('namespace %s is registered under its own name', (name, space) => {
    expect(space.ns).toBe(name);
  });

  it.each(spaces)('%s: every plural message has an "other" form and no empty text', (_name, space) => {
    for (const [key, m] of Object.entries(space.messages)) {
      if (typeof m === 'string') expect(m.trim(), key).not.toBe('');
      else expect(m.other, key).toBeTruthy();
    }
  });
});

describe.each(Object.entries(catalogs))('%s catalogue', (_lang, catalog) => {
  it('has exactly the English namespaces', () => {
    expect(Object.keys(catalog).sort()).toEqual(spaces.map(([n]) => n).sort());
  });

  it.each(spaces)('%s: same keys as English, same placeholders, plural where English is plural', (name, space) => {
    const translated = catalog[name];
    expect(Object.keys(translated).sort()).toEqual(Object.keys(space.messages).sort());
    for (const [key, m] of Object.entries(space.messages)) {
      const t = translated[key];
      expect(typeof t, key).toBe(typeof m);
      expect(placeholders(t), key).toEqual(placeholders(m));
      if (typeof t === 'string') expect(t.trim(), key).not.toBe('');
    }
  });
});
