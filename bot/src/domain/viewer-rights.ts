import type { RowRights, Role } from "@fact-board/contract";
import { mayChange } from "./authorship";
import { isActive, organisationsNamedBy, organisationsOfTenant } from "./membership";
import { type Permission, type Relation, grantableRoles, isAllowed, mayChangeMember, mayGrantRole, permissionMatrix } from "./permissions";
import { canApplySignalEvent } from "./signal";
import type { Absence, BoardAction, BoardEntry, JoinRequest, Member, Organisation, OrganisationId, Participant, Signal } from "./types";

// What one viewer may do, as the views and cards send it: the same permission matrix, authorship
// table and state machines the use-cases assert, so a button the tab or a card shows is one the
// server will accept (the use-cases still decide again on every request). The one place rights are
// computed: about a row, a signal, a consent, an absence, the board's people and the board itself.

/**
 * Whether the member acts on another organisation's entry as the board's lead organisation
 * (huvudman): the authorship table lets the lead change priority and next evaluation and take the
 * entry off as its own item, and the permission matrix's `entry.steer` says which of its people may.
 */
export function steersAsLead(
  member: Member,
  relation: Relation,
  entry: Pick<BoardEntry, "writtenBy">,
  lead: OrganisationId | undefined,
): boolean {
  return (
    member.organisationId !== entry.writtenBy &&
    mayChange("entry.steer", member.organisationId, entry.writtenBy, lead) &&
    isAllowed(member.role, "entry.steer", { ...relation, leadOrganisation: true })
  );
}

/**
 * `relation` is how the viewer relates to the participant (relationOf), without `ownOrganisation`;
 * `lead` the board's lead organisation.
 */
export function rowRights(
  member: Member,
  relation: Relation,
  participant: Participant,
  entry: Pick<BoardEntry, "writtenBy">,
  lead?: OrganisationId,
): RowRights {
  const ownsEntry = mayChange("entry.sharedFields", member.organisationId, entry.writtenBy);
  const steers = ownsEntry || steersAsLead(member, relation, entry, lead);
  return {
    editEntry: ownsEntry && isAllowed(member.role, "entry.edit", relation),
    steer: steers && isAllowed(member.role, "entry.edit", relation),
    planActions: isAllowed(member.role, "entry.edit", relation),
    review: isAllowed(member.role, "entry.review", relation),
    takeOff: steers && isAllowed(member.role, "entry.takeOff", relation),
    raiseSignal: isAllowed(member.role, "signal.raise", relation) && participant.organisationIds.some((id) => id !== member.organisationId),
    // Always the writer's own item (authorship "sinceLast.write"): only the role matters.
    writeSinceLast: isAllowed(member.role, "sinceLast.write", relation),
  };
}

export function signalRights(member: Member, relation: Relation, e: Pick<Signal, "toOrganisationId" | "state">) {
  const mayAnswer =
    mayChange("signal.answer", member.organisationId, e.toOrganisationId) &&
    isAllowed(member.role, "signal.answer", { ...relation, ownOrganisation: true });
  return {
    acknowledge: mayAnswer && canApplySignalEvent(e.state, "acknowledge"),
    resolve: mayAnswer && canApplySignalEvent(e.state, "resolve"),
    decline: mayAnswer && canApplySignalEvent(e.state, "decline"),
  };
}

/** Recording is the disclosing organisation's own, and only where it has someone to disclose to. */
export function consentRights(member: Member, relation: Relation, participant: Participant, disclosing: OrganisationId) {
  const receivers = participant.organisationIds.filter((id) => id !== disclosing);
  return {
    record:
      receivers.length > 0 &&
      mayChange("consent.record", member.organisationId, disclosing) &&
      isAllowed(member.role, "consent.record", { ...relation, ownOrganisation: true }),
  };
}

/** Editing a participant's record (code, initials, case manager, organisations) is the writing organisation's. */
export function participantRecordRights(member: Member, relation: Relation, participant: Pick<Participant, "writtenBy">): boolean {
  return isAllowed(member.role, "participant.edit", { ...relation, ownOrganisation: participant.writtenBy === member.organisationId });
}

/** A signal's card: the answers (signalRights) and putting the participant on the board while it is unanswered. */
export function signalCardRights(member: Member, relation: Relation, s: Pick<Signal, "toOrganisationId" | "state">, onBoard: boolean) {
  const open = s.state === "open" || s.state === "acknowledged";
  return { ...signalRights(member, relation, s), putOnBoard: open && !onBoard && isAllowed(member.role, "entry.putOn", relation) };
}

