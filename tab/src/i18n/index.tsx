import { createContext, useContext, useMemo, type ReactNode } from "react";
import en from "./en.json";
import sv from "./sv.json";

export type MessageKey = keyof typeof sv;
export type Language = "sv" | "en";

// Every string the tab shows lives in sv.json / en.json; en must have every Swedish key (checked by tsc here).
const catalogs: Record<Language, Record<MessageKey, string>> = { sv, en };

/** Swedish by default; English when the viewer's (Teams) locale is English. */
export function languageFor(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith("en") ? "en" : "sv";
}

export type Vars = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  const template = catalogs[language][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** A calendar date (YYYY-MM-DD) is a local date: build it from its parts, never via UTC parsing. */
export function toLocalDate(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export interface I18n {
  language: Language;
  locale: string;
  t: (key: MessageKey, vars?: Vars) => string;
  formatDate: (date: string) => string;
  formatDateTime: (instant: string) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
}

export function createI18n(locale: string): I18n {
  const language = languageFor(locale);
  // Dates follow the viewer's own locale (en-GB vs en-US, sv-SE), falling back to the language.
  const dateLocale = [locale, language === "sv" ? "sv-SE" : "en-GB"];
  const dateFormat = new Intl.DateTimeFormat(dateLocale, { day: "numeric", month: "short", year: "numeric" });
  const dateTimeFormat = new Intl.DateTimeFormat(dateLocale, { dateStyle: "short", timeStyle: "short" });
  return {
    language,
    locale,
    t: (key, vars) => translate(language, key, vars),
    formatDate: (date) => dateFormat.format(toLocalDate(date)),
    formatDateTime: (instant) => dateTimeFormat.format(new Date(instant)),
    formatNumber: (value, options) => new Intl.NumberFormat(dateLocale, options).format(value),
  };
}

const I18nContext = createContext<I18n>(createI18n("sv-SE"));

export function I18nProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
