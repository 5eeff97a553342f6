import type { CoverState } from "@fact-board/contract";
import {
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type Locale,
  card,
  execute,
  facts,
  notice,
  openInBoardAction,
  text,
  title,
} from "./card-kit";
import { dateRange } from "./format";
import { t } from "./strings";
import type { RefOf } from "./verbs";

/**
 * Sent in personal chat to the substitute being asked. Colleagues' names are shown (it is a
 * colleague asking a colleague); the reason for the absence is not: "sick" is the absent person's own business.
 */
export interface CoverCardData {
  boardId: string;
  absence: { id: string; etag: string; from: string; to: string; state: CoverState };
  absentMemberName: string;
  askedSubstituteName?: string;
  coveredByName?: string;
  /** The viewer is the substitute being asked now (only they get the buttons). */
  viewerIsAsked: boolean;
  viewerIsCovering: boolean;
  message?: string;
  refreshUserIds: string[];
  /** "Öppna i FACT-tavlan": this item in the tab (itemDeepLink), where the same can be done. */
  openInBoard: string;
}

export function buildCoverCard(data: CoverCardData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const a = data.absence;
  const ref: RefOf<"cover"> = { card: "cover", boardId: data.boardId, absenceId: a.id };
  const body: CardElement[] = [
    ...notice(data.message),
    title(s.coverTitle),
    facts([
      [s.absentMember, data.absentMemberName],
      [s.dates, dateRange(a.from, a.to)],
      [s.state, s.coverState[a.state]],
      [s.askedSubstitute, a.state === "requesting" ? data.askedSubstituteName : undefined],
      [s.substitute, a.state === "covered" ? data.coveredByName : undefined],
    ]),
  ];
  const actions: CardAction[] = [];
  if (a.state === "requesting" && data.viewerIsAsked) {
    body.push(text(s.coverAsk(data.absentMemberName)));
    actions.push(
      execute(s.coverAccept, "cover.accept", { ...ref, etag: a.etag }, { style: "positive", associatedInputs: "none" }),
      execute(s.coverDecline, "cover.decline", { ...ref, etag: a.etag }, { associatedInputs: "none" }),
    );
  } else if (a.state === "covered" && data.viewerIsCovering) {
    body.push(text(s.coverYou, { color: "good", weight: "bolder" }));
  }
  if (actions.length > 0) body.push(text(s.openInBoardHint, { isSubtle: true, size: "small" }));
  actions.push(openInBoardAction(s.openInBoard, data.openInBoard));
  return card(body, { actions, refresh: { data: ref, userIds: data.refreshUserIds }, fallbackText: s.coverTitle });
}
