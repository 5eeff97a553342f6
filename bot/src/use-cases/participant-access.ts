import { relationOf } from "./relation";
import { NotFound } from "../domain/errors";
import type { Absence, Actor, BoardId, Consent, Participant, ParticipantId } from "../domain/types";
import { visibilityFor, type ParticipantVisibility } from "../domain/visibility";
import type { Relation } from "../domain/permissions";
import { todayOf, type UseCaseDeps } from "./deps";

export interface ParticipantContext {
  participant: Participant;
  visibility: ParticipantVisibility;
  consents: Consent[];
  absences: Absence[];
  relation: Relation;
}

/**
 * Loads a participant as the actor may see them. A participant the actor's organisation may not
 * see is NotFound — the same as one that does not exist — so ids in paths reveal nothing.
 */
export async function loadVisibleParticipant(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
): Promise<ParticipantContext> {
  const today = todayOf(deps);
  const [participant, consents, absences] = await Promise.all([
    deps.storage.participants.get(boardId, participantId),
    deps.storage.consents.listForParticipant(boardId, participantId),
    deps.storage.absences.listCurrent(boardId, today),
  ]);
  if (!participant) throw new NotFound("The participant");
  const visibility = visibilityFor(participant, consents, actor.member.organisationId, today);
  if (!visibility) throw new NotFound("The participant");
  return { participant, visibility, consents, absences, relation: relationOf(actor, participant, absences, consents, today) };
}
