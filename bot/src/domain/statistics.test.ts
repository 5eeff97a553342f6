import { statisticsCsvLine, statisticsRows, suppress, SUPPRESSED } from "./statistics";
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

describe("de-identified statistics", () => {
  it("suppresses every count from 1 to 4 and shows 0 and 5 or more", () => {
    expect([0, 1, 4, 5, 12].map(suppress)).toEqual([0, SUPPRESSED, SUPPRESSED, 5, 12]);
  });

  it("counts per month and organisation kind, with no participant, member or note in any row", () => {
    const organisations = [
      { id: "region", kind: "regionPsychiatry" as const },
      { id: "kommun", kind: "municipalSocialServices" as const },
    ];
    const entries = [1, 2, 3, 4, 5, 6].map((i) => entry(`p${i}`, "region", "2026-02-0" + i)).concat([entry("p9", "kommun", "2026-02-03")]);
    const rows = statisticsRows(
      { organisations, currentEntries: entries, closedEntries: [], checkIns: [], escalations: [], absences: [] },
      ["2026-02", "2026-03"],
      "2026-03-10",
    );
    const row = (month: string, kind: string, measure: string) =>
      rows.find((r) => r.month === month && r.organisationKind === kind && r.measure === measure)?.value;
    expect(row("2026-02", "regionPsychiatry", "putOn")).toBe(6);
    expect(row("2026-02", "regionPsychiatry", "entriesReviewed")).toBe(6);
    expect(row("2026-02", "municipalSocialServices", "putOn")).toBe(SUPPRESSED);
    expect(row("2026-03", "regionPsychiatry", "putOn")).toBe(0);
    expect(row("2026-03", "regionPsychiatry", "onBoard")).toBe(6);
    const csv = rows.map(statisticsCsvLine).join("");
    expect(csv).not.toMatch(/p\d|secret|t\.cm|region,|kommun,/);
    for (const r of rows) expect(typeof r.value === "number" && r.value > 0 && r.value < 5).toBe(false);
  });
});
