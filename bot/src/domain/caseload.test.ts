import { caseloadByOrganisation, caseloadOn } from "./caseload";

// The caseload is counted, not typed (issue 24).

const p = (createdOn: string, organisationIds: string[], leftTeamOn?: string) => ({
  createdAt: `${createdOn}T08:00:00.000Z`,
  organisationIds,
  ...(leftTeamOn ? { leftTeamOn } : {}),
});

describe("the caseload", () => {
  const participants = [
    p("2026-01-01", ["region"]),
    p("2026-01-01", ["region", "kommun"]),
    p("2026-02-01", ["kommun", "region"]),
    p("2026-01-01", ["region", "kommun"], "2026-02-15"),
    p("2026-03-05", ["region"]),
  ];

  it("counts the registered participants who have not left", () => {
    expect(caseloadOn(participants, "2026-03-10")).toBe(4);
    // On the day they leave they have left; before, they count.
    expect(caseloadOn(participants, "2026-02-15")).toBe(3);
    expect(caseloadOn(participants, "2026-02-14")).toBe(4);
    // Not before they were registered.
    expect(caseloadOn(participants, "2026-01-15")).toBe(3);
    expect(caseloadOn([], "2026-03-10")).toBe(0);
  });

  it("counts per organisation the participants it is involved with, each participant once for each of their organisations", () => {
    expect(caseloadByOrganisation(participants, [{ id: "region" }, { id: "kommun" }, { id: "arbete" }], "2026-03-10")).toEqual([
      { organisationId: "region", caseload: 4 },
      { organisationId: "kommun", caseload: 2 },
      { organisationId: "arbete", caseload: 0 },
    ]);
  });
});
