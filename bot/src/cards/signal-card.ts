import type { BoardReason, SignalState, Priority, SignalKind, Urgency } from "@fact-board/contract";
import {
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type Locale,
  card,
  execute,
  facts,
  openInBoardAction,
  notice,
  showCard,
  text,
  title,
} from "./card-kit";
import { t } from "./strings";
import type { RefOf } from "./verbs";

/**
 * A signal in one person's personal chat, built for them at send time and at each refresh. What it
 * may show is decided by the use-case (readSignal): absent fields are what this person may not see.
 * Shared conversations get buildSignalNoticeCard instead.
 */
export interface SignalCardData {
  boardId: string;
  signal: {
    id: string;
    etag: string;
    /** Only to a viewer who may read the sender's writing about this participant. */
    kind?: SignalKind;
    urgency: Urgency;
    state: SignalState;
    proposeBoard: boolean;
    /** Local time, already formatted. */
    raisedAt: string;
    answerBy: string;
    overdue: boolean;
    /** Its cards reached nobody of the receiving organisation: it waits in their Att göra. */
    notReached?: boolean;
    note?: string;
    declineReason?: string;
  };
  /** Only to a viewer whose organisation may see the participant now. */
  participant?: {
    id: string;
    code: string;
    initials: string;
    onBoard: boolean;
  };
  fromOrganisation: string;
  toOrganisation: string;
  /** What this person may do now, decided by the state machine and the permission matrix. */
  viewer: { acknowledge: boolean; resolve: boolean; decline: boolean; putOnBoard: boolean };
  /** Today, for the default next evaluation date when putting on the board. */
  today: string;
  defaultNextEvaluationOn: string;
  message?: string;
  refreshUserIds: string[];
  /** "Öppna i FACT-tavlan": this item in the tab (itemDeepLink), where the same can be done. */
  openInBoard: string;
}

const KIND_TO_REASON: Record<SignalKind, BoardReason> = {
  morePsychiatricSupport: "coordinationNeed",
  lessPsychiatricSupport: "coordinationNeed",
  moreMunicipalSupport: "coordinationNeed",
  lessMunicipalSupport: "coordinationNeed",
  concern: "crisis",
};

export function buildSignalCard(data: SignalCardData, locale: Locale): AdaptiveCard {
  const s = t(locale);
  const e = data.signal;
  const p = data.participant;
  const ref: RefOf<"signal"> = { card: "signal", boardId: data.boardId, signalId: e.id, audience: "personal" };

  const body: CardElement[] = [
    ...notice(data.message),
    title(e.kind ? `${s.signalTitle}: ${s.signalKind[e.kind]}` : s.signalTitle),
    facts([
      [s.participant, p ? `${p.code} (${p.initials})` : s.detailsHidden],
      [s.from, data.fromOrganisation],
      [s.to, data.toOrganisation],
      [s.urgencyLabel, s.urgency[e.urgency]],
      [s.state, s.signalState[e.state]],
      [s.raisedAt, e.raisedAt],
      [s.answerBy, e.state === "open" ? e.answerBy : undefined],
      [s.note, e.note],
      [s.declineReason, e.state === "declined" ? e.declineReason : undefined],
    ]),
  ];
  if (!p) body.push(text(s.signalHiddenText, { isSubtle: true }));
  if (e.overdue && e.state === "open") body.push(text(s.overdue, { color: "attention", weight: "bolder" }));
  if (e.notReached) body.push(text(s.signalNotReached, { color: "attention" }));
  if (p && e.proposeBoard && !p.onBoard) body.push(text(s.proposesBoard, { isSubtle: true }));

  const actions: CardAction[] = [];
  const v = data.viewer;
  const withEtag = { ...ref, etag: e.etag };
  if (v.acknowledge) actions.push(execute(s.acknowledge, "signal.acknowledge", withEtag, { style: "positive", associatedInputs: "none" }));
  if (p && v.putOnBoard && !p.onBoard) actions.push(putOnBoardAction(data, p.id, ref, locale));
  if (v.resolve) actions.push(execute(s.resolve, "signal.resolve", withEtag, { associatedInputs: "none" }));
  if (v.decline) {
    actions.push(
      showCard(
        s.declineWithReason,
        [
          {
            type: "Input.Text",
            id: "declineReason",
            label: s.declineReason,
            isRequired: true,
            errorMessage: s.requiredReason,
            maxLength: 200,
          },
        ],
        [execute(s.sendDecline, "signal.decline", withEtag, { style: "destructive" })],
      ),
    );
  }
  if (actions.length > 0) body.push(text(s.openInBoardHint, { isSubtle: true, size: "small" }));
  actions.push(openInBoardAction(s.openInBoard, data.openInBoard));
  // The fallback text shows in notifications and the chat list: no participant in it.
  return card(body, { actions, refresh: { data: ref, userIds: data.refreshUserIds }, fallbackText: s.signalTitle });
}

function putOnBoardAction(data: SignalCardData, participantId: string, ref: RefOf<"signal">, locale: Locale): CardAction {
  const s = t(locale);
  const reasons = Object.entries(s.boardReason).map(([value, label]) => ({ title: label, value }));
  const priorities = (["high", "medium", "low"] as Priority[]).map((p) => ({ title: s.priority[p], value: p }));
  return showCard(
    s.putOnBoard,
    [
      {
        type: "Input.ChoiceSet",
        id: "reason",
        label: s.reason,
        choices: reasons,
        value: data.signal.kind ? KIND_TO_REASON[data.signal.kind] : "coordinationNeed",
        isRequired: true,
        errorMessage: s.requiredChoice,
        style: "compact",
      },
      {
        type: "Input.ChoiceSet",
        id: "priority",
        label: s.priorityLabel,
        choices: priorities,
        value: data.signal.urgency === "today" ? "high" : "medium",
        isRequired: true,
        errorMessage: s.requiredChoice,
        style: "compact",
      },
      {
        type: "Input.Date",
        id: "nextEvaluationOn",
        label: s.nextEvaluation,
        value: data.defaultNextEvaluationOn,
        min: data.today,
        isRequired: true,
        errorMessage: s.requiredDate,
      },
    ],
    [execute(s.putOnBoard, "signal.putOnBoard", { ...ref, participantId }, { style: "positive" })],
  );
}
