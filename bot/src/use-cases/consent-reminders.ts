import { addDays } from "../domain/dates";
import { Forbidden } from "../domain/errors";
import type { Actor, BoardId, OrganisationId, ParticipantId } from "../domain/types";
import { consentRights } from "../domain/viewer-rights";
import { todayOf, type UseCaseDeps } from "./deps";
import { loadVisibleParticipant } from "./participant-access";

export const CONSENT_REMINDER_KIND = "consentReminder";

/**
 * "Påminn mig senare" on a consent card: the card comes back to this person in `days` days. Only
 * someone who may see the participant and record this consent may ask. The id names the day, so a
 * double click schedules one reminder and another choice another.
 */
export async function remindAboutConsentLater(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  participantId: ParticipantId,
  disclosingOrganisationId: OrganisationId,
  days: number,
): Promise<void> {
  const ctx = await loadVisibleParticipant(deps, actor, boardId, participantId);
  if (!consentRights(actor.member, ctx.relation, ctx.participant, disclosingOrganisationId).record) throw new Forbidden();
  const on = addDays(todayOf(deps), days);
  await deps.storage.dueItems.schedule({
    kind: CONSENT_REMINDER_KIND,
    id: `${boardId}.${participantId}.${disclosingOrganisationId}.${actor.member.id}.${on}`,
    dueAt: new Date(deps.clock().getTime() + days * 86_400_000).toISOString().slice(0, 13) + ":00:00.000Z",
    payload: { boardId, participantId, disclosingOrganisationId, memberId: actor.member.id },
  });
}
