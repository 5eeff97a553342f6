import { type AdaptiveCard, type Locale, card, facts, text, title } from "./card-kit";
import { t } from "./strings";

/**
 * Posted to the meeting chat when the walkthrough ends: counts only, never a participant (the
 * chat is read by every attendee, whatever their organisation may see).
 */
export interface CheckInSummaryData {
  boardName: string;
  /** The recurring meeting it was (absent: the board's only, implicit, daily meeting). */
  meetingName?: string;
  date: string;
  counts: { reviewed: number; total: number; putOn: number; takenOff: number; actionsAgreed: number; notReached: number };
  /** Opens the board tab (boardTabDeepLink). */
  boardDeepLink: string;
}

export function buildCheckInSummaryCard(data: CheckInSummaryData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const c = data.counts;
  return card(
    [
      title(`${s.checkInSummaryTitle}: ${data.boardName}`),
      text(data.meetingName ? `${data.meetingName} · ${data.date}` : data.date, { isSubtle: true, spacing: "none" }),
      facts([
        [s.checkInReviewed, `${c.reviewed} ${s.ofTotal} ${c.total}`],
        [s.checkInPutOn, String(c.putOn)],
        [s.checkInTakenOff, String(c.takenOff)],
        [s.checkInActions, String(c.actionsAgreed)],
        [s.checkInNotReached, String(c.notReached)],
      ]),
      text(s.countsOnly, { isSubtle: true, size: "small" }),
    ],
    { actions: [{ type: "Action.OpenUrl", title: s.openBoard, url: data.boardDeepLink }], fallbackText: s.checkInSummaryTitle },
  );
}
