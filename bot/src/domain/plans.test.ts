import { NotYourOrganisationsText, Invalid } from "./errors";
import { applyPlans, changedPlans, NO_PLANS, PLANS_REFUSED, plansRefusal, setPlans, sipFollowUpOverdue } from "./plans";
import type { Member, Participant } from "./types";

// A participant's plans (issue 24): stated by the record's writer, "not stated" until someone says.

const TODAY = "2026-03-10";
const NOW = "2026-03-10T08:00:00.000Z";
const member = (organisationId: string): Member => ({
  id: `t.${organisationId}`,
  boardId: "b",
  tenantId: "t",
  objectId: organisationId,
  displayName: organisationId,
  organisationId,
  role: "coordinator",
  substituteIds: [],
});
const participant: Participant = {
  id: "p1",
  boardId: "b",
  code: "HBG-017",
  initials: "A.B.",
  caseManagerId: "t.region",
  writtenBy: "region",
  organisationIds: ["region", "kommun"],
  plans: NO_PLANS,
  onBoard: false,
  createdAt: "2026-01-01T08:00:00.000Z",
};

describe("a participant's plans", () => {
  it("are not stated until someone says, which is not the same as none", () => {
    expect(NO_PLANS).toEqual({ crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } });
  });

  it("are set by the organisation that wrote the record, stamped with who and when", () => {
    const next = setPlans(
      participant,
      member("region"),
      { crisisPlan: "yes", sip: { held: "yes", heldOn: "2026-02-01", nextFollowUpOn: "2026-08-01", convenedBy: "kommun" } },
      TODAY,
      NOW,
    );
    expect(next.plans).toEqual({
      crisisPlan: "yes",
      earlySignsPlan: "notSet",
      sip: { held: "yes", heldOn: "2026-02-01", nextFollowUpOn: "2026-08-01", convenedBy: "kommun" },
      updatedAt: NOW,
      updatedBy: "t.region",
    });
    // A "no" a person states is kept as "no", and "not stated" can be said again.
    expect(setPlans(next, member("region"), { crisisPlan: "no" }, TODAY, NOW).plans.crisisPlan).toBe("no");
    expect(setPlans(next, member("region"), { crisisPlan: "notSet" }, TODAY, NOW).plans.crisisPlan).toBe("notSet");
  });

  it("are refused to another organisation, with what to do instead", () => {
    expect(() => setPlans(participant, member("kommun"), { crisisPlan: "yes" }, TODAY, NOW)).toThrow(NotYourOrganisationsText);
    expect(() => setPlans(participant, member("kommun"), { crisisPlan: "yes" }, TODAY, NOW)).toThrow(/Raise a signal/);
  });

  it("change nothing when set to what they are (a retried form)", () => {
    const once = setPlans(participant, member("region"), { earlySignsPlan: "yes" }, TODAY, NOW);
    expect(setPlans(once, member("region"), { earlySignsPlan: "yes" }, TODAY, "2026-03-11T08:00:00.000Z")).toBe(once);
  });

  it("keep a SIP's dates and convener coherent", () => {
    const ids = participant.organisationIds;
    expect(plansRefusal({ sip: { held: "notSet", heldOn: "2026-01-01" } }, ids, TODAY)).toBe(PLANS_REFUSED.sipDetailsWithoutSip);
    expect(plansRefusal({ sip: { held: "no", heldOn: "2026-01-01" } }, ids, TODAY)).toBe(PLANS_REFUSED.heldOnWithoutHeld);
    expect(plansRefusal({ sip: { held: "yes", heldOn: "2026-03-11" } }, ids, TODAY)).toBe(PLANS_REFUSED.heldInFuture);
    expect(plansRefusal({ sip: { held: "yes", heldOn: "2026-03-01", nextFollowUpOn: "2026-02-01" } }, ids, TODAY)).toBe(
      PLANS_REFUSED.followUpBeforeHeld,
    );
    expect(plansRefusal({ sip: { held: "yes", convenedBy: "elsewhere" } }, ids, TODAY)).toBe(PLANS_REFUSED.convenerNotInvolved);
    // A SIP not held yet may have its first meeting planned and a convener.
    expect(plansRefusal({ sip: { held: "no", nextFollowUpOn: "2026-04-01", convenedBy: "kommun" } }, ids, TODAY)).toBeUndefined();
    expect(() => setPlans(participant, member("region"), { sip: { held: "yes", heldOn: "2027-01-01" } }, TODAY, NOW)).toThrow(Invalid);
  });

  it("name the plans a change touches, replacing a SIP whole", () => {
    const before = applyPlans(NO_PLANS, { sip: { held: "yes", heldOn: "2026-01-01", convenedBy: "kommun" } });
    const after = applyPlans(before, { sip: { held: "yes", heldOn: "2026-01-01" } });
    expect(after.sip).toEqual({ held: "yes", heldOn: "2026-01-01" });
    expect(changedPlans(before, after)).toEqual(["sip"]);
    expect(changedPlans(NO_PLANS, applyPlans(NO_PLANS, { crisisPlan: "no", earlySignsPlan: "notSet" }))).toEqual(["crisisPlan"]);
  });

  it("show a SIP follow-up as overdue the day after its date", () => {
    expect(sipFollowUpOverdue({ held: "yes", nextFollowUpOn: "2026-03-09" }, TODAY)).toBe(true);
    expect(sipFollowUpOverdue({ held: "yes", nextFollowUpOn: TODAY }, TODAY)).toBe(false);
    expect(sipFollowUpOverdue({ held: "yes" }, TODAY)).toBe(false);
    expect(sipFollowUpOverdue({ held: "notSet" }, TODAY)).toBe(false);
  });
});
