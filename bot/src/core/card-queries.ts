import type { BoardModel, ConsentStatus, PlansView } from "@fact-board/contract";
import { NotFound } from "../domain/errors";
import type { BoardId, Member } from "../domain/types";
import { AccessNotLogged } from "../use-cases/audit";
import { todayOf, type UseCaseDeps } from "../use-cases/deps";
import { readParticipant } from "../use-cases/participant-plans";
import { listParticipants } from "../use-cases/participants";
import { boardHeaderOf } from "../use-cases/read-board";
import { searchParticipantsToSignal } from "../use-cases/signal-search";
import {
  type AbsenceCardView,
  type CoverAlertView,
  type CoverCardView,
  viewAbsenceCard,
  viewCoverAlert,
  viewCoverCard,
} from "./absence-card-queries";
import {
  type ConsentCardView,
  type SignalAlertView,
  type SignalCardView,
  cardReader,
  viewConsentCard,
  viewSignalAlert,
  viewSignalCard,
} from "./participant-card-queries";
import type { CardSubject, OpenedCard } from "./ports";
import {
  type CheckInSummaryView,
  type MorningBriefView,
  type SignalNoticeView,
  viewCheckInSummary,
  type FollowWalkthroughView,
  viewFollowWalkthrough,
  viewMorningBrief,
  viewSignalNotice,
} from "./shared-card-queries";

// Every card is a view of this one query: what the card about `subject` shows to this viewer now.
// It decides what may be shown where (a shared conversation never gets a participant), the queries
// it calls decide visibility and rights and write the access log before anything is shown, and if
// the log cannot be written the answer is "not logged" and nothing else. The bot only turns the
// answer into an Adaptive Card.

/** Who a card is built for: a member in their personal chat, or a shared conversation ("channel"). */
export interface CardViewer {
  member?: Member;
  /** "channel": any shared conversation (channel, group chat, meeting chat): counts and a link only. */
  audience: "personal" | "channel";
}

export interface HelpView {
  /** The board the buttons open forms for; absent when the person is on no board. */
  boardId?: BoardId;
  /** The board's name when the person is on one board only: the card links to its "Om tavlan". */
  boardName?: string;
  severalBoards: boolean;
  /** Asked for something only a personal chat shows. */
  personalChatOnly?: boolean;
}

export interface SignalFormView {
  boardId: BoardId;
  participants: Array<{ id: string; code: string; initials: string }>;
  organisations: Array<{ id: string; name: string }>;
  /** A fresh id per form: it becomes the signal's, so a double click raises one signal. */
  requestId: string;
}

export interface MyParticipantsView {
  boardId: BoardId;
  /** What the board is and how much of its counted caseload is on it, as every surface's header says (issue 24). */
  board: { name: string; model: BoardModel; onBoard: number; caseload: number };
  participants: Array<{
    id: string;
    code: string;
    initials: string;
    onBoard: boolean;
    /** The plans as stated, "notSet" where nobody has; `may.set` says whether this person may change them. */
    plans: PlansView;
    consentProblem: boolean;
    consents: Array<{ organisation: string; status: ConsentStatus }>;
  }>;
  hiddenCount: number;
}

/** One participant's plans (issue 24): the form only for the record's writer (`plans.may.set`). */
export interface ParticipantPlansView {
  boardId: BoardId;
  boardName: string;
  participantId: string;
  code: string;
  plans: PlansView;
  /** The participant's organisations, for who convenes the SIP. */
  organisations: Array<{ id: string; name: string }>;
  /** The participant's ETag: a stale form is refused, and the card shows how it stands now. */
  etag?: string;
}

export type CardView =
  | ({ card: "signal" } & SignalCardView)
  | ({ card: "signalNotice" } & SignalNoticeView)
  | ({ card: "signalAlert" } & SignalAlertView)
  | ({ card: "consent" } & ConsentCardView)
  | ({ card: "cover" } & CoverCardView)
  | ({ card: "absence" } & AbsenceCardView)
  | ({ card: "coverAlert" } & CoverAlertView)
  | ({ card: "morningBrief" } & MorningBriefView)
  | ({ card: "checkInSummary" } & CheckInSummaryView)
  | ({ card: "followWalkthrough" } & FollowWalkthroughView)
  | ({ card: "help" } & HelpView)
  | { card: "absenceForm"; boardId: BoardId; today: string; requestId: string }
  | ({ card: "signalForm" } & SignalFormView)
  | ({ card: "myParticipants" } & MyParticipantsView)
  | ({ card: "participantPlans" } & ParticipantPlansView)
  /** The access log could not be written: the card says so and shows nothing else. */
  | { card: "notLogged"; subject: CardSubject | OpenedCard };

/** Cards that show a participant: only in a personal chat, only to a member. */
const PERSONAL_ONLY: ReadonlySet<string> = new Set(["consent", "signalAlert", "signalForm", "myParticipants", "participantPlans"]);

export async function viewCard(deps: UseCaseDeps, viewer: CardViewer, subject: CardSubject | OpenedCard): Promise<CardView> {
  try {
    return await viewOf(deps, viewer, subject);
  } catch (e) {
    if (!(e instanceof AccessNotLogged)) throw e;
    return { card: "notLogged", subject };
  }
}

