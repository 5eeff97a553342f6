import type { ConsentStatus } from "@fact-board/contract";
import { Invalid } from "./errors";
import { inCaseloadOn } from "./caseload";
import type { CalendarDate, Consent, OrganisationId, Participant, ParticipantId } from "./types";

// Secrecy between organisations is lifted only by the disclosing organisation's own, specific,
// time-limited consent naming the receiver (or, rarely, a legal basis). The default is deny,
// and validity is decided at each request from the stored record and today's date.

/** The status a person should see today: "expired" and "notAsked" are derived, never stored. */
export function consentStatusOn(consent: Consent | undefined, today: CalendarDate): ConsentStatus {
  if (!consent) return "notAsked";
  if (consent.status !== "given") return consent.status;
  if (consent.validUntil !== undefined && consent.validUntil < today) return "expired";
  return "given";
}

export function isConsentValidOn(consent: Consent | undefined, today: CalendarDate): boolean {
  if (!consent || consent.status !== "given") return false;
  if (consent.givenOn !== undefined && consent.givenOn > today) return false;
  return consentStatusOn(consent, today) === "given";
}

/**
 * The organisations whose writing a member of `viewer` may see about one participant:
 * their own, plus every organisation whose valid consent names `viewer`.
 */
export function readableWriters(participantConsents: readonly Consent[], viewer: OrganisationId, today: CalendarDate): Set<OrganisationId> {
  const writers = new Set<OrganisationId>([viewer]);
  for (const c of participantConsents) {
    if (c.receivingOrganisationIds.includes(viewer) && isConsentValidOn(c, today)) writers.add(c.disclosingOrganisationId);
  }
  return writers;
}

/** Days until a given consent expires, or undefined when it has no end or is not valid. */
export function daysUntilExpiry(consent: Consent | undefined, today: CalendarDate): number | undefined {
  if (!consent || !isConsentValidOn(consent, today) || !consent.validUntil) return undefined;
  return Math.round((Date.parse(`${consent.validUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export const CONSENT_EXPIRY_WARNING_DAYS = 30;

/** Missing, declined, withdrawn, expired, or expiring within 30 days: something a person should act on. */
export function hasConsentProblem(consent: Consent | undefined, today: CalendarDate): boolean {
  // Not valid today covers a consent dated to start later too: it shows as given, yet nothing is shared.
  if (!isConsentValidOn(consent, today)) return true;
  const left = daysUntilExpiry(consent, today);
  return left !== undefined && left <= CONSENT_EXPIRY_WARNING_DAYS;
}

/** Why a consent cannot be recorded, in the words the tab has in Swedish (the import reports them per line too). */
export const CONSENT_REFUSED = {
  namesItself: "An organisation does not need consent to read what it wrote itself.",
  noReceivers: "Name the organisations the consent covers.",
  givenNeedsDates: "A given consent needs the date given and the date it is valid until.",
  endsBeforeGiven: "The consent ends before it was given.",
  legalBasisNeedsReference: "A legal basis needs its reference.",
} as const;

/**
 * Rules a recorded consent must meet. A blanket consent (no named receiver, no end date) is not valid;
 * a legal basis needs its reference.
 */
export function assertRecordableConsent(consent: Consent): void {
  if (consent.receivingOrganisationIds.includes(consent.disclosingOrganisationId)) {
    throw new Invalid(CONSENT_REFUSED.namesItself);
  }
  if (consent.status === "given") {
    if (consent.receivingOrganisationIds.length === 0) throw new Invalid(CONSENT_REFUSED.noReceivers);
    if (!consent.givenOn || !consent.validUntil) throw new Invalid(CONSENT_REFUSED.givenNeedsDates);
    if (consent.validUntil < consent.givenOn) throw new Invalid(CONSENT_REFUSED.endsBeforeGiven);
    if (consent.basis === "legalBasis" && !consent.legalReference) throw new Invalid(CONSENT_REFUSED.legalBasisNeedsReference);
  }
}

/**
 * Whether a consent held on `date`, read from the record as stored now: a consent withdrawn later
 * still held before its withdrawal.
 */
export function consentHeldOn(c: Consent, date: CalendarDate): boolean {
  if (isConsentValidOn(c, date)) return true;
  return (
    c.status === "withdrawn" &&
    c.givenOn !== undefined &&
    c.givenOn <= date &&
    c.withdrawnOn !== undefined &&
    c.withdrawnOn > date &&
    (c.validUntil === undefined || c.validUntil >= date)
  );
}

/** Every involved organisation's consent, held on `date`, names every other involved organisation (one organisation alone: nothing to share). */
export function consentCoveredOn(organisationIds: readonly OrganisationId[], consents: readonly Consent[], date: CalendarDate): boolean {
  return organisationIds.every((from) => {
    const others = organisationIds.filter((o) => o !== from);
    if (others.length === 0) return true;
    const c = consents.find((x) => x.disclosingOrganisationId === from);
    return c !== undefined && consentHeldOn(c, date) && others.every((o) => c.receivingOrganisationIds.includes(o));
  });
}

export interface ConsentCoverage {
  covered: number;
  notCovered: number;
}

/**
 * Consent coverage on `date` (issue 28, a collaboration marker): of the participants in the
 * caseload that day with two or more organisations involved — one organisation alone has nothing
 * to share, so it would only swell "covered" — how many had every involved organisation's consent
 * naming all the others. Erased participants are left out: their consents went with their details.
 */
export function consentCoverageOn(
  participants: readonly Pick<Participant, "id" | "createdAt" | "leftTeamOn" | "organisationIds" | "erasedAt">[],
  consentsByParticipant: ReadonlyMap<ParticipantId, readonly Consent[]>,
  date: CalendarDate,
): ConsentCoverage {
  const coverage: ConsentCoverage = { covered: 0, notCovered: 0 };
  for (const p of participants) {
    if (p.erasedAt || !inCaseloadOn(p, date) || new Set(p.organisationIds).size < 2) continue;
    if (consentCoveredOn(p.organisationIds, consentsByParticipant.get(p.id) ?? [], date)) coverage.covered++;
    else coverage.notCovered++;
  }
  return coverage;
}
