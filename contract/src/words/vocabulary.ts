import type {
  AbsenceReason,
  BoardReason,
  ConsentStatus,
  CoverState,
  EscalationState,
  Priority,
  SignalKind,
  TakeOffOutcome,
  Urgency,
} from "../vocabulary";

/**
 * The words for the vocabulary's codes, one catalogue for the bot's cards and the tab (issue 16):
 * a signal kind or a consent status reads the same in a chat card and on the board. One file per
 * language (sv.ts, en.ts), so the tab downloads only the language it shows; types only here, so
 * neither pulls zod into the tab's bundle.
 */
export interface Vocabulary {
  signalKind: Record<SignalKind, string>;
  escalationState: Record<EscalationState, string>;
  urgency: Record<Urgency, string>;
  consentStatus: Record<ConsentStatus, string>;
  boardReason: Record<BoardReason, string>;
  priority: Record<Priority, string>;
  absenceReason: Record<AbsenceReason, string>;
  takeOffOutcome: Record<TakeOffOutcome, string>;
  coverState: Record<CoverState, string>;
}
