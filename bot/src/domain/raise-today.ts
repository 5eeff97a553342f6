import { Invalid, InvalidTransition } from "./errors";
import type { BoardId, CalendarDate, Instant, MemberId, OrganisationId, Participant, ParticipantId } from "./types";

// Raise for today (Ta upp idag, issue 26): any member may raise a registered participant who is not
// on the board for today's meeting, with a short reason. The reason is the raising organisation's
// own item (shown under its consent, like an action); the raise holds for its day only, so the
// walkthrough takes the participant after the board today and not tomorrow, unless they were put on.

export const RAISE_REASON_MAX = 200;

export interface RaisedParticipant {
  boardId: BoardId;
  /** The meeting day it was raised for (the board's local date). */
  on: CalendarDate;
  participantId: ParticipantId;
  /** The raising organisation: it owns the reason. One raise per organisation, participant and day. */
  organisationId: OrganisationId;
  reason: string;
  raisedBy: MemberId;
  raisedAt: Instant;
}

/** Only a registered participant who is not on the board and has not left the team can be raised. */
export function assertRaisable(participant: Pick<Participant, "onBoard" | "leftTeamOn" | "erasedAt">): void {
  if (participant.erasedAt || participant.leftTeamOn) throw new Invalid("The participant has left the FACT team.", "participantId");
  if (participant.onBoard) throw new InvalidTransition("participant", "on the board", "raise for today");
}

/**
 * The participants raised for `today` who are not on the board, in the order first raised.
 * Yesterday's raises are not today's: a raise drops off the next day unless the participant was put on.
 */
export function raisedToday(
  raises: ReadonlyArray<Pick<RaisedParticipant, "on" | "participantId" | "raisedAt">>,
  today: CalendarDate,
  onBoard: ReadonlySet<ParticipantId>,
): ParticipantId[] {
  const ids = raises
    .filter((r) => r.on === today && !onBoard.has(r.participantId))
    .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt))
    .map((r) => r.participantId);
  return [...new Set(ids)];
}
