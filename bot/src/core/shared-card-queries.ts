import type { SignalState } from "@fact-board/contract";
import { NotFound } from "../domain/errors";
import { boardCounts } from "../domain/indicators";
import { ALL_MEETINGS, meetingById, meetingCovers } from "../domain/meeting-schedule";
import type { BoardId, RecurringMeeting } from "../domain/types";
import type { BoardSnapshot } from "../storage";
import { todayOf, type UseCaseDeps } from "../use-cases/deps";
import { readCheckInSummary, readWalkthroughChats } from "../use-cases/walkthroughs";

// What shared conversations (team channels, group chats, meeting chats) are told: organisations
// without consent read them, so counts and a link to the board only, never a code, initials, kind
// of need or text. Whoever refreshes such a card gets the same.

export interface SignalNoticeView {
  boardId: BoardId;
  boardName: string;
  signalId: string;
  toOrganisation: string;
  state: SignalState;
}

/** One new signal to an organisation: that it exists, to whom, and where it stands. */
export async function viewSignalNotice(deps: UseCaseDeps, boardId: BoardId, signalId: string): Promise<SignalNoticeView> {
  const s = deps.storage;
  const signal = await s.signals.get(boardId, signalId);
  if (!signal) throw new NotFound("The signal");
  const [to, board] = await Promise.all([s.organisations.get(boardId, signal.toOrganisationId), s.boards.get(boardId)]);
  return { boardId, boardName: board?.name ?? "FACT", signalId, toOrganisation: to?.name ?? "—", state: signal.state };
}

export interface MorningBriefView {
  boardId: BoardId;
  boardName: string;
  /** Before one of the board's recurring meetings: its name, and counts for its participants only. */
  meeting?: { id: string; name: string };
  date: string;
  counts: {
    onBoard: number;
    newSinceYesterday: number;
    evaluationsDue: number;
    openSignals: number;
    consentProblems: number;
    absencesWithoutCover: number;
  };
}

/** The board as one meeting sees it: its participants, their entries, consents and open signals (absences stay the team's). */
function snapshotFor(snap: BoardSnapshot, meeting: RecurringMeeting): BoardSnapshot {
  const ids = new Set(snap.participants.filter((p) => meetingCovers(meeting, p)).map((p) => p.id));
  return {
    ...snap,
    participants: snap.participants.filter((p) => ids.has(p.id)),
    entries: snap.entries.filter((e) => ids.has(e.participantId)),
    consents: snap.consents.filter((c) => ids.has(c.participantId)),
    openSignals: snap.openSignals.filter((e) => ids.has(e.participantId)),
  };
}

/** The brief's counts: for the whole board, or before a recurring meeting for the participants it covers. */
export async function viewMorningBrief(deps: UseCaseDeps, boardId: BoardId, meetingId?: string): Promise<MorningBriefView> {
  const today = todayOf(deps);
  const whole = await deps.storage.loadBoardSnapshot(boardId, today);
  if (!whole.board) throw new NotFound("The board");
  const meeting = meetingId === undefined ? undefined : meetingById(whole.board, meetingId);
  if (meetingId !== undefined && !meeting) throw new NotFound("The meeting");
  const counts = boardCounts(meeting ? snapshotFor(whole, meeting) : whole, today, deps.clock());
  return {
    boardId,
    boardName: whole.board.name,
    ...(meeting && meeting.id !== ALL_MEETINGS ? { meeting: { id: meeting.id, name: meeting.name } } : {}),
    date: today,
    counts: {
      onBoard: counts.onBoard,
      newSinceYesterday: counts.newSinceYesterday,
      evaluationsDue: counts.evaluationsDue,
      openSignals: counts.openSignals,
      consentProblems: counts.participantsWithConsentProblem,
      absencesWithoutCover: counts.absencesWithoutCover,
    },
  };
}

export interface FollowWalkthroughView {
  boardId: BoardId;
  boardName: string;
  meetingId: string;
  meetingName?: string;
  date: string;
}

/** The meeting chat's "Följ genomgången": which walkthrough, nothing about a participant. */
export async function viewFollowWalkthrough(
  deps: UseCaseDeps,
  boardId: BoardId,
  date: string,
  meetingId: string,
): Promise<FollowWalkthroughView> {
  const chats = await readWalkthroughChats(deps, boardId, date, meetingId);
  if (!chats) throw new NotFound("The walkthrough");
  const { chatIds: _chats, ...view } = chats;
  return { boardId, meetingId, ...view };
}

export interface CheckInSummaryView {
  boardId: BoardId;
  boardName: string;
  meetingName?: string;
  date: string;
  counts: { reviewed: number; total: number; putOn: number; takenOff: number; actionsAgreed: number; notReached: number };
}

/** The meeting chat's summary when a walkthrough ends: counts only. */
export async function viewCheckInSummary(
  deps: UseCaseDeps,
  boardId: BoardId,
  date: string,
  meetingId: string,
): Promise<CheckInSummaryView> {
  const summary = await readCheckInSummary(deps, boardId, date, meetingId);
  if (!summary) throw new NotFound("The check-in");
  const { chatIds: _chats, ...view } = summary;
  return { boardId, ...view };
}
