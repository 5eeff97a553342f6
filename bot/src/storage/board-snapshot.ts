import type {
  Absence,
  Board,
  BoardEntry,
  BoardId,
  CalendarDate,
  Consent,
  Signal,
  Member,
  Organisation,
  Participant,
} from "../domain/types";
import type { AbsenceRepository } from "./absence-repository";
import type { BoardEntryRepository } from "./board-entry-repository";
import type { BoardRepository } from "./board-repository";
import type { ConsentRepository } from "./consent-repository";
import type { SignalRepository } from "./signal-repository";
import type { MemberRepository } from "./member-repository";
import type { OrganisationRepository } from "./organisation-repository";
import type { ParticipantRepository } from "./participant-repository";

/**
 * Everything the board view needs, read in one go. Nothing here is filtered by who asks: that is
 * the domain's job. `board` is undefined when the board does not exist (the lists are then empty).
 */
export interface BoardSnapshot {
  board: Board | undefined;
  organisations: Organisation[];
  members: Member[];
  participants: Participant[];
  entries: BoardEntry[];
  consents: Consent[];
  openSignals: Signal[];
  currentAbsences: Absence[];
}

export interface SnapshotSources {
  boards: BoardRepository;
  organisations: OrganisationRepository;
  members: MemberRepository;
  participants: ParticipantRepository;
  entries: BoardEntryRepository;
  consents: ConsentRepository;
  signals: SignalRepository;
  absences: AbsenceRepository;
}

/**
 * Eight partition reads in parallel (one point read, seven partition queries), never one query
 * per participant.
 */
export async function loadBoardSnapshot(s: SnapshotSources, boardId: BoardId, today: CalendarDate): Promise<BoardSnapshot> {
  const [board, organisations, members, participants, entries, consents, openSignals, currentAbsences] = await Promise.all([
    s.boards.get(boardId),
    s.organisations.listForBoard(boardId),
    s.members.listForBoard(boardId),
    s.participants.listForBoard(boardId),
    s.entries.listCurrent(boardId),
    s.consents.listForBoard(boardId),
    s.signals.listOpen(boardId),
    s.absences.listCurrent(boardId, today),
  ]);
  return { board, organisations, members, participants, entries, consents, openSignals, currentAbsences };
}
