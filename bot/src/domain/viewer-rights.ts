import type { RowRights } from "@fact-board/contract";
import { mayChange } from "./authorship";
import { canApplyEscalationEvent } from "./escalation";
import { isAllowed, type Relation } from "./permissions";
import type { BoardEntry, Escalation, Member, OrganisationId, Participant } from "./types";

// What one viewer may do about one participant, as the views send it: the same permission matrix,
// authorship table and state machine the use-cases assert, so a button the tab shows is one the
// server will accept (the use-cases still decide again on every request).

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
    raiseSignal:
      isAllowed(member.role, "escalation.raise", relation) && participant.organisationIds.some((id) => id !== member.organisationId),
  };
}

export function signalRights(member: Member, relation: Relation, e: Pick<Escalation, "toOrganisationId" | "state">) {
  const mayAnswer =
    mayChange("signal.answer", member.organisationId, e.toOrganisationId) &&
    isAllowed(member.role, "escalation.answer", { ...relation, ownOrganisation: true });
  return {
    acknowledge: mayAnswer && canApplyEscalationEvent(e.state, "acknowledge"),
    resolve: mayAnswer && canApplyEscalationEvent(e.state, "resolve"),
    decline: mayAnswer && canApplyEscalationEvent(e.state, "decline"),
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

/** Setting plans is the record's writer's (authorship "participant.plans"), by the roles of `participant.setPlans`. */
export function planRights(member: Member, relation: Relation, participant: Pick<Participant, "writtenBy">): boolean {
  return (
    mayChange("participant.plans", member.organisationId, participant.writtenBy) &&
    isAllowed(member.role, "participant.setPlans", { ...relation, ownOrganisation: participant.writtenBy === member.organisationId })
  );
}
