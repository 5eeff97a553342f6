import type { PlanStatus } from "@fact-board/contract";
import { assertMayChange } from "./authorship";
import { Invalid } from "./errors";
import type { CalendarDate, Instant, Member, OrganisationId, Participant, ParticipantPlans, SipPlan } from "./types";

// A participant's plans: crisis plan, early-signs plan and SIP (issue 24). Part of the base record,
// so the organisation that wrote the record sets them (authorship "participant.plans") and they
// are shown under its consent. Nothing is assumed: a plan nobody has stated is "notSet" and reads
// "Ej angivet" — in a crisis review, "no crisis plan" when there is one is a patient-safety problem.

export const NO_PLANS: ParticipantPlans = { crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } };

/** What a person sets; a field left out stays as it is. */
export interface PlansChange {
  crisisPlan?: PlanStatus;
  earlySignsPlan?: PlanStatus;
  sip?: SipPlan;
}

export const PLANS_REFUSED = {
  sipDetailsWithoutSip: "SIP dates and who convenes it belong to a SIP: say whether one was held first.",
  heldOnWithoutHeld: "A SIP date held belongs to a SIP that was held.",
  heldInFuture: "A SIP cannot have been held in the future.",
  followUpBeforeHeld: "The next SIP follow-up comes after the SIP was held.",
  convenerNotInvolved: "The organisation that convenes the SIP must be involved with the participant.",
} as const;

/** Why the change cannot be stored, or undefined when it can (shared by the forms, the card and the import). */
export function plansRefusal(change: PlansChange, organisationIds: readonly OrganisationId[], today: CalendarDate): string | undefined {
  const sip = change.sip;
  if (!sip) return undefined;
  const details = sip.heldOn !== undefined || sip.nextFollowUpOn !== undefined || sip.convenedBy !== undefined;
  if (sip.held === "notSet" && details) return PLANS_REFUSED.sipDetailsWithoutSip;
  // A SIP not (yet) held may have its first meeting planned and a convener; only a held one has a date held.
  if (sip.held !== "yes" && sip.heldOn !== undefined) return PLANS_REFUSED.heldOnWithoutHeld;
  if (sip.heldOn !== undefined && sip.heldOn > today) return PLANS_REFUSED.heldInFuture;
  if (sip.heldOn !== undefined && sip.nextFollowUpOn !== undefined && sip.nextFollowUpOn < sip.heldOn)
    return PLANS_REFUSED.followUpBeforeHeld;
  if (sip.convenedBy !== undefined && !organisationIds.includes(sip.convenedBy)) return PLANS_REFUSED.convenerNotInvolved;
  return undefined;
}

/** The plans as `change` leaves them (unchanged fields kept; a SIP is replaced whole). */
export function applyPlans(plans: ParticipantPlans, change: PlansChange): ParticipantPlans {
  return {
    ...plans,
    ...(change.crisisPlan !== undefined ? { crisisPlan: change.crisisPlan } : {}),
    ...(change.earlySignsPlan !== undefined ? { earlySignsPlan: change.earlySignsPlan } : {}),
    ...(change.sip !== undefined ? { sip: withoutUndefined(change.sip) } : {}),
  };
}

const withoutUndefined = (sip: SipPlan): SipPlan => ({
  held: sip.held,
  ...(sip.heldOn !== undefined ? { heldOn: sip.heldOn } : {}),
  ...(sip.nextFollowUpOn !== undefined ? { nextFollowUpOn: sip.nextFollowUpOn } : {}),
  ...(sip.convenedBy !== undefined ? { convenedBy: sip.convenedBy } : {}),
});

/** Which plans differ (names only, for the admin audit and the import report). */
export function changedPlans(before: ParticipantPlans, after: ParticipantPlans): Array<"crisisPlan" | "earlySignsPlan" | "sip"> {
  return (["crisisPlan", "earlySignsPlan", "sip"] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * Sets plans on the participant: only the organisation that wrote the base record (the role is the
 * permission matrix's `participant.setPlans`, asserted by the use-case). Refused changes throw.
 */
export function setPlans(participant: Participant, by: Member, change: PlansChange, today: CalendarDate, now: Instant): Participant {
  assertMayChange("participant.plans", by.organisationId, participant.writtenBy);
  const refusal = plansRefusal(change, participant.organisationIds, today);
  if (refusal) throw new Invalid(refusal, "sip");
  const plans = applyPlans(participant.plans, change);
  if (changedPlans(participant.plans, plans).length === 0) return participant;
  return { ...participant, plans: { ...plans, updatedAt: now, updatedBy: by.id } };
}

/** A SIP with a next follow-up date that has passed: shown on the board and the stage. */
export const sipFollowUpOverdue = (sip: SipPlan, today: CalendarDate): boolean =>
  sip.held !== "notSet" && sip.nextFollowUpOn !== undefined && sip.nextFollowUpOn < today;
