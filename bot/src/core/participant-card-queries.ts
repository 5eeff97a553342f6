import type { ConsentStatus, SignalKind, SignalState, Urgency } from "@fact-board/contract";
import { addDays } from "../domain/dates";
import type { Actor, BoardId, Member, OrganisationId, ParticipantId } from "../domain/types";
import { todayOf, type UseCaseDeps } from "../use-cases/deps";
import { readConsentFor } from "../use-cases/read-consent";
import { readSignal, type SignalForViewer } from "../use-cases/read-signal";

// The cards that show a participant, for one member in their personal chat: each is the answer of
// a use-case read (readSignal, readConsentFor) that decides what this person may see and do now and
// writes the access log (channel `bot`) before anything is shown. Absent fields are what they may
// not see. Times are instants; the card shows them in `timeZone`.

/** Cards are read as the person, through the bot: what the access log records. */
export const cardReader = (member: Member): Actor => ({ member, channel: "bot" });

export interface SignalCardView {
  boardId: BoardId;
  signal: SignalForViewer["signal"] & { kind?: SignalKind; note?: string; declineReason?: string };
  participant?: SignalForViewer["participant"];
  fromOrganisation: string;
  toOrganisation: string;
  rights: SignalForViewer["rights"];
  /** Today, and the next evaluation a "put on the board" from the card proposes. */
  today: string;
  defaultNextEvaluationOn: string;
  timeZone: string;
}

export async function viewSignalCard(deps: UseCaseDeps, member: Member, boardId: BoardId, signalId: string): Promise<SignalCardView> {
  const answer = await readSignal(deps, cardReader(member), boardId, signalId);
  const today = todayOf(deps);
  return {
    boardId,
    signal: { ...answer.signal, ...answer.details },
    ...(answer.participant ? { participant: answer.participant } : {}),
    fromOrganisation: answer.fromOrganisation,
    toOrganisation: answer.toOrganisation,
    rights: answer.rights,
    today,
    defaultNextEvaluationOn: addDays(today, 7),
    timeZone: deps.timeZone,
  };
}

/** The reminder or the manager's alert about an unanswered signal: the same read, fewer details. */
export interface SignalAlertView {
  boardId: BoardId;
  boardName: string;
  signal: { id: string; kind?: SignalKind; urgency: Urgency; state: SignalState; raisedAt: string; answerBy: string };
  participantCode?: string;
  fromOrganisation: string;
  toOrganisation: string;
  stage: "reminder" | "manager";
  timeZone: string;
}

export async function viewSignalAlert(deps: UseCaseDeps, member: Member, boardId: BoardId, signalId: string): Promise<SignalAlertView> {
  const [answer, board] = await Promise.all([readSignal(deps, cardReader(member), boardId, signalId), deps.storage.boards.get(boardId)]);
  const s = answer.signal;
  return {
    boardId,
    boardName: board?.name ?? "FACT",
    signal: {
      id: s.id,
      ...(answer.details?.kind ? { kind: answer.details.kind } : {}),
      urgency: s.urgency,
      state: s.state,
      raisedAt: s.raisedAt,
      answerBy: s.answerBy,
    },
    ...(answer.participant ? { participantCode: answer.participant.code } : {}),
    fromOrganisation: answer.fromOrganisation,
    toOrganisation: answer.toOrganisation,
    stage: "manager",
    timeZone: deps.timeZone,
  };
}

export interface ConsentCardView {
  boardId: BoardId;
  participant: { id: string; code: string; initials: string };
  disclosingOrganisation: { id: OrganisationId; name: string };
  receivingOrganisations: Array<{ id: OrganisationId; name: string; selected: boolean }>;
  status: ConsentStatus;
  daysUntilExpiry?: number;
  givenOn?: string;
  validUntil?: string;
  withdrawnOn?: string;
  etag?: string;
  canRecord: boolean;
  today: string;
  /** A new consent's suggested "valid until": a year on. */
  defaultValidUntil: string;
}

export async function viewConsentCard(
  deps: UseCaseDeps,
  member: Member,
  boardId: BoardId,
  participantId: ParticipantId,
  disclosingOrganisationId: OrganisationId,
): Promise<ConsentCardView> {
  const answer = await readConsentFor(deps, cardReader(member), boardId, participantId, disclosingOrganisationId);
  const c = answer.consent;
  const today = todayOf(deps);
  return {
    boardId,
    participant: answer.participant,
    disclosingOrganisation: answer.disclosingOrganisation,
    receivingOrganisations: answer.receivingOrganisations,
    status: c.status,
    ...(c.daysUntilExpiry !== undefined ? { daysUntilExpiry: c.daysUntilExpiry } : {}),
    ...(c.givenOn ? { givenOn: c.givenOn } : {}),
    ...(c.validUntil ? { validUntil: c.validUntil } : {}),
    ...(c.withdrawnOn ? { withdrawnOn: c.withdrawnOn } : {}),
    ...(c.etag ? { etag: c.etag } : {}),
    canRecord: answer.canRecord,
    today,
    defaultValidUntil: addDays(today, 365),
  };
}
