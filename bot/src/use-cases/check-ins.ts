import type { CheckInView } from "@fact-board/contract";
import { NotFound } from "../domain/errors";
import { ALL_MEETINGS, meetingById } from "../domain/meeting-schedule";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, CalendarDate, CheckIn, ParticipantId } from "../domain/types";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { todayOf, type UseCaseDeps } from "./deps";

// A check-in names participants by id. Ids are keys, not details, but which participants a
// municipality's coordinator reviewed is itself something a region's member may not learn without
// consent. So each viewer gets only the ids of participants their organisation may see (and counts
// of the rest). Only the walkthrough records a check-in (use-cases/walkthroughs.ts): one per
// meeting occurrence, naming the meeting.

/** The participants of the board the actor's organisation may see today, by the domain's visibility rule. */
async function participantsVisibleTo(deps: UseCaseDeps, actor: Actor, boardId: BoardId): Promise<Set<ParticipantId>> {
  const today = todayOf(deps);
  const [participants, consents] = await Promise.all([
    deps.storage.participants.listForBoard(boardId),
    deps.storage.consents.listForBoard(boardId),
  ]);
  const byParticipant = groupConsentsByParticipant(consents);
  return new Set(
    participants.filter((p) => visibilityFor(p, byParticipant.get(p.id) ?? [], actor.member.organisationId, today)).map((p) => p.id),
  );
}

function toView(c: CheckIn, visible: ReadonlySet<ParticipantId>, meetingName: string | undefined): CheckInView {
  const shown = (ids: readonly ParticipantId[]) => ids.filter((id) => visible.has(id));
  const hidden = (ids: readonly ParticipantId[]) => ids.length - shown(ids).length;
  return {
    date: c.date,
    meetingId: c.meetingId,
    ...(meetingName ? { meetingName } : {}),
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    durationSeconds: c.durationSeconds,
    attendeeIds: c.attendeeIds,
    reviewedParticipantIds: shown(c.reviewedParticipantIds),
    addedParticipantIds: shown(c.addedParticipantIds),
    removedParticipantIds: shown(c.removedParticipantIds),
    hiddenCount: {
      reviewed: hidden(c.reviewedParticipantIds),
      added: hidden(c.addedParticipantIds),
      removed: hidden(c.removedParticipantIds),
    },
    actionsAgreed: c.actionsAgreed,
    ...(c.etag ? { etag: c.etag } : {}),
  };
}

/** The check-in of one meeting occurrence (absent meeting: the implicit daily one, which every check-in before meetings existed is). */
export async function readCheckIn(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  date: CalendarDate,
  meetingId = ALL_MEETINGS,
): Promise<CheckInView> {
  assertAllowed(actor.member, "board.read");
  const [checkIn, visible, board] = await Promise.all([
    deps.storage.checkIns.get(boardId, date, meetingId),
    participantsVisibleTo(deps, actor, boardId),
    deps.storage.boards.get(boardId),
  ]);
  if (!checkIn || !board) throw new NotFound("The check-in");
  const name = meetingId === ALL_MEETINGS ? undefined : meetingById(board, meetingId)?.name;
  return toView(checkIn, visible, name);
}
