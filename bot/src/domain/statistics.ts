import type { OrganisationKind } from "@fact-board/contract";
import { DAY_BUCKETS, answeredInTime, isOnBoardOn, lastDayOfMonth } from "./fidelity";
import { daysBetween } from "./dates";
import type { Absence, BoardEntry, CalendarDate, CheckIn, ClosedBoardEntry, Escalation, Organisation, OrganisationId } from "./types";

// De-identified statistics for research and fidelity follow-up: monthly counts per organisation
// kind, and nothing else — no participant code, initials, name, member or free text ever enters a
// row (rows are built from kinds, months and numbers only), and every count from 1 to 4 is
// suppressed as "<5" so that no small group can be singled out. The method is in docs/privacy.md#de-identified-statistics-for-research.

export const SUPPRESSED = "<5";
export const SUPPRESS_BELOW = 5;

export interface StatisticsFacts {
  organisations: readonly Pick<Organisation, "id" | "kind">[];
  currentEntries: readonly BoardEntry[];
  closedEntries: readonly ClosedBoardEntry[];
  checkIns: readonly CheckIn[];
  escalations: readonly Escalation[];
  absences: readonly Absence[];
}

export interface StatisticsRow {
  month: string;
  /** The kind of the organisation the count belongs to, or "all" for the board's own meetings. */
  organisationKind: OrganisationKind | "all";
  measure: string;
  /** A count, or "<5" for 1–4. */
  value: number | typeof SUPPRESSED;
}

/** 0 and 5 or more are shown; 1–4 become "<5". */
export const suppress = (n: number): number | typeof SUPPRESSED => (n > 0 && n < SUPPRESS_BELOW ? SUPPRESSED : n);

type AnyEntry = BoardEntry & { takenOffOn?: CalendarDate; outcome?: ClosedBoardEntry["outcome"] };

/**
 * Monthly counts per organisation kind. An entry counts for the kind of the organisation that put it
 * on the board, a review for the reviewing organisation's kind, a signal for the sender's kind, a
 * cover request for the absent member's organisation's kind.
 */
export function statisticsRows(facts: StatisticsFacts, months: readonly string[], today: CalendarDate): StatisticsRow[] {
  const kindOf = new Map<OrganisationId, OrganisationKind>(facts.organisations.map((o) => [o.id, o.kind]));
  const kinds = [...new Set(facts.organisations.map((o) => o.kind))].sort();
  const entries: AnyEntry[] = [...facts.currentEntries, ...facts.closedEntries];
  const rows: StatisticsRow[] = [];
  for (const month of months) {
    const first = `${month}-01`;
    const last = lastDayOfMonth(month) < today ? lastDayOfMonth(month) : today;
    if (first > today) continue;
    const counts = new Map<string, number>();
    const add = (kind: string, measure: string, n = 1) =>
      counts.set(`${kind}\u0000${measure}`, (counts.get(`${kind}\u0000${measure}`) ?? 0) + n);
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
    }
    const held = facts.checkIns.filter((c) => c.date >= first && c.date <= last);
    add("all", "checkInsHeld", held.length);
    for (const s of facts.escalations) {
      if (s.raisedAt.slice(0, 7) !== month) continue;
      const kind = kindOf.get(s.fromOrganisationId) ?? "other";
      add(kind, `signals.${s.kind}`);
      add(kind, answeredInTime(s) ? "signals.answeredInTime" : "signals.notAnsweredInTime");
    }
    for (const a of facts.absences)
      if (a.registeredAt.slice(0, 7) === month && a.cover.candidateIds.length > 0)
        add(kindOf.get(a.organisationId) ?? "other", "coverRequests");
    // Every measure for every kind, zeros too: a missing row would itself tell something.
    const measures = [
      "onBoard",
      ...DAY_BUCKETS.map((b) => `daysOnBoard.${b.label}`),
      "putOn",
      ...["stable", "transferred", "admittedLongTerm", "leftFact", "other"].map((o) => `takenOff.${o}`),
      "entriesReviewed",
      ...["morePsychiatricSupport", "lessPsychiatricSupport", "moreMunicipalSupport", "lessMunicipalSupport", "concern"].map(
        (k) => `signals.${k}`,
      ),
      "signals.answeredInTime",
      "signals.notAnsweredInTime",
      "coverRequests",
    ];
    for (const kind of kinds)
      for (const measure of measures)
        rows.push({ month, organisationKind: kind, measure, value: suppress(counts.get(`${kind}\u0000${measure}`) ?? 0) });
    rows.push({ month, organisationKind: "all", measure: "checkInsHeld", value: suppress(counts.get(`all\u0000checkInsHeld`) ?? 0) });
  }
  return rows;
}

export const STATISTICS_COLUMNS = ["month", "organisationKind", "measure", "value"] as const;

/** One CSV line per row; the cells are months, kinds, measure names and numbers, so none needs quoting. */
export const statisticsCsvLine = (r: StatisticsRow): string => `${r.month},${r.organisationKind},${r.measure},${r.value}\r\n`;
