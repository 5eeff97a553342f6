import { followUpPerOrganisation, followUpYears, yearEnd } from "./follow-up";
import { NO_PLANS } from "./plans";
import type { Participant, ParticipantPlans } from "./types";

const organisations = [
  { id: "region", name: "Påhittad psykiatri", kind: "regionPsychiatry" as const },
  { id: "norrby", name: "Norrby socialtjänst (fiktiv)", kind: "municipalSocialServices" as const },
];

type P = Pick<Participant, "id" | "createdAt" | "leftTeamOn" | "organisationIds" | "onBoard" | "plans" | "erasedAt">;
let n = 0;
const participant = (createdOn: string, organisationIds: string[], more: Partial<P> = {}): P => ({
  id: `p${++n}`,
  createdAt: `${createdOn}T08:00:00.000Z`,
  organisationIds,
  onBoard: false,
  plans: NO_PLANS,
  ...more,
});
const sipHeld = (nextFollowUpOn?: string): ParticipantPlans => ({
  ...NO_PLANS,
  sip: { held: "yes", heldOn: "2026-01-10", ...(nextFollowUpOn ? { nextFollowUpOn } : {}) },
});

describe("follow-up per organisation", () => {
  const TODAY = "2026-03-04";
  const participants = [
    participant("2025-02-01", ["region", "norrby"], { onBoard: true, plans: { ...sipHeld("2026-03-01"), crisisPlan: "yes" } }),
    participant("2025-06-01", ["region", "norrby"], { leftTeamOn: "2025-11-30" }),
    participant("2025-12-31", ["region"], { plans: { ...NO_PLANS, crisisPlan: "no", sip: { held: "no" } } }),
    participant("2026-02-01", ["region", "norrby"], { onBoard: true, plans: sipHeld("2026-09-01") }),
    participant("2026-02-02", ["norrby"], { plans: sipHeld() }),
  ];
  const all = new Set(participants.map((p) => p.id));

  it("counts per organisation the participants involved at the end of the year, the new ones, and the target", () => {
    const rows = followUpPerOrganisation(
      { organisations, participants, targets: [{ organisationId: "norrby", perYear: 30 }], visibleIds: all, inStudyIds: new Set() },
      2025,
      TODAY,
    );
    expect(rows.map((r) => [r.name, r.involvedAtYearEnd, r.newInYear, r.target])).toEqual([
      // Left in November 2025: new in 2025, but not involved at its end.
      ["Påhittad psykiatri", 2, 3, undefined],
      ["Norrby socialtjänst (fiktiv)", 1, 2, 30],
    ]);
  });

  it("counts the year under way up to today, and today's board, SIPs and crisis plans", () => {
    const [region, norrby] = followUpPerOrganisation(
      { organisations, participants, targets: [], visibleIds: all, inStudyIds: new Set() },
      2026,
      TODAY,
    );
    expect(region).toMatchObject({
      involvedAtYearEnd: 3,
      newInYear: 1,
      involvedNow: 3,
      onBoardNow: 2,
      plansCounted: 3,
      sip: { yes: 2, no: 1, notSet: 0 },
      // The SIP whose follow-up was due on 1 March.
      sipFollowUpOverdue: 1,
      crisisPlan: { yes: 1, no: 1, notSet: 1 },
    });
    expect(norrby).toMatchObject({ involvedNow: 3, onBoardNow: 2, sip: { yes: 3, no: 0, notSet: 0 }, sipFollowUpOverdue: 1 });
  });

  it("counts plans only over the participants the viewer's organisation may see, and says over how many", () => {
    const visibleIds = new Set([participants[3]!.id]);
    const [region] = followUpPerOrganisation({ organisations, participants, targets: [], visibleIds, inStudyIds: new Set() }, 2026, TODAY);
    expect(region).toMatchObject({ involvedNow: 3, plansCounted: 1, sip: { yes: 1, no: 0, notSet: 0 }, sipFollowUpOverdue: 0 });
  });

  it("counts those in a study now over the same participants as the plans", () => {
    const inStudyIds = new Set([participants[0]!.id, participants[3]!.id, participants[4]!.id]);
    const [region, norrby] = followUpPerOrganisation(
      { organisations, participants, targets: [], visibleIds: all, inStudyIds },
      2026,
      TODAY,
    );
    expect([region!.inStudy, norrby!.inStudy]).toEqual([2, 3]);
    // Of the region's two, the viewer may see one; one who left the team is no longer counted.
    const visibleIds = new Set([participants[3]!.id, participants[1]!.id]);
    const left = new Set([...inStudyIds, participants[1]!.id]);
    const [seen] = followUpPerOrganisation({ organisations, participants, targets: [], visibleIds, inStudyIds: left }, 2026, TODAY);
    expect(seen).toMatchObject({ plansCounted: 1, inStudy: 1 });
  });

  it("still counts an erased participant in past years, by the dates and organisations erasure keeps", () => {
    const erased = participant("2024-05-01", ["norrby"], { leftTeamOn: "2025-01-15", erasedAt: "2026-01-20T00:00:00.000Z" });
    const [, norrby] = followUpPerOrganisation(
      { organisations, participants: [erased], targets: [], visibleIds: new Set(), inStudyIds: new Set() },
      2024,
      TODAY,
    );
    expect([norrby!.involvedAtYearEnd, norrby!.newInYear, norrby!.involvedNow]).toEqual([1, 1, 0]);
  });

  it("ends a past year on the 31st of December and this year today; offers the years from the first registration", () => {
    expect([yearEnd(2025, TODAY), yearEnd(2026, TODAY)]).toEqual(["2025-12-31", TODAY]);
    expect(followUpYears(participants, TODAY)).toEqual([2025, 2026]);
    expect(followUpYears([], TODAY)).toEqual([2026]);
  });
});
