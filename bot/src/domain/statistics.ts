import { InterventionKind, type OrganisationKind, type SignalKind, type SignalState, type TakeOffOutcome } from "@fact-board/contract";
import { consentCoverageOn } from "./consent";
import { type Intervention, ongoingOn } from "./interventions";
import { type Relation, cellsToWithhold } from "./disclosure";
import { DAY_BUCKETS, answeredInTime, isOnBoardOn, lastDayOfMonth } from "./fidelity";
import { daysBetween } from "./dates";
import { groupConsentsByParticipant } from "./visibility";
import type {
  Absence,
  BoardEntry,
  CalendarDate,
  CheckIn,
  ClosedBoardEntry,
  Consent,
  Member,
  Participant,
  Signal,
  Organisation,
  OrganisationId,
} from "./types";

// De-identified statistics for research and fidelity follow-up: counts per period (month, quarter or
// year) per group of organisation kinds, plus a few for all organisations together (check-ins held,
// consent coverage), and nothing else — no participant code, initials, name, member or free text
// ever enters a row (rows are built from kinds, months and numbers only). Disclosure control:
// - a kind with a single organisation on the board is pooled with other kinds (`kindGroups`), so
//   no count is one named organisation's; a board of one organisation has every count withheld;
// - every count from 1 to 4 is withheld, and further counts too wherever the export's own sums
//   would give one back (domain/disclosure.ts, with the relations of `statisticsRelations`).
// The method is in docs/privacy.md#de-identified-statistics-for-research and at the head of every export.

/** What a withheld count reads in the export: 1–4, or withheld so that no such count can be worked out. */
export const WITHHELD = "x";

const OUTCOMES: readonly TakeOffOutcome[] = ["stable", "transferred", "admittedLongTerm", "leftFact", "other"];
const SIGNAL_KINDS: readonly SignalKind[] = [
  "morePsychiatricSupport",
  "lessPsychiatricSupport",
  "moreMunicipalSupport",
  "lessMunicipalSupport",
  "concern",
];

export const DAY_BAND_MEASURES = DAY_BUCKETS.map((b) => `daysOnBoard.${b.label}`);
export const TAKEN_OFF_MEASURES = OUTCOMES.map((o) => `takenOff.${o}`);
export const SIGNAL_MEASURES = SIGNAL_KINDS.map((k) => `signals.${k}`);
export const ANSWER_MEASURES = ["signals.answeredInTime", "signals.notAnsweredInTime"];
/** Ongoing interventions at the end of the month (Pågående insatser, issue 26), by kind: counts, never who. */
export const INTERVENTION_MEASURES = InterventionKind.options.map((k) => `interventions.${k}`);

/** How a signal stands now: the answer it got (issue 28, collaboration markers). */
export const SIGNAL_STATES: readonly SignalState[] = ["open", "acknowledged", "resolved", "declined"];
/** A signal sent by the row's group to `toGroup` (kinds joined by "+"), by how it stands now. */
export const pairMeasure = (toGroup: string, state: SignalState): string => `signalsTo.${toGroup}.${state}`;
/** Entries on the board at the period's end whose actions were written by more than one organisation. */
export const SEVERAL_WRITERS_MEASURE = "actionsBySeveralOrganisations";
/**
 * Attendance at the board's check-ins: each member present at a check-in counts once, for their
 * organisation's kind. People, not "was the kind there": a count of check-ins with the kind present
 * could not exceed the check-ins held, and that bound would give a withheld number of check-ins back.
 */
export const ATTENDANCE_MEASURE = "checkInAttendance";

/** The measures of every group, in the export's order (then the collaboration markers, see `groupMeasures`). */
export const GROUP_MEASURES: readonly string[] = [
  "onBoard",
  ...DAY_BAND_MEASURES,
  "putOn",
  ...TAKEN_OFF_MEASURES,
  "entriesReviewed",
  ...SIGNAL_MEASURES,
  ...ANSWER_MEASURES,
  "coverRequests",
  ...INTERVENTION_MEASURES,
  ATTENDANCE_MEASURE,
];
/** Every measure of a group on a board of these groups: the fixed ones, then the collaboration markers. */
export const groupMeasures = (groups: readonly string[]): string[] => [
  ...GROUP_MEASURES,
  ...groups.flatMap((to) => SIGNAL_STATES.map((state) => pairMeasure(to, state))),
  SEVERAL_WRITERS_MEASURE,
];

