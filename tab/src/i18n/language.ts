// Which language a locale shows, and where its words are: without i18next, so that the page's
// first script (start-host.ts) can start downloading them before the application has arrived.

export type Language = "sv" | "en";

/** Swedish by default; English when the viewer's (Teams) locale is English. */
export function languageFor(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith("en") ? "en" : "sv";
}

/** How the board shows a calendar date (i18n/index.tsx formatsFor): "24 nov. 2026". */
export const DATE_FORMAT: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };

/** The locales Intl is asked for: the viewer's own (en-GB vs en-US), then their language's. */
export function intlLocales(locale: string): string[] {
  return [locale, languageFor(locale) === "sv" ? "sv-SE" : "en-GB"];
}

/**
 * The first Intl formatter of a page costs tens of milliseconds (its locale's data loads); a later
 * one about one. The first screen needs none (plain-formats.ts); once the board is on screen
 * (BoardShell.tsx) one is built in idle time, so that the first drawer opened does not pay it.
 */
export function warmDateFormat(locale: string): void {
  new Intl.DateTimeFormat(intlLocales(locale), DATE_FORMAT).format(0);
}

// Each language is its own chunks (the tab's strings and the shared vocabulary's words): a page
// downloads only the language it shows.
const chunks = {
  sv: () => Promise.all([import("./sv.json"), import("@fact-board/contract/words/sv")]),
  en: () => Promise.all([import("./en.json"), import("@fact-board/contract/words/en")]),
} satisfies Record<Language, () => Promise<unknown>>;

/** The language's chunks: its strings and its words. Asking again takes them from the module cache. */
export function catalogueChunks(language: Language) {
  return chunks[language]();
}

// The setting-up and follow-up pages' words: a chunk of their own, loaded with those pages.
const adminChunks = {
  sv: () => import("./sv-admin.json"),
  en: () => import("./en-admin.json"),
} satisfies Record<Language, () => Promise<unknown>>;

export function adminCatalogueChunk(language: Language) {
  return adminChunks[language]();
}
