import type {
  AbsenceReason,
  AccessChannel,
  AuditOutcome,
  AuditWhat,
  BoardModel,
  BoardReason,
  ConsentStatus,
  CoverState,
  ExternalRole,
  InterventionKind,
  SignalState,
  LogReviewRule,
  LogReviewStatus,
  OrganisationKind,
  PlanStatus,
  Priority,
  Role,
  SignalKind,
  TakeOffOutcome,
  Urgency,
} from "../vocabulary";

/**
 * The words for the vocabulary's codes, one catalogue for the bot's cards and the tab (issue 16):
 * a signal kind or a consent status reads the same in a chat card and on the board. One file per
 * language (sv.ts, en.ts), so the tab downloads only the language it shows; types only here, so
 * neither pulls zod into the tab's bundle. The Excel form of the CSV exports writes these words too.
 */
export interface Vocabulary {
  signalKind: Record<SignalKind, string>;
  signalState: Record<SignalState, string>;
  urgency: Record<Urgency, string>;
  consentStatus: Record<ConsentStatus, string>;
  boardReason: Record<BoardReason, string>;
  priority: Record<Priority, string>;
  absenceReason: Record<AbsenceReason, string>;
  takeOffOutcome: Record<TakeOffOutcome, string>;
  coverState: Record<CoverState, string>;
  role: Record<Role, string>;
  organisationKind: Record<OrganisationKind, string>;
  auditWhat: Record<AuditWhat, string>;
  auditChannel: Record<AccessChannel, string>;
  auditOutcome: Record<AuditOutcome, string>;
  logReviewStatus: Record<LogReviewStatus, string>;
  logReviewRule: Record<LogReviewRule, string>;
  planStatus: Record<PlanStatus, string>;
  boardModel: Record<BoardModel, string>;
  interventionKind: Record<InterventionKind, string>;
  externalRole: Record<ExternalRole, string>;
}

/**
 * The domain's own words (docs/domain.md, Words on screen) that the bot's cards and the tab both
 * show: one source, so that a card and the board never call the same thing by two names. Words only
 * one of them shows stay in its own strings (bot/src/cards/strings.ts, tab/src/i18n/*.json).
 */
export interface Terms {
  board: string;
  participant: string;
  onBoard: string;
  putOnBoard: string;
  reason: string;
  priority: string;
  nextEvaluation: string;
  validUntil: string;
  acknowledge: string;
  decline: string;
  absence: string;
  substitute: string;
  coverAccept: string;
  coverDecline: string;
  /** The participant's own case manager, in the seeds' words. */
  caseManager: string;
}
