import type { DecideJoinRequestBody, JoinRequestBody, JoinRequestView } from "@fact-board/contract";
import { AlreadyExists, Forbidden, NotFound, TooMany } from "../domain/errors";
import { joinRequestRights, mayDecideJoinRequest } from "../domain/viewer-rights";
import { isActive, organisationsNamedBy, organisationsOfTenant } from "../domain/membership";
import { memberIdOf, type Actor, type BoardId, type Caller, type JoinRequest, type MemberId } from "../domain/types";
import { recordAdminChange } from "./admin-audit";
import { nowOf, type UseCaseDeps } from "./deps";
import { assertNoIdentityNumber, assertOrganisationTenant, createMember, mayGrant, refuseBeyondReach } from "./members";

// Asking to join a board, and deciding it. A request names the organisations whose tenants the
// person signed in from (the tenant is from their token; the display name and message are their
// own words and prove nothing). Admins decide every request; a manager those naming their own
// organisation, approving into it with the roles they may grant.

export interface JoinRequestLimits {
  /** Pending requests one tenant may have on a board at once. */
  maxPendingPerTenant: number;
}

export const toJoinRequestView = (r: JoinRequest & { etag: string }, organisationIds: string[]): JoinRequestView => ({
  memberId: r.memberId,
  tenantId: r.tenantId,
  objectId: r.objectId,
  displayName: r.displayName,
  ...(r.message ? { message: r.message } : {}),
  organisationIds,
  requestedAt: r.requestedAt,
  state: r.state,
  etag: r.etag,
});

/** A person who opened the app and is not a member asks to join. Asking again is the same request. */
export async function requestToJoin(
  deps: UseCaseDeps,
  caller: Caller,
  boardId: BoardId,
  body: JoinRequestBody,
  limits: JoinRequestLimits,
): Promise<{ state: JoinRequest["state"] }> {
  assertNoIdentityNumber("displayName", body.displayName, body.message);
  const board = await deps.storage.boards.get(boardId);
  // A board is known by its id from the Teams tab's configuration; a person from a tenant the board does not let in learns nothing.
  if (!board || !board.allowedTenantIds.map((t) => t.toLowerCase()).includes(caller.tenantId.toLowerCase()))
    throw new NotFound("The board");
  const memberId = memberIdOf(caller.tenantId, caller.objectId);
  const [member, existing, requests, organisations] = await Promise.all([
    deps.storage.members.findBySignIn(boardId, caller),
    deps.storage.joinRequests.get(boardId, memberId),
    deps.storage.joinRequests.listForBoard(boardId),
    deps.storage.organisations.listForBoard(boardId),
  ]);
  if (member && isActive(member)) throw new AlreadyExists("The member");
  if (existing?.state === "pending") return { state: "pending" };
  const pendingOfTenant = requests.filter((r) => r.state === "pending" && r.tenantId.toLowerCase() === caller.tenantId.toLowerCase());
  if (pendingOfTenant.length >= limits.maxPendingPerTenant)
    throw new TooMany(
      "Too many requests to join from your organisation are waiting: ask an admin or your manager to decide them first.",
      "PendingJoinRequestsCapped",
    );
  const request: JoinRequest = {
    boardId,
    memberId,
    tenantId: caller.tenantId,
    objectId: caller.objectId,
    displayName: body.displayName,
    ...(body.message ? { message: body.message } : {}),
    organisationIds: organisationsOfTenant(caller.tenantId, organisations),
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

const OF_ANOTHER_ORGANISATION = "This join request names another organisation: its manager or an admin decides it.";

export async function decideJoinRequest(
  deps: UseCaseDeps,
  actor: Actor,
  boardId: BoardId,
  memberId: MemberId,
  body: DecideJoinRequestBody,
): Promise<JoinRequestView> {
  const [request, organisations] = await Promise.all([
    deps.storage.joinRequests.get(boardId, memberId),
    deps.storage.organisations.listForBoard(boardId),
  ]);
  if (!request || request.state !== "pending") throw new NotFound("The join request");
  const named = organisationsNamedBy(request, organisations);
  // Approve and decline alike: a manager decides only what names their own organisation.
  if (!mayDecideJoinRequest(actor.member, named)) throw new Forbidden(OF_ANOTHER_ORGANISATION, "JoinRequestOfAnotherOrganisation");
  if (body.decision === "approve") {
    const rights = joinRequestRights(actor.member, request, organisations);
    if (!mayGrant(actor, body.role, body.organisationId))
      await refuseBeyondReach(deps, actor, boardId, { id: memberId, name: request.displayName }, `→ ${body.role}`);
    await assertOrganisationTenant(deps, boardId, body.organisationId, request.tenantId);
    if (!rights.approveInto.some((c) => c.organisationId === body.organisationId))
      throw new Forbidden(OF_ANOTHER_ORGANISATION, "JoinRequestOfAnotherOrganisation");
  }
  const decided: JoinRequest = {
    ...request,
    organisationIds: named,
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
  return toJoinRequestView(saved, named);
}
