import { create } from 'zustand';
import type { Messages } from '../i18n/core';

/** The app's language (src/i18n/index.ts owns the rules; this is only where the state lives). */
export interface LocaleState<L extends string = string> {
  lang: L;
  /** BCP 47 tag for Intl: the browser's own tag when it is a variant of `lang` (en-GB dates). */
  locale: string;
  /** The active non-English catalogue; English comes from each namespace's own module. */
  catalog: Record<string, Messages> | null;
}

export const createLocaleStore = <L extends string>(initial: LocaleState<L>) => create<LocaleState<L>>()(() => initial);
