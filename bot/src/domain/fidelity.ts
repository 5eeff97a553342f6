import type { BoardReason, TakeOffOutcome } from "@fact-board/contract";
import { caseloadOn } from "./caseload";
import { consentStatusOn } from "./consent";
import { daysBetween } from "./dates";
import type { FidelitySettings } from "./fidelity-settings";
import { checkInFor, expectedOccurrences, implicitMeeting, meetingCovers, meetingsOf } from "./meeting-schedule";
import type {
  Board,
  BoardEntry,
  CalendarDate,
  CheckIn,
  ClosedBoardEntry,
  Consent,
  Signal,
  OrganisationId,
  Participant,
  ParticipantId,
} from "./types";
import { type ParticipantVisibility, groupConsentsByParticipant, visibilityFor } from "./visibility";

// Fidelity indicators per calendar month, after the FACT fidelity scale (FACTs) and the FACT
// board-meeting guidance. Each formula is written once here (and in docs/domain.md#fidelity-indicators-manager-overview); the facts are
// first narrowed to what the viewer's organisation may see today, so a viewer's indicators count
// only participants, actions, reviews and signals they could open themselves.

export interface FidelityFacts {
  board: Pick<Board, "id" | "settings">;
  settings: FidelitySettings;
  participants: readonly Participant[];
  consents: readonly Consent[];
  currentEntries: readonly BoardEntry[];
  closedEntries: readonly ClosedBoardEntry[];
  checkIns: readonly CheckIn[];
  signals: readonly Signal[];
}

export const DAY_BUCKETS = [
  { label: "0-7", max: 7 },
  { label: "8-14", max: 14 },
  { label: "15-30", max: 30 },
  { label: "31-60", max: 60 },
  { label: "61-90", max: 90 },
  { label: "91+", max: Number.POSITIVE_INFINITY },
] as const;

export interface SignalPairIndicator {
  fromOrganisationId: OrganisationId;
  toOrganisationId: OrganisationId;
  raised: number;
  answeredInTime: number;
}

export interface MonthIndicators {
  /** YYYY-MM */
  month: string;
  /** The last day counted: the month's last day, or today in the current month. */
  asOf: CalendarDate;
  onBoard: number;
  caseload: number;
  /** onBoard / caseload, in per cent with one decimal; null without a caseload. */
  shareOfCaseloadPercent: number | null;
  inBand: boolean;
  putOn: number;
  putOnByReason: Partial<Record<BoardReason, number>>;
  takenOff: number;
  takenOffByOutcome: Partial<Record<TakeOffOutcome, number>>;
  /** Of those on the board on asOf: days since put on. */
  medianDaysOnBoard: number | null;
  daysOnBoardDistribution: Array<{ label: string; count: number }>;
  longerThanLimit: number;
  /** Scheduled meeting occurrences on working days (the board's schedule; without one, every working day). */
  expectedCheckInDays: number;
  /** Of those, the occurrences held (a check-in recorded for that meeting and date). */
  checkInDays: number;
  /** checkInDays / expectedCheckInDays in per cent; null when none was expected. */
  checkInDayShare: number | null;
  /** Entries reviewed / entries on the board, summed over the month's check-ins, in per cent. */
  reviewedShare: number | null;
  /** Check-in minutes per participant reviewed (all reviews, since the duration is the whole meeting's). */
  secondsPerParticipant: number | null;
  /** On the board at a check-in but not reviewed in it. */
  notReached: number;
  /** Not reached in a check-in and not in the next check-in either. */
  carriedOver: number;
  /** On-board participants whose readable actions are owned by two or more organisations, in per cent of onBoard. */
  multiOrganisationActionShare: number | null;
  signalsByPair: SignalPairIndicator[];
  /** Partnership participants on the board (two or more organisations) whose every involved organisation has a valid consent, in per cent. */
  consentCoverage: number | null;
}

export interface FidelityIndicators {
  settings: FidelitySettings;
  months: MonthIndicators[];
}

type AnyEntry = BoardEntry & { takenOffOn?: CalendarDate; outcome?: TakeOffOutcome };

const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** On the board on `date`: put on by then, and not yet taken off (taken off that day counts as off). */
export const isOnBoardOn = (e: AnyEntry, date: CalendarDate): boolean =>
  e.putOnOn <= date && (e.takenOffOn === undefined || e.takenOffOn > date);

