import { Invalid } from "./errors";
import {
  CONSENT_EXPIRY_WARNING_DAYS,
  assertRecordableConsent,
  consentCoverageOn,
  consentStatusOn,
  daysUntilExpiry,
  hasConsentProblem,
  isConsentValidOn,
  readableWriters,
} from "./consent";
import { addDays } from "./dates";
import type { Consent } from "./types";

const PSYCHIATRY = "org-psychiatry";
const SOCIAL_SERVICES = "org-social-services";
const MUNICIPAL_CARE = "org-municipal-care";
const PRIVATE_PROVIDER = "org-private-provider";

const TODAY = "2026-03-10";
const YESTERDAY = addDays(TODAY, -1);
const TOMORROW = addDays(TODAY, 1);

/** Social services' consent for HBG-017, naming psychiatry, given last month and valid to the end of the year. */
function consent(overrides: Partial<Consent> = {}): Consent {
  return {
    boardId: "board-1",
    participantId: "p-hbg-017",
    disclosingOrganisationId: SOCIAL_SERVICES,
    receivingOrganisationIds: [PSYCHIATRY],
    basis: "consent",
    status: "given",
    givenOn: "2026-02-01",
    validUntil: "2026-12-31",
    recordedBy: "tenant-a.case-manager",
    recordedAt: "2026-02-01T09:00:00.000Z",
    ...overrides,
  };
}

describe("consent validity on a given day", () => {
  it("treats a given consent within its dates as valid", () => {
    expect(consentStatusOn(consent(), TODAY)).toBe("given");
    expect(isConsentValidOn(consent(), TODAY)).toBe(true);
  });

  it("keeps a consent valid all of the day it expires (t.o.m.)", () => {
    const c = consent({ validUntil: TODAY });
    expect(consentStatusOn(c, TODAY)).toBe("given");
    expect(isConsentValidOn(c, TODAY)).toBe(true);
  });

  it("shows a consent that expired yesterday as expired and not valid", () => {
    const c = consent({ validUntil: YESTERDAY });
    expect(consentStatusOn(c, TODAY)).toBe("expired");
    expect(isConsentValidOn(c, TODAY)).toBe(false);
  });

  it("does not honour a withdrawn consent, even inside its dates", () => {
    const c = consent({ status: "withdrawn", withdrawnOn: YESTERDAY });
    expect(consentStatusOn(c, TODAY)).toBe("withdrawn");
    expect(isConsentValidOn(c, TODAY)).toBe(false);
  });

  it("does not honour a declined consent", () => {
    const c = consent({ status: "declined", givenOn: undefined, validUntil: undefined });
    expect(consentStatusOn(c, TODAY)).toBe("declined");
    expect(isConsentValidOn(c, TODAY)).toBe(false);
  });

  it("reports 'not asked' where no consent is recorded, and denies by default", () => {
    expect(consentStatusOn(undefined, TODAY)).toBe("notAsked");
    expect(isConsentValidOn(undefined, TODAY)).toBe(false);
  });

  it("does not honour a consent dated to be given tomorrow", () => {
    expect(isConsentValidOn(consent({ givenOn: TOMORROW }), TODAY)).toBe(false);
  });

  it("honours a consent from the day it is given", () => {
    expect(isConsentValidOn(consent({ givenOn: TODAY }), TODAY)).toBe(true);
  });

  it("decides validity from the day asked, not from when it was recorded", () => {
    const c = consent({ validUntil: TODAY });
    expect(isConsentValidOn(c, TODAY)).toBe(true);
    expect(isConsentValidOn(c, TOMORROW)).toBe(false);
  });
});