/** The board's own measure, for all organisations together. */
export const BOARD_MEASURE = "checkInsHeld";
/** Consent coverage at the period's end, for all organisations together (domain/consent.ts, `consentCoverageOn`). */
export const CONSENT_COVERAGE_MEASURES = ["consentCovered", "consentNotCovered"] as const;
/** The measures of the row for all organisations, in the export's order. */
export const BOARD_MEASURES: readonly string[] = [BOARD_MEASURE, ...CONSENT_COVERAGE_MEASURES];

export interface StatisticsFacts {
  organisations: readonly Pick<Organisation, "id" | "kind">[];
  currentEntries: readonly BoardEntry[];
  closedEntries: readonly ClosedBoardEntry[];
  checkIns: readonly CheckIn[];
  signals: readonly Signal[];
  absences: readonly Absence[];
  /** Every intervention on the board, ended ones too. Absent: none counted (zeros). */
  interventions?: readonly Pick<Intervention, "organisationId" | "kind" | "startedOn" | "endedOn" | "writtenAt">[];
  /** The board's members, left ones too: whose organisation an attendee is. Absent: no attendance counted. */
  members?: readonly Pick<Member, "id" | "organisationId">[];
  /** Every registered participant, erased ones too, with every consent: consent coverage. Absent: none counted. */
  participants?: readonly Pick<Participant, "id" | "createdAt" | "leftTeamOn" | "organisationIds" | "erasedAt">[];
  consents?: readonly Consent[];
}

export interface StatisticsRow {
  month: string;
  /** The kinds the count belongs to (several when pooled), or "all" for the board's own meetings. */
  organisationKinds: readonly OrganisationKind[] | "all";
  measure: string;
  /** A count, or "x" when withheld. */
  value: number | typeof WITHHELD;
}

/** A cell of the export: `month|kinds|measure`, kinds joined by "+" (or "all"). */
export const cellId = (month: string, kinds: string, measure: string): string => `${month}|${kinds}|${measure}`;

/**
 * The groups counted: each kind on the board, except that kinds with a single organisation are
 * pooled together, and a pool still holding a single organisation joins the smallest other group
 * (fewest organisations; ties by kind code). Kinds and groups in alphabetical order of kind code.
 */
