import { Invalid } from "./errors";
import type { Member, MemberId, Organisation, Participant, ParticipantId } from "./types";

// Rules for the people of a board: substitutes, leaving, and which tenants a board lets in.

export const isActive = (m: Member): boolean => m.leftAt === undefined;

/** Substitutes are ordered, distinct, active members of the same organisation, never oneself (cover is per organisation because consent is). */
export function assertSubstitutes(member: Member, substituteIds: readonly MemberId[], members: readonly Member[]): void {
  const byId = new Map(members.map((m) => [m.id, m]));
  if (new Set(substituteIds).size !== substituteIds.length) throw new Invalid("A substitute is listed twice.", "substituteIds");
  substituteIds.forEach((id, i) => {
    const s = byId.get(id);
    if (!s || !isActive(s)) throw new Invalid("Not a member of this board.", `substituteIds.${i}`);
    if (s.id === member.id) throw new Invalid("A member cannot be their own substitute.", `substituteIds.${i}`);
    if (s.organisationId !== member.organisationId)
      throw new Invalid("A substitute must be from the same organisation.", `substituteIds.${i}`);
  });
}

export interface HandOver {
  participantId: ParticipantId;
  caseManagerId: MemberId;
}

/**
 * A member who leaves hands over every participant they are case manager for: each one needs a
 * new case manager, an active member of the board other than the leaver. Returns the participants
 * with their new case manager; refuses (naming the first participant left without one) otherwise.
 */
export function planHandOver(
  leaver: Member,
  participants: readonly Participant[],
  handOver: readonly HandOver[],
  members: readonly Member[],
  defaultCaseManagerId?: MemberId,
): Participant[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const chosen = new Map(handOver.map((h) => [h.participantId, h.caseManagerId]));
  const theirs = participants.filter((p) => p.caseManagerId === leaver.id && !p.leftTeamOn && !p.erasedAt);
  return theirs.map((p) => {
    const next = chosen.get(p.id) ?? defaultCaseManagerId;
    if (!next) throw new Invalid("Every participant needs a new case manager before their case manager leaves.", `handOver.${p.id}`);
    const m = byId.get(next);
    if (!m || !isActive(m) || m.id === leaver.id)
      throw new Invalid("The new case manager must be another member of this board.", `handOver.${p.id}`);
    return { ...p, caseManagerId: m.id };
  });
}

/** What is left of a member who leaves: their name stays (history, access log), their substitutes go. */
export function leftMember(member: Member, at: string): Member {
  return { ...member, substituteIds: [], leftAt: at };
}

/** Members who listed the leaver as a substitute no longer do. */
export function withoutSubstitute(members: readonly Member[], leaverId: MemberId): Member[] {
  return members
    .filter((m) => m.substituteIds.includes(leaverId))
    .map((m) => ({ ...m, substituteIds: m.substituteIds.filter((id) => id !== leaverId) }));
}

/** The tenants of an organisation: where its people sign in from. */
export const tenantsOf = (o: Organisation): string[] => [o.tenantId, ...(o.additionalTenantIds ?? [])];

/** A board lets in exactly the tenants of its organisations: one source, no separate list. */
export const allowedTenantsOf = (organisations: readonly Organisation[]): string[] =>
  [...new Set(organisations.flatMap(tenantsOf).map((t) => t.toLowerCase()))].sort();
