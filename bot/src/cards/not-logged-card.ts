import { type AdaptiveCard, type Locale, card, text, title } from "./card-kit";
import { t } from "./strings";
import type { CardRef } from "./verbs";

/**
 * In place of a card whose read could not be written to the access log: no details at all, only
 * the error, and the same refresh so that the card comes back once the log can be written again.
 */
export interface NotLoggedData {
  ref: CardRef;
  refreshUserIds: string[];
}

export function buildNotLoggedCard(data: NotLoggedData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  return card([title(s.notLoggedTitle), text(s.notLoggedText, { color: "attention" })], {
    refresh: { data: data.ref, userIds: data.refreshUserIds },
    fallbackText: s.notLoggedTitle,
  });
}
