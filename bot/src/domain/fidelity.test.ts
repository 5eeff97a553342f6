import { answeredInTime, fidelityIndicators, median, type FidelityFacts } from "./fidelity";
import { DEFAULT_FIDELITY_SETTINGS, fidelitySettingsOf } from "./fidelity-settings";
import type { BoardAction, BoardEntry, CheckIn, ClosedBoardEntry, Consent, Signal, Participant, Weekday } from "./types";

const REGION = "region";
const KOMMUN = "kommun";
const OTHER = "other";
const TODAY = "2026-03-10"; // a Tuesday

const participant = (id: string, o: Partial<Participant> = {}): Participant => ({
  id,
  boardId: "b",
  code: `HBG-${id.padStart(3, "0")}`,
  initials: "A.B.",
  caseManagerId: "t.cm",
  writtenBy: REGION,
  organisationIds: [REGION, KOMMUN],
  plans: { crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } },
  onBoard: true,
  createdAt: "2026-01-01T08:00:00.000Z",
  ...o,
});
const consent = (participantId: string, disclosing: string, receiving: string[], o: Partial<Consent> = {}): Consent => ({
  boardId: "b",
  participantId,
  disclosingOrganisationId: disclosing,
  receivingOrganisationIds: receiving,
  basis: "consent",
  status: "given",
  givenOn: "2026-01-01",
  validUntil: "2026-12-31",
  recordedBy: "t.cm",
  recordedAt: "2026-01-01T08:00:00.000Z",
  ...o,
});
const action = (writtenBy: string): BoardAction => ({
  id: `a${writtenBy}`,
  what: "call",
  responsibleId: "t.cm",
  byWhen: TODAY,
  done: false,
  writtenBy,
  createdBy: "t.cm",
  createdAt: "2026-03-01T08:00:00.000Z",
});
const entry = (participantId: string, putOnOn: string, o: Partial<BoardEntry> = {}): BoardEntry => ({
  id: `e${participantId}`,
  boardId: "b",
  participantId,
  writtenBy: REGION,
  reason: "crisis",
  priority: "high",
  putOnOn,
  putOnBy: "t.cm",
  nextEvaluationOn: TODAY,
  actions: [],
  reviews: [],
  updatedAt: "2026-03-01T08:00:00.000Z",
  updatedBy: "t.cm",
  ...o,
});
const closed = (
  participantId: string,
  putOnOn: string,
  takenOffOn: string,
  outcome: ClosedBoardEntry["outcome"] = "stable",
): ClosedBoardEntry => {
  const { etag: _e, ...e } = entry(participantId, putOnOn);
  return { ...e, id: `c${participantId}${takenOffOn}`, takenOffOn, takenOffBy: "t.cm", outcome };
};
const checkIn = (date: string, reviewed: string[], o: Partial<CheckIn> = {}): CheckIn => ({
  boardId: "b",
  date,
  meetingId: "all",
  startedAt: `${date}T07:00:00.000Z`,
  endedAt: `${date}T07:20:00.000Z`,
  durationSeconds: 1200,
  attendeeIds: [],
  reviewedParticipantIds: reviewed,
  addedParticipantIds: [],
  removedParticipantIds: [],
  actionsAgreed: 0,
  recordedBy: "t.cm",
  ...o,
});
const signal = (participantId: string, o: Partial<Signal> = {}): Signal => ({
  id: `s${participantId}`,
  boardId: "b",
  participantId,
  fromOrganisationId: REGION,
  toOrganisationId: KOMMUN,
  kind: "concern",
  urgency: "today",
  proposeBoard: false,
  state: "open",
  raisedBy: "t.cm",
  raisedAt: "2026-03-02T08:00:00.000Z",
  answerBy: "2026-03-02T16:00:00.000Z",
  remindersSent: 0,
  managerNotified: false,
  ...o,
});

const facts = (o: Partial<FidelityFacts> = {}): FidelityFacts => ({
  board: { id: "b" },
  settings: DEFAULT_FIDELITY_SETTINGS,
  participants: [],
  consents: [],
  currentEntries: [],
  closedEntries: [],
  checkIns: [],
  signals: [],
  ...o,
});
/** Region-only participants: the region sees them without any consent. */
const regionOnly = (id: string) => participant(id, { organisationIds: [REGION] });
const march = (f: FidelityFacts, viewer = REGION) => fidelityIndicators(f, viewer, TODAY, 2).months[1]!;

