import type {
  AbsenceReason,
  BoardReason,
  BoardRow,
  BoardView,
  ConsentView,
  SignalView,
  ParticipantView,
  Priority,
  RecordedConsentStatus,
  SignalKind,
  TakeOffOutcome,
  Urgency,
} from "@fact-board/contract";

// Pure helpers over the BoardView the server sent. They only arrange and count what the viewer
// was given: the tab never decides who may see what.

export const priorityRank: Record<Priority, number> = { high: 0, medium: 1, low: 2 };
/** A priority the viewer was not sent (the lead organisation's item, without its consent) orders last. */
const rankOf = (priority: Priority | undefined): number => (priority ? priorityRank[priority] : 3);

/** Check-in order: priority, then longest on the board first, then code for a stable order. */
export function sortForCheckIn(rows: readonly BoardRow[]): BoardRow[] {
  return [...rows].sort(
    (a, b) =>
      rankOf(a.entry.priority) - rankOf(b.entry.priority) ||
      b.entry.daysOnBoard - a.entry.daysOnBoard ||
      a.participant.code.localeCompare(b.participant.code),
  );
}

export function openSignalsFor(board: Pick<BoardView, "signals">, participantId: string): SignalView[] {
  return board.signals.filter((e) => e.participantId === participantId && e.state === "open");
}

/**
 * Only for wording what the server flagged: it counts a valid consent that ends within 30 days as a
 * consent problem (the bot's CONSENT_EXPIRY_WARNING_DAYS). Whether a participant has a consent problem
 * is the server's `consentProblem`; the tab never decides that itself.
 */
export const SERVER_CONSENT_EXPIRY_WARNING_DAYS = 30;

/** A consent the server still counts as valid (status "given", days left) that ends within the server's window. */
export function isConsentExpiring(consent: ConsentView): boolean {
  return (
    consent.status === "given" && consent.daysUntilExpiry !== undefined && consent.daysUntilExpiry <= SERVER_CONSENT_EXPIRY_WARNING_DAYS
  );
}

export function hasExpiringConsent(participant: ParticipantView): boolean {
  return participant.consents.some(isConsentExpiring);
}

/** What the server's consent problem is, for its badge: a consent not valid, or valid ones ending in `days`. */
export type ConsentProblem = { kind: "missing" } | { kind: "expiring"; days: number };

/**
 * The server's `consentProblem`, worded: "expiring" (with the fewest days left) when every consent
 * the viewer was sent is still valid yet one ends soon; otherwise "missing" (not asked, declined,
 * withdrawn, expired, not yet in force, or not sent to this viewer). Undefined when the server flags none.
 */
export function consentProblemOf(participant: Pick<ParticipantView, "consentProblem" | "consents">): ConsentProblem | undefined {
  if (!participant.consentProblem) return undefined;
  const { consents } = participant;
  const daysLeft = consents.flatMap((c) => (c.status === "given" && c.daysUntilExpiry !== undefined ? [c.daysUntilExpiry] : []));
  if (consents.length === 0 || daysLeft.length < consents.length) return { kind: "missing" };
  return { kind: "expiring", days: Math.min(...daysLeft) };
}

export function memberName(board: Pick<BoardView, "members">, memberId: string | undefined): string {
  if (!memberId) return "";
  return board.members.find((m) => m.id === memberId)?.displayName ?? memberId;
}

export function organisationName(board: Pick<BoardView, "organisations">, organisationId: string): string {
  return board.organisations.find((o) => o.id === organisationId)?.name ?? organisationId;
}

export interface BoardFilter {
  organisationId?: string;
  caseManagerId?: string;
  priority?: Priority;
  consentProblems?: boolean;
  openSignals?: boolean;
}

export function filterRows(board: BoardView, rows: readonly BoardRow[], filter: BoardFilter): BoardRow[] {
  return rows.filter(
    ({ participant, entry }) =>
      (!filter.organisationId || participant.organisationIds.includes(filter.organisationId)) &&
      (!filter.caseManagerId ||
        participant.caseManagerId === filter.caseManagerId ||
        participant.caseManagerStandInId === filter.caseManagerId) &&
      (!filter.priority || entry.priority === filter.priority) &&
      (!filter.consentProblems || participant.consentProblem) &&
      (!filter.openSignals || openSignalsFor(board, participant.id).length > 0),
  );
}

export function isFilterActive(filter: BoardFilter): boolean {
  return activeFilterCount(filter) > 0;
}

/** How many filters are on (a collapsed filter button says so). */
export function activeFilterCount(filter: BoardFilter): number {
  return Object.values(filter).filter((v) => v !== undefined && v !== false && v !== "").length;
}

/** Add days to a calendar date without touching time zones. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const value = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + days * 86_400_000);
  return value.toISOString().slice(0, 10);
}

export function can(board: Pick<BoardView, "viewer">, permission: string): boolean {
  return board.viewer.permissions.includes(permission);
}

// The vocabulary's options without importing zod into the bundle; a Record keeps each list complete.
const reasonSet: Record<BoardReason, true> = {
  crisis: true,
  relapseRisk: true,
  admission: true,
  discharge: true,
  newParticipant: true,
  coordinationNeed: true,
  other: true,
};
const prioritySet: Record<Priority, true> = { high: true, medium: true, low: true };
const outcomeSet: Record<TakeOffOutcome, true> = { stable: true, transferred: true, admittedLongTerm: true, leftFact: true, other: true };
export const reasons = Object.keys(reasonSet) as BoardReason[];
export const priorities = Object.keys(prioritySet) as Priority[];
export const outcomes = Object.keys(outcomeSet) as TakeOffOutcome[];
const signalKindSet: Record<SignalKind, true> = {
  morePsychiatricSupport: true,
  lessPsychiatricSupport: true,
  moreMunicipalSupport: true,
  lessMunicipalSupport: true,
  concern: true,
};
const urgencySet: Record<Urgency, true> = { today: true, thisWeek: true };
const recordedConsentSet: Record<RecordedConsentStatus, true> = { given: true, declined: true, withdrawn: true };
const absenceReasonSet: Record<AbsenceReason, true> = { sick: true, vacation: true, other: true };
export const signalKinds = Object.keys(signalKindSet) as SignalKind[];
export const urgencies = Object.keys(urgencySet) as Urgency[];
export const recordedConsentStatuses = Object.keys(recordedConsentSet) as RecordedConsentStatus[];
export const absenceReasons = Object.keys(absenceReasonSet) as AbsenceReason[];
