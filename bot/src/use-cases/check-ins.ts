import type { CheckInView, RecordCheckInBody } from "@fact-board/contract";
import { Conflict, Invalid, NotFound } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, CalendarDate, CheckIn, MemberId, ParticipantId } from "../domain/types";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { todayOf, type UseCaseDeps } from "./deps";

// A check-in names participants by id. Ids are keys, not details, but which participants a
// municipality's coordinator reviewed is itself something a region's member may not learn without
// consent. So each viewer gets only the ids of participants their organisation may see (and counts
// of the rest), and a recorder may name only participants they may see and members of the board.

const LISTS = ["reviewedParticipantIds", "addedParticipantIds", "removedParticipantIds"] as const;
type ParticipantList = (typeof LISTS)[number];

/** The participants of the board the actor's organisation may see today, by the domain's visibility rule. */
async function participantsVisibleTo(deps: UseCaseDeps, actor: Actor, boardId: BoardId): Promise<Set<ParticipantId>> {
  const today = todayOf(deps);
  const [participants, consents] = await Promise.all([
    deps.storage.participants.listForBoard(boardId),
    deps.storage.consents.listForBoard(boardId),
  ]);
  const byParticipant = groupConsentsByParticipant(consents);
  return new Set(
    participants
      .filter((p) => visibilityFor(p, byParticipant.get(p.id) ?? [], actor.member.organisationId, today))
      .map((p) => p.id),
  );
}

function toView(c: CheckIn, visible: ReadonlySet<ParticipantId>): CheckInView {
  const shown = (ids: readonly ParticipantId[]) => ids.filter((id) => visible.has(id));
  const hidden = (ids: readonly ParticipantId[]) => ids.length - shown(ids).length;
  return {
    date: c.date,
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    durationSeconds: c.durationSeconds,
    attendeeIds: c.attendeeIds,
    reviewedParticipantIds: shown(c.reviewedParticipantIds),
    addedParticipantIds: shown(c.addedParticipantIds),
    removedParticipantIds: shown(c.removedParticipantIds),
    hiddenCount: { reviewed: hidden(c.reviewedParticipantIds), added: hidden(c.addedParticipantIds), removed: hidden(c.removedParticipantIds) },
    actionsAgreed: c.actionsAgreed,
    ...(c.etag ? { etag: c.etag } : {}),
  };
}

const sameCheckIn = ({ etag: _a, ...stored }: CheckIn, { etag: _b, ...next }: CheckIn) =>
  JSON.stringify(stored, Object.keys(stored).sort()) === JSON.stringify(next, Object.keys(next).sort());

export async function readCheckIn(deps: UseCaseDeps, actor: Actor, boardId: BoardId, date: CalendarDate): Promise<CheckInView> {
  assertAllowed(actor.member, "board.read");
  const [checkIn, visible] = await Promise.all([deps.storage.checkIns.get(boardId, date), participantsVisibleTo(deps, actor, boardId)]);
  if (!checkIn) throw new NotFound("The check-in");
  return toView(checkIn, visible);
}

/**
 * Refuses an id the recorder may not name. Unknown and hidden participants get the same answer,
 * so the refusal reveals nothing about who exists.
 */
function assertNamesOnly(ids: readonly string[], allowed: ReadonlySet<string>, list: string, what: string): void {
  const at = ids.findIndex((id) => !allowed.has(id));
  if (at >= 0) throw new Invalid(`${list}.${at}: ${what}`, `${list}.${at}`);
}

/**
 * The day's morning check-in (one per board per working day); a second save needs the first one's
 * ETag. Participants in the stored check-in that the recorder may not see were never shown to
 * them, so they cannot have been left out on purpose: a save keeps them.
 */
export async function recordCheckIn(deps: UseCaseDeps, actor: Actor, boardId: BoardId, date: CalendarDate, body: RecordCheckInBody): Promise<CheckInView> {
  assertAllowed(actor.member, "checkIn.record");
  if (body.endedAt < body.startedAt) throw new Invalid("The check-in ends before it starts.", "endedAt");
  const [visible, members, stored] = await Promise.all([
    participantsVisibleTo(deps, actor, boardId),
    deps.storage.members.listForBoard(boardId),
    body.etag === undefined ? undefined : deps.storage.checkIns.get(boardId, date),
  ]);

  // An attendee already stored stays acceptable even if they have left the board since.
  const attendeesAllowed = new Set<MemberId>([...members.map((m) => m.id), ...(stored?.attendeeIds ?? [])]);
  assertNamesOnly(body.attendeeIds, attendeesAllowed, "attendeeIds", "not a member of this board.");
  for (const list of LISTS) assertNamesOnly(body[list], visible, list, "not a participant of this board that you may see.");

  const merged = (list: ParticipantList) => [...new Set([...body[list], ...(stored?.[list] ?? []).filter((id) => !visible.has(id))])];
  const checkIn: CheckIn = {
    boardId,
    date,
    startedAt: body.startedAt,
    endedAt: body.endedAt,
    durationSeconds: Math.round((Date.parse(body.endedAt) - Date.parse(body.startedAt)) / 1000),
    attendeeIds: [...new Set([actor.member.id, ...body.attendeeIds])],
    reviewedParticipantIds: merged("reviewedParticipantIds"),
    addedParticipantIds: merged("addedParticipantIds"),
    removedParticipantIds: merged("removedParticipantIds"),
    actionsAgreed: body.actionsAgreed,
    recordedBy: actor.member.id,
  };
  try {
    const saved = await deps.storage.checkIns.save(checkIn, body.etag === undefined ? {} : { expectedEtag: body.etag });
    await deps.storage.boardVersions.bump(boardId);
    return toView(saved, visible);
  } catch (e) {
    if (e instanceof Conflict) {
      const current = await deps.storage.checkIns.get(boardId, date);
      if (current && sameCheckIn(current, checkIn)) {
        // A retry whose first attempt was saved (its answer or the version bump was lost): finish it.
        await deps.storage.boardVersions.bump(boardId);
        return toView(current, visible);
      }
      throw new Conflict("The check-in", current && toView(current, visible));
    }
    throw e;
  }
}