describe("fidelity indicators", () => {
  it("counts the share of the caseload on the board against the board's band", () => {
    const ps = ["1", "2", "3"].map(regionOnly);
    // The caseload is counted (issue 24): 20 registered who have not left; one who left and one registered after today do not count.
    const others = Array.from({ length: 17 }, (_, i) => regionOnly(String(10 + i)));
    const left = participant("40", { organisationIds: [REGION], leftTeamOn: "2026-02-20" });
    const later = participant("41", { organisationIds: [REGION], createdAt: "2026-04-01T08:00:00.000Z" });
    const all = [...ps, ...others, left, later];
    const m = march(facts({ participants: all, currentEntries: ps.map((p) => entry(p.id, "2026-03-01")) }));
    expect(m).toMatchObject({ onBoard: 3, caseload: 20, shareOfCaseloadPercent: 15, inBand: true });
    // In February the one who left on the 20th was not in the caseload on the month's last day.
    expect(fidelityIndicators(facts({ participants: all }), REGION, TODAY, 2).months[0]).toMatchObject({ caseload: 20 });
    const tight = march(
      facts({
        participants: all,
        currentEntries: ps.map((p) => entry(p.id, "2026-03-01")),
        settings: { ...DEFAULT_FIDELITY_SETTINGS, bandHighPercent: 12 },
      }),
    );
    expect(tight.inBand).toBe(false);
  });

  it("shows how the share moved: the month before counts who was on the board on its last day", () => {
    const ps = ["1", "2"].map(regionOnly);
    const months = fidelityIndicators(
      facts({
        participants: ps,
        currentEntries: [entry("1", "2026-02-10")],
        closedEntries: [closed("2", "2026-02-01", "2026-03-03", "transferred")],
      }),
      REGION,
      TODAY,
      2,
    ).months;
    expect(months.map((m) => [m.month, m.asOf, m.onBoard])).toEqual([
      ["2026-02", "2026-02-28", 2],
      ["2026-03", TODAY, 1],
    ]);
    expect(months[1]).toMatchObject({ putOn: 0, takenOff: 1, takenOffByOutcome: { transferred: 1 } });
    expect(months[0]).toMatchObject({ putOn: 2, putOnByReason: { crisis: 2 } });
  });

  it("gives the median days on the board, the distribution and those past the limit", () => {
    const ps = ["1", "2", "3", "4"].map(regionOnly);
    const m = march(
      facts({
        participants: ps,
        currentEntries: [entry("1", "2026-03-09"), entry("2", "2026-03-01"), entry("3", "2026-01-01"), entry("4", "2025-11-01")],
        settings: { ...DEFAULT_FIDELITY_SETTINGS, longStayDays: 60 },
      }),
    );
    // 1, 9, 68 and 129 days.
    expect(m.medianDaysOnBoard).toBe(38.5);
    expect(m.daysOnBoardDistribution).toEqual([
      { label: "0-7", count: 1 },
      { label: "8-14", count: 1 },
      { label: "15-30", count: 0 },
      { label: "31-60", count: 0 },
      { label: "61-90", count: 1 },
      { label: "91+", count: 1 },
    ]);
    expect(m.longerThanLimit).toBe(2);
    expect(median([])).toBeNull();
  });

  it("measures check-ins against the expected working days, not weekends or holidays", () => {
    // 2026-03-01 is a Sunday: the working days to the 10th are 2–6 and 9–10.
    const m = march(facts({ checkIns: [checkIn("2026-03-02", []), checkIn("2026-03-03", []), checkIn("2026-03-07", [])] }));
    // The Saturday check-in is held but not expected.
    expect(m).toMatchObject({ expectedCheckInDays: 7, checkInDays: 2, checkInDayShare: 28.6 });
  });

  it("measures a scheduled board against its meetings: a missed occurrence is missed, an unscheduled day is not expected", () => {
    const norrby = { id: "norrby", name: "Norrby", days: ["tue", "thu"] as Weekday[], time: "13:00", organisationIds: [KOMMUN] };
    const board = {
      id: "b",
      settings: {
        timeZone: "Europe/Stockholm",
        morningBriefAt: "07:45",
        botPosts: { morningBriefInChannel: true, signalCountsInChannel: true },
        meetings: [norrby],
      },
    };
    // "1" involves the municipality, "2" only the region: Norrby's meeting answers for "1" alone.
    const ps = [participant("1"), regionOnly("2")];
    const m = march(
      facts({
        board,
        participants: ps,
        currentEntries: ps.map((p) => entry(p.id, "2026-03-01")),
        // Tuesday 3rd held, Wednesday 4th held though not scheduled, Thursday 5th missed, Tuesday 10th held.
        checkIns: [
          checkIn("2026-03-03", ["1"], { meetingId: "norrby" }),
          checkIn("2026-03-04", ["1"], { meetingId: "norrby" }),
          checkIn("2026-03-10", ["1"], { meetingId: "norrby" }),
        ],
      }),
    );
    expect(m).toMatchObject({ expectedCheckInDays: 3, checkInDays: 2, checkInDayShare: 66.7 });
    // Participant 2 is not Norrby's to review, so nothing was left unreached.
    expect(m).toMatchObject({ reviewedShare: 100, notReached: 0 });
  });

  it("counts entries reviewed per check-in, those not reached and those carried over, and time per participant", () => {
    const ps = ["1", "2", "3"].map(regionOnly);
    const m = march(
      facts({
        participants: ps,
        currentEntries: ps.map((p) => entry(p.id, "2026-03-01")),
        checkIns: [checkIn("2026-03-02", ["1"], { durationSeconds: 300 }), checkIn("2026-03-03", ["1", "2"], { durationSeconds: 300 })],
      }),
    );
    // 2 March: 1 of 3 reviewed (2 and 3 missed); 3 March: 2 of 3 (3 missed again, so carried over once).
    expect(m).toMatchObject({ reviewedShare: 50, notReached: 3, carriedOver: 1, secondsPerParticipant: 200 });
  });

  it("does not count a participant put on during the check-in as due in it", () => {
    const ps = ["1", "2"].map(regionOnly);
    const m = march(
      facts({
        participants: ps,
        currentEntries: [entry("1", "2026-03-01"), entry("2", "2026-03-02")],
        checkIns: [checkIn("2026-03-02", ["1"], { addedParticipantIds: ["2"] })],
      }),
    );
    expect(m).toMatchObject({ reviewedShare: 100, notReached: 0 });
  });

  it("finds actions owned by more than one organisation, consent coverage and signals answered in time per pair", () => {
    const p1 = participant("1");
    const p2 = participant("2");
    const consents = [consent("1", REGION, [KOMMUN]), consent("1", KOMMUN, [REGION]), consent("2", KOMMUN, [REGION])];
    const m = march(
      facts({
        participants: [p1, p2],
        consents,
        currentEntries: [
          entry("1", "2026-03-01", { actions: [action(REGION), action(KOMMUN)] }),
          entry("2", "2026-03-01", { actions: [action(REGION)] }),
        ],
        signals: [
          signal("1", { acknowledgedAt: "2026-03-02T10:00:00.000Z", state: "acknowledged" }),
          signal("2", { id: "late", declinedAt: "2026-03-03T10:00:00.000Z", state: "declined" }),
          signal("1", { id: "back", fromOrganisationId: KOMMUN, toOrganisationId: REGION }),
        ],
      }),
    );
    expect(m.multiOrganisationActionShare).toBe(50);
    // Participant 2 has no region consent: 1 of 2 covered.
    expect(m.consentCoverage).toBe(50);
    expect(m.signalsByPair).toEqual([
      { fromOrganisationId: KOMMUN, toOrganisationId: REGION, raised: 1, answeredInTime: 0 },
      { fromOrganisationId: REGION, toOrganisationId: KOMMUN, raised: 2, answeredInTime: 1 },
    ]);
    expect(answeredInTime(signal("x", { resolvedAt: "2026-03-02T15:59:00.000Z" }))).toBe(true);
  });

  it("counts only what the viewer's organisation may see", () => {
    // The region wrote both; only participant 1's region consent names the municipality.
    const p1 = participant("1");
    const p2 = participant("2");
    const f = facts({
      participants: [p1, p2],
      consents: [consent("1", REGION, [KOMMUN])],
      currentEntries: [entry("1", "2026-03-01", { actions: [action(REGION), action(OTHER)] }), entry("2", "2026-03-01")],
      signals: [signal("1"), signal("2")],
      checkIns: [checkIn("2026-03-02", ["1", "2"])],
    });
    const region = march(f, REGION);
    const kommun = march(f, KOMMUN);
    const other = march(f, OTHER);
    expect(region.onBoard).toBe(2);
    expect(kommun).toMatchObject({ onBoard: 1, putOn: 1, reviewedShare: 100 });
    expect(kommun.signalsByPair).toEqual([{ fromOrganisationId: REGION, toOrganisationId: KOMMUN, raised: 1, answeredInTime: 0 }]);
    // The other organisation's action is not readable by the municipality: one owner seen.
    expect(kommun.multiOrganisationActionShare).toBe(0);
    expect(other).toMatchObject({ onBoard: 0, putOn: 0, signalsByPair: [], shareOfCaseloadPercent: 0 });
  });

  it("takes the board's own settings over the defaults", () => {
    expect(fidelitySettingsOf({ fidelity: { longStayDays: 30 } })).toEqual({ ...DEFAULT_FIDELITY_SETTINGS, longStayDays: 30 });
    expect(fidelitySettingsOf({})).toEqual(DEFAULT_FIDELITY_SETTINGS);
  });
});
