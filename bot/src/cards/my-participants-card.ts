import type { MyParticipantsView } from "../core";
import { type AdaptiveCard, type CardElement, type HowShown, type Locale, card, notice, text, title } from "./card-kit";
import { t } from "./strings";
import type { RefOf } from "./verbs";

/** Personal chat only: the viewer's own participants (as case manager or cover) they may see, with each consent by organisation name. */
export type MyParticipantsData = MyParticipantsView & HowShown;

/** A card has to stay small (Teams caps a message at ~28 KB); the rest is on the board. */
export const MAX_LISTED = 25;

export function buildMyParticipantsCard(data: MyParticipantsData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const ref: RefOf<"myParticipants"> = { card: "myParticipants", boardId: data.boardId };
  const shown = data.participants.slice(0, MAX_LISTED);
  const rows: CardElement[] = shown.map((p) => ({
    type: "Container",
    separator: true,
    items: [
      text(`**${p.code}** (${p.initials})${p.onBoard ? ` · ${s.onBoard}` : ""}`),
      ...(p.consents.length > 0
        ? [
            text(p.consents.map((c) => `${c.organisation}: ${s.consentStatus[c.status]}`).join(" · "), {
              isSubtle: true,
              size: "small" as const,
              spacing: "none" as const,
            }),
          ]
        : []),
      ...(p.consentProblem
        ? [text(s.consentProblem, { color: "attention" as const, size: "small" as const, spacing: "none" as const })]
        : []),
    ],
  }));
  const body: CardElement[] = [...notice(data.message), title(s.myParticipants)];
  if (shown.length === 0) body.push(text(s.noParticipants));
  body.push(...rows);
  if (data.participants.length > MAX_LISTED) body.push(text(s.more(data.participants.length - MAX_LISTED), { isSubtle: true }));
  if (data.hiddenCount > 0) body.push(text(s.hiddenParticipants(data.hiddenCount), { isSubtle: true, size: "small" }));
  return card(body, { refresh: { data: ref, userIds: data.refreshUserIds }, fallbackText: s.myParticipants });
}
