import type { AddMemberBody, EditMemberBody, LeaveBoardBody, MemberAdminView, Role, RosterPerson } from "@fact-board/contract";
import { askedSubstitute } from "../domain/cover";
import { AlreadyExists, Conflict, Forbidden, Invalid, NotFound } from "../domain/errors";
import { PERSONAL_IDENTITY_NUMBER_REFUSED, looksLikePersonalIdentityNumber } from "../domain/identity-number";
import { assertKeepsAnAdmin, assertSubstitutes, isActive, leftMember, planHandOver, withoutSubstitute } from "../domain/membership";
import { isAllowed, mayChangeMember, mayGrantRole } from "../domain/permissions";
import { mayManageSomeone } from "../domain/viewer-rights";
import { groupConsentsByParticipant, visibilityFor } from "../domain/visibility";
import { identityKeyOf, memberIdOf, type Actor, type BoardId, type Member, type MemberId } from "../domain/types";
import { applyCoverEvent } from "./absences";
import { changedFields, recordAdminChange } from "./admin-audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";

// The people of a board: added from the Teams team's roster (join requests: join-requests.ts);
// role changes and substitutes; leaving, with every participant handed over first. Roles are
// granted only up to the actor's reach (permissions.ts roleGrants): admins everyone, each
// organisation's manager their own staff and coordinators. A board always keeps an admin.

/** The port to the Teams team's roster (implemented in bot/ with the Bot Framework's paged members call). */
export interface TeamRoster {
  /**
   * Everyone in the Teams team the board's channel belongs to (the morning-brief channel's team, if
   * the board names one); undefined when the bot is not installed there.
   */
  membersOf(
    boardId: BoardId,
    briefChannelId?: string,
  ): Promise<Array<{ tenantId: string; objectId: string; displayName: string; guest: boolean }> | undefined>;
}

export function assertNoIdentityNumber(field: string, ...texts: Array<string | undefined>): void {
  if (texts.some((t) => t !== undefined && looksLikePersonalIdentityNumber(t))) throw new Invalid(PERSONAL_IDENTITY_NUMBER_REFUSED, field);
}

/**
 * Refuses a role given, changed or taken away beyond the actor's reach, and records the refusal in
 * the admin audit first: a partner trying to make an admin is something the admins must see.
 * `detail` says what was tried ("staff → admin", "→ manager", "admin → left"), never why in words.
 */
export async function refuseBeyondReach(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  subject: { id: MemberId; name: string },
  detail: string,
): Promise<never> {
  await recordAdminChange(deps, actor.member, boardId, { what: "roleGrantRefused", subject: { kind: "member", ...subject }, detail });
  throw new Forbidden("Your role may not grant, change or remove this role here.", "RoleBeyondReach");
}

export const toMemberAdminView = (m: Member & { etag: string }): MemberAdminView => ({
  id: m.id,
  tenantId: m.tenantId,
  objectId: m.objectId,
  displayName: m.displayName,
  organisationId: m.organisationId,
  role: m.role,
  substituteIds: m.substituteIds,
  ...(m.meetingLeader ? { meetingLeader: true } : {}),
  ...(m.leftAt ? { leftAt: m.leftAt } : {}),
  caseManagerFor: [],
  caseManagerForHidden: 0,
  etag: m.etag,
});

export async function assertOrganisationTenant(
  deps: UseCaseDeps,
  boardId: BoardId,
  organisationId: string,
  tenantId: string,
): Promise<void> {
  const organisation = await deps.storage.organisations.get(boardId, organisationId);
  if (!organisation) throw new Invalid("Not an organisation of this board.", "organisationId");
  const tenants = [organisation.tenantId, ...(organisation.additionalTenantIds ?? [])].map((t) => t.toLowerCase());
  // A member signs in from one of their organisation's tenants (guests of the hosting tenant: add that tenant to the organisation).
  if (!tenants.includes(tenantId.toLowerCase()))
    throw new Invalid("The person signs in from a tenant that is not one of this organisation's.", "tenantId");
}

