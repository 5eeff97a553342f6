import { cellsToWithhold, isSmallCount } from "./disclosure";
import { kindGroups, periodsOf, statisticsRows, WITHHELD } from "./statistics";
import type { BoardEntry } from "./types";

const entry = (id: string, writtenBy: string, putOnOn: string): BoardEntry => ({
  id,
  boardId: "b",
  participantId: id,
  writtenBy,
  reason: "crisis",
  reasonNote: "secret words",
  priority: "high",
  putOnOn,
  putOnBy: "t.cm",
  nextEvaluationOn: putOnOn,
  actions: [],
  reviews: [{ organisationId: writtenBy, on: putOnOn, by: "t.cm" }],
  updatedAt: `${putOnOn}T08:00:00.000Z`,
  updatedBy: "t.cm",
});

const none = { closedEntries: [], checkIns: [], signals: [], absences: [] };

describe("de-identified statistics", () => {
  it("withholds every count from 1 to 4 and shows 0 and 5 or more", () => {
    expect([0, 1, 4, 5, 12].map(isSmallCount)).toEqual([false, true, true, false, false]);
  });

  it("counts per month and group of kinds, with no participant, member or note in any row", () => {
    const organisations = [
      { id: "region-a", kind: "regionPsychiatry" as const },
      { id: "region-b", kind: "regionPsychiatry" as const },
      { id: "kommun-a", kind: "municipalSocialServices" as const },
      { id: "kommun-b", kind: "municipalSocialServices" as const },
    ];
    const entries = [1, 2, 3, 4, 5, 6]
      .map((i) => entry(`p${i}`, "region-a", "2026-02-0" + i))
      .concat([entry("p9", "kommun-a", "2026-02-03")]);
    const rows = statisticsRows({ organisations, currentEntries: entries, ...none }, ["2026-02", "2026-03"], "2026-03-10");
    const row = (month: string, kind: string, measure: string) =>
      rows.find(
        (r) => r.month === month && r.organisationKinds !== "all" && r.organisationKinds.join("+") === kind && r.measure === measure,
      )?.value;
    expect(row("2026-02", "regionPsychiatry", "putOn")).toBe(6);
    expect(row("2026-02", "regionPsychiatry", "entriesReviewed")).toBe(6);
    expect(row("2026-02", "municipalSocialServices", "putOn")).toBe(WITHHELD);
    expect(row("2026-03", "regionPsychiatry", "putOn")).toBe(0);
    expect(row("2026-03", "regionPsychiatry", "onBoard")).toBe(6);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/p\d|secret|t\.cm|region-|kommun-/);
    for (const r of rows) expect(typeof r.value === "number" && isSmallCount(r.value)).toBe(false);
  });

  it("withholds a total with its withheld part, and a second part, so neither is the total minus the rest", () => {
    // Six on the board in March: five of them 31–60 days, one 0–7 days.
    const organisations = [
      { id: "a", kind: "municipalCare" as const },
      { id: "b", kind: "municipalCare" as const },
    ];
    const entries = [1, 2, 3, 4, 5].map((i) => entry(`p${i}`, "a", "2026-02-0" + i)).concat([entry("p6", "b", "2026-03-28")]);
    const rows = statisticsRows({ organisations, currentEntries: entries, ...none }, ["2026-03"], "2026-03-31");
    const value = (measure: string) => rows.find((r) => r.measure === measure)!.value;
    expect(value("daysOnBoard.31-60")).toBe(5);
    expect(value("daysOnBoard.0-7")).toBe(WITHHELD);
    expect(value("onBoard")).toBe(WITHHELD);
  });
});

describe("periods of a month, a quarter or a year", () => {
  const months = ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"];

  it("counts whole quarters and years holding the months asked for", () => {
    expect(periodsOf(months, "quarter")).toEqual([
      { label: "2025-Q4", first: "2025-10-01", last: "2025-12-31" },
      { label: "2026-Q1", first: "2026-01-01", last: "2026-03-31" },
      { label: "2026-Q2", first: "2026-04-01", last: "2026-06-30" },
    ]);
    expect(periodsOf(months, "year").map((p) => [p.label, p.first, p.last])).toEqual([
      ["2025", "2025-01-01", "2025-12-31"],
      ["2026", "2026-01-01", "2026-12-31"],
    ]);
    expect(periodsOf(months, "month").map((p) => p.label)).toEqual(months);
  });

  it("shows a quarter's count where each of its months alone was withheld", () => {
    const organisations = [
      { id: "region-a", kind: "regionPsychiatry" as const },
      { id: "region-b", kind: "regionPsychiatry" as const },
    ];
    // Two put on in January, two in February, two in March: 1–4 a month, six in the quarter.
    const entries = ["01", "02", "03"].flatMap((m) => [
      entry(`a${m}`, "region-a", `2026-${m}-05`),
      entry(`b${m}`, "region-b", `2026-${m}-06`),
    ]);
    const facts = { organisations, currentEntries: entries, ...none };
    const putOn = (rows: ReturnType<typeof statisticsRows>) => rows.filter((r) => r.measure === "putOn").map((r) => [r.month, r.value]);
    expect(putOn(statisticsRows(facts, ["2026-01", "2026-02", "2026-03"], "2026-04-10"))).toEqual([
      ["2026-01", WITHHELD],
      ["2026-02", WITHHELD],
      ["2026-03", WITHHELD],
    ]);
    expect(putOn(statisticsRows(facts, periodsOf(["2026-01", "2026-02", "2026-03", "2026-04"], "quarter"), "2026-04-10"))).toEqual([
      ["2026-Q1", 6],
      ["2026-Q2", 0],
    ]);
  });
});