async function viewOf(deps: UseCaseDeps, viewer: CardViewer, subject: CardSubject | OpenedCard): Promise<CardView> {
  if (viewer.audience === "channel" && PERSONAL_ONLY.has(subject.card))
    return { card: "help", ...(await viewHelp(deps, viewer.member)), personalChatOnly: true };
  const member = viewer.audience === "personal" ? viewer.member : undefined;
  const personal = (): Member => {
    if (!member) throw new NotFound("The card");
    return member;
  };
  switch (subject.card) {
    case "signal":
      // A card posted to a shared conversation stays a notice there, whoever refreshes it.
      if (!member || subject.audience === "channel")
        return { card: "signalNotice", ...(await viewSignalNotice(deps, subject.boardId, subject.signalId)) };
      return { card: "signal", ...(await viewSignalCard(deps, member, subject.boardId, subject.signalId)) };
    case "signalAlert":
      return { card: "signalAlert", ...(await viewSignalAlert(deps, personal(), subject.boardId, subject.signalId)) };
    case "consent":
      return {
        card: "consent",
        ...(await viewConsentCard(deps, personal(), subject.boardId, subject.participantId, subject.disclosingOrganisationId)),
      };
    case "cover":
      return { card: "cover", ...(await viewCoverCard(deps, viewer.member, subject.boardId, subject.absenceId)) };
    case "absence":
      return { card: "absence", ...(await viewAbsenceCard(deps, viewer.member, subject.boardId, subject.absenceId)) };
    case "coverAlert":
      return { card: "coverAlert", ...(await viewCoverAlert(deps, viewer.member, subject.boardId, subject.absenceId)) };
    case "morningBrief":
      return { card: "morningBrief", ...(await viewMorningBrief(deps, subject.boardId, subject.meetingId)) };
    case "checkInSummary":
      return { card: "checkInSummary", ...(await viewCheckInSummary(deps, subject.boardId, subject.date, subject.meetingId)) };
    case "followWalkthrough":
      return { card: "followWalkthrough", ...(await viewFollowWalkthrough(deps, subject.boardId, subject.date, subject.meetingId)) };
    case "help":
      return { card: "help", ...(await viewHelp(deps, viewer.member)) };
    case "absenceForm":
      // Chosen when the form is built, so submitting it again (or at once from two clicks) registers one absence.
      return { card: "absenceForm", boardId: subject.boardId, today: todayOf(deps), requestId: deps.newId() };
    case "signalForm":
      return { card: "signalForm", ...(await viewSignalForm(deps, personal(), subject.boardId)) };
    case "myParticipants":
      return { card: "myParticipants", ...(await viewMyParticipants(deps, personal(), subject.boardId)) };
    case "participantPlans":
      return {
        card: "participantPlans",
        ...(await viewParticipantPlans(deps, personal(), subject.boardId, subject.participantId)),
      };
  }
}

async function viewHelp(deps: UseCaseDeps, member: Member | undefined): Promise<HelpView> {
  if (!member) return { severalBoards: false };
  const severalBoards = (await deps.storage.members.boardsOf(member.id)).length > 1;
  const board = severalBoards ? undefined : await deps.storage.boards.get(member.boardId);
  return { boardId: member.boardId, ...(board ? { boardName: board.name } : {}), severalBoards };
}

/** The first participants the member may signal about (the rest by typing), and the organisations to signal. */
async function viewSignalForm(deps: UseCaseDeps, member: Member, boardId: BoardId): Promise<SignalFormView> {
  const [first, organisations] = await Promise.all([
    searchParticipantsToSignal(deps, cardReader(member), boardId, ""),
    deps.storage.organisations.listForBoard(boardId),
  ]);
  return {
    boardId,
    participants: first,
    organisations: organisations.filter((o) => o.id !== member.organisationId).map((o) => ({ id: o.id, name: o.name })),
    requestId: deps.newId(),
  };
}

/** The member's own participants as case manager (listed and logged by the use-case), with consents by organisation name. */
async function viewMyParticipants(deps: UseCaseDeps, member: Member, boardId: BoardId): Promise<MyParticipantsView> {
  const today = todayOf(deps);
  // The whole board for its header's counts only (the caseload and every entry on the board, shown or not: counts name nobody).
  const [list, snapshot] = await Promise.all([
    listParticipants(deps, cardReader(member), boardId, { mine: true }),
    deps.storage.loadBoardSnapshot(boardId, today),
  ]);
  if (!snapshot.board) throw new NotFound("The board");
  const header = boardHeaderOf(snapshot.board, snapshot.participants, today);
  const names = new Map(snapshot.organisations.map((o) => [o.id, o.name]));
  return {
    boardId,
    board: { name: header.name, model: header.model, onBoard: snapshot.entries.length, caseload: header.caseload },
    participants: list.participants.map((p) => ({
      id: p.id,
      code: p.code,
      initials: p.initials,
      onBoard: p.onBoard,
      plans: p.plans,
      consentProblem: p.consentProblem,
      consents:
        p.organisationIds.length > 1
          ? p.consents.map((c) => ({ organisation: names.get(c.disclosingOrganisationId) ?? "—", status: c.status }))
          : [],
    })),
    hiddenCount: list.hiddenCount,
  };
}

/** One participant's plans, read through the use-case as the member (and logged); its organisations by name. */
async function viewParticipantPlans(
  deps: UseCaseDeps,
  member: Member,
  boardId: BoardId,
  participantId: string,
): Promise<ParticipantPlansView> {
  const [p, organisations, board] = await Promise.all([
    readParticipant(deps, cardReader(member), boardId, participantId),
    deps.storage.organisations.listForBoard(boardId),
    deps.storage.boards.get(boardId),
  ]);
  return {
    boardId,
    boardName: board?.name ?? "FACT",
    participantId,
    code: p.code,
    plans: p.plans,
    organisations: organisations.filter((o) => p.organisationIds.includes(o.id)).map((o) => ({ id: o.id, name: o.name })),
    ...(p.etag ? { etag: p.etag } : {}),
  };
}
