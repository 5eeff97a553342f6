import { standInFor } from "../domain/cover";
import type { Relation } from "../domain/permissions";
import type { Absence, Actor, CalendarDate, Participant } from "../domain/types";

/** How the actor relates to a participant, from storage only (never from request or card data). */
export function relationOf(actor: Actor, participant: Participant, absences: readonly Absence[], today: CalendarDate): Relation {
  const me = actor.member.id;
  return {
    caseManagerOrCover: participant.caseManagerId === me || standInFor(participant.caseManagerId, absences, today) === me,
  };
}
