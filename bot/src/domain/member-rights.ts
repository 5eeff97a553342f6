import type { Role } from "@fact-board/contract";
import { isActive, organisationsNamedBy, organisationsOfTenant } from "./membership";
import { grantableRoles, isAllowed, mayChangeMember, mayGrantRole } from "./permissions";
import type { JoinRequest, Member, Organisation, OrganisationId } from "./types";

// What one person may do about the board's people (issue 29), from the permission matrix and its
// role grants: the use-cases assert these, and the admin pages get them with the data, so the tab
// offers exactly the choices the server will accept.

export interface GrantChoice {
  organisationId: OrganisationId;
  roles: Role[];
}

const relationTo = (actor: Member, organisationId: OrganisationId) => ({ ownOrganisation: actor.organisationId === organisationId });

/** Where the actor may place someone, and with which roles: every organisation for an admin, their own for a manager. */
export function grantChoices(actor: Member, organisations: readonly Pick<Organisation, "id">[]): GrantChoice[] {
  return organisations
    .map((o) => ({ organisationId: o.id, roles: grantableRoles(actor.role, relationTo(actor, o.id)) }))
    .filter((c) => c.roles.length > 0);
}

/** Change them (name, substitutes), the roles they may be given, and whether the actor may let them leave. */
export function memberRights(actor: Member, member: Member): { edit: boolean; roles: Role[]; leave: boolean } {
  if (!isActive(member)) return { edit: false, roles: [], leave: false };
  const relation = { ...relationTo(actor, member.organisationId), self: actor.id === member.id };
  const reach = mayGrantRole(actor.role, member.role, relation);
  return {
    edit: mayChangeMember(actor.role, { from: member.role }, relation),
    roles: reach ? grantableRoles(actor.role, relation) : [],
    // Anyone may leave by themselves (the last admin excepted: the server says so).
    leave: relation.self || reach,
  };
}

/** Admins decide every join request; a manager those that name their own organisation. */
export function mayDecideJoinRequest(actor: Member, named: readonly OrganisationId[]): boolean {
  if (isAllowed(actor.role, "member.manage")) return true;
  return named.includes(actor.organisationId) && isAllowed(actor.role, "member.manageOwnOrganisation", { ownOrganisation: true });
}

/**
 * What the actor may decide about a join request: decline it, and approve it into which of the
 * organisations the person signs in to now, with which roles (a manager: their own organisation,
 * when the request names it, with the roles they may grant).
 */
export function joinRequestRights(
  actor: Member,
  request: Pick<JoinRequest, "tenantId" | "organisationIds">,
  organisations: readonly Organisation[],
): { decline: boolean; approveInto: GrantChoice[] } {
  const named = organisationsNamedBy(request, organisations);
  if (!mayDecideJoinRequest(actor, named)) return { decline: false, approveInto: [] };
  const admin = isAllowed(actor.role, "member.manage");
  const into = organisationsOfTenant(request.tenantId, organisations).filter((id) => admin || named.includes(id));
  return {
    decline: true,
    approveInto: grantChoices(
      actor,
      into.map((id) => ({ id })),
    ),
  };
}
