import { consentStatusOn, daysUntilExpiry, hasConsentProblem } from "./consent";
import { addDays, daysBetween } from "./dates";
import { isOverdue } from "./signal";
import type { Absence, BoardEntry, CalendarDate, Consent, Signal, Participant } from "./types";
import { groupConsentsByParticipant } from "./visibility";

// The board's counts, in one place for the manager overview and the morning brief. Counts carry
// no participant details, so they need no consent and may go to a channel.

export interface BoardCounts {
  onBoard: number;
  newSinceYesterday: number;
  evaluationsDue: number;
  averageDaysOnBoard: number;
  openSignals: number;
  overdueSignals: number;
  /** Consents (per participant and disclosing organisation) not valid today: missing, declined, withdrawn, expired. */
  consentsMissing: number;
  /** Valid consents that end within the warning window. */
  consentsExpiringSoon: number;
  /** Participants with any such consent problem. */
  participantsWithConsentProblem: number;
  /** Absences today or in the coming week that nobody covers yet. */
  absencesWithoutCover: number;
}

export interface BoardFacts {
  participants: readonly Participant[];
  entries: readonly BoardEntry[];
  consents: readonly Consent[];
  openSignals: readonly Signal[];
  currentAbsences: readonly Absence[];
}

/** Partnership participants only: consent between organisations matters where more than one is involved. */
const isPartnership = (p: Participant) => !p.leftTeamOn && !p.erasedAt && p.organisationIds.length > 1;

/** Some involved organisation's consent is missing, ending or gone: the partnership cannot share as it should. */
export function hasPartnershipConsentProblem(p: Participant, participantConsents: readonly Consent[], today: CalendarDate): boolean {
  if (p.organisationIds.length < 2) return false;
  return p.organisationIds.some((org) =>
    hasConsentProblem(
      participantConsents.find((c) => c.disclosingOrganisationId === org),
      today,
    ),
  );
}

export function boardCounts(facts: BoardFacts, today: CalendarDate, now: Date): BoardCounts {
  const consents = groupConsentsByParticipant(facts.consents);
  let consentsMissing = 0;
  let consentsExpiringSoon = 0;
  let participantsWithConsentProblem = 0;
  for (const p of facts.participants.filter(isPartnership)) {
    const own = consents.get(p.id) ?? [];
    for (const org of p.organisationIds) {
      const c = own.find((x) => x.disclosingOrganisationId === org);
      if (consentStatusOn(c, today) !== "given") consentsMissing++;
      else if (hasConsentProblem(c, today) && daysUntilExpiry(c, today) !== undefined) consentsExpiringSoon++;
    }
    if (hasPartnershipConsentProblem(p, own, today)) participantsWithConsentProblem++;
  }
  const days = facts.entries.map((e) => daysBetween(e.putOnOn, today));
  const weekAhead = addDays(today, 7);
  return {
    onBoard: facts.entries.length,
    newSinceYesterday: facts.entries.filter((e) => e.putOnOn >= addDays(today, -1)).length,
    evaluationsDue: facts.entries.filter((e) => e.nextEvaluationOn <= today).length,
    averageDaysOnBoard: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : 0,
    openSignals: facts.openSignals.length,
    overdueSignals: facts.openSignals.filter((e) => isOverdue(e, now)).length,
    consentsMissing,
    consentsExpiringSoon,
    participantsWithConsentProblem,
    absencesWithoutCover: facts.currentAbsences.filter(
      (a) => (a.cover.state === "requesting" || a.cover.state === "uncovered") && a.from <= weekAhead && a.to >= today,
    ).length,
  };
}
