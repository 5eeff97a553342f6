import { arrangeWalkthrough, groupByOrganisation, walkthroughSections } from "./walkthrough-order";

// A many-municipality meeting ordered by organisation: each organisation's participants together,
// in the meeting's order of organisations, the board's order kept within each (issue 26).

const ORG: Record<string, string> = { p1: "hbg", p2: "region", p3: "lk", p4: "hbg", p5: "region", p6: "unknown-org" };
const organisationOf = (id: string) => ORG[id];

describe("the walkthrough's order by organisation", () => {
  it("keeps each organisation's participants together, in the meeting's order of organisations, the board's order within", () => {
    expect(groupByOrganisation(["p1", "p2", "p3", "p4", "p5"], organisationOf, ["region", "hbg", "lk"])).toEqual([
      "p2",
      "p5",
      "p1",
      "p4",
      "p3",
    ]);
  });

  it("puts participants of an organisation not in the list, or of none, last and in board order", () => {
    expect(groupByOrganisation(["p6", "p1", "x", "p2"], organisationOf, ["region", "hbg"])).toEqual(["p2", "p1", "p6", "x"]);
  });

  it("is stable: the same board gives the same sections in the same order every day", () => {
    const once = groupByOrganisation(["p5", "p4", "p3", "p2", "p1"], organisationOf, ["lk", "hbg", "region"]);
    expect(groupByOrganisation(once, organisationOf, ["lk", "hbg", "region"])).toEqual(once);
    expect(once).toEqual(["p3", "p4", "p1", "p5", "p2"]);
  });

  it("leaves the board's order alone unless the meeting is ordered by organisation, and takes raised participants after the board", () => {
    const how = { organisationOf, organisationOrder: ["region", "hbg", "lk"] };
    expect(arrangeWalkthrough(["p1", "p2", "p3"], ["r1", "p2"], how)).toEqual(["p1", "p2", "p3", "r1"]);
    expect(arrangeWalkthrough(["p1", "p2", "p3"], ["r1"], { ...how, order: "board" })).toEqual(["p1", "p2", "p3", "r1"]);
    expect(arrangeWalkthrough(["p1", "p2", "p3", "p4"], ["r1"], { ...how, order: "byOrganisation" })).toEqual([
      "p2",
      "p1",
      "p4",
      "p3",
      "r1",
    ]);
  });
});

describe("the walkthrough's section headings", () => {
  it("names each organisation's run where the meeting is ordered by organisation, and the raised participants' run", () => {
    const sections = walkthroughSections(["p2", "p5", "p1", "p4", "p3", "r1", "r2"], {
      order: "byOrganisation",
      organisationOf,
      raised: new Set(["r1", "r2"]),
    });
    expect(sections).toEqual([
      { from: 0, kind: "organisation", organisationId: "region" },
      { from: 2, kind: "organisation", organisationId: "hbg" },
      { from: 4, kind: "organisation", organisationId: "lk" },
      { from: 5, kind: "raised" },
    ]);
  });

  it("has only the raised section in a meeting in board order, and none without raised participants", () => {
    expect(walkthroughSections(["p1", "p2", "r1"], { organisationOf, raised: new Set(["r1"]) })).toEqual([{ from: 2, kind: "raised" }]);
    expect(walkthroughSections(["p1", "p2"], { order: "board", organisationOf, raised: new Set() })).toEqual([]);
  });

  it("heads a participant put on during the meeting (at the end) with their organisation again", () => {
    const sections = walkthroughSections(["p2", "p1", "p5"], { order: "byOrganisation", organisationOf, raised: new Set() });
    expect(sections.map((s) => [s.from, s.organisationId])).toEqual([
      [0, "region"],
      [1, "hbg"],
      [2, "region"],
    ]);
  });
});
