import type { MyParticipantsView } from "../core";
import {
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type HowShown,
  type Locale,
  card,
  execute,
  notice,
  text,
  title,
  openInBoardAction,
} from "./card-kit";
import { plansLine } from "./plans-card";
import { t } from "./strings";
import type { RefOf } from "./verbs";

/**
 * Personal chat only: the viewer's own participants (as case manager or cover) they may see, with
 * each consent by organisation name and the plans as stated; the header says what the board is and
 * how much of its counted caseload is on it, as every surface's header does (issue 24).
 */
export type MyParticipantsData = MyParticipantsView &
  HowShown & {
    /** "Om tavlan": the team's routine and admission criteria. */
    aboutUrl?: string;
    /** "Öppna i FACT-tavlan": the personal tab's Mina deltagare, where each one's drawer sets the same plans. */
    openInBoard: string;
  };

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
      text(plansLine(p.plans, s), { size: "small" as const, spacing: "none" as const }),
      ...(p.plans.sip.followUpOverdue
        ? [text(s.sipFollowUpOverdue, { color: "attention" as const, size: "small" as const, spacing: "none" as const })]
        : []),
      ...(p.plans.may?.set
        ? [
            {
              type: "ActionSet" as const,
              actions: [
                execute(
                  `${s.editPlans} ${p.code}`,
                  "open.participantPlans",
                  { card: "participantPlans", boardId: data.boardId, participantId: p.id },
                  { associatedInputs: "none" },
                ),
              ],
            },
          ]
        : []),
    ],
  }));
  const body: CardElement[] = [
    ...notice(data.message),
    title(s.myParticipants),
    text(`${data.board.name} · ${s.boardModel[data.board.model]} · ${s.caseloadShare(data.board.onBoard, data.board.caseload)}`, {
      isSubtle: true,
      size: "small",
      spacing: "none",
    }),
  ];
  if (shown.length === 0) body.push(text(s.noParticipants));
  body.push(...rows);
  if (data.participants.length > MAX_LISTED) body.push(text(s.more(data.participants.length - MAX_LISTED), { isSubtle: true }));
  if (data.hiddenCount > 0) body.push(text(s.hiddenParticipants(data.hiddenCount), { isSubtle: true, size: "small" }));
  if (shown.some((p) => p.plans.may?.set)) body.push(text(s.openInBoardHint, { isSubtle: true, size: "small" }));
  const actions: CardAction[] = [openInBoardAction(s.openInBoard, data.openInBoard)];
  if (data.aboutUrl) actions.push({ type: "Action.OpenUrl", title: s.aboutBoard, url: data.aboutUrl });
  return card(body, { actions, refresh: { data: ref, userIds: data.refreshUserIds }, fallbackText: s.myParticipants });
}
