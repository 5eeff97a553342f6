import type {
  AddMemberBody,
  DecideJoinRequestBody,
  EditMemberBody,
  JoinRequestBody,
  JoinRequestView,
  LeaveBoardBody,
  MemberAdminView,
  RosterPerson,
} from "@fact-board/contract";
import { askedSubstitute } from "../domain/cover";
import { AlreadyExists, Conflict, Invalid, NotFound } from "../domain/errors";
import { PERSONAL_IDENTITY_NUMBER_REFUSED, looksLikePersonalIdentityNumber } from "../domain/identity-number";
import { assertSubstitutes, isActive, leftMember, planHandOver, withoutSubstitute } from "../domain/membership";
import { Forbidden } from "../domain/errors";
import { isAllowed } from "../domain/permissions";
import {
  identityKeyOf,
  memberIdOf,
  type Actor,
  type BoardId,
  type Caller,
  type JoinRequest,
  type Member,
  type MemberId,
} from "../domain/types";
import { applyCoverEvent } from "./absences";
import { changedFields, recordAdminChange } from "./admin-audit";
import { nowOf, todayOf, type UseCaseDeps } from "./deps";

// The people of a board: added from the Teams team's roster or by approving a join request; role
// changes and substitutes; leaving, with every participant handed over first. Admins for everyone,
// each organisation's manager for their own people.

/** The port to the Teams team's roster (implemented in bot/ with the Bot Framework's paged members call). */
export interface TeamRoster {
  /** Everyone in the Teams team the board's channel belongs to; undefined when the bot is not installed there. */
  membersOf(boardId: BoardId): Promise<Array<{ tenantId: string; objectId: string; displayName: string; guest: boolean }> | undefined>;
}

function assertMayManage(actor: Actor, organisationId: string): void {
  if (isAllowed(actor.member.role, "member.manage")) return;
  if (isAllowed(actor.member.role, "member.manageOwnOrganisation", { ownOrganisation: actor.member.organisationId === organisationId }))
    return;
  throw new Forbidden();
}

const mayManageSomeone = (actor: Actor) =>
  isAllowed(actor.member.role, "member.manage") || isAllowed(actor.member.role, "member.manageOwnOrganisation", { ownOrganisation: true });

function assertNoIdentityNumber(field: string, ...texts: Array<string | undefined>): void {
  if (texts.some((t) => t !== undefined && looksLikePersonalIdentityNumber(t))) throw new Invalid(PERSONAL_IDENTITY_NUMBER_REFUSED, field);
}

export const toMemberAdminView = (m: Member & { etag: string }): MemberAdminView => ({
  id: m.id,
  tenantId: m.tenantId,
  objectId: m.objectId,
  displayName: m.displayName,
  organisationId: m.organisationId,
  role: m.role,
  substituteIds: m.substituteIds,
  ...(m.leftAt ? { leftAt: m.leftAt } : {}),
  caseManagerFor: [],
  caseManagerForHidden: 0,
  etag: m.etag,
});

async function assertOrganisationTenant(deps: UseCaseDeps, boardId: BoardId, organisationId: string, tenantId: string): Promise<void> {
  const organisation = await deps.storage.organisations.get(boardId, organisationId);
  if (!organisation) throw new Invalid("Not an organisation of this board.", "organisationId");
  const tenants = [organisation.tenantId, ...(organisation.additionalTenantIds ?? [])].map((t) => t.toLowerCase());
  // A member signs in from one of their organisation's tenants (guests of the hosting tenant: add that tenant to the organisation).
  if (!tenants.includes(tenantId.toLowerCase()))
    throw new Invalid("The person signs in from a tenant that is not one of this organisation's.", "tenantId");
}

