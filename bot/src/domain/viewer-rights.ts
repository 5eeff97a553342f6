import type { RowRights } from "@fact-board/contract";
import { mayChange } from "./authorship";
import { canApplySignalEvent } from "./signal";
import { isAllowed, type Relation } from "./permissions";
import type { BoardEntry, Signal, Member, OrganisationId, Participant } from "./types";

// What one viewer may do about one participant, as the views send it: the same permission matrix,
// authorship table and state machine the use-cases assert, so a button the tab shows is one the
// server will accept (the use-cases still decide again on every request).

/** `relation` is how the viewer relates to the participant (relationOf), without `ownOrganisation`. */
export function rowRights(member: Member, relation: Relation, participant: Participant, entry: Pick<BoardEntry, "writtenBy">): RowRights {
  const ownsEntry = mayChange("entry.sharedFields", member.organisationId, entry.writtenBy);
  return {
    editEntry: ownsEntry && isAllowed(member.role, "entry.edit", relation),
    planActions: isAllowed(member.role, "entry.edit", relation),
    review: isAllowed(member.role, "entry.review", relation),
    takeOff: ownsEntry && isAllowed(member.role, "entry.takeOff", relation),
    raiseSignal: isAllowed(member.role, "signal.raise", relation) && participant.organisationIds.some((id) => id !== member.organisationId),
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
