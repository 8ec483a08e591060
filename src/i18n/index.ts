// The app's language: which catalogue is active, hooks to read messages, and the choice of language
// (the account's language when signed in, else the browser's; English when there is no catalogue
// for either). See core.ts for the catalogue format.
import { createElement, Fragment, type ReactNode } from 'react';
import { createLocaleStore, type LocaleState as LocaleStateOf } from '../stores/locale';
import { interpolate, selectForm, splitRich, type Messages, type Namespace, type Param, type ParamsArg, type Placeholders } from './core';

export { defineMessages } from './core';
export type { Namespace, Messages, Translation } from './core';

/** Languages with a catalogue, by their pCloud language code, named in themselves. */
export const LANGUAGES = { en: 'English', de: 'Deutsch' } as const;
export type Language = keyof typeof LANGUAGES;

type Catalog = Record<string, Messages>;
type LocaleState = LocaleStateOf<Language>;
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Catalog>> = {
  de: () => import('../locales/de/index').then((m) => m.default as Catalog),
};


const STORAGE_KEY = 'pcloud.lang';
const browserTags = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]);

/** The supported language a code or tag ("de", "de-AT", "DE") stands for, if any. */
export function supportedLanguage(code: string | null | undefined): Language | null {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return base && base in LANGUAGES ? (base as Language) : null;
}

function localeFor(lang: Language): string {
  return browserTags().find((tag) => supportedLanguage(tag) === lang) ?? lang;
}

const useLocaleStore = createLocaleStore<Language>({ lang: 'en', locale: localeFor('en'), catalog: null });

let pending: { lang: Language; done: Promise<void> } | null = null;

/**
 * Switches the app to `code` when there is a catalogue for it (else to the browser's language, else
 * English). Resolves once the catalogue is loaded; until then the previous language stays on screen.
 */
export function setLanguage(code: string | null | undefined): Promise<void> {
  const lang = supportedLanguage(code) ?? browserLanguage();
  if (pending?.lang === lang) return pending.done;
  if (useLocaleStore.getState().lang === lang && !pending) return Promise.resolve();
  const apply = (catalog: Catalog | null) => {
    if (pending?.lang !== lang) return; // a later choice won
    pending = null;
    useLocaleStore.setState({ lang, locale: localeFor(lang), catalog });
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // storage full or denied: the choice holds for this visit
    }
    if (typeof document !== 'undefined') document.documentElement.lang = localeFor(lang);
  };
  const entry: { lang: Language; done: Promise<void> } = { lang, done: Promise.resolve() };
  pending = entry;
  if (lang === 'en') apply(null);
  else
    entry.done = loaders[lang]().then(apply, () => {
      // the chunk could not load (offline before it was cached): stay in the current language
      if (pending === entry) pending = null;
    });
  return entry.done;
}

function browserLanguage(): Language {
  for (const tag of browserTags()) {
    const lang = supportedLanguage(tag);
    if (lang) return lang;
  }
  return 'en';
}

/** The language to start in: the one used last on this device, else the browser's. */
export function initialLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // no storage: the browser's language
  }
  return supportedLanguage(stored) ?? browserLanguage();
}

export const useLanguage = () => useLocaleStore((s) => s.lang);
/** The Intl locale of the active language (for formatting outside messages). */
export const currentLocale = () => useLocaleStore.getState().locale;
export const useLocale = () => useLocaleStore((s) => s.locale);

export interface Translate<M extends Messages> {
  <K extends keyof M & string>(key: K, ...params: ParamsArg<M[K]>): string;
  /** The message with React nodes where its placeholders are (links, emphasis). */
  rich<K extends keyof M & string>(key: K, params: Record<Placeholders<M[K]>, ReactNode | Param>): ReactNode;
  readonly locale: string;
}

type Loose = ((key: string, params?: Record<string, Param>) => string) & {
  rich: (key: string, params: Record<string, ReactNode | Param>) => ReactNode;
  locale: string;
};

function makeT<M extends Messages>(space: Namespace<string, M>, state: LocaleState): Translate<M> {
  const message = (key: string) => state.catalog?.[space.ns]?.[key] ?? space.messages[key];
  const t: Loose = Object.assign((key: string, params?: Record<string, Param>) => interpolate(selectForm(message(key), state.locale, params?.count), params, state.locale), {
    rich: (key: string, params: Record<string, ReactNode | Param>) => {
      const text = selectForm(message(key), state.locale, params.count);
      return createElement(Fragment, null, ...splitRich<ReactNode>(text, params, state.locale));
    },
    locale: state.locale,
  });
  return t as unknown as Translate<M>;
}

const bound = new WeakMap<LocaleState, WeakMap<Namespace, Translate<Messages>>>();

function tFor<M extends Messages>(space: Namespace<string, M>, state: LocaleState): Translate<M> {
  let perState = bound.get(state);
  if (!perState) bound.set(state, (perState = new WeakMap()));
  let t = perState.get(space);
  if (!t) perState.set(space, (t = makeT(space, state) as unknown as Translate<Messages>));
  return t as unknown as Translate<M>;
}

/** Messages of one namespace in the active language; the component re-renders when it changes. */
export function useT<M extends Messages>(space: Namespace<string, M>): Translate<M> {
  return tFor(space, useLocaleStore());
}

/** The same outside React (commands, stores, error texts): reads the language at call time. */
export function getT<M extends Messages>(space: Namespace<string, M>): Translate<M> {
  const now = () => tFor(space, useLocaleStore.getState()) as unknown as Loose;
  const t = ((key: string, params?: Record<string, Param>) => now()(key, params)) as Loose;
  t.rich = (key, params) => now().rich(key, params);
  Object.defineProperty(t, 'locale', { get: currentLocale });
  return t as unknown as Translate<M>;
}

/** For tests: back to English with no stored choice. */
export function resetLanguage(): void {
  pending = null;
  useLocaleStore.setState({ lang: 'en', locale: 'en', catalog: null });
}
