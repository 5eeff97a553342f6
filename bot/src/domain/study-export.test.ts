import { consentCoveredOn } from "./consent";
import { studyExport, studyMonths } from "./study-export";
import { enrol, isExportable, withdraw } from "./study";
import type { BoardEntry, Consent, Enrolment, Signal } from "./types";

const organisations = [
  { id: "region", kind: "regionPsychiatry" as const },
  { id: "kommun", kind: "municipalSocialServices" as const },
];
const members = [
  { id: "t.region-cm", organisationId: "region" },
  { id: "t.kommun-cm", organisationId: "kommun" },
];

const entry = (over: Partial<BoardEntry> & { takenOffOn?: string; outcome?: "stable" }): BoardEntry & { takenOffOn?: string } => ({
  id: "e1",
  boardId: "b",
  participantId: "p1",
  writtenBy: "region",
  reason: "crisis",
  reasonNote: "Hemlig anteckning",
  priority: "high",
  putOnOn: "2026-02-20",
  putOnBy: "t.region-cm",
  nextEvaluationOn: "2026-03-01",
  actions: [
    {
      id: "a1",
      what: "Ringa boendestödet",
      responsibleId: "t.kommun-cm",
      byWhen: "2026-03-03",
      done: false,
      writtenBy: "kommun",
      createdBy: "t.kommun-cm",
      createdAt: "2026-03-02T08:00:00.000Z",
    },
  ],
  reviews: [],
  updatedAt: "2026-02-20T08:00:00.000Z",
  updatedBy: "t.region-cm",
  ...over,
});

const consent = (from: string, to: string[], over: Partial<Consent> = {}): Consent => ({
  boardId: "b",
  participantId: "p1",
  disclosingOrganisationId: from,
  receivingOrganisationIds: to,
  basis: "consent",
  status: "given",
  givenOn: "2026-01-01",
  validUntil: "2026-12-31",
  recordedBy: "t.region-cm",
  recordedAt: "2026-01-01T08:00:00.000Z",
  ...over,
});

const signal: Signal = {
  id: "s1",
  boardId: "b",
  participantId: "p1",
  fromOrganisationId: "kommun",
  toOrganisationId: "region",
  kind: "morePsychiatricSupport",
  urgency: "today",
  note: "Oro för boendet",
  proposeBoard: false,
  state: "open",
  raisedBy: "t.kommun-cm",
  raisedAt: "2026-03-04T09:00:00.000Z",
  answerBy: "2026-03-04T16:00:00.000Z",
  remindersSent: 0,
  managerNotified: false,
};