describe("whose writing an organisation may read about a participant", () => {
  it("always includes the viewer's own organisation, even without any consent", () => {
    expect(readableWriters([], PSYCHIATRY, TODAY)).toEqual(new Set([PSYCHIATRY]));
  });

  it("adds the disclosing organisation when its valid consent names the viewer", () => {
    expect(readableWriters([consent()], PSYCHIATRY, TODAY)).toEqual(new Set([PSYCHIATRY, SOCIAL_SERVICES]));
  });

  it("does not help a viewer that the consent does not name", () => {
    expect(readableWriters([consent()], MUNICIPAL_CARE, TODAY)).toEqual(new Set([MUNICIPAL_CARE]));
  });

  it("does not let the receiver's consent open the discloser's writing the other way round", () => {
    // Psychiatry names social services; that says nothing about social services' own records.
    const psychiatryConsent = consent({ disclosingOrganisationId: PSYCHIATRY, receivingOrganisationIds: [SOCIAL_SERVICES] });
    expect(readableWriters([psychiatryConsent], PSYCHIATRY, TODAY)).toEqual(new Set([PSYCHIATRY]));
  });

  it.each([
    ["expired yesterday", consent({ validUntil: YESTERDAY })],
    ["withdrawn", consent({ status: "withdrawn", withdrawnOn: YESTERDAY })],
    ["declined", consent({ status: "declined" })],
    ["given only from tomorrow", consent({ givenOn: TOMORROW })],
  ])("does not add an organisation whose consent is %s", (_label, c) => {
    expect(readableWriters([c], PSYCHIATRY, TODAY)).toEqual(new Set([PSYCHIATRY]));
  });

  it("combines consents from several disclosing organisations", () => {
    const fromCare = consent({ disclosingOrganisationId: MUNICIPAL_CARE, receivingOrganisationIds: [PRIVATE_PROVIDER, PSYCHIATRY] });
    const fromPrivate = consent({ disclosingOrganisationId: PRIVATE_PROVIDER, receivingOrganisationIds: [MUNICIPAL_CARE] });
    expect(readableWriters([consent(), fromCare, fromPrivate], PSYCHIATRY, TODAY)).toEqual(
      new Set([PSYCHIATRY, SOCIAL_SERVICES, MUNICIPAL_CARE]),
    );
  });
});

describe("consent problems a person should act on", () => {
  it("flags a participant never asked for consent", () => {
    expect(hasConsentProblem(undefined, TODAY)).toBe(true);
  });

  it.each([
    ["declined", consent({ status: "declined" })],
    ["withdrawn", consent({ status: "withdrawn" })],
    ["expired yesterday", consent({ validUntil: YESTERDAY })],
  ])("flags a consent that is %s", (_label, c) => {
    expect(hasConsentProblem(c, TODAY)).toBe(true);
  });

  it("flags a consent that expires today", () => {
    expect(hasConsentProblem(consent({ validUntil: TODAY }), TODAY)).toBe(true);
  });

  it(`flags a consent that expires in exactly ${CONSENT_EXPIRY_WARNING_DAYS} days`, () => {
    const c = consent({ validUntil: addDays(TODAY, CONSENT_EXPIRY_WARNING_DAYS) });
    expect(daysUntilExpiry(c, TODAY)).toBe(CONSENT_EXPIRY_WARNING_DAYS);
    expect(hasConsentProblem(c, TODAY)).toBe(true);
  });

  it(`does not flag a consent valid for ${CONSENT_EXPIRY_WARNING_DAYS + 1} more days`, () => {
    expect(hasConsentProblem(consent({ validUntil: addDays(TODAY, CONSENT_EXPIRY_WARNING_DAYS + 1) }), TODAY)).toBe(false);
  });

  it("flags a consent that is recorded but only valid from a later date, since nothing is shared yet", () => {
    expect(hasConsentProblem(consent({ givenOn: TOMORROW }), TODAY)).toBe(true);
  });

  it("counts no days to expiry for a consent that is not valid", () => {
    expect(daysUntilExpiry(consent({ status: "withdrawn" }), TODAY)).toBeUndefined();
    expect(daysUntilExpiry(consent({ validUntil: YESTERDAY }), TODAY)).toBeUndefined();
    expect(daysUntilExpiry(undefined, TODAY)).toBeUndefined();
  });
});

