import type { RaiseTodayBody, RaisedView } from "@fact-board/contract";
import { assertMayChange } from "../domain/authorship";
import { AlreadyExists, Conflict } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import { type RaisedParticipant, assertRaisable } from "../domain/raise-today";
import type { Actor, BoardId, ParticipantId } from "../domain/types";
import type { ParticipantVisibility } from "../domain/visibility";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant } from "./participant-access";
import { countInRunningWalkthroughs } from "./walkthrough-counts";

// Ta upp idag: any member raises a registered participant who is not on the board for today's
// meeting, with the own organisation's short reason. The stored row's key (board, day, participant,
// organisation) makes the create idempotent: a retried or double-clicked raise answers with the
// raise already made; a different reason the same day is a conflict, never a silent overwrite.

export const toRaisedView = (r: RaisedParticipant): RaisedView => ({
  participantId: r.participantId,
  on: r.on,
  organisationId: r.organisationId,
  reason: r.reason,
  raisedBy: r.raisedBy,
  raisedAt: r.raisedAt,
});

/** The reasons for a raised participant the viewer's organisation may read (each is its writer's item), first raised first. */
export const readableRaises = (visibility: Pick<ParticipantVisibility, "readable">, raises: readonly RaisedParticipant[]): RaisedView[] =>
  raises
    .filter((r) => visibility.readable.has(r.organisationId))
    .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.organisationId.localeCompare(b.organisationId))
    .map(toRaisedView);

export async function raiseForToday(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: RaiseTodayBody,
): Promise<{ raised: RaisedView; created: boolean }> {
  const today = todayOf(deps);
  const org = actor.member.organisationId;
  // NotFound for a participant the actor's organisation may not see: the id reveals nothing.
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  assertAllowed(actor.member, "participant.raiseToday", { ...ctx.relation, seesParticipant: true });
  assertMayChange("participant.raiseToday", org, org);
  const answer = (existing: RaisedParticipant) => {
    if (existing.reason === body.reason) return { raised: toRaisedView(existing), created: false };
    throw new Conflict("Today's raise by your organisation", toRaisedView(existing));
  };
  const existing = await deps.storage.raised.get(boardId, today, participantId, org);
  if (existing) return answer(existing);
  assertRaisable(ctx.participant);
  const raise: RaisedParticipant = {
    boardId,
    on: today,
    participantId,
    organisationId: org,
    reason: body.reason,
    raisedBy: actor.member.id,
    raisedAt: nowOf(deps),
  };
  // Logged before it is made: a change whose record cannot be written does not happen.
  await recordAccess(deps, actor, "changed", [ctx.participant]);
  try {
    const saved = await deps.storage.raised.create(raise);
    // Raised during a running walkthrough: it takes them at its end.
    await countInRunningWalkthroughs(deps, boardId, ctx.participant, { type: "raised", participantId });
    await deps.storage.boardVersions.bump(boardId);
    return { raised: toRaisedView(saved), created: true };
  } catch (e) {
    if (!(e instanceof AlreadyExists)) throw e;
    // Two submits at once: one made it, the other answers with it.
    const made = await deps.storage.raised.get(boardId, today, participantId, org);
    if (!made) throw e;
    return answer(made);
  }
}
