// The message catalogue format (issue 8 §6), kept tiny on purpose: the first route has a 130 KB
// budget, and Intl already does the hard parts (plural rules, number and date formatting).
//
// - A catalogue is one folder per language under src/locales/<lang>/, one module per area
//   ("namespace"). English is the source: every English namespace is a `defineMessages(...)` call
//   imported by the code that shows it, so its strings load with that code's chunk. Another
//   language is loaded as one chunk (src/locales/<lang>/index.ts) when it is chosen.
// - A message is a string with `{name}` placeholders, or an object of plural forms keyed by
//   Intl.PluralRules categories (`one`, `other`, and `zero`/`two`/`few`/`many` where a language
//   has them), chosen by the `count` parameter.
// - Numbers given as parameters are formatted with Intl.NumberFormat for the language.
// - Text parameters are shown with bidirectional controls made visible (display-name.ts).
// - `t.rich` puts React nodes (links, <strong>) where placeholders are; the text around them is
//   still plain text, so names and contents stay inert.

import { displayName } from './display-name';

export type PluralForms = { other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>;
export type Message = string | PluralForms;
export type Messages = Record<string, Message>;

export interface Namespace<N extends string = string, M extends Messages = Messages> {
  readonly ns: N;
  readonly messages: M;
}

/** English messages of one namespace: the source every other language translates. */
export function defineMessages<const N extends string, const M extends Messages>(ns: N, messages: M): Namespace<N, M> {
  return { ns, messages };
}

/** What a translation of `M` must provide: every key, a string for a string, plural forms for plural forms. */
export type Translation<M extends Messages> = { [K in keyof M]: M[K] extends string ? string : PluralForms };

type PlaceholdersOf<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | PlaceholdersOf<Rest> : never;
/** The parameter names a message uses; plural messages always take `count`. */
export type Placeholders<V> = V extends string ? PlaceholdersOf<V> : 'count' | PlaceholdersOf<V[keyof V]>;

export type Param = string | number;
export type ParamsArg<V, P = Param> = [Placeholders<V>] extends [never] ? [] : [params: Record<Placeholders<V>, P>];

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, locale: string, make: () => T): T {
  let v = map.get(locale);
  if (!v) map.set(locale, (v = make()));
  return v;
}

/** Picks the plural form for `count` in `locale` (falling back to `other`). */
export function selectForm(message: Message, locale: string, count: unknown): string {
  if (typeof message === 'string') return message;
  const n = typeof count === 'number' ? count : Number(count);
  if (!Number.isFinite(n)) return message.other;
  const rules = cached(pluralRules, locale, () => new Intl.PluralRules(locale));
  return message[rules.select(n)] ?? message.other;
}

export function formatParam(value: Param, locale: string): string {
  if (typeof value === 'number') return cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(value);
  // names are what messages carry: a bidi control in one must not reorder the sentence (display-name.ts)
  return displayName(value);
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; an unknown placeholder is left as written, so a mistake shows. */
export function interpolate(text: string, params: Record<string, Param> | undefined, locale: string): string {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in params ? formatParam(params[name], locale) : whole));
}

/** Splits a message at its placeholders: text parts and parameter values, in order. */
export function splitRich<T>(text: string, params: Record<string, T | Param>, locale: string): (string | T)[] {
  const out: (string | T)[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const name = m[1];
    const v = name in params ? params[name] : m[0];
    out.push(typeof v === 'number' || typeof v === 'string' ? formatParam(v, locale) : v);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
