import type { ConsentStatus } from "@fact-board/contract";
import { Invalid } from "./errors";
import type { CalendarDate, Consent, OrganisationId } from "./types";

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
