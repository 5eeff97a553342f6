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
  showCard,
  text,
  title,
} from "./card-kit";
import { dateRange } from "./format";
import { t } from "./strings";
import type { RefOf } from "./verbs";

/** An absence as its absent person (or their manager) follows it: who is asked, who covers, and a way to cancel it. */
export interface AbsenceCardData {
  boardId: string;
  absence: { id: string; etag: string; from: string; to: string; state: CoverState };
  /** Absent: the card is about the viewer themself. */
  absentMemberName?: string;
  askedSubstituteName?: string;
  coveredByName?: string;
  /** A cover from another organisation: which went where, as counts (never codes: the card may be read beside others). */
  split?: { toSubstitute: number; toOwnOrganisation: number; othersToName?: string };
  canCancel: boolean;
  message?: string;
  refreshUserIds: string[];
  /** "Öppna i FACT-tavlan": this item in the tab (itemDeepLink), where the same can be done. */
  openInBoard: string;
}

export function buildAbsenceCard(data: AbsenceCardData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const a = data.absence;
  const ref: RefOf<"absence"> = { card: "absence", boardId: data.boardId, absenceId: a.id };
  const own = data.absentMemberName === undefined;
  const status: CardElement[] =
    a.state === "requesting" && data.askedSubstituteName
      ? [text(s.whoIsAsked(data.askedSubstituteName))]
      : a.state === "covered" && data.coveredByName
        ? [
            text(own ? s.coveredBy(data.coveredByName) : s.coveredByFor(data.coveredByName, data.absentMemberName!), {
              color: "good",
              weight: "bolder",
            }),
          ]
        : a.state === "uncovered"
          ? [text(own ? s.nobodyToAsk : s.uncoveredTold, { color: "attention" })]
          : a.state === "cancelled"
            ? [text(s.absenceCancelled)]
            : [];
  if (a.state === "covered" && data.split && data.coveredByName)
    status.push(text(s.coverSplit(data.coveredByName, data.split.toSubstitute, data.split.toOwnOrganisation, data.split.othersToName)));
  const actions: CardAction[] = [];
  if (data.canCancel && a.state !== "cancelled") {
    actions.push(
      showCard(
        s.cancelAbsence,
        [text(s.cancelAbsenceText)],
        [execute(s.confirmCancelAbsence, "absence.cancel", { ...ref, etag: a.etag }, { style: "destructive", associatedInputs: "none" })],
      ),
    );
  }
  const acts = actions.length > 0;
  actions.push(openInBoardAction(s.openInBoard, data.openInBoard));
  return card(
    [
      ...notice(data.message),
      title(own ? s.yourAbsence : s.absenceOf(data.absentMemberName!)),
      facts([
        [s.dates, dateRange(a.from, a.to)],
        [s.state, s.coverState[a.state]],
      ]),
      ...status,
      ...(acts ? [text(s.openInBoardHint, { isSubtle: true, size: "small" as const })] : []),
    ],
    { actions, refresh: { data: ref, userIds: data.refreshUserIds }, fallbackText: own ? s.yourAbsence : s.coverTitle },
  );
}