describe("a study's per-participant months", () => {
  it("are the months of the study's period begun by today", () => {
    expect(studyMonths({ from: "2026-01-15", to: "2026-12-31" }, "2026-03-10")).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(studyMonths({ from: "2025-11-01", to: "2026-01-31" }, "2026-03-10")).toEqual(["2025-11", "2025-12", "2026-01"]);
    expect(studyMonths({ from: "2026-04-01", to: "2026-12-31" }, "2026-03-10")).toEqual([]);
  });

  it("count days on the board, periods by reason and outcome, reviews, actions, signals by pair, attendance and consent cover", () => {
    const result = studyExport(
      {
        study: { from: "2026-02-01", to: "2026-12-31" },
        organisations,
        members,
        checkIns: [
          { date: "2026-03-02", attendeeIds: ["t.region-cm", "t.kommun-cm"], reviewedParticipantIds: ["p1"] },
          { date: "2026-03-03", attendeeIds: ["t.region-cm"], reviewedParticipantIds: ["p1", "p2"] },
          { date: "2026-03-04", attendeeIds: ["t.region-cm"], reviewedParticipantIds: ["p2"] },
        ],
        participants: [
          {
            studyParticipantId: "LU-0042",
            participant: { id: "p1", organisationIds: ["region", "kommun"] },
            entries: [entry({ takenOffOn: "2026-03-05", outcome: "stable" })],
            signals: [signal],
            consents: [consent("region", ["kommun"]), consent("kommun", ["region"], { status: "withdrawn", withdrawnOn: "2026-03-20" })],
          },
        ],
      },
      "2026-03-25",
    );
    expect(result.rows.map((r) => [r.studyParticipantId, r.month])).toEqual([
      ["LU-0042", "2026-02"],
      ["LU-0042", "2026-03"],
    ]);
    const [feb, mar] = result.rows as [(typeof result.rows)[0], (typeof result.rows)[0]];
    expect(feb.counts).toMatchObject({ daysOnBoard: 9, "putOn.crisis": 1, "takenOff.stable": 0, reviews: 0 });
    expect(mar.counts).toMatchObject({
      daysOnBoard: 4,
      "putOn.crisis": 0,
      "takenOff.stable": 1,
      reviews: 2,
      "actions.municipalSocialServices": 1,
      "actions.regionPsychiatry": 0,
      "signals.morePsychiatricSupport": 1,
      "signalPairs.municipalSocialServices.regionPsychiatry": 1,
      "signalPairs.regionPsychiatry.municipalSocialServices": 0,
      "attendance.regionPsychiatry": 2,
      "attendance.municipalSocialServices": 1,
    });
    // February: both consents held; end of March (the 25th): the municipality's was withdrawn on the 20th.
    expect([feb.consentCovered, mar.consentCovered]).toEqual([true, false]);
    // Every measure in every row, zeros too; codes only, no text of the board.
    for (const row of result.rows) expect(Object.keys(row.counts)).toEqual(result.measures);
    const text = JSON.stringify(result);
    for (const secret of ["Hemlig", "boendestödet", "Oro för", "t.region-cm", "p1", "e1"]) expect(text).not.toContain(secret);
  });

  it("judge consent cover on the day: every involved organisation names all the others", () => {
    const both = [consent("region", ["kommun"]), consent("kommun", ["region"])];
    expect(consentCoveredOn(["region", "kommun"], both, "2026-06-01")).toBe(true);
    expect(consentCoveredOn(["region", "kommun"], both.slice(0, 1), "2026-06-01")).toBe(false);
    expect(consentCoveredOn(["region", "kommun"], both, "2027-01-01")).toBe(false); // expired
    expect(consentCoveredOn(["region"], [], "2026-06-01")).toBe(true);
  });
});

describe("enrolment in a study", () => {
  const consented: Enrolment = {
    boardId: "b",
    studyId: "s1",
    participantId: "p1",
    researchConsent: { givenOn: "2026-02-01", organisationId: "region", recordedBy: "t.region-cm", recordedAt: "2026-02-01T08:00:00Z" },
  };

  it("is refused without a recorded research consent", () => {
    expect(() => enrol(undefined, "LU-0042", new Set(), "t.x", "2026-02-02T08:00:00Z")).toThrow(/research consent/);
  });

  it("is refused under a code of the board, and after withdrawal", () => {
    expect(() => enrol(consented, "fik-017", new Set(["FIK-017"]), "t.x", "2026-02-02T08:00:00Z")).toThrow(/code of the board/);
    expect(() => enrol({ ...consented, withdrawnOn: "2026-02-03" }, "LU-1", new Set(), "t.x", "2026-02-04T08:00:00Z")).toThrow(/withdrawn/);
  });

  it("exports the enrolled until they withdraw", () => {
    const enrolled = enrol(consented, "LU-0042", new Set(["FIK-017"]), "t.x", "2026-02-02T08:00:00Z");
    expect([isExportable(consented), isExportable(enrolled)]).toEqual([false, true]);
    expect(isExportable(withdraw(enrolled, "2026-03-01", "t.x"))).toBe(false);
    expect(() => withdraw(enrolled, "2026-01-01", "t.x")).toThrow(/before the research consent/);
  });
});
