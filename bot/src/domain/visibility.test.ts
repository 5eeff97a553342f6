import { addDays } from "./dates";
import type { Consent, Participant } from "./types";
import { canRead, groupConsentsByParticipant, visibilityFor } from "./visibility";

const PSYCHIATRY = "org-psychiatry";
const SOCIAL_SERVICES = "org-social-services";
const MUNICIPAL_CARE = "org-municipal-care";

const TODAY = "2026-03-10";
const YESTERDAY = addDays(TODAY, -1);

/** HBG-017, whose base record psychiatry wrote. */
function participant(overrides: Partial<Participant> = {}): Participant {
  return {
    id: "p-hbg-017",
    boardId: "board-1",
    code: "HBG-017",
    initials: "AB",
    caseManagerId: "tenant-a.case-manager",
    writtenBy: PSYCHIATRY,
    organisationIds: [PSYCHIATRY, SOCIAL_SERVICES, MUNICIPAL_CARE],
    plans: { crisisPlan: "yes", earlySignsPlan: "no", sip: { held: "no" } },
    onBoard: true,
    createdAt: "2026-01-05T08:00:00.000Z",
    ...overrides,
  };
}

/** Psychiatry's consent naming social services. */
function consent(overrides: Partial<Consent> = {}): Consent {
  return {
    boardId: "board-1",
    participantId: "p-hbg-017",
    disclosingOrganisationId: PSYCHIATRY,
    receivingOrganisationIds: [SOCIAL_SERVICES],
    basis: "consent",
    status: "given",
    givenOn: "2026-01-05",
    validUntil: "2026-12-31",
    recordedBy: "tenant-a.case-manager",
    recordedAt: "2026-01-05T09:00:00.000Z",
    ...overrides,
  };
}

describe("who sees a participant's details", () => {
  it("shows the participant to the organisation that wrote the base record, without any consent", () => {
    const seen = visibilityFor(participant(), [], PSYCHIATRY, TODAY);
    expect(seen?.participant.code).toBe("HBG-017");
    expect(seen && canRead(seen, PSYCHIATRY)).toBe(true);
  });

  it("shows the participant to another organisation under a valid consent naming it", () => {
    const seen = visibilityFor(participant(), [consent()], SOCIAL_SERVICES, TODAY);
    expect(seen).toBeDefined();
    expect(seen && canRead(seen, PSYCHIATRY)).toBe(true);
    expect(seen && canRead(seen, SOCIAL_SERVICES)).toBe(true);
  });

  it("hides everything from an organisation without consent", () => {
    expect(visibilityFor(participant(), [], SOCIAL_SERVICES, TODAY)).toBeUndefined();
  });

  it("hides details from a municipality whose consent expired yesterday", () => {
    expect(visibilityFor(participant(), [consent({ validUntil: YESTERDAY })], SOCIAL_SERVICES, TODAY)).toBeUndefined();
  });

  it("still shows details on the last day of the consent", () => {
    expect(visibilityFor(participant(), [consent({ validUntil: TODAY })], SOCIAL_SERVICES, TODAY)).toBeDefined();
  });

  it("hides details once the consent is withdrawn", () => {
    expect(visibilityFor(participant(), [consent({ status: "withdrawn", withdrawnOn: TODAY })], SOCIAL_SERVICES, TODAY)).toBeUndefined();
  });

  it("does not help municipal care that a consent names social services", () => {
    expect(visibilityFor(participant(), [consent()], MUNICIPAL_CARE, TODAY)).toBeUndefined();
  });

  it("does not help that another organisation's consent names the viewer, when the base record's writer has not", () => {
    const careNamesSocial = consent({ disclosingOrganisationId: MUNICIPAL_CARE, receivingOrganisationIds: [SOCIAL_SERVICES] });
    const seen = visibilityFor(participant(), [careNamesSocial], SOCIAL_SERVICES, TODAY);
    expect(seen).toBeUndefined();
  });

  it("lets a viewer read only the items written by organisations whose consent names it", () => {
    const seen = visibilityFor(participant(), [consent()], SOCIAL_SERVICES, TODAY);
    expect(seen && canRead(seen, MUNICIPAL_CARE)).toBe(false);
  });

  it("shows nothing of an erased participant, even to the organisation that wrote the record", () => {
    const erased = participant({ erasedAt: "2026-03-01T02:00:00.000Z" });
    expect(visibilityFor(erased, [], PSYCHIATRY, TODAY)).toBeUndefined();
    expect(visibilityFor(erased, [consent()], SOCIAL_SERVICES, TODAY)).toBeUndefined();
  });
});

describe("grouping consents by participant", () => {
  it("keeps each participant's consents together and apart from others'", () => {
    const a1 = consent();
    const a2 = consent({ disclosingOrganisationId: MUNICIPAL_CARE });
    const b1 = consent({ participantId: "p-hbg-018" });
    const grouped = groupConsentsByParticipant([a1, b1, a2]);
    expect(grouped.get("p-hbg-017")).toEqual([a1, a2]);
    expect(grouped.get("p-hbg-018")).toEqual([b1]);
    expect(grouped.get("p-unknown")).toBeUndefined();
  });
});
