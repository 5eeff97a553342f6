import { z } from "zod";

// The FACT vocabulary, defined once: the domain, the API and the tab all speak these words.
// Codes are English; the Swedish words on screen live in tab/src/i18n and the card strings.

export const Role = z.enum(["coordinator", "staff", "manager", "admin"]);
export type Role = z.infer<typeof Role>;

export const OrganisationKind = z.enum([
  "regionPsychiatry",
  "municipalSocialServices",
  "municipalCare",
  "privateProvider",
  "labourMarket",
  "other",
]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

export const BoardReason = z.enum(["crisis", "relapseRisk", "admission", "discharge", "newParticipant", "coordinationNeed", "other"]);
export type BoardReason = z.infer<typeof BoardReason>;

export const Priority = z.enum(["high", "medium", "low"]);
export type Priority = z.infer<typeof Priority>;

/**
 * A plan (crisis plan, early-signs plan, SIP held) as a person recorded it: yes, no, or not set.
 * "notSet" is shown as "Ej angivet", never as "no": nobody has said, which is not the same as none.
 */
export const PlanStatus = z.enum(["yes", "no", "notSet"]);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** What a board is (issue 24): faithful FACT, enhanced collaboration (the Lund pilot) or another collaboration. Never one shown as another. */
export const BoardModel = z.enum(["fact", "enhancedCollaboration", "otherCollaboration"]);
export type BoardModel = z.infer<typeof BoardModel>;

/**
 * Ongoing support (Pågående insatser, issue 26): the kinds every organisation picks from, so a
 * municipality's boendestöd and the region's depot medication read alike on the board and count
 * together in the statistics.
 */
export const InterventionKind = z.enum([
  "housingSupport",
  "ipsWork",
  "laro",
  "depotMedication",
  "financialAssistance",
  "outpatientTreatment",
  "inpatientCare",
  "other",
]);
export type InterventionKind = z.infer<typeof InterventionKind>;

/** The network (issue 26): who outside the board may own an action, named as a role; the writing organisation stays responsible. */
export const ExternalRole = z.enum(["amfGuide", "housingSupportWorker", "guardian", "relative", "other"]);
export type ExternalRole = z.infer<typeof ExternalRole>;

export const TakeOffOutcome = z.enum(["stable", "transferred", "admittedLongTerm", "leftFact", "other"]);
export type TakeOffOutcome = z.infer<typeof TakeOffOutcome>;

/** What is stored. "expired" and "notAsked" are derived at read time, never stored. */
export const RecordedConsentStatus = z.enum(["given", "declined", "withdrawn"]);
export type RecordedConsentStatus = z.infer<typeof RecordedConsentStatus>;

export const ConsentStatus = z.enum(["given", "declined", "withdrawn", "expired", "notAsked"]);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

/** Secrecy is lifted by the participant's consent or, rarely, by law (with its reference). */
export const ConsentBasis = z.enum(["consent", "legalBasis"]);
export type ConsentBasis = z.infer<typeof ConsentBasis>;

export const SignalKind = z.enum([
  "morePsychiatricSupport",
  "lessPsychiatricSupport",
  "moreMunicipalSupport",
  "lessMunicipalSupport",
  "concern",
]);
export type SignalKind = z.infer<typeof SignalKind>;

export const Urgency = z.enum(["today", "thisWeek"]);
export type Urgency = z.infer<typeof Urgency>;

export const SignalState = z.enum(["open", "acknowledged", "resolved", "declined"]);
export type SignalState = z.infer<typeof SignalState>;

export const AbsenceReason = z.enum(["sick", "vacation", "other"]);
export type AbsenceReason = z.infer<typeof AbsenceReason>;

export const CoverState = z.enum(["requesting", "covered", "uncovered", "cancelled"]);
export type CoverState = z.infer<typeof CoverState>;

export const AccessChannel = z.enum(["tab", "bot", "api"]);
export type AccessChannel = z.infer<typeof AccessChannel>;

/** What an access-log record says was done with a participant's details. */
export const AuditWhat = z.enum([
  "viewedDetails",
  "viewedHistory",
  "changed",
  "putOnBoard",
  "takenOffBoard",
  "consentRecorded",
  "signalRaised",
  "signalAnswered",
  "exported",
  "erased",
]);
export type AuditWhat = z.infer<typeof AuditWhat>;

export const AuditOutcome = z.enum(["allowed", "denied"]);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** How a log reviewer assesses a sampled record. */
export const LogReviewStatus = z.enum(["inOrder", "followUp"]);
export type LogReviewStatus = z.infer<typeof LogReviewStatus>;

/** Why a record is in a log review's sample (domain/log-review.ts). */
export const LogReviewRule = z.enum(["outsideMeetingTimes", "noRelation", "manyReads", "random"]);
export type LogReviewRule = z.infer<typeof LogReviewRule>;

/**
 * The two forms of every CSV export: `excel` opens by double-click in Swedish Excel (semicolons, a
 * UTF-8 BOM, Swedish headers and words, local times); `csv` is for scripts (commas, codes, ISO times).
 */
export const ExportFormat = z.enum(["excel", "csv"]);
export type ExportFormat = z.infer<typeof ExportFormat>;
/** The period the de-identified statistics count in. */
export const StatisticsPeriod = z.enum(["month", "quarter", "year"]);
export type StatisticsPeriod = z.infer<typeof StatisticsPeriod>;

/** Calendar dates travel as YYYY-MM-DD (Swedish local dates); instants as ISO 8601 with offset. */
export const CalendarDate = z.iso.date();
export const Instant = z.iso.datetime({ offset: true });
