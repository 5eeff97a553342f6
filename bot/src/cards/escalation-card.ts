import type { BoardReason, EscalationState, Priority, SignalKind, Urgency } from "@fact-board/contract";
import { type AdaptiveCard, type CardAction, type CardElement, type Locale, card, execute, facts, notice, showCard, text, title } from "./card-kit";
import { t } from "./strings";
import type { RefOf } from "./verbs";

export interface EscalationCardData {
  boardId: string;
  audience: "personal" | "channel";
  escalation: {
    id: string;
    etag: string;
    kind: SignalKind;
    urgency: Urgency;
    state: EscalationState;
    proposeBoard: boolean;
    /** Local time, already formatted. */
    raisedAt: string;
    answerBy: string;
    overdue: boolean;
    /** Shown in personal chat only, and only to a viewer whose organisation may read it. */
    note?: string;
    declineReason?: string;
  };
  participant: {
    id: string;
    code: string;
    /** Shown in personal chat only, and only to a viewer who may see the participant. */
    initials?: string;
    onBoard: boolean;
  };
  fromOrganisation: string;
  toOrganisation: string;
  /**
   * What the person looking at the card may do now, already decided by the state machine
   * (canApplyEscalationEvent) and the permission matrix (isAllowed). Absent: the card as posted,
   * for whoever has not refreshed it: no buttons, a hint instead.
   */
  viewer?: { acknowledge: boolean; resolve: boolean; decline: boolean; putOnBoard: boolean };
  /** Today, for the default next evaluation date when putting on the board. */
  today: string;
  defaultNextEvaluationOn: string;
  message?: string;
  refreshUserIds: string[];
}

const KIND_TO_REASON: Record<SignalKind, BoardReason> = {
  morePsychiatricSupport: "coordinationNeed",
  lessPsychiatricSupport: "coordinationNeed",
  moreMunicipalSupport: "coordinationNeed",
  lessMunicipalSupport: "coordinationNeed",
  concern: "crisis",
};

export function buildEscalationCard(data: EscalationCardData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const e = data.escalation;
  const personal = data.audience === "personal";
  const ref: RefOf<"escalation"> = { card: "escalation", boardId: data.boardId, escalationId: e.id, audience: data.audience };
  const who = personal && data.participant.initials ? `${data.participant.code} (${data.participant.initials})` : data.participant.code;

  const body: CardElement[] = [
    ...notice(data.message),
    title(`${s.signalTitle}: ${s.signalKind[e.kind]}`),
    facts([
      [s.participant, who],
      [s.from, data.fromOrganisation],
      [s.to, data.toOrganisation],
      [s.urgencyLabel, s.urgency[e.urgency]],
      [s.state, s.escalationState[e.state]],
      [s.raisedAt, e.raisedAt],
      [s.answerBy, e.state === "open" ? e.answerBy : undefined],
      [s.note, personal ? e.note : undefined],
      [s.declineReason, personal && e.state === "declined" ? e.declineReason : undefined],
    ]),
  ];
  if (e.overdue && e.state === "open") body.push(text(s.overdue, { color: "attention", weight: "bolder" }));
  if (e.proposeBoard && !data.participant.onBoard) body.push(text(s.proposesBoard, { isSubtle: true }));

  const actions: CardAction[] = [];
  const v = data.viewer;
  if (!v) {
    if (e.state === "open" || e.state === "acknowledged") body.push(text(s.channelButtonsHint, { isSubtle: true, size: "small" }));
  } else {
    const withEtag = { ...ref, etag: e.etag };
    if (v.acknowledge) actions.push(execute(s.acknowledge, "escalation.acknowledge", withEtag, { style: "positive", associatedInputs: "none" }));
    if (v.putOnBoard && !data.participant.onBoard) actions.push(putOnBoardAction(data, ref, locale));
    if (v.resolve) actions.push(execute(s.resolve, "escalation.resolve", withEtag, { associatedInputs: "none" }));
    if (v.decline) {
      actions.push(
        showCard(
          s.declineWithReason,
          [{ type: "Input.Text", id: "declineReason", label: s.declineReason, isRequired: true, errorMessage: s.requiredReason, maxLength: 200 }],
          [execute(s.sendDecline, "escalation.decline", withEtag, { style: "destructive" })],
        ),
      );
    }
  }
  return card(body, { actions, refresh: { data: ref, userIds: data.refreshUserIds }, fallbackText: `${s.signalTitle}: ${data.participant.code}` });
}

function putOnBoardAction(data: EscalationCardData, ref: RefOf<"escalation">, locale: Locale): CardAction {
  const s = t(locale);
  const reasons = Object.entries(s.boardReason).map(([value, label]) => ({ title: label, value }));
  const priorities = (["high", "medium", "low"] as Priority[]).map((p) => ({ title: s.priority[p], value: p }));
  return showCard(
    s.putOnBoard,
    [
      { type: "Input.ChoiceSet", id: "reason", label: s.reason, choices: reasons, value: KIND_TO_REASON[data.escalation.kind], isRequired: true, errorMessage: s.requiredChoice, style: "compact" },
      { type: "Input.ChoiceSet", id: "priority", label: s.priorityLabel, choices: priorities, value: data.escalation.urgency === "today" ? "high" : "medium", isRequired: true, errorMessage: s.requiredChoice, style: "compact" },
      { type: "Input.Date", id: "nextEvaluationOn", label: s.nextEvaluation, value: data.defaultNextEvaluationOn, min: data.today, isRequired: true, errorMessage: s.requiredDate },
    ],
    [execute(s.putOnBoard, "escalation.putOnBoard", { ...ref, participantId: data.participant.id }, { style: "positive" })],
  );
}
