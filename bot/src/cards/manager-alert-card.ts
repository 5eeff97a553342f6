import type { CoverState, SignalState, SignalKind, Urgency } from "@fact-board/contract";
import {
  type AdaptiveCard,
  type CardAction,
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
import type { CardRef } from "./verbs";

/** Personal cards to the manager (enhetschef) of the organisation concerned. */
export type ManagerAlertData =
  | {
      kind: "coverWithoutSubstitute";
      boardId: string;
      absence: { id: string; from: string; to: string; state: CoverState; etag?: string };
      /** The manager may cancel the absence from the alert (the ETag of the absence read). */
      canCancel?: boolean;
      absentMemberName: string;
      /** "Öppna i FACT-tavlan": the absence or signal in the tab. */
      openInBoard: string;
      message?: string;
      refreshUserIds: string[];
    }
  | {
      kind: "unansweredSignal";
      boardId: string;
      /** `kind` only for a manager who may read the sender's writing about the participant now. */
      signal: { id: string; kind?: SignalKind; urgency: Urgency; state: SignalState; raisedAt: string; answerBy: string };
      /** Only for a manager whose organisation may see the participant now (decided per recipient, at each build). */
      participantCode?: string;
      fromOrganisation: string;
      toOrganisation: string;
      /** "reminder" goes to the receiving coordinators first; "manager" when still unanswered. */
      stage: "reminder" | "manager";
      /** "Öppna i FACT-tavlan": the absence or signal in the tab. */
      openInBoard: string;
      message?: string;
      refreshUserIds: string[];
    };

export function buildManagerAlertCard(data: ManagerAlertData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const actions: CardAction[] = [openInBoardAction(s.openInBoard, data.openInBoard)];
  if (data.kind === "coverWithoutSubstitute") {
    const ref: CardRef = { card: "coverAlert", boardId: data.boardId, absenceId: data.absence.id };
    const stillOpen = data.absence.state === "uncovered";
    if (data.canCancel && data.absence.etag && data.absence.state !== "cancelled") {
      actions.push(
        showCard(
          s.cancelAbsence,
          [text(s.cancelAbsenceText)],
          [
            execute(
              s.confirmCancelAbsence,
              "absence.cancel",
              { ...ref, etag: data.absence.etag },
              { style: "destructive", associatedInputs: "none" },
            ),
          ],
        ),
      );
    }
    return card(
      [
        ...notice(data.message),
        title(`${s.managerAlertTitle}: ${s.coverWithoutSubstitute}`),
        facts([
          [s.absentMember, data.absentMemberName],
          [s.dates, dateRange(data.absence.from, data.absence.to)],
          [s.state, s.coverState[data.absence.state]],
        ]),
        ...(stillOpen ? [text(s.coverWithoutSubstituteText, { color: "attention" as const })] : []),
        ...(actions.length > 1 ? [text(s.openInBoardHint, { isSubtle: true, size: "small" as const })] : []),
      ],
      { actions, refresh: { data: ref, userIds: data.refreshUserIds }, fallbackText: s.coverWithoutSubstitute },
    );
  }
  const e = data.signal;
  const ref: CardRef = { card: "signalAlert", boardId: data.boardId, signalId: e.id };
  const heading = data.stage === "reminder" ? s.reminderTitle : `${s.managerAlertTitle}: ${s.unansweredSignal}`;
  return card(
    [
      ...notice(data.message),
      title(heading),
      facts([
        [s.participant, data.participantCode ?? s.detailsHidden],
        [s.signalTitle, e.kind ? s.signalKind[e.kind] : undefined],
        [s.from, data.fromOrganisation],
        [s.to, data.toOrganisation],
        [s.urgencyLabel, s.urgency[e.urgency]],
        [s.raisedAt, e.raisedAt],
        [s.answerBy, e.answerBy],
        [s.state, s.signalState[e.state]],
      ]),
      ...(e.state === "open" ? [text(s.unansweredSignalText, { color: "attention" as const })] : []),
    ],
    { actions, refresh: { data: ref, userIds: data.refreshUserIds }, fallbackText: s.unansweredSignal },
  );
}