export async function createMember(deps: UseCaseDeps, boardId: BoardId, body: AddMemberBody): Promise<Member & { etag: string }> {
  const id = memberIdOf(body.tenantId, body.objectId);
  // The person may already be a member under another identity (a guest account, a home tenant).
  const [existing, signedInAs] = await Promise.all([
    deps.storage.members.get(boardId, id),
    deps.storage.members.findBySignIn(boardId, { tenantId: body.tenantId, objectId: body.objectId }),
  ]);
  if ((existing && isActive(existing)) || (signedInAs && isActive(signedInAs))) throw new AlreadyExists("The member");
  const member: Member = {
    id,
    boardId,
    tenantId: body.tenantId,
    objectId: body.objectId,
    displayName: body.displayName,
    organisationId: body.organisationId,
    role: body.role,
    substituteIds: [],
  };
  // Someone who left and comes back is the same person: the same id, so their history stays theirs.
  return existing ? deps.storage.members.update(member, { expectedEtag: existing.etag }) : deps.storage.members.create(member);
}

/** Whether the actor may give `role` to someone of `organisationId` (permissions.ts roleGrants). */
export const mayGrant = (actor: Actor, role: Role, organisationId: string): boolean =>
  mayGrantRole(actor.member.role, role, { ownOrganisation: actor.member.organisationId === organisationId });

export async function addMember(deps: UseCaseDeps, actor: Actor, boardId: BoardId, body: AddMemberBody): Promise<MemberAdminView> {
  assertNoIdentityNumber("displayName", body.displayName);
  const subject = { id: memberIdOf(body.tenantId, body.objectId), name: body.displayName };
  if (!mayGrant(actor, body.role, body.organisationId)) await refuseBeyondReach(deps, actor, boardId, subject, `→ ${body.role}`);
  await assertOrganisationTenant(deps, boardId, body.organisationId, body.tenantId);
  await recordAdminChange(deps, actor.member, boardId, { what: "memberAdded", subject: { kind: "member", ...subject }, detail: body.role });
  const saved = await createMember(deps, boardId, body);
  await deps.storage.boardVersions.bump(boardId);
  return toMemberAdminView(saved);
}

/**
 * Role, name and ordered substitutes. A new role takes effect at the member's next request (the
 * role is read per request). Any change needs reach over the role they hold, a role change over the
 * new one too; demoting the last admin is refused, and the write holds only while the other admins
 * are unchanged (two admins demoting each other at once: one of them is refused).
 */
export async function editMember(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  memberId: MemberId,
  body: EditMemberBody,
): Promise<MemberAdminView> {
  const [current, members] = await Promise.all([deps.storage.members.get(boardId, memberId), deps.storage.members.listForBoard(boardId)]);
  if (!current || !isActive(current)) throw new NotFound("The member");
  assertNoIdentityNumber("displayName", body.displayName);
  const relation = { ownOrganisation: current.organisationId === actor.member.organisationId, self: current.id === actor.member.id };
  const to = body.role ?? current.role;
  if (!mayChangeMember(actor.member.role, { from: current.role, to }, relation))
    await refuseBeyondReach(
      deps,
      actor,
      boardId,
      { id: current.id, name: current.displayName },
      to !== current.role ? `${current.role} → ${to}` : `${current.role} (name or substitutes)`,
    );
  const otherAdmins = assertKeepsAnAdmin(current, to === "admin", members);
  // Who leads the meeting is the board's choice, not an organisation's: admins mark leaders, of any role.
  if (body.meetingLeader !== undefined && body.meetingLeader !== (current.meetingLeader === true))
    if (!isAllowed(actor.member.role, "member.manage")) throw new Forbidden("Only an admin marks meeting leaders.");
  if (body.substituteIds)
    assertSubstitutes(
      current,
      body.substituteIds,
      members,
      // Without the right, a list an admin made across organisations may still be reordered or shortened.
      isAllowed(actor.member.role, "member.substituteAcrossOrganisations") || new Set(current.substituteIds),
    );
  const next: Member = {
    ...current,
    role: to,
    displayName: body.displayName ?? current.displayName,
    substituteIds: body.substituteIds ?? current.substituteIds,
  };
  if (body.meetingLeader !== undefined) {
    if (body.meetingLeader) next.meetingLeader = true;
    else delete next.meetingLeader;
  }
  const fields = changedFields(current, next, ["role", "displayName", "substituteIds", "meetingLeader"]);
  await recordAdminChange(deps, actor.member, boardId, {
    what: "memberChanged",
    subject: { kind: "member", id: current.id, name: next.displayName },
    fields,
    ...(fields.includes("role") ? { detail: `${current.role} → ${next.role}` } : {}),
  });
  const saved = await deps.storage.members.update(next, { expectedEtag: body.etag, unchanged: otherAdmins });
  await deps.storage.boardVersions.bump(boardId);
  return toMemberAdminView(saved);
}

