import { standInFor } from "../domain/cover";
import type { Relation } from "../domain/permissions";
import type { Absence, Actor, CalendarDate, Consent, Participant } from "../domain/types";

/**
 * How the actor relates to a participant, from storage only (never from request or card data). A
 * cover from another organisation counts only while the participant's consent names it (cover.ts).
 */
export function relationOf(
  actor: Actor,
  participant: Participant,
  absences: readonly Absence[],
  consents: readonly Consent[],
  today: CalendarDate,
): Relation {
  const me = actor.member.id;
  const standIn = standInFor(participant.caseManagerId, absences, today, { participantId: participant.id, consents });
  return { caseManagerOrCover: participant.caseManagerId === me || standIn === me };
}
