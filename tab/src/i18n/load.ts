import { addAdminWords, addCatalogue, hasCatalogue, loadedLanguages, type FirstCatalogue } from "./index";
import { type Language, adminCatalogueChunk, catalogueChunks, languageFor } from "./language";
import { termsCatalogue, vocabularyCatalogue } from "./vocabulary";

const load = (language: Language): Promise<FirstCatalogue> =>
  catalogueChunks(language).then(([strings, words]) => ({
    ...strings.default,
    ...vocabularyCatalogue(words.words),
    ...termsCatalogue(words.terms),
  }));

const loading: Partial<Record<Language, Promise<void>>> = {};

/** Loads the catalogue for a locale (once); safe to start early and await again later. */
export function loadCatalogue(locale: string | undefined): Promise<void> {
  const language = languageFor(locale);
  if (hasCatalogue(language)) return Promise.resolve();
  return (loading[language] ??= load(language).then((catalogue) => addCatalogue(language, catalogue)));
}

const adminLoading: Partial<Record<Language, Promise<void>>> = {};

/**
 * The setting-up and follow-up pages' words (Inställningar, Översikt, Logg), for every language
 * loaded: their pages wait for them as they load, so no board pays for them on its first screen.
 */
export function loadAdminWords(): Promise<void> {
  return Promise.all(
    loadedLanguages().map(
      (language) => (adminLoading[language] ??= adminCatalogueChunk(language).then((words) => addAdminWords(language, words.default))),
    ),
  ).then(() => undefined);
}
