import { registerAbsence } from "./cover";
import { boardCounts, hasPartnershipConsentProblem } from "./indicators";
import type { BoardEntry, Consent, Signal, Member, Participant } from "./types";

const REGION = "region";
const KOMMUN = "kommun";
const TODAY = "2026-03-10";
const NOW = new Date("2026-03-10T09:00:00.000Z");

const participant = (id: string, o: Partial<Participant> = {}): Participant => ({
  id,
  boardId: "b",
  code: `HBG-${id.slice(1).padStart(3, "0")}`,
  initials: "A.B.",
  caseManagerId: "t.cm",
  writtenBy: REGION,
  organisationIds: [REGION, KOMMUN],
  plans: { crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } },
  onBoard: false,
  createdAt: "2026-01-01T08:00:00.000Z",
  ...o,
});
const consent = (participantId: string, disclosing: string, o: Partial<Consent> = {}): Consent => ({
  boardId: "b",
  participantId,
  disclosingOrganisationId: disclosing,
  receivingOrganisationIds: [disclosing === REGION ? KOMMUN : REGION],
  basis: "consent",
  status: "given",
  givenOn: "2026-01-01",
  validUntil: "2026-12-31",
  recordedBy: "t.cm",
  recordedAt: "2026-01-01T08:00:00.000Z",
  ...o,
});
const entry = (participantId: string, putOnOn: string, nextEvaluationOn: string): BoardEntry => ({
  id: `e${participantId}`,
  boardId: "b",
  participantId,
  writtenBy: REGION,
  reason: "crisis",
  priority: "high",
  putOnOn,
  putOnBy: "t.cm",
  nextEvaluationOn,
  actions: [],
  reviews: [],
  updatedAt: "2026-03-01T08:00:00.000Z",
  updatedBy: "t.cm",
});
const member = (id: string, o: Partial<Member> = {}): Member => ({
  id,
  boardId: "b",
  tenantId: "t",
  objectId: id,
  displayName: id,
  organisationId: KOMMUN,
  role: "staff",
  substituteIds: [],
  ...o,
});

describe("the partnership's consent problem", () => {
  it("is none when every involved organisation's consent is valid beyond the warning window", () => {
    expect(hasPartnershipConsentProblem(participant("p1"), [consent("p1", REGION), consent("p1", KOMMUN)], TODAY)).toBe(false);
  });
  it("is there when one organisation never asked, or its consent ends within 30 days", () => {
    expect(hasPartnershipConsentProblem(participant("p1"), [consent("p1", REGION)], TODAY)).toBe(true);
    expect(
      hasPartnershipConsentProblem(participant("p1"), [consent("p1", REGION), consent("p1", KOMMUN, { validUntil: "2026-03-20" })], TODAY),
    ).toBe(true);
  });
  it("does not apply to a participant only one organisation works with", () => {
    expect(hasPartnershipConsentProblem(participant("p1", { organisationIds: [REGION] }), [], TODAY)).toBe(false);
  });
});

describe("the board's counts for the overview and the morning brief", () => {
  const cm = member("cm", { substituteIds: [] });
  const uncovered = registerAbsence(
    { id: "f1", member: cm, from: TODAY, to: "2026-03-12", reason: "sick", registeredBy: cm },
    [cm],
    [],
    TODAY,
    NOW.toISOString(),
  );
  const later = registerAbsence(
    { id: "f2", member: member("x"), from: "2026-04-20", to: "2026-04-22", reason: "vacation", registeredBy: cm },
    [cm],
    [],
    TODAY,
    NOW.toISOString(),
  );
  const overdue: Signal = {
    id: "s1",
    boardId: "b",
    participantId: "p1",
    fromOrganisationId: REGION,
    toOrganisationId: KOMMUN,
    kind: "concern",
    urgency: "today",
    proposeBoard: false,
    state: "open",
    raisedBy: "t.cm",
    raisedAt: "2026-03-10T03:00:00.000Z",
    answerBy: "2026-03-10T07:00:00.000Z",
    remindersSent: 0,
    managerNotified: false,
  };
  const counts = boardCounts(
    {
      participants: [participant("p1"), participant("p2"), participant("p3", { leftTeamOn: "2026-02-01" })],
      entries: [entry("p1", "2026-03-09", "2026-03-10"), entry("p2", "2026-02-28", "2026-03-15")],
      consents: [
        consent("p1", REGION),
        consent("p1", KOMMUN),
        consent("p2", REGION, { validUntil: "2026-03-25" }),
        consent("p2", KOMMUN, { status: "withdrawn", withdrawnOn: "2026-03-01" }),
      ],
      openSignals: [overdue, { ...overdue, id: "s2", answerBy: "2026-03-13T07:00:00.000Z" }],
      currentAbsences: [uncovered, later],
    },
    TODAY,
    NOW,
  );

  it("counts entries, new ones since yesterday, evaluations due and the average days on the board", () => {
    expect(counts).toMatchObject({ onBoard: 2, newSinceYesterday: 1, evaluationsDue: 1, averageDaysOnBoard: 5.5 });
  });
  it("counts consents per disclosing organisation, and participants with a problem, leaving out those who left", () => {
    expect(counts).toMatchObject({ consentsMissing: 1, consentsExpiringSoon: 1, participantsWithConsentProblem: 1 });
  });
  it("counts open and overdue signals", () => {
    expect(counts).toMatchObject({ openSignals: 2, overdueSignals: 1 });
  });
  it("counts absences without cover from today to a week ahead, not later ones", () => {
    expect(uncovered.cover.state).toBe("uncovered");
    expect(counts.absencesWithoutCover).toBe(1);
  });
});
