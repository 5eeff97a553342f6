import type { ParticipantView, SetGoalBody } from "@fact-board/contract";
import { Conflict } from "../domain/errors";
import { setGoal } from "../domain/goal";
import { assertAllowed } from "../domain/permissions";
import type { Actor, BoardId, ParticipantId } from "../domain/types";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant, type ParticipantContext } from "./participant-access";
import { toParticipantView } from "./view-mappers";

// The participant's own goal (Deltagarens mål, issue 26): kept on the participant's row under its
// ETag (one read with the board, no extra table), written only by the case manager's organisation.

async function viewOf(deps: UseCaseDeps, actor: Actor, ctx: ParticipantContext, participant = ctx.participant): Promise<ParticipantView> {
  const onBoard = (await deps.storage.entries.getCurrent(participant.boardId, participant.id)) !== undefined;
  return toParticipantView({ ...ctx.visibility, participant }, ctx.consents, ctx.absences, onBoard, todayOf(deps), {
    member: actor.member,
    relation: ctx.relation,
  });
}

export async function setParticipantGoal(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: SetGoalBody,
): Promise<ParticipantView> {
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  const caseManager = await deps.storage.members.get(boardId, ctx.participant.caseManagerId);
  // The rule first: another organisation is refused with what to do instead, not "reload and retry".
  const next = setGoal(ctx.participant, actor.member, caseManager?.organisationId, body.text, nowOf(deps));
  assertAllowed(actor.member, "participant.setGoal", { ...ctx.relation, ownOrganisation: true });
  if (next === ctx.participant) return viewOf(deps, actor, ctx);
  if (ctx.participant.etag !== body.etag) throw new Conflict("The participant", await viewOf(deps, actor, ctx));
  // Logged before it is made: a change whose record cannot be written does not happen.
  await recordAccess(deps, actor, "changed", [next]);
  let saved;
  try {
    saved = await deps.storage.participants.update(next, { expectedEtag: body.etag });
  } catch (e) {
    if (!(e instanceof Conflict)) throw e;
    const current = await loadVisibleParticipant(deps, actor, boardId, participantId);
    throw new Conflict("The participant", await viewOf(deps, actor, current));
  }
  await deps.storage.boardVersions.bump(boardId);
  return viewOf(deps, actor, ctx, saved);
}
