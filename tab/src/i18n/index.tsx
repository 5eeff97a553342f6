import i18next, { type ParseKeys, type TFunction, type i18n as I18next } from "i18next";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import type sv from "./sv.json";
import type svAdmin from "./sv-admin.json";
import type { TermsCatalogue, VocabularyCatalogue } from "./vocabulary";

import { DATE_FORMAT, type Language, intlLocales, languageFor } from "./language";
import { plainFormatsFor, wholePercent } from "./plain-formats";

export { type Language, languageFor };
/** A key of sv.json, without plural suffixes (typed via i18next.d.ts). */
export type MessageKey = ParseKeys;

/**
 * One language's strings: sv.json's keys (en.json has the same, checked by i18n.test.ts), the shared
 * vocabulary's and terms, and the setting-up and follow-up pages' words (sv-admin.json), which load
 * with those pages (load.ts `loadAdminWords`) rather than with every board.
 */
export type Catalogue = typeof sv & typeof svAdmin & VocabularyCatalogue & TermsCatalogue;
/** What every surface needs at once: the catalogue without the admin pages' words. */
export type FirstCatalogue = Omit<Catalogue, keyof typeof svAdmin>;

/**
 * One i18next instance per language, ready at once once its catalogue is there. A page loads only
 * its own language's catalogue (load.ts); both have every key, so no fallback language is needed.
 */
function createI18next(language: Language, catalogue: FirstCatalogue): I18next {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    resources: { [language]: { translation: catalogue } },
    initAsync: false,
    // The catalogs are flat ("board.count"), not nested objects.
    keySeparator: false,
    nsSeparator: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  });
  return instance;
}

const instances: Partial<Record<Language, I18next>> = {};

/** Makes a language's catalogue available (load.ts fetches it; tests register both). */
export function addCatalogue(language: Language, catalogue: FirstCatalogue): void {
  instances[language] ??= createI18next(language, catalogue);
}

/** Adds the admin pages' words to a loaded language (load.ts). */
export function addAdminWords(language: Language, words: typeof svAdmin): void {
  instances[language]?.addResourceBundle(language, "translation", words, true, true);
}

/** The languages whose catalogue is loaded. */
export const loadedLanguages = (): Language[] => (Object.keys(instances) as Language[]).filter((l) => instances[l] !== undefined);

export function hasCatalogue(language: Language): boolean {
  return instances[language] !== undefined;
}

/** The i18next instance for a viewer's locale (outside React: tests, non-component code); its catalogue must be loaded. */
export function i18nextFor(locale: string | undefined): I18next {
  const instance = instances[languageFor(locale)];
  if (!instance) throw new Error(`the ${languageFor(locale)} catalogue is not loaded`);
  return instance;
}

/** A calendar date (YYYY-MM-DD) is a local date: build it from its parts, never via UTC parsing. */
export function toLocalDate(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export interface Formats {
  formatDate: (date: string) => string;
  /** An instant (ISO 8601 with offset), shown in the viewer's time zone. */
  formatDateTime: (instant: string) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** `part` of `whole` as a whole percent: "6 %". */
  formatShare: (part: number, whole: number) => string;
}

// Building an Intl formatter costs about a millisecond in Chromium (the first one of a page far
// more: plain-formats.ts), using one microseconds; every component that shows a date asks for the
// formats, so each is built once per locale, when first used.
const formatsByLocale = new Map<string, Formats>();

const once = <T,>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

/** Dates and numbers follow the viewer's own locale (en-GB vs en-US, sv-SE), falling back to the language. */
export function formatsFor(locale: string): Formats {
  const known = formatsByLocale.get(locale);
  if (known) return known;
  const intlLocale = intlLocales(locale);
  const dateFormat = once(() => new Intl.DateTimeFormat(intlLocale, DATE_FORMAT));
  // "medium", like formatDate: sv-SE's short date style is 2026-11-25, which reads as a raw ISO string.
  const dateTimeFormat = once(() => new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short" }));
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const plain = plainFormatsFor(locale);
  const formats: Formats = {
    formatDate: (date) => {
      if (!plain) return dateFormat().format(toLocalDate(date));
      const [y, m, d] = date.split("-").map(Number);
      return plain.date(d ?? 1, (m ?? 1) - 1, y ?? 1970);
    },
    formatDateTime: (instant) => dateTimeFormat().format(new Date(instant)),
    formatNumber: (value, options) => {
      const key = options ? JSON.stringify(options) : "";
      let format = numberFormats.get(key);
      if (!format) {
        format = new Intl.NumberFormat(intlLocale, options);
        numberFormats.set(key, format);
      }
      return format.format(value);
    },
    formatShare: (part, whole) =>
      plain
        ? plain.percent(wholePercent(part, whole))
        : formats.formatNumber(whole ? part / whole : 0, { style: "percent", maximumFractionDigits: 0 }),
  };
  formatsByLocale.set(locale, formats);
  return formats;
}

export interface I18n extends Formats {
  language: Language;
  locale: string;
  t: TFunction;
}

// i18next knows only the language; the full locale (for Intl) travels beside it.
const LocaleContext = createContext("sv-SE");

export function I18nProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18nextFor(locale)}>
      <LocaleContext value={locale}>{children}</LocaleContext>
    </I18nextProvider>
  );
}

export function useI18n(): I18n {
  const { t, i18n } = useTranslation();
  const locale = useContext(LocaleContext);
  const language = languageFor(i18n.language);
  return useMemo(() => ({ t, language, locale, ...formatsFor(locale) }), [t, language, locale]);
}