async function createMember(deps: UseCaseDeps, boardId: BoardId, body: AddMemberBody): Promise<Member & { etag: string }> {
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

export async function addMember(deps: UseCaseDeps, actor: Actor, boardId: BoardId, body: AddMemberBody): Promise<MemberAdminView> {
  assertMayManage(actor, body.organisationId);
  assertNoIdentityNumber("displayName", body.displayName);
  await assertOrganisationTenant(deps, boardId, body.organisationId, body.tenantId);
  await recordAdminChange(deps, actor.member, boardId, {
    what: "memberAdded",
    subject: { kind: "member", id: memberIdOf(body.tenantId, body.objectId), name: body.displayName },
    detail: body.role,
  });
  const saved = await createMember(deps, boardId, body);
  await deps.storage.boardVersions.bump(boardId);
  return toMemberAdminView(saved);
}

/** Role, name and ordered substitutes. A new role takes effect at the member's next request (the role is read per request). */
export async function editMember(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  memberId: MemberId,
  body: EditMemberBody,
): Promise<MemberAdminView> {
  const [current, members] = await Promise.all([deps.storage.members.get(boardId, memberId), deps.storage.members.listForBoard(boardId)]);
  if (!current || !isActive(current)) throw new NotFound("The member");
  assertMayManage(actor, current.organisationId);
  assertNoIdentityNumber("displayName", body.displayName);
  // Only admins hand out the admin role; a manager manages their own people up to manager.
  if (body.role === "admin" && !isAllowed(actor.member.role, "member.manage"))
    throw new Forbidden("Only an admin may make someone an admin.");
  if (
    current.id === actor.member.id &&
    body.role &&
    body.role !== current.role &&
    current.role === "admin" &&
    !members.some((m) => m.id !== current.id && m.role === "admin" && isActive(m))
  ) {
    throw new Invalid("A board keeps at least one admin.", "role");
  }
  if (body.substituteIds) assertSubstitutes(current, body.substituteIds, members);
  const next: Member = {
    ...current,
    role: body.role ?? current.role,
    displayName: body.displayName ?? current.displayName,
    substituteIds: body.substituteIds ?? current.substituteIds,
  };
  const fields = changedFields(current, next, ["role", "displayName", "substituteIds"]);
  await recordAdminChange(deps, actor.member, boardId, {
    what: "memberChanged",
    subject: { kind: "member", id: current.id, name: next.displayName },
    fields,
    ...(fields.includes("role") ? { detail: `${current.role} → ${next.role}` } : {}),
  });
  const saved = await deps.storage.members.update(next, { expectedEtag: body.etag });
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
  const [leaver, members, participants, absences] = await Promise.all([
    deps.storage.members.get(boardId, memberId),
    deps.storage.members.listForBoard(boardId),
    deps.storage.participants.listForBoard(boardId),
    deps.storage.absences.listCurrent(boardId, today),
  ]);
  if (!leaver || !isActive(leaver)) throw new NotFound("The member");
  if (leaver.id !== actor.member.id) assertMayManage(actor, leaver.organisationId);
  if (leaver.etag !== body.etag) throw new Conflict("The member", leaver);
  if (leaver.role === "admin" && !members.some((m) => m.id !== leaver.id && m.role === "admin" && isActive(m)))
    throw new Invalid("A board keeps at least one admin: make someone else admin first.", "role");
  // Refused as a whole before anything changes: no participant is ever left without a case manager.
  const handedOver = planHandOver(leaver, participants, body.handOver, members, body.defaultCaseManagerId);

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
  for (const m of withoutSubstitute(
    members.filter((x) => x.id !== leaver.id),
    leaver.id,
  )) {
    await deps.storage.members.update(m, { expectedEtag: members.find((x) => x.id === m.id)!.etag });
  }
  const saved = await deps.storage.members.update(leftMember(leaver, now), { expectedEtag: leaver.etag });
  await deps.storage.boardVersions.bump(boardId);
  return toMemberAdminView(saved);
}

/** A person who opened the app and is not a member asks to join. Asking again is the same request. */
export async function requestToJoin(
  deps: UseCaseDeps,
  caller: Caller,
  boardId: BoardId,
  body: JoinRequestBody,
): Promise<{ state: JoinRequest["state"] }> {
  assertNoIdentityNumber("displayName", body.displayName, body.message);
  const board = await deps.storage.boards.get(boardId);
  // A board is known by its id from the Teams tab's configuration; a person from a tenant the board does not let in learns nothing.
  if (!board || !board.allowedTenantIds.map((t) => t.toLowerCase()).includes(caller.tenantId.toLowerCase()))
    throw new NotFound("The board");
  const memberId = memberIdOf(caller.tenantId, caller.objectId);
  const [member, existing] = await Promise.all([
    deps.storage.members.findBySignIn(boardId, caller),
    deps.storage.joinRequests.get(boardId, memberId),
  ]);
  if (member && isActive(member)) throw new AlreadyExists("The member");
  if (existing?.state === "pending") return { state: "pending" };
  const request: JoinRequest = {
    boardId,
    memberId,
    tenantId: caller.tenantId,
    objectId: caller.objectId,
    displayName: body.displayName,
    ...(body.message ? { message: body.message } : {}),
    requestedAt: nowOf(deps),
    state: "pending",
  };
  if (existing) await deps.storage.joinRequests.update(request, { expectedEtag: existing.etag });
  else await deps.storage.joinRequests.create(request);
  await deps.storage.adminAudit.append({
    boardId,
    at: request.requestedAt,
    actor: { memberId, displayName: body.displayName, organisationId: "", role: "staff" },
    what: "joinRequested",
    subject: { kind: "member", id: memberId, name: body.displayName },
  });
  await deps.storage.boardVersions.bump(boardId);
  return { state: "pending" };
}

export async function decideJoinRequest(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  memberId: MemberId,
  body: DecideJoinRequestBody,
): Promise<JoinRequestView> {
  const request = await deps.storage.joinRequests.get(boardId, memberId);
  if (!request || request.state !== "pending") throw new NotFound("The join request");
  if (body.decision === "approve") {
    assertMayManage(actor, body.organisationId);
    if (body.role === "admin" && !isAllowed(actor.member.role, "member.manage"))
      throw new Forbidden("Only an admin may make someone an admin.");
    await assertOrganisationTenant(deps, boardId, body.organisationId, request.tenantId);
  } else if (!mayManageSomeone(actor)) throw new Forbidden();
  const decided: JoinRequest = {
    ...request,
    state: body.decision === "approve" ? "approved" : "declined",
    decidedBy: actor.member.id,
    decidedAt: nowOf(deps),
  };
  await recordAdminChange(deps, actor.member, boardId, {
    what: body.decision === "approve" ? "joinApproved" : "joinDeclined",
    subject: { kind: "member", id: memberId, name: request.displayName },
    ...(body.decision === "approve" ? { detail: body.role } : {}),
  });
  const saved = await deps.storage.joinRequests.update(decided, { expectedEtag: body.etag });
  if (body.decision === "approve")
    await createMember(deps, boardId, {
      tenantId: request.tenantId,
      objectId: request.objectId,
      displayName: request.displayName,
      organisationId: body.organisationId,
      role: body.role,
    });
  await deps.storage.boardVersions.bump(boardId);
  const { boardId: _b, decidedBy: _d, decidedAt: _a, ...view } = saved;
  return view;
}

/** The Teams team's people, marked whether they are members already: the list to add members from. */
export async function readRoster(
  deps: UseCaseDeps,
  roster: TeamRoster,
  actor: Actor,
  boardId: BoardId,
): Promise<{ people: RosterPerson[]; installed: boolean }> {
  if (!mayManageSomeone(actor)) throw new Forbidden();
  const [people, members] = await Promise.all([roster.membersOf(boardId), deps.storage.members.listForBoard(boardId)]);
  if (!people) return { people: [], installed: false };
  // Each identity a member signs in with counts: a guest account in the roster is that member too.
  const active = new Set(members.filter(isActive).flatMap((m) => [m.id, ...(m.identities ?? []).map(identityKeyOf)]));
  return { installed: true, people: people.map((p) => ({ ...p, member: active.has(memberIdOf(p.tenantId, p.objectId)) })) };
}
