import type { CheckInView, RecordCheckInBody } from "@fact-board/contract";
import { Conflict, Invalid, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, CalendarDate, CheckIn } from "../domain/types";
import type { UseCaseDeps } from "./deps";

const toView = (c: CheckIn): CheckInView => ({
  date: c.date,
  startedAt: c.startedAt,
  endedAt: c.endedAt,
  durationSeconds: c.durationSeconds,
  attendeeIds: c.attendeeIds,
  reviewedParticipantIds: c.reviewedParticipantIds,
  addedParticipantIds: c.addedParticipantIds,
  removedParticipantIds: c.removedParticipantIds,
  actionsAgreed: c.actionsAgreed,
  ...(c.etag ? { etag: c.etag } : {}),
});

const sameCheckIn = ({ etag: _a, ...stored }: CheckIn, { etag: _b, ...next }: CheckIn) =>
  JSON.stringify(stored, Object.keys(stored).sort()) === JSON.stringify(next, Object.keys(next).sort());

export async function readCheckIn(deps: UseCaseDeps, actor: Actor, boardId: BoardId, date: CalendarDate): Promise<CheckInView> {
  assertAllowed(actor.member, "board.read");
  const checkIn = await deps.storage.checkIns.get(boardId, date);
  if (!checkIn) throw new NotFound("The check-in");
  return toView(checkIn);
}

/** The day's morning check-in (one per board per working day); a second save needs the first one's ETag. */
export async function recordCheckIn(deps: UseCaseDeps, actor: Actor, boardId: BoardId, date: CalendarDate, body: RecordCheckInBody): Promise<CheckInView> {
  assertAllowed(actor.member, "checkIn.record");
  if (body.endedAt < body.startedAt) throw new Invalid("The check-in ends before it starts.");
  const checkIn: CheckIn = {
    boardId,
    date,
    startedAt: body.startedAt,
    endedAt: body.endedAt,
    durationSeconds: Math.round((Date.parse(body.endedAt) - Date.parse(body.startedAt)) / 1000),
    attendeeIds: [...new Set([actor.member.id, ...body.attendeeIds])],
    reviewedParticipantIds: body.reviewedParticipantIds,
    addedParticipantIds: body.addedParticipantIds,
    removedParticipantIds: body.removedParticipantIds,
    actionsAgreed: body.actionsAgreed,
    recordedBy: actor.member.id,
  };
  try {
    const saved = await deps.storage.checkIns.save(checkIn, body.etag === undefined ? {} : { expectedEtag: body.etag });
    await deps.storage.boardVersions.bump(boardId);
    return toView(saved);
  } catch (e) {
    if (e instanceof Conflict) {
      const current = await deps.storage.checkIns.get(boardId, date);
      if (current && sameCheckIn(current, checkIn)) {
        // A retry whose first attempt was saved (its answer or the version bump was lost): finish it.
        await deps.storage.boardVersions.bump(boardId);
        return toView(current);
      }
      throw new Conflict("The check-in", current && toView(current));
    }
    throw e;
  }
}
