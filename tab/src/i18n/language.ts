// Which language a locale shows, and where its words are: without i18next, so that the page's
// first script (start-host.ts) can start downloading them before the application has arrived.

export type Language = "sv" | "en";

/** Swedish by default; English when the viewer's (Teams) locale is English. */
export function languageFor(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith("en") ? "en" : "sv";
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
