import type { PlanStatus, PlansBody, PlansView } from "@fact-board/contract";

// A participant's plans as the form edits them: each plan "yes", "no" or "notSet" (shown "Ej
// angivet", never "Ingen": nobody has said is not the same as none), and a SIP's details.

export interface PlansDraft {
  crisisPlan: PlanStatus;
  earlySignsPlan: PlanStatus;
  sipHeld: PlanStatus;
  sipHeldOn: string;
  sipNextFollowUpOn: string;
  sipConvenedBy: string;
}

export const planStatuses: PlanStatus[] = ["yes", "no", "notSet"];

export const NO_PLANS_DRAFT: PlansDraft = {
  crisisPlan: "notSet",
  earlySignsPlan: "notSet",
  sipHeld: "notSet",
  sipHeldOn: "",
  sipNextFollowUpOn: "",
  sipConvenedBy: "",
};

export const draftOfPlans = (plans: PlansView): PlansDraft => ({
  crisisPlan: plans.crisisPlan,
  earlySignsPlan: plans.earlySignsPlan,
  sipHeld: plans.sip.held,
  sipHeldOn: plans.sip.heldOn ?? "",
  sipNextFollowUpOn: plans.sip.nextFollowUpOn ?? "",
  sipConvenedBy: plans.sip.convenedBy ?? "",
});

/** The SIP as the draft states it: its details only when a SIP was stated at all (a date held only when held). */
function sipOf(d: PlansDraft): NonNullable<PlansBody["sip"]> {
  if (d.sipHeld === "notSet") return { held: "notSet" };
  return {
    held: d.sipHeld,
    ...(d.sipHeld === "yes" && d.sipHeldOn ? { heldOn: d.sipHeldOn } : {}),
    ...(d.sipNextFollowUpOn ? { nextFollowUpOn: d.sipNextFollowUpOn } : {}),
    ...(d.sipConvenedBy ? { convenedBy: d.sipConvenedBy } : {}),
  };
}

/** Only what the person changed is sent (undefined fields stay as they are on the server). */
export function changedPlans(before: PlansView | undefined, draft: PlansDraft): PlansBody {
  const was = before ? draftOfPlans(before) : NO_PLANS_DRAFT;
  const sip = sipOf(draft);
  const sipBefore = sipOf(was);
  return {
    ...(draft.crisisPlan !== was.crisisPlan ? { crisisPlan: draft.crisisPlan } : {}),
    ...(draft.earlySignsPlan !== was.earlySignsPlan ? { earlySignsPlan: draft.earlySignsPlan } : {}),
    ...(JSON.stringify(sip) !== JSON.stringify(sipBefore) ? { sip } : {}),
  };
}