describe("collaboration markers", () => {
  const organisations = [
    { id: "region-a", kind: "regionPsychiatry" as const },
    { id: "region-b", kind: "regionPsychiatry" as const },
    { id: "kommun-a", kind: "municipalSocialServices" as const },
    { id: "kommun-b", kind: "municipalSocialServices" as const },
  ];
  const signal = (i: number, from: string, to: string, state: "open" | "acknowledged" | "resolved" | "declined") =>
    ({
      id: `s${i}`,
      boardId: "b",
      participantId: "p1",
      fromOrganisationId: from,
      toOrganisationId: to,
      kind: "concern",
      urgency: "today",
      note: "secret words",
      proposeBoard: false,
      state,
      raisedBy: "t.cm",
      raisedAt: "2026-03-02T08:00:00.000Z",
      answerBy: "2026-03-03T08:00:00.000Z",
      remindersSent: 0,
      managerNotified: false,
    }) as const;

  it("counts the signals per pair of kinds by how they stand, and the entries with actions of several organisations", () => {
    const signals = [
      ...[1, 2, 3, 4, 5].map((i) => signal(i, "kommun-a", "region-a", "acknowledged")),
      ...[6, 7, 8, 9, 10, 11].map((i) => signal(i, "kommun-b", "region-b", "declined")),
      signal(12, "kommun-a", "kommun-b", "open"),
    ];
    const action = (id: string, writtenBy: string) => ({
      id,
      what: "secret words",
      responsibleId: "t.cm",
      byWhen: "2026-03-05",
      done: false,
      writtenBy,
      createdBy: "t.cm",
      createdAt: "2026-03-02T08:00:00.000Z",
    });
    const entries = [1, 2, 3, 4, 5, 6].map((i) => ({
      ...entry(`p${i}`, "region-a", "2026-03-01"),
      actions: i <= 5 ? [action("a1", "region-a"), action("a2", "kommun-a")] : [action("a1", "region-a"), action("a2", "region-b")],
    }));
    const rows = statisticsRows({ organisations, currentEntries: entries, ...none, signals }, ["2026-03"], "2026-03-31");
    const value = (kinds: string, measure: string) =>
      rows.find((r) => r.organisationKinds !== "all" && r.organisationKinds.join("+") === kinds && r.measure === measure)?.value;
    expect(value("municipalSocialServices", "signalsTo.regionPsychiatry.acknowledged")).toBe(5);
    expect(value("municipalSocialServices", "signalsTo.regionPsychiatry.declined")).toBe(6);
    expect(value("municipalSocialServices", "signalsTo.municipalSocialServices.open")).toBe(WITHHELD);
    expect(value("regionPsychiatry", "signalsTo.municipalSocialServices.open")).toBe(0);
    // Two organisations wrote actions on every one of the six (two of the same kind count too).
    expect(value("regionPsychiatry", "actionsBySeveralOrganisations")).toBe(6);
    expect(JSON.stringify(rows)).not.toMatch(/secret|region-|kommun-/);
  });
});

describe("kind groups", () => {
  const orgs = (...kinds: string[]) => kinds.map((kind) => ({ kind }) as { kind: "other" });

  it("keeps a kind of two or more organisations alone and pools kinds of a single organisation", () => {
    expect(kindGroups(orgs("municipalSocialServices", "municipalSocialServices", "regionPsychiatry", "municipalCare"))).toEqual([
      ["municipalCare", "regionPsychiatry"],
      ["municipalSocialServices"],
    ]);
  });

  it("puts a lone single organisation with the smallest other group, ties by kind code", () => {
    expect(
      kindGroups(
        orgs("regionPsychiatry", "municipalSocialServices", "municipalSocialServices", "municipalCare", "municipalCare", "municipalCare"),
      ),
    ).toEqual([["municipalCare"], ["municipalSocialServices", "regionPsychiatry"]]);
    expect(kindGroups(orgs("regionPsychiatry", "other", "other", "municipalCare", "municipalCare"))).toEqual([
      ["municipalCare", "regionPsychiatry"],
      ["other"],
    ]);
  });

  it("gives a board of one organisation one group, whose every count is withheld", () => {
    expect(kindGroups(orgs("regionPsychiatry"))).toEqual([["regionPsychiatry"]]);
    const rows = statisticsRows(
      {
        organisations: [{ id: "r", kind: "regionPsychiatry" }],
        currentEntries: [1, 2, 3, 4, 5, 6].map((i) => entry(`p${i}`, "r", "2026-03-02")),
        ...none,
      },
      ["2026-03"],
      "2026-03-20",
    );
    expect(new Set(rows.map((r) => r.value))).toEqual(new Set([WITHHELD]));
  });
});

describe("secondary suppression", () => {
  it("withholds the cell across a lone withheld one, preferring a cell of no other relation, then a non-zero, then the smallest", () => {
    const values = new Map([
      ["t", 9],
      ["a", 2],
      ["b", 7],
    ]);
    // t = a + b; a is small, so t goes too (the only cell across).
    expect([...cellsToWithhold(values, [{ left: ["t"], right: ["a", "b"] }])].sort()).toEqual(["a", "t"]);
    // stock = before + in + in2, stock small: across it, `before` belongs to another relation and
    // `in` is zero, so in2 goes.
    const flows = new Map([
      ["stock", 3],
      ["before", 8],
      ["in", 0],
      ["in2", 6],
    ]);
    expect(
      [
        ...cellsToWithhold(flows, [
          { left: ["stock"], right: ["before", "in", "in2"] },
          { left: ["before"], right: ["x"] },
        ]),
      ].sort(),
    ).toEqual(["in2", "stock"]);
    expect(cellsToWithhold(values, [], ["b"]).has("b")).toBe(true);
  });
});