/** An entry's shared fields are the writing organisation's (authorship); each action is its writer's to mark done. */
export const mayEditEntryFields = (viewer: OrganisationId, e: Pick<BoardEntry, "writtenBy">): boolean =>
  mayChange("entry.sharedFields", viewer, e.writtenBy);
export const mayMarkActionDone = (viewer: OrganisationId, a: Pick<BoardAction, "writtenBy">): boolean =>
  mayChange("action.markDone", viewer, a.writtenBy);

/** The absent person, or a manager (or admin) of their organisation, may cancel an absence. */
export function absenceRights(member: Member, absence: Pick<Absence, "memberId" | "organisationId">): { cancel: boolean } {
  if (member.leftAt) return { cancel: false };
  if (member.id === absence.memberId) return { cancel: isAllowed(member.role, "absence.registerOwn", {}) };
  return {
    cancel:
      member.organisationId === absence.organisationId && isAllowed(member.role, "absence.registerForOther", { ownOrganisation: true }),
  };
}

/** A working pattern is set by the member themself, or by whom the matrix lets set another member's. */
export const workingPatternPermission = (member: Pick<Member, "id">, memberId: Member["id"]): Permission =>
  memberId === member.id ? "workingPattern.editOwn" : "workingPattern.editOthers";
export const mayEditWorkingPattern = (member: Pick<Member, "id" | "role">, memberId: Member["id"]): boolean =>
  isAllowed(member.role, workingPatternPermission(member, memberId));

/** Kontakter: writing the own organisation's contact for a participant (each contact is its writer's own item). */
export const mayWriteContact = (member: Pick<Member, "role">, relation: Relation): boolean =>
  isAllowed(member.role, "contact.write", relation);

/** What the viewer's role allows in general; per-participant relations (case manager, cover) may add more for staff. */
export function generalPermissions(member: Pick<Member, "role" | "meetingLeader">): Permission[] {
  // Every participant a list or board shows the viewer is one their organisation may see.
  const relation = { ownOrganisation: true, seesParticipant: true, meetingLeader: member.meetingLeader === true };
  return (Object.keys(permissionMatrix) as Permission[]).filter((p) => isAllowed(member.role, p, relation));
}

/** The board's settings pages: which parts this person may change. */
export function boardAdminRights(member: Pick<Member, "role">) {
  return {
    configure: isAllowed(member.role, "board.configure"),
    manageOrganisations: isAllowed(member.role, "organisation.manage"),
    manageMembers: isAllowed(member.role, "member.manage"),
    manageOwnOrganisation: isAllowed(member.role, "member.manageOwnOrganisation", { ownOrganisation: true }),
    importParticipants: isAllowed(member.role, "participant.import"),
    readAdminAudit: isAllowed(member.role, "adminAudit.read"),
    manageStudies: isAllowed(member.role, "study.manage"),
  };
}

/** Someone who may manage some of the board's people (every organisation's, or their own organisation's). */
export const mayManageSomeone = (member: Pick<Member, "role">): boolean => {
  const r = boardAdminRights(member);
  return r.manageMembers || r.manageOwnOrganisation;
};

/** Reviewing an organisation's access log is for its own named log reviewers (and whom the matrix lets). */
export const mayReviewLog = (member: Member, organisationId: OrganisationId, namedReviewers: readonly string[]): boolean =>
  organisationId === member.organisationId &&
  isAllowed(member.role, "logReview.perform", { namedLogReviewer: namedReviewers.includes(member.id) });

// The board's people (issue 29): from the matrix and its role grants; the use-cases assert these too.

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

/** Setting plans is the record's writer's (authorship "participant.plans"), by the roles of `participant.setPlans`. */
export function planRights(member: Member, relation: Relation, participant: Pick<Participant, "writtenBy">): boolean {
  return (
    mayChange("participant.plans", member.organisationId, participant.writtenBy) &&
    isAllowed(member.role, "participant.setPlans", { ...relation, ownOrganisation: participant.writtenBy === member.organisationId })
  );
}

/**
 * Ongoing support and the participant's goal on a row (issue 26): interventions are always the
 * keeper's own items, so only the role matters; the goal is the case manager's organisation's.
 */
export function supportRights(
  member: Member,
  relation: Relation,
  caseManagerOrganisation: OrganisationId | undefined,
): Pick<RowRights, "keepInterventions" | "setGoal"> {
  return {
    keepInterventions: isAllowed(member.role, "intervention.keep", relation),
    setGoal:
      mayChange("participant.goal", member.organisationId, caseManagerOrganisation ?? "") &&
      isAllowed(member.role, "participant.setGoal", { ...relation, ownOrganisation: true }),
  };
}
