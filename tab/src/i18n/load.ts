import { addCatalogue, hasCatalogue, languageFor, type Catalogue, type Language } from "./index";

// Each catalogue is its own chunk: a page downloads only the language it shows.
const loaders: Record<Language, () => Promise<{ default: Catalogue }>> = {
  sv: () => import("./sv.json"),
  en: () => import("./en.json"),
};

const loading: Partial<Record<Language, Promise<void>>> = {};

/** Loads the catalogue for a locale (once); safe to start early and await again later. */
export function loadCatalogue(locale: string | undefined): Promise<void> {
  const language = languageFor(locale);
  if (hasCatalogue(language)) return Promise.resolve();
  return (loading[language] ??= loaders[language]().then((m) => addCatalogue(language, m.default)));
}
