import { type AdaptiveCard, type Locale, card, execute, notice, text, title } from "./card-kit";
import { t } from "./strings";

/** Each language is named in itself, so whoever cannot read the other finds their own. */
const NAMES: Record<Locale, string> = { sv: "Svenska", en: "English" };

export function buildLanguageCard(locale: Locale, message?: string): AdaptiveCard {
  const s = t(locale);
  return card([...notice(message), title(s.languageTitle), text(s.languageIntro)], {
    actions: (["sv", "en"] as Locale[]).map((l) =>
      execute(
        NAMES[l],
        "language.choose",
        { card: "help", language: l },
        { ...(l === locale ? { style: "positive" as const } : {}), associatedInputs: "none" },
      ),
    ),
    fallbackText: s.languageTitle,
  });
}