/**
 * A member leaves the board. Every participant they are case manager for gets a new one first (the
 * request must name one for each, or a default); their cover requests are cancelled or passed to the
 * next substitute; colleagues drop them as substitute. Their name stays in history and the access log.
 */
export async function leaveBoard(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  memberId: MemberId,
  body: LeaveBoardBody,
): Promise<MemberAdminView> {
  assertNoIdentityNumber("reason", body.reason);
  const today = todayOf(deps);
  const [leaver, members, participants, absences, allConsents] = await Promise.all([
    deps.storage.members.get(boardId, memberId),
    deps.storage.members.listForBoard(boardId),
    deps.storage.participants.listForBoard(boardId),
    deps.storage.absences.listCurrent(boardId, today),
    deps.storage.consents.listForBoard(boardId),
  ]);
  if (!leaver || !isActive(leaver)) throw new NotFound("The member");
  // Letting someone else go is taking their role away: only within reach (changes to admins: admins).
  if (leaver.id !== actor.member.id && !mayGrant(actor, leaver.role, leaver.organisationId))
    await refuseBeyondReach(deps, actor, boardId, { id: leaver.id, name: leaver.displayName }, `${leaver.role} → left`);
  if (leaver.etag !== body.etag) throw new Conflict("The member", leaver);
  const otherAdmins = assertKeepsAnAdmin(leaver, false, members);
  // Refused as a whole before anything changes: no participant is ever left without a case manager,
  // nor given one whose organisation may not see them.
  const consents = groupConsentsByParticipant(allConsents);
  const visibleToActor = new Set(
    participants.filter((p) => visibilityFor(p, consents.get(p.id) ?? [], actor.member.organisationId, today)).map((p) => p.id),
  );
  const handedOver = planHandOver(leaver, participants, body.handOver, members, body.defaultCaseManagerId, {
    consents,
    today,
    visibleToActor,
  });

  await recordAdminChange(deps, actor.member, boardId, {
    what: "memberLeft",
    subject: { kind: "member", id: leaver.id, name: leaver.displayName },
    detail: `${handedOver.length} participants handed over: ${body.reason}`,
  });
  for (const p of handedOver) {
    const stored = participants.find((x) => x.id === p.id)!;
    await deps.storage.participants.update(p, { expectedEtag: stored.etag });
  }
  const now = nowOf(deps);
  for (const a of absences) {
    // Their own absence needs no cover any more; a cover request asking them moves on to the next substitute.
    if (a.memberId === leaver.id && (a.cover.state === "requesting" || a.cover.state === "covered" || a.cover.state === "uncovered"))
      await applyCoverEvent(deps, a, { type: "cancel", at: now }, a.etag!);
    else if (a.cover.state === "requesting" && askedSubstitute(a.cover) === leaver.id)
      await applyCoverEvent(deps, a, { type: "decline", by: leaver.id, at: now }, a.etag!);
  }
  const latest = new Map(members.map((m) => [m.id, m]));
  for (const m of withoutSubstitute(
    members.filter((x) => x.id !== leaver.id),
    leaver.id,
  )) {
    latest.set(m.id, await deps.storage.members.update(m, { expectedEtag: latest.get(m.id)!.etag }));
  }
  // The other admins as they are now (dropping the leaver as their substitute changed their ETags).
  const unchanged = otherAdmins.map((a) => latest.get(a.id)!);
  const saved = await deps.storage.members.update(leftMember(leaver, now), { expectedEtag: leaver.etag, unchanged });
  await deps.storage.boardVersions.bump(boardId);
  return toMemberAdminView(saved);
}

/** The Teams team's people, marked whether they are members already: the list to add members from. */
export async function readRoster(
  deps: UseCaseDeps,
  roster: TeamRoster,
  actor: Actor,
  boardId: BoardId,
): Promise<{ people: RosterPerson[]; installed: boolean }> {
  if (!mayManageSomeone(actor.member)) throw new Forbidden();
  const board = await deps.storage.boards.get(boardId);
  const [people, members] = await Promise.all([
    roster.membersOf(boardId, board?.settings?.briefChannelId),
    deps.storage.members.listForBoard(boardId),
  ]);
  if (!people) return { people: [], installed: false };
  // Each identity a member signs in with counts: a guest account in the roster is that member too.
  const active = new Set(members.filter(isActive).flatMap((m) => [m.id, ...(m.identities ?? []).map(identityKeyOf)]));
  return { installed: true, people: people.map((p) => ({ ...p, member: active.has(memberIdOf(p.tenantId, p.objectId)) })) };
}