describe("what may be recorded as a consent", () => {
  it("accepts a specific, time-limited consent naming its receivers", () => {
    expect(() => assertRecordableConsent(consent())).not.toThrow();
  });

  it("refuses a blanket consent that names no receiving organisation", () => {
    expect(() => assertRecordableConsent(consent({ receivingOrganisationIds: [] }))).toThrow(Invalid);
  });

  it("refuses a blanket consent with no end date", () => {
    expect(() => assertRecordableConsent(consent({ validUntil: undefined }))).toThrow(Invalid);
  });

  it("refuses a given consent without the date it was given", () => {
    expect(() => assertRecordableConsent(consent({ givenOn: undefined }))).toThrow(Invalid);
  });

  it("refuses a consent that ends before it was given", () => {
    expect(() => assertRecordableConsent(consent({ givenOn: "2026-05-01", validUntil: "2026-04-30" }))).toThrow(Invalid);
  });

  it("refuses a consent that names the disclosing organisation itself as receiver", () => {
    expect(() => assertRecordableConsent(consent({ receivingOrganisationIds: [SOCIAL_SERVICES, PSYCHIATRY] }))).toThrow(Invalid);
  });

  it("refuses a legal basis without its statute reference", () => {
    expect(() => assertRecordableConsent(consent({ basis: "legalBasis" }))).toThrow(Invalid);
    expect(() => assertRecordableConsent(consent({ basis: "legalBasis", legalReference: "" }))).toThrow(Invalid);
  });

  it("accepts a legal basis with its reference", () => {
    expect(() => assertRecordableConsent(consent({ basis: "legalBasis", legalReference: "OSL 25 kap. 12 §" }))).not.toThrow();
  });

  it("accepts recording that a participant declined, with no dates", () => {
    expect(() => assertRecordableConsent(consent({ status: "declined", givenOn: undefined, validUntil: undefined }))).not.toThrow();
  });
});

describe("consent coverage on a day (a collaboration marker of the statistics)", () => {
  const participant = (id: string, organisationIds: string[], more: { leftTeamOn?: string; erasedAt?: string } = {}) => ({
    id,
    createdAt: "2026-01-05T08:00:00.000Z",
    organisationIds,
    ...more,
  });
  const both = (id: string, more: Partial<Consent> = {}): Consent[] => [
    consent({ participantId: id, disclosingOrganisationId: SOCIAL_SERVICES, receivingOrganisationIds: [PSYCHIATRY] }),
    consent({ participantId: id, disclosingOrganisationId: PSYCHIATRY, receivingOrganisationIds: [SOCIAL_SERVICES], ...more }),
  ];
  const pair = [SOCIAL_SERVICES, PSYCHIATRY];

  it("counts a participant covered only when every involved organisation's consent names every other", () => {
    const participants = [
      participant("covered", pair),
      participant("one-way", pair),
      participant("three", [...pair, MUNICIPAL_CARE]),
      participant("alone", [PSYCHIATRY]),
    ];
    const consents = new Map([
      ["covered", both("covered")],
      ["one-way", both("one-way").slice(0, 1)],
      // Both name each other, but municipal care gave none and neither names it.
      ["three", both("three")],
    ]);
    expect(consentCoverageOn(participants, consents, TODAY)).toEqual({ covered: 1, notCovered: 2 });
  });

  it("reads each consent as it held that day: withdrawn later still held, expired or not yet given did not", () => {
    const participants = [participant("w", pair), participant("x", pair), participant("late", pair)];
    const consents = new Map([
      ["w", both("w", { status: "withdrawn", withdrawnOn: "2026-03-01" })],
      ["x", both("x", { validUntil: "2026-02-20" })],
      ["late", both("late", { givenOn: "2026-02-25" })],
    ]);
    expect(consentCoverageOn(participants, consents, "2026-02-15")).toEqual({ covered: 2, notCovered: 1 });
    expect(consentCoverageOn(participants, consents, "2026-03-05")).toEqual({ covered: 1, notCovered: 2 });
  });

  it("counts only the caseload of the day, and leaves erased participants out", () => {
    const participants = [
      participant("left", pair, { leftTeamOn: "2026-03-01" }),
      participant("erased", pair, { leftTeamOn: "2026-01-10", erasedAt: "2026-03-01T00:00:00.000Z" }),
      { ...participant("later", pair), createdAt: "2026-04-01T08:00:00.000Z" },
    ];
    const consents = new Map([
      ["left", both("left")],
      ["later", both("later")],
    ]);
    expect(consentCoverageOn(participants, consents, "2026-02-15")).toEqual({ covered: 1, notCovered: 0 });
    expect(consentCoverageOn(participants, consents, TODAY)).toEqual({ covered: 0, notCovered: 0 });
  });
});
