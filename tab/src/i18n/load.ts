import { addCatalogue, hasCatalogue, type Catalogue } from "./index";
import { type Language, catalogueChunks, languageFor } from "./language";
import { termsCatalogue, vocabularyCatalogue } from "./vocabulary";

const load = (language: Language): Promise<Catalogue> =>
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
