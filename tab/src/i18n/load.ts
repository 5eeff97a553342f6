import { addCatalogue, hasCatalogue, languageFor, type Catalogue, type Language } from "./index";
import { vocabularyCatalogue } from "./vocabulary";

// Each language is its own chunks (the tab's strings and the shared vocabulary's words): a page
// downloads only the language it shows.
const loaders: Record<Language, () => Promise<Catalogue>> = {
  sv: () => Promise.all([import("./sv.json"), import("@fact-board/contract/words/sv")]).then(([s, w]) => ({ ...s.default, ...vocabularyCatalogue(w.words) })),
  en: () => Promise.all([import("./en.json"), import("@fact-board/contract/words/en")]).then(([s, w]) => ({ ...s.default, ...vocabularyCatalogue(w.words) })),
};

const loading: Partial<Record<Language, Promise<void>>> = {};

/** Loads the catalogue for a locale (once); safe to start early and await again later. */
export function loadCatalogue(locale: string | undefined): Promise<void> {
  const language = languageFor(locale);
  if (hasCatalogue(language)) return Promise.resolve();
  return (loading[language] ??= loaders[language]().then((catalogue) => addCatalogue(language, catalogue)));
}
