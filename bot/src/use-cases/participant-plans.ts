import type { ParticipantView, SetPlansBody } from "@fact-board/contract";
import { Conflict } from "../domain/errors";
import { assertAllowed } from "../domain/permissions";
import { setPlans } from "../domain/plans";
import type { Actor, BoardId, ParticipantId } from "../domain/types";
import { recordAccess } from "./audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant, type ParticipantContext } from "./participant-access";
import { toParticipantView } from "./view-mappers";

// Setting a participant's crisis plan, early-signs plan and SIP (issue 24), from the participant
// drawer, the board's cards ("Mina deltagare") and the API: the organisation that wrote the
// record sets them (authorship "participant.plans"), under the participant's ETag.

async function viewOf(deps: UseCaseDeps, actor: Actor, ctx: ParticipantContext, participant = ctx.participant): Promise<ParticipantView> {
  const onBoard = (await deps.storage.entries.getCurrent(participant.boardId, participant.id)) !== undefined;
  return toParticipantView({ ...ctx.visibility, participant }, ctx.consents, ctx.absences, onBoard, todayOf(deps), {
    member: actor.member,
    relation: ctx.relation,
  });
}

export async function setParticipantPlans(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  body: SetPlansBody,
): Promise<ParticipantView> {
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  const { etag, ...change } = body;
  // The rule first: another organisation's record is refused with what to do instead, not "reload and retry".
  const next = setPlans(ctx.participant, actor.member, change, todayOf(deps), nowOf(deps));
  assertAllowed(actor.member, "participant.setPlans", { ...ctx.relation, ownOrganisation: true });
  // Nothing to change (a retry whose first attempt landed, or the same again): answer with how it stands.
  if (next === ctx.participant) return viewOf(deps, actor, ctx);
  if (ctx.participant.etag !== etag) throw new Conflict("The participant", await viewOf(deps, actor, ctx));
  // Logged before it is made: a change whose record cannot be written does not happen.
  await recordAccess(deps, actor, "changed", [next]);
  let saved;
  try {
    saved = await deps.storage.participants.update(next, { expectedEtag: etag });
  } catch (e) {
    if (!(e instanceof Conflict)) throw e;
    const current = await loadVisibleParticipant(deps, actor, boardId, participantId);
    throw new Conflict("The participant", await viewOf(deps, actor, current));
  }
  await deps.storage.boardVersions.bump(boardId);
  return viewOf(deps, actor, ctx, saved);
}

/** One participant as the reader may see them, with what they may do (the plans card): logged like any view. */
export async function readParticipant(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
): Promise<ParticipantView> {
  assertAllowed(actor.member, "board.read");
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  await recordAccess(deps, actor, "viewedDetails", [ctx.participant]);
  return viewOf(deps, actor, ctx);
}