export function kindGroups(organisations: readonly Pick<Organisation, "kind">[]): OrganisationKind[][] {
  const count = new Map<OrganisationKind, number>();
  for (const o of organisations) count.set(o.kind, (count.get(o.kind) ?? 0) + 1);
  const kinds = [...count.keys()].sort();
  const singles = kinds.filter((k) => count.get(k) === 1);
  const groups = kinds.filter((k) => count.get(k)! > 1).map((k) => [k]);
  if (singles.length > 1 || (singles.length === 1 && groups.length === 0)) groups.push(singles);
  else if (singles.length === 1) {
    const size = (g: readonly OrganisationKind[]) => g.reduce((n, k) => n + count.get(k)!, 0);
    const smallest = [...groups].sort((a, b) => size(a) - size(b) || a[0]!.localeCompare(b[0]!))[0]!;
    smallest.push(singles[0]!);
    smallest.sort();
  }
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

type AnyEntry = BoardEntry & { takenOffOn?: CalendarDate; outcome?: ClosedBoardEntry["outcome"] };

/**
 * A period counted: a month ("2026-03"), a quarter ("2026-Q1") or a year ("2026"). Longer periods
 * let a small board's counts rise above the suppression threshold (issue 28); a string is a month.
 */
export interface Period {
  label: string;
  first: CalendarDate;
  last: CalendarDate;
}
export type PeriodLength = "month" | "quarter" | "year";
type PeriodLike = string | Period;

export const monthPeriod = (month: string): Period => ({ label: month, first: `${month}-01`, last: lastDayOfMonth(month) });
const asPeriod = (p: PeriodLike): Period => (typeof p === "string" ? monthPeriod(p) : p);

/** The whole periods of `length` that hold the months, in order (a quarter or year reaching back before the first month is counted whole). */
export function periodsOf(months: readonly string[], length: PeriodLength): Period[] {
  const labelOf = (month: string) =>
    length === "month"
      ? month
      : length === "year"
        ? month.slice(0, 4)
        : `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
  const periods = new Map<string, Period>();
  for (const month of months) {
    const label = labelOf(month);
    if (length === "month") periods.set(label, monthPeriod(month));
    else if (!periods.has(label)) {
      const year = month.slice(0, 4);
      const lastMonth = length === "year" ? 12 : Number(label.slice(6)) * 3;
      const firstMonth = length === "year" ? 1 : lastMonth - 2;
      const pad = (n: number) => String(n).padStart(2, "0");
      periods.set(label, { label, first: `${year}-${pad(firstMonth)}-01`, last: lastDayOfMonth(`${year}-${pad(lastMonth)}`) });
    }
  }
  return [...periods.values()];
}

/** The periods counted: those begun by today. */
export const countedMonths = (periods: readonly PeriodLike[], today: CalendarDate): Period[] =>
  periods.map(asPeriod).filter((p) => p.first <= today);

/**
 * Raw monthly counts per organisation kind, before pooling and suppression (cells by `cellId`,
 * kinds single). An entry counts for the kind of the organisation that put it on the board, a
 * review for the reviewing organisation's kind, a signal for the sender's kind, a cover request for
 * the absent member's organisation's kind, an attendance for the attendee's organisation's kind; an
 * organisation no longer on the board counts as "other". Consent coverage is counted for "all".
 */
export function kindCounts(facts: StatisticsFacts, periods: readonly PeriodLike[], today: CalendarDate): Map<string, number> {
  const kindOf = new Map<OrganisationId, OrganisationKind>(facts.organisations.map((o) => [o.id, o.kind]));
  const entries: AnyEntry[] = [...facts.currentEntries, ...facts.closedEntries];
  const organisationOf = new Map((facts.members ?? []).map((m) => [m.id, m.organisationId]));
  const consentsOf = groupConsentsByParticipant(facts.consents ?? []);
  const counts = new Map<string, number>();
  for (const period of countedMonths(periods, today)) {
    const { first, label: month } = period;
    const last = period.last < today ? period.last : today;
    const within = (instant: string) => instant.slice(0, 10) >= first && instant.slice(0, 10) <= last;
    const add = (kind: string, measure: string, n = 1) => {
      const id = cellId(month, kind, measure);
      counts.set(id, (counts.get(id) ?? 0) + n);
    };
    for (const e of entries) {
      const kind = kindOf.get(e.writtenBy) ?? "other";
      if (isOnBoardOn(e, last)) {
        add(kind, "onBoard");
        const days = daysBetween(e.putOnOn, last);
        add(kind, `daysOnBoard.${DAY_BUCKETS.find((b) => days <= b.max)!.label}`);
      }
      if (e.putOnOn >= first && e.putOnOn <= last) add(kind, "putOn");
      if (e.takenOffOn && e.outcome && e.takenOffOn >= first && e.takenOffOn <= last) add(kind, `takenOff.${e.outcome}`);
      for (const r of e.reviews) if (r.on >= first && r.on <= last) add(kindOf.get(r.organisationId) ?? "other", "entriesReviewed");
      if (isOnBoardOn(e, last) && new Set(e.actions.filter((a) => a.createdAt.slice(0, 10) <= last).map((a) => a.writtenBy)).size > 1)
        add(kind, SEVERAL_WRITERS_MEASURE);
    }
    const held = facts.checkIns.filter((c) => c.date >= first && c.date <= last);
    add("all", BOARD_MEASURE, held.length);
    // A member no longer known has no organisation to count for.
    for (const c of held)
      for (const id of new Set(c.attendeeIds)) {
        const organisationId = organisationOf.get(id);
        if (organisationId !== undefined) add(kindOf.get(organisationId) ?? "other", ATTENDANCE_MEASURE);
      }
    const coverage = consentCoverageOn(facts.participants ?? [], consentsOf, last);
    add("all", "consentCovered", coverage.covered);
    add("all", "consentNotCovered", coverage.notCovered);
    for (const s of facts.signals) {
      if (!within(s.raisedAt)) continue;
      const kind = kindOf.get(s.fromOrganisationId) ?? "other";
      add(kind, `signals.${s.kind}`);
      add(kind, answeredInTime(s) ? "signals.answeredInTime" : "signals.notAnsweredInTime");
      add(kind, pairMeasure(kindOf.get(s.toOrganisationId) ?? "other", s.state));
    }
    // An intervention counts for the kind of the organisation that keeps it, while it is ongoing at the month's end.
    for (const i of facts.interventions ?? [])
      if (ongoingOn(i, last)) add(kindOf.get(i.organisationId) ?? "other", `interventions.${i.kind}`);
    for (const a of facts.absences)
      if (within(a.registeredAt) && a.cover.candidateIds.length > 0) add(kindOf.get(a.organisationId) ?? "other", "coverRequests");
  }
  return counts;
}

/**
 * How the export's counts add up, per group (`kinds` as in `cellId`) and month — what a reader could
 * use to work out a withheld count:
 * - on the board = the sum of the days-on-the-board bands;
 * - the signals of each kind, together = those answered in time + those not;
 * - on the board at the end of a month + taken off during it = on the board at the end of the month
 *   before + put on during it (for each month after the first);
 * - the signals of each kind, together = those sent to each group, in each state.
 * A measure added to the export that adds up to others must be added here (and to the solver test).
 */
export function statisticsRelations(months: readonly string[], groups: readonly string[]): Relation[] {
  const relations: Relation[] = [];
  for (const g of groups)
    months.forEach((month, i) => {
      const c = (measure: string, m = month) => cellId(m, g, measure);
      relations.push({ left: [c("onBoard")], right: DAY_BAND_MEASURES.map((m) => c(m)) });
      relations.push({ left: SIGNAL_MEASURES.map((m) => c(m)), right: ANSWER_MEASURES.map((m) => c(m)) });
      relations.push({
        left: SIGNAL_MEASURES.map((m) => c(m)),
        right: groups.flatMap((to) => SIGNAL_STATES.map((state) => c(pairMeasure(to, state)))),
      });
      if (i > 0)
        relations.push({
          left: [c("onBoard"), ...TAKEN_OFF_MEASURES.map((m) => c(m))],
          right: [c("onBoard", months[i - 1]), c("putOn")],
        });
    });
  return relations;
}

/** Monthly counts per group of kinds, with every cell that could single someone out withheld. */
export function statisticsRows(facts: StatisticsFacts, periods: readonly PeriodLike[], today: CalendarDate): StatisticsRow[] {
  const counted = countedMonths(periods, today).map((p) => p.label);
  const raw = kindCounts(facts, countedMonths(periods, today), today);
  const groups = kindGroups(facts.organisations);
  const labels = groups.map((g) => g.join("+"));
  const measures = groupMeasures(labels);
  // A pair's count sums over the kinds on both sides: `signalsTo.<group>.<state>` of every kind in the group.
  const rawOf = (month: string, kind: OrganisationKind, measure: string): number =>
    measure.startsWith("signalsTo.")
      ? measure
          .split(".")[1]!
          .split("+")
          .reduce((n, to) => n + (raw.get(cellId(month, kind, pairMeasure(to, measure.split(".")[2] as SignalState))) ?? 0), 0)
      : (raw.get(cellId(month, kind, measure)) ?? 0);
  const values = new Map<string, number>();
  for (const month of counted) {
    for (const g of groups)
      for (const measure of measures)
        values.set(
          cellId(month, g.join("+"), measure),
          g.reduce((n, kind) => n + rawOf(month, kind, measure), 0),
        );
    for (const measure of BOARD_MEASURES) values.set(cellId(month, "all", measure), raw.get(cellId(month, "all", measure)) ?? 0);
  }
  const relations = statisticsRelations(counted, labels);
  // A board of one organisation: every count is that organisation's.
  const withheld = cellsToWithhold(values, relations, facts.organisations.length < 2 ? values.keys() : []);
  const rows: StatisticsRow[] = [];
  // Every measure for every group, zeros too: a missing row would itself tell something.
  for (const month of counted) {
    const row = (organisationKinds: StatisticsRow["organisationKinds"], measure: string): StatisticsRow => {
      const id = cellId(month, organisationKinds === "all" ? "all" : organisationKinds.join("+"), measure);
      return { month, organisationKinds, measure, value: withheld.has(id) ? WITHHELD : values.get(id)! };
    };
    for (const g of groups) for (const measure of measures) rows.push(row(g, measure));
    for (const measure of BOARD_MEASURES) rows.push(row("all", measure));
  }
  return rows;
}
