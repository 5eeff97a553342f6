import { readableWriters } from "./consent";
import { isAllowed } from "./permissions";
import type { CalendarDate, Consent, Member, OrganisationId, Participant, ParticipantId } from "./types";

// Who sees what. Every item carries the organisation that wrote it; a member of organisation Y
// sees an item written by X only if X = Y or X's valid consent names Y. A member who may not read
// a participant's base record sees nothing of that participant: no code, no initials, no entry,
// only a count of hidden entries on the board (so the morning call knows some are missing).

export interface ParticipantVisibility {
  participant: Participant;
  /** The viewer's own organisation: what it wrote, it may also change (authorship.ts). */
  viewer: OrganisationId;
  /** Organisations whose writing the viewer may read for this participant. */
  readable: Set<OrganisationId>;
}

export function groupConsentsByParticipant(consents: readonly Consent[]): Map<ParticipantId, Consent[]> {
  const byParticipant = new Map<ParticipantId, Consent[]>();
  for (const c of consents) {
    const list = byParticipant.get(c.participantId);
    if (list) list.push(c);
    else byParticipant.set(c.participantId, [c]);
  }
  return byParticipant;
}

/** The participant as the viewer may see them, or undefined when they may see nothing. */
export function visibilityFor(
  participant: Participant,
  participantConsents: readonly Consent[],
  viewer: OrganisationId,
  today: CalendarDate,
): ParticipantVisibility | undefined {
  if (participant.erasedAt) return undefined;
  const readable = readableWriters(participantConsents, viewer, today);
  return readable.has(participant.writtenBy) ? { participant, viewer, readable } : undefined;
}

export function canRead(visibility: ParticipantVisibility, writtenBy: OrganisationId): boolean {
  return visibility.readable.has(writtenBy);
}

/**
 * Whether a member may be named the participant's case manager: their organisation may see the
 * participant today (the matrix's `participant.beCaseManager`). A case manager who could not see
 * their own participant would get cards and a caseload they may not open.
 */
export function mayBeCaseManager(
  member: Member,
  participant: Participant,
  participantConsents: readonly Consent[],
  today: CalendarDate,
): boolean {
  const seesParticipant = visibilityFor(participant, participantConsents, member.organisationId, today) !== undefined;
  return isAllowed(member.role, "participant.beCaseManager", { seesParticipant });
}

export const CASE_MANAGER_MAY_NOT_SEE =
  "The case manager's organisation may not see this participant (consent): choose someone whose organisation may.";