/** The first answer the receiver gave (acknowledged, resolved or declined), if any. */
export function firstAnswerAt(e: Signal): string | undefined {
  return [e.acknowledgedAt, e.resolvedAt, e.declinedAt].filter((x): x is string => x !== undefined).sort()[0];
}
export const answeredInTime = (e: Signal): boolean => {
  const at = firstAnswerAt(e);
  return at !== undefined && Date.parse(at) <= Date.parse(e.answerBy);
};

export function monthsBack(today: CalendarDate, count: number): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const idx = y * 12 + m - i;
    months.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}

export function lastDayOfMonth(month: string): CalendarDate {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Narrows the facts to what `viewer` may see today: participants, their entries, readable actions, reviews and signals. */
export function visibleFacts(
  facts: FidelityFacts,
  viewer: OrganisationId,
  today: CalendarDate,
): FidelityFacts & { visibility: Map<ParticipantId, ParticipantVisibility> } {
  const consents = groupConsentsByParticipant(facts.consents);
  const visibility = new Map<ParticipantId, ParticipantVisibility>();
  for (const p of facts.participants) {
    const v = visibilityFor(p, consents.get(p.id) ?? [], viewer, today);
    if (v) visibility.set(p.id, v);
  }
  const narrow = <E extends BoardEntry>(e: E): E[] => {
    const v = visibility.get(e.participantId);
    return v ? [{ ...e, actions: e.actions.filter((a) => v.readable.has(a.writtenBy)) }] : [];
  };
  return {
    ...facts,
    participants: facts.participants.filter((p) => visibility.has(p.id)),
    consents: facts.consents.filter((c) => visibility.has(c.participantId)),
    currentEntries: facts.currentEntries.flatMap(narrow),
    closedEntries: facts.closedEntries.flatMap(narrow),
    // The duration and the number reviewed stay whole: they are the meeting's, not any participant's.
    checkIns: facts.checkIns,
    // A signal counts where the viewer may read both its sender (raised) and its receiver (answer).
    signals: facts.signals.filter((e) => {
      const v = visibility.get(e.participantId);
      return v !== undefined && v.readable.has(e.fromOrganisationId) && v.readable.has(e.toOrganisationId);
    }),
    visibility,
  };
}

/**
 * `caseloadOn`: the board's caseload on a date, counted from every participant (a count, like the
 * overview's): the share is the visible entries on the board against the team's whole caseload.
 */
function monthIndicators(
  facts: ReturnType<typeof visibleFacts>,
  month: string,
  today: CalendarDate,
  caseloadAt: (date: CalendarDate) => number,
): MonthIndicators {
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const asOf = last < today ? last : today;
  const entries: AnyEntry[] = [...facts.currentEntries, ...facts.closedEntries];
  const onBoardAt = (date: CalendarDate) => entries.filter((e) => isOnBoardOn(e, date));
  const onBoard = onBoardAt(asOf);

  const putOnInMonth = entries.filter((e) => e.putOnOn >= first && e.putOnOn <= asOf);
  const takenOffInMonth = facts.closedEntries.filter((e) => e.takenOffOn >= first && e.takenOffOn <= asOf);
  const tally = <K extends string>(keys: K[]) =>
    keys.reduce<Partial<Record<K, number>>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});

  const days = onBoard.map((e) => daysBetween(e.putOnOn, asOf));
  const distribution = DAY_BUCKETS.map((b, i) => ({
    label: b.label,
    count: days.filter((d) => d <= b.max && (i === 0 || d > DAY_BUCKETS[i - 1]!.max)).length,
  }));

  const meetings = meetingsOf(facts.board);
  const expected = expectedOccurrences(meetings, first, asOf, facts.board.settings?.timeZone ?? "Europe/Stockholm");
  const held = expected.filter((o) => checkInFor(o, facts.checkIns) !== undefined);
  const meetingOf = (meetingId: string) => meetings.find((m) => m.id === meetingId) ?? implicitMeeting("00:00");
  const participantById = new Map(facts.participants.map((p) => [p.id, p]));
  const byTime = (a: CheckIn, b: CheckIn) => a.date.localeCompare(b.date) || a.startedAt.localeCompare(b.startedAt);
  const monthCheckIns = [...facts.checkIns].filter((c) => c.date >= first && c.date <= asOf).sort(byTime);
  let due = 0;
  let reviewed = 0;
  let notReached = 0;
  let carriedOver = 0;
  let seconds = 0;
  let reviewedAll = 0;
  const allCheckIns = [...facts.checkIns].sort(byTime);
  for (const c of monthCheckIns) {
    // A meeting answers for the entries it covers: a partner's meeting does not miss another partner's participants.
    // (A check-in of a meeting since removed from the schedule, and the implicit "all", cover the whole board.)
    const meeting = meetingOf(c.meetingId);
    const covered = (id: ParticipantId) => {
      const p = participantById.get(id);
      return p !== undefined && meetingCovers(meeting, p);
    };
    const onThatDay = onBoardAt(c.date).filter(
      (e) => covered(e.participantId) && (e.putOnOn < c.date || !c.addedParticipantIds.includes(e.participantId)),
    );
    const reviewedIds = new Set(c.reviewedParticipantIds);
    const missed = onThatDay.filter((e) => !reviewedIds.has(e.participantId));
    due += onThatDay.length;
    reviewed += onThatDay.length - missed.length;
    notReached += missed.length;
    const next = allCheckIns.find((x) => x.date > c.date && x.meetingId === c.meetingId);
    if (next) {
      const nextReviewed = new Set(next.reviewedParticipantIds);
      carriedOver += missed.filter((e) => isOnBoardOn(e, next.date) && !nextReviewed.has(e.participantId)).length;
    }
    seconds += c.durationSeconds;
    reviewedAll += c.reviewedParticipantIds.length;
  }

  const multiOrg = onBoard.filter((e) => new Set(e.actions.map((a) => a.writtenBy)).size >= 2).length;

  const pairs = new Map<string, SignalPairIndicator>();
  for (const s of facts.signals.filter((e) => e.raisedAt.slice(0, 7) === month && e.raisedAt.slice(0, 10) <= asOf)) {
    const key = `${s.fromOrganisationId}\u0000${s.toOrganisationId}`;
    const pair = pairs.get(key) ?? {
      fromOrganisationId: s.fromOrganisationId,
      toOrganisationId: s.toOrganisationId,
      raised: 0,
      answeredInTime: 0,
    };
    pair.raised++;
    if (answeredInTime(s)) pair.answeredInTime++;
    pairs.set(key, pair);
  }

  const consents = groupConsentsByParticipant(facts.consents);
  const partnership = onBoard.flatMap((e) => {
    const p = facts.visibility.get(e.participantId)?.participant;
    return p && p.organisationIds.length > 1 ? [p] : [];
  });
  const covered = partnership.filter((p) =>
    p.organisationIds.every(
      (org) =>
        consentStatusOn(
          (consents.get(p.id) ?? []).find((c) => c.disclosingOrganisationId === org),
          asOf,
        ) === "given",
    ),
  ).length;

  const caseload = caseloadAt(asOf);
  const share = percent(onBoard.length, caseload);
  return {
    month,
    asOf,
    onBoard: onBoard.length,
    caseload,
    shareOfCaseloadPercent: share,
    inBand: share !== null && share >= facts.settings.bandLowPercent && share <= facts.settings.bandHighPercent,
    putOn: putOnInMonth.length,
    putOnByReason: tally(putOnInMonth.map((e) => e.reason)),
    takenOff: takenOffInMonth.length,
    takenOffByOutcome: tally(takenOffInMonth.map((e) => e.outcome)),
    medianDaysOnBoard: median(days),
    daysOnBoardDistribution: distribution,
    longerThanLimit: days.filter((d) => d > facts.settings.longStayDays).length,
    expectedCheckInDays: expected.length,
    checkInDays: held.length,
    checkInDayShare: percent(held.length, expected.length),
    reviewedShare: percent(reviewed, due),
    secondsPerParticipant: reviewedAll > 0 ? Math.round(seconds / reviewedAll) : null,
    notReached,
    carriedOver,
    multiOrganisationActionShare: percent(multiOrg, onBoard.length),
    signalsByPair: [...pairs.values()].sort(
      (a, b) => a.fromOrganisationId.localeCompare(b.fromOrganisationId) || a.toOrganisationId.localeCompare(b.toOrganisationId),
    ),
    consentCoverage: percent(covered, partnership.length),
  };
}

/** The indicators for the last `monthCount` months (oldest first, the current month last), as `viewer` may see them. */
export function fidelityIndicators(facts: FidelityFacts, viewer: OrganisationId, today: CalendarDate, monthCount = 6): FidelityIndicators {
  const visible = visibleFacts(facts, viewer, today);
  const caseloadAt = (date: CalendarDate) => caseloadOn(facts.participants, date);
  return { settings: facts.settings, months: monthsBack(today, monthCount).map((m) => monthIndicators(visible, m, today, caseloadAt)) };
}

/** The first day the indicators need facts from. */
export const fidelityWindowStart = (today: CalendarDate, monthCount = 6): CalendarDate => `${monthsBack(today, monthCount)[0]!}-01`;
