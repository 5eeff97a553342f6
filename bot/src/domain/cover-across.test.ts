import { coverAcross, registerAbsence, splitCover, standInFor, transitionCover } from "./cover";
import type { Absence, Consent, Member, Participant } from "./types";

// Helsingborg: "Samordnarna ... ersätter varandra under sjukdom och semester" — the social-services
// and the care-administration coordinators, two organisations with separate consents.
const SOCIAL = "org-social";
const CARE = "org-care";
const TODAY = "2026-03-10";
const NOW = "2026-03-10T07:00:00.000Z";

const person = (name: string, organisationId: string, role: Member["role"] = "coordinator", substituteIds: string[] = []): Member => ({
  id: `t.${name}`,
  boardId: "b",
  tenantId: "t",
  objectId: name,
  displayName: name,
  organisationId,
  role,
  substituteIds,
});
const vera = person("vera", CARE);
const sam = person("sam", SOCIAL, "staff");
const chef = person("chef", SOCIAL, "manager");
const sofia = person("sofia", SOCIAL, "coordinator", [vera.id, sam.id]);
const members = [sofia, vera, sam, chef];

const participant = (code: string, caseManagerId = sofia.id): Pick<Participant, "id" | "caseManagerId"> => ({ id: code, caseManagerId });
const consent = (participantId: string, receiving: string[], overrides: Partial<Consent> = {}): Consent => ({
  boardId: "b",
  participantId,
  disclosingOrganisationId: SOCIAL,
  receivingOrganisationIds: receiving,
  basis: "consent",
  status: "given",
  givenOn: "2026-01-01",
  validUntil: "2026-12-31",
  recordedBy: sofia.id,
  recordedAt: "2026-01-01T08:00:00.000Z",
  ...overrides,
});

/** Sofia away 11–13 March, Vera of care administration asked first and accepting. */
function veraCovers(): Absence {
  const absence = registerAbsence(
    { id: "a1", member: sofia, from: "2026-03-10", to: "2026-03-13", reason: "sick", registeredBy: sofia },
    members,
    [],
    TODAY,
    NOW,
  );
  const across = coverAcross(absence, vera, sofia, members, new Set());
  return transitionCover(absence, { type: "accept", by: vera.id, at: NOW, ...(across ? { across } : {}) }, new Set());
}

describe("cover across organisations, within consent", () => {
  const participants = [participant("HBG-001"), participant("HBG-002"), participant("HBG-003"), participant("HBG-004", sam.id)];
  const consents = [
    consent("HBG-001", [CARE]),
    // Names another organisation only.
    consent("HBG-002", ["org-region"]),
    // Names care, but withdrawn.
    consent("HBG-003", [CARE], { status: "withdrawn", withdrawnOn: "2026-03-01" }),
  ];

  it("remembers who of the own organisation keeps the rest: the first own substitute not away", () => {
    const absence = veraCovers();
    expect(absence.cover).toMatchObject({ state: "covered", coveredBy: vera.id, across: { organisationId: CARE, othersTo: sam.id } });
  });

  it("falls back to the organisation's manager when no own substitute is free", () => {
    expect(coverAcross({ memberId: sofia.id, organisationId: SOCIAL }, vera, sofia, members, new Set([sam.id]))).toEqual({
      organisationId: CARE,
      othersTo: chef.id,
    });
  });

  it("is no cross-organisation cover when the substitute is of the same organisation", () => {
    expect(coverAcross({ memberId: sofia.id, organisationId: SOCIAL }, sam, sofia, members, new Set())).toBeUndefined();
  });

  it("transfers exactly the participants whose valid consent names the substitute's organisation", () => {
    expect(splitCover(veraCovers(), participants, consents, TODAY)).toEqual({
      toSubstitute: ["HBG-001"],
      toOwnOrganisation: ["HBG-002", "HBG-003"],
    });
  });

  it("stands in per participant: the substitute under consent, the own colleague otherwise and without a participant", () => {
    const absences = [veraCovers()];
    expect(standInFor(sofia.id, absences, TODAY, { participantId: "HBG-001", consents })).toBe(vera.id);
    expect(standInFor(sofia.id, absences, TODAY, { participantId: "HBG-002", consents })).toBe(sam.id);
    expect(standInFor(sofia.id, absences, TODAY)).toBe(sam.id);
  });

  it("stops at the consent's end: withdrawn or expired mid-cover, the participant goes back to the own organisation", () => {
    const absences = [veraCovers()];
    const withdrawn = [consent("HBG-001", [CARE], { status: "withdrawn", withdrawnOn: "2026-03-11" })];
    expect(standInFor(sofia.id, absences, "2026-03-11", { participantId: "HBG-001", consents: withdrawn })).toBe(sam.id);
    const expiring = [consent("HBG-001", [CARE], { validUntil: "2026-03-11" })];
    expect(standInFor(sofia.id, absences, "2026-03-11", { participantId: "HBG-001", consents: expiring })).toBe(vera.id);
    expect(standInFor(sofia.id, absences, "2026-03-12", { participantId: "HBG-001", consents: expiring })).toBe(sam.id);
  });

  it("a same-organisation cover takes every participant, consent or not", () => {
    const absence = registerAbsence(
      { id: "a2", member: { ...sofia, substituteIds: [sam.id] }, from: TODAY, to: TODAY, reason: "sick", registeredBy: sofia },
      members,
      [],
      TODAY,
      NOW,
    );
    const covered = transitionCover(absence, { type: "accept", by: sam.id, at: NOW }, new Set());
    expect(splitCover(covered, participants, [], TODAY)).toEqual({
      toSubstitute: ["HBG-001", "HBG-002", "HBG-003"],
      toOwnOrganisation: [],
    });
  });
});
