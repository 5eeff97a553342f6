import type { SinceLastNoteView, WriteSinceLastBody } from "@fact-board/contract";
import { assertMayChange } from "../domain/authorship";
import { AlreadyExists, Conflict, NotFound } from "../domain/errors";
import { meetingsOf } from "../domain/meeting-schedule";
import { assertAllowed } from "../domain/permissions";
import { type SinceLastNote, lastMeetingDay, readableNotes, writeNote } from "../domain/since-last";
import type { Actor, Board, BoardId, CalendarDate, OrganisationId, ParticipantId } from "../domain/types";
import type { ParticipantVisibility } from "../domain/visibility";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant } from "./participant-access";

// Since yesterday (Sedan sist): the own organisation's one note per entry and meeting day. A
// second write the same day edits it, and only under the ETag of the note the person saw: two
// coordinators of one organisation typing at once never overwrite each other silently.

type StoredNote = SinceLastNote & { etag?: string };

export function toSinceLastView(n: StoredNote, viewer: OrganisationId): SinceLastNoteView {
  return {
    participantId: n.participantId,
    entryId: n.entryId,
    on: n.on,
    organisationId: n.organisationId,
    text: n.text,
    writtenBy: n.writtenBy,
    writtenAt: n.writtenAt,
    ...(n.organisationId === viewer && n.etag ? { etag: n.etag } : {}),
  };
}

/** The notes on one participant the viewer may read, newest first. */
export const visibleNotes = (visibility: ParticipantVisibility, notes: readonly StoredNote[]): SinceLastNoteView[] =>
  readableNotes(visibility, notes).map((n) => toSinceLastView(n, visibility.viewer));

/** The first day whose notes count as "since the last meeting" on this board today. */
export const sinceLastFrom = (board: Pick<Board, "settings">, today: CalendarDate): CalendarDate =>
  lastMeetingDay(meetingsOf(board), today);

export async function writeSinceLast(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: WriteSinceLastBody,
): Promise<SinceLastNoteView> {
  const today = todayOf(deps);
  const org = actor.member.organisationId;
  const [ctx, entry, existing] = await Promise.all([
    loadVisibleParticipant(deps, actor, boardId, participantId),
    deps.storage.entries.getCurrent(boardId, participantId),
    deps.storage.sinceLast.get(boardId, today, participantId, org),
  ]);
  if (!entry) throw new NotFound("The board entry");
  assertAllowed(actor.member, "sinceLast.write", ctx.relation);
  // Always the actor's own item: the key carries their organisation, so no one else's note is touched.
  assertMayChange("sinceLast.write", org, org);
  const own = (n: StoredNote) => toSinceLastView(n, org);
  if (existing && body.etag === undefined) {
    // The same text again is a retried first write; different text without the ETag would overwrite unseen.
    if (existing.text === body.text && existing.writtenBy === actor.member.id) return own(existing);
    throw new Conflict("Today's since-yesterday note", own(existing));
  }
  if (existing && existing.etag !== body.etag) throw new Conflict("Today's since-yesterday note", own(existing));
  if (!existing && body.etag !== undefined) throw new NotFound("Today's since-yesterday note");
  const note = writeNote(
    existing,
    { boardId, participantId, entryId: entry.id, organisationId: org, text: body.text, by: actor.member.id },
    today,
    nowOf(deps),
  );
  // Logged before it is made: a change whose record cannot be written does not happen.
  await recordAccess(deps, actor, "changed", [ctx.participant]);
  let saved: StoredNote;
  try {
    saved = existing ? await deps.storage.sinceLast.save(note, { expectedEtag: body.etag! }) : await deps.storage.sinceLast.create(note);
  } catch (e) {
    if (e instanceof Conflict || e instanceof AlreadyExists) {
      const current = await deps.storage.sinceLast.get(boardId, today, participantId, org);
      throw new Conflict("Today's since-yesterday note", current && own(current));
    }
    throw e;
  }
  await deps.storage.boardVersions.bump(boardId);
  return own(saved);
}
