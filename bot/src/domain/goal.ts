import { assertMayChange } from "./authorship";
import type { Instant, Member, OrganisationId, Participant, ParticipantGoal } from "./types";
import { canRead, type ParticipantVisibility } from "./visibility";

// The participant's own goal (Deltagarens mål, issue 26): "samplanering … med deltagaren i fokus".
// Short, in the participant's words, written by the case manager's organisation (the one that
// holds the participant's own plan with them) and shown to others only under that organisation's
// consent. A later change of case manager to another organisation does not move the words: the
// goal stays its writer's item, and the new case manager's organisation writes its own.

export const GOAL_MAX = 200;

/** The goal as this viewer may read it: its writer's consent decides. */
export const readableGoal = (visibility: ParticipantVisibility): ParticipantGoal | undefined => {
  const goal = visibility.participant.goal;
  return goal && canRead(visibility, goal.organisationId) ? goal : undefined;
};

/**
 * The participant with the goal set (or cleared, for empty text) by a member of the case manager's
 * organisation; any other organisation is refused (authorship "participant.goal"). Unchanged text
 * gives the same participant back (a retried request).
 */
export function setGoal(
  participant: Participant,
  by: Pick<Member, "id" | "organisationId">,
  caseManagerOrganisation: OrganisationId | undefined,
  text: string,
  now: Instant,
): Participant {
  assertMayChange("participant.goal", by.organisationId, caseManagerOrganisation ?? "");
  const written = text.trim();
  const { goal: current, ...rest } = participant;
  if ((current?.text ?? "") === written && (written === "" || current?.organisationId === by.organisationId)) return participant;
  if (written === "") return rest;
  return { ...rest, goal: { text: written, organisationId: by.organisationId, writtenBy: by.id, writtenAt: now } };
}
