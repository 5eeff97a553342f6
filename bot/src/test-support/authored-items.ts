import type { Consent, Participant } from "../domain/types";

// The scene of the domain tests of what each organisation writes about a participant (Sedan sist,
// insatser, mål, kontakter): one participant involved with three organisations, and each
// organisation's consent naming whom it may tell. Plain values: these tests need no storage.

export const REGION = "org-region";
export const MUNICIPALITY = "org-municipality";
export const CARE = "org-care";

/** TST-001 on board b1, written by the region, involved with all three organisations. */
export const aSharedParticipant = (over: Partial<Participant> = {}): Participant => ({
  id: "p1",
  boardId: "b1",
  code: "TST-001",
  initials: "XX",
  caseManagerId: "m-region",
  writtenBy: REGION,
  organisationIds: [REGION, MUNICIPALITY, CARE],
  plans: { crisisPlan: "notSet", earlySignsPlan: "notSet", sip: { held: "notSet" } },
  onBoard: true,
  createdAt: "2026-01-05T08:00:00.000Z",
  ...over,
});

/** `from`'s given consent for p1, naming `to`, valid all of 2026. */
export const givenConsent = (from: string, to: string[], over: Partial<Consent> = {}): Consent => ({
  boardId: "b1",
  participantId: "p1",
  disclosingOrganisationId: from,
  receivingOrganisationIds: to,
  basis: "consent",
  status: "given",
  givenOn: "2026-01-05",
  validUntil: "2026-12-31",
  recordedBy: "someone",
  recordedAt: "2026-01-05T09:00:00.000Z",
  ...over,
});
