import { cellsToWithhold, isSmallCount } from "./disclosure";
import { kindGroups, periodsOf, statisticsRows, WITHHELD } from "./statistics";
import type { BoardEntry, CheckIn, Consent } from "./types";

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

describe("attendance by organisation kind and consent coverage", () => {
  const organisations = [
    { id: "region-a", kind: "regionPsychiatry" as const },
    { id: "region-b", kind: "regionPsychiatry" as const },
    { id: "kommun-a", kind: "municipalSocialServices" as const },
    { id: "kommun-b", kind: "municipalSocialServices" as const },
  ];
  const members = [
    ...["r1", "r2", "r3"].map((id) => ({ id, organisationId: "region-a" })),
    { id: "r4", organisationId: "region-b" },
    ...["k1", "k2"].map((id) => ({ id, organisationId: "kommun-a" })),
  ];
  const checkIn = (date: string, attendeeIds: string[]) => ({ boardId: "b", date, meetingId: "all", attendeeIds }) as unknown as CheckIn;
  const value = (rows: ReturnType<typeof statisticsRows>, month: string, kinds: string, measure: string) =>
    rows.find(
      (r) =>
        r.month === month && (r.organisationKinds === "all" ? "all" : r.organisationKinds.join("+")) === kinds && r.measure === measure,
    )?.value;

  it("counts each member present once per check-in, for their organisation's kind", () => {
    const checkIns = [
      checkIn("2026-03-02", ["r1", "r2", "r4", "k1", "r1"]),
      checkIn("2026-03-03", ["r1", "r3", "k1"]),
      checkIn("2026-03-04", ["r2", "k1", "gone"]),
      checkIn("2026-04-01", ["r1", "r2", "r3", "r4", "k1", "k2"]),
    ];
    const rows = statisticsRows({ organisations, currentEntries: [], ...none, checkIns, members }, ["2026-03", "2026-04"], "2026-04-10");
    // March: the region 3 + 2 + 1 (r1 twice in one check-in counts once), the municipality 3; a member not known counts nowhere.
    expect(value(rows, "2026-03", "regionPsychiatry", "checkInAttendance")).toBe(6);
    expect(value(rows, "2026-03", "municipalSocialServices", "checkInAttendance")).toBe(WITHHELD);
    expect(value(rows, "2026-03", "all", "checkInsHeld")).toBe(WITHHELD);
    expect(value(rows, "2026-04", "regionPsychiatry", "checkInAttendance")).toBe(WITHHELD);
    // Without the members, no attendance is counted.
    const unknown = statisticsRows({ organisations, currentEntries: [], ...none, checkIns }, ["2026-03"], "2026-04-10");
    expect(value(unknown, "2026-03", "regionPsychiatry", "checkInAttendance")).toBe(0);
  });

  it("counts the participants covered and not covered at each period's end, for all organisations together", () => {
    const participants = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}`,
      createdAt: "2026-01-10T08:00:00.000Z",
      organisationIds: i < 11 ? ["region-a", "kommun-a"] : ["region-a"],
    }));
    const consent = (participantId: string, from: string, to: string, validUntil: string): Consent => ({
      boardId: "b",
      participantId,
      disclosingOrganisationId: from,
      receivingOrganisationIds: [to],
      basis: "consent",
      status: "given",
      givenOn: "2026-01-10",
      validUntil,
      recordedBy: "t.cm",
      recordedAt: "2026-01-10T08:00:00.000Z",
    });
    // Six covered to the end of the year; of them one to the end of February only. Four one-way.
    const consents = [
      ...[0, 1, 2, 3, 4, 5].flatMap((i) => [
        consent(`p${i}`, "region-a", "kommun-a", i === 0 ? "2026-02-28" : "2026-12-31"),
        consent(`p${i}`, "kommun-a", "region-a", "2026-12-31"),
      ]),
      ...[6, 7, 8, 9].map((i) => consent(`p${i}`, "region-a", "kommun-a", "2026-12-31")),
    ];
    const facts = { organisations, currentEntries: [], ...none, participants, consents };
    const rows = statisticsRows(facts, ["2026-02", "2026-03"], "2026-03-31");
    // p10 has no consent at all; p11 has a single organisation and is not counted.
    expect(["consentCovered", "consentNotCovered"].map((m) => value(rows, "2026-02", "all", m))).toEqual([6, 5]);
    expect(["consentCovered", "consentNotCovered"].map((m) => value(rows, "2026-03", "all", m))).toEqual([5, 6]);
    // A quarter counts at its end.
    const quarter = statisticsRows(facts, periodsOf(["2026-01", "2026-02", "2026-03"], "quarter"), "2026-04-10");
    expect(value(quarter, "2026-Q1", "all", "consentCovered")).toBe(5);
    // Small counts are withheld as any other.
    const few = statisticsRows({ ...facts, consents: consents.slice(0, 4) }, ["2026-02"], "2026-03-31");
    expect(["consentCovered", "consentNotCovered"].map((m) => value(few, "2026-02", "all", m))).toEqual([WITHHELD, 9]);
    expect(JSON.stringify(rows)).not.toMatch(/"p\d|region-|kommun-|t\.cm/);
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
