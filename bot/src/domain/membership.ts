import { Invalid } from "./errors";
import type {
  CalendarDate,
  Consent,
  JoinRequest,
  Member,
  MemberId,
  Organisation,
  OrganisationId,
  Participant,
  ParticipantId,
} from "./types";
import { CASE_MANAGER_MAY_NOT_SEE, mayBeCaseManager } from "./visibility";

// Rules for the people of a board: substitutes, leaving, and which tenants a board lets in.

export const isActive = (m: Member): boolean => m.leftAt === undefined;

/**
 * Substitutes are ordered, distinct, active members, never oneself; of the same organisation unless
 * `acrossOrganisations` (an admin pairs them: cover then follows each participant's consent, cover.ts).
 * Those already named stay valid when someone without that right reorders the list.
 */
export function assertSubstitutes(
  member: Member,
  substituteIds: readonly MemberId[],
  members: readonly Member[],
  acrossOrganisations: boolean | ReadonlySet<MemberId> = false,
): void {
  const byId = new Map(members.map((m) => [m.id, m]));
  if (new Set(substituteIds).size !== substituteIds.length) throw new Invalid("A substitute is listed twice.", "substituteIds");
  substituteIds.forEach((id, i) => {
    const s = byId.get(id);
    if (!s || !isActive(s)) throw new Invalid("Not a member of this board.", `substituteIds.${i}`);
    if (s.id === member.id) throw new Invalid("A member cannot be their own substitute.", `substituteIds.${i}`);
    const mayCross = acrossOrganisations === true || (acrossOrganisations !== false && acrossOrganisations.has(s.id));
    if (s.organisationId !== member.organisationId && !mayCross)
      throw new Invalid("Only an admin may name a substitute from another organisation.", `substituteIds.${i}`);
  });
}

export interface HandOver {
  participantId: ParticipantId;
  caseManagerId: MemberId;
}

/** What a hand-over needs to know about the participants: their consents today, and which of them the person handing over may see. */
export interface HandOverContext {
  consents: ReadonlyMap<ParticipantId, readonly Consent[]>;
  today: CalendarDate;
  /** Participants the actor's organisation may see: a refusal names only these; the others are the default's. */
  visibleToActor: ReadonlySet<ParticipantId>;
}

/**
 * A member who leaves hands over every participant they are case manager for: each one needs a
 * new case manager, an active member of the board other than the leaver, whose organisation may
 * see the participant. Returns the participants with their new case manager; refuses (naming the
 * first participant left without one, or the default for those the actor may not see) otherwise.
 */
export function planHandOver(
  leaver: Member,
  participants: readonly Participant[],
  handOver: readonly HandOver[],
  members: readonly Member[],
  defaultCaseManagerId: MemberId | undefined,
  ctx: HandOverContext,
): Participant[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const chosen = new Map(handOver.map((h) => [h.participantId, h.caseManagerId]));
  const theirs = participants.filter((p) => p.caseManagerId === leaver.id && !p.leftTeamOn && !p.erasedAt);
  return theirs.map((p) => {
    const named = chosen.get(p.id);
    const next = named ?? defaultCaseManagerId;
    // Ids of participants the actor may not see are not theirs to learn: those refusals name the default.
    const field = named !== undefined || ctx.visibleToActor.has(p.id) ? `handOver.${p.id}` : "defaultCaseManagerId";
    if (!next) throw new Invalid("Every participant needs a new case manager before their case manager leaves.", field);
    const m = byId.get(next);
    if (!m || !isActive(m) || m.id === leaver.id) throw new Invalid("The new case manager must be another member of this board.", field);
    if (!mayBeCaseManager(m, p, ctx.consents.get(p.id) ?? [], ctx.today))
      throw new Invalid(CASE_MANAGER_MAY_NOT_SEE, field, "CaseManagerMayNotSee");
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

/**
 * A change that takes the admin role from `member` (a demotion or leaving) keeps the board's last
 * admin: refused when no other active admin remains. Returns the other active admins, which the
 * write must find unchanged (member-repository `unchanged`), so two admins demoting each other at
 * the same moment cannot both succeed.
 */
export function assertKeepsAnAdmin<M extends Member>(member: Member, stillAdmin: boolean, members: readonly M[]): M[] {
  if (member.role !== "admin" || !isActive(member) || stillAdmin) return [];
  const others = members.filter((m) => m.id !== member.id && m.role === "admin" && isActive(m));
  if (others.length === 0) throw new Invalid("A board keeps at least one admin: make someone else admin first.", "role", "LastAdmin");
  return others.slice(0, MAX_ADMINS_CHECKED);
}

/** A transaction holds 100 actions: the change itself and up to 99 other admins (a board has a handful). */
const MAX_ADMINS_CHECKED = 99;

/** The board's organisations one signs in to from this tenant (the tenant comes from the token). */
export const organisationsOfTenant = (tenantId: string, organisations: readonly Organisation[]): OrganisationId[] =>
  organisations.filter((o) => tenantsOf(o).some((t) => t.toLowerCase() === tenantId.toLowerCase())).map((o) => o.id);

/**
 * The organisations a join request names: those whose tenants the person signed in from, fixed
 * when they asked (a request stored before requests named them: worked out from its tenant now).
 * Never the free display name or message. Their managers, and admins, decide it.
 */
export const organisationsNamedBy = (request: Pick<JoinRequest, "tenantId" | "organisationIds">, organisations: readonly Organisation[]) =>
  request.organisationIds ?? organisationsOfTenant(request.tenantId, organisations);
