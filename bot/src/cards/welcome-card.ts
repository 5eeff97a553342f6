import { type AdaptiveCard, type Locale, card, text, title } from "./card-kit";
import { t } from "./strings";

export type InstallScope = "personal" | "team" | "groupChat";

/** Sent once when the app is installed: what this conversation will get, and what it never shows. */
export function buildWelcomeCard(scope: InstallScope, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const body = scope === "personal" ? s.welcomePersonal : scope === "team" ? s.welcomeTeam : s.welcomeGroupChat;
  return card([title(s.welcomeTitle), text(body)], { fallbackText: s.welcomeTitle });
}
