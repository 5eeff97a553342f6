import type { BoardReason, OrganisationKind, SignalKind, TakeOffOutcome } from "@fact-board/contract";
import { consentCoveredOn } from "./consent";
import { addDays } from "./dates";
import { isOnBoardOn, lastDayOfMonth } from "./fidelity";
import type {
  BoardEntry,
  CalendarDate,
  CheckIn,
  ClosedBoardEntry,
  Consent,
  Member,
  Organisation,
  OrganisationId,
  Participant,
  ParticipantId,
  Signal,
  Study,
} from "./types";

// A study's data, per enrolled participant and month of the study's period (issue 28): the study's
// own participant id and counts — days on the board, periods put on (by reason code) and taken off
// (by outcome code), reviews at the check-in, actions by the writing organisation's kind, signals by
// kind and by pair of organisation kinds, attendance at the reviews by organisation kind, and
// whether the consents between the involved organisations covered the participant. Rows are built
// from the study id, months, codes and numbers only: no board code, initials, name, member or text
// can enter one. It rests on the participant's research consent, so counts are not suppressed.

const REASONS: readonly BoardReason[] = ["crisis", "relapseRisk", "admission", "discharge", "newParticipant", "coordinationNeed", "other"];
const OUTCOMES: readonly TakeOffOutcome[] = ["stable", "transferred", "admittedLongTerm", "leftFact", "other"];
const SIGNAL_KINDS: readonly SignalKind[] = [
  "morePsychiatricSupport",
  "lessPsychiatricSupport",
  "moreMunicipalSupport",
  "lessMunicipalSupport",
  "concern",
];

export interface StudyParticipantFacts {
  studyParticipantId: string;
  participant: Pick<Participant, "id" | "organisationIds">;
  /** The participant's current entry (if on the board) and closed ones. */
  entries: ReadonlyArray<BoardEntry & { takenOffOn?: CalendarDate; outcome?: ClosedBoardEntry["outcome"] }>;
  signals: readonly Signal[];
  consents: readonly Consent[];
}

export interface StudyExportFacts {
  study: Pick<Study, "from" | "to">;
  organisations: readonly Pick<Organisation, "id" | "kind">[];
  members: readonly Pick<Member, "id" | "organisationId">[];
  checkIns: readonly Pick<CheckIn, "date" | "attendeeIds" | "reviewedParticipantIds">[];
  participants: readonly StudyParticipantFacts[];
}

export interface StudyExportRow {
  studyParticipantId: string;
  month: string;
  /** Every measure of `StudyExport.measures`, zeros too. */
  counts: Readonly<Record<string, number>>;
  /** At the month's last counted day, every involved organisation's valid consent named all the others. */
  consentCovered: boolean;
}

export interface StudyExport {
  /** The count columns, in order: fixed codes, then one per organisation kind (or ordered pair of kinds) of the board. */
  measures: string[];
  rows: StudyExportRow[];
}

/** The months of the study's period begun by today, as YYYY-MM. */
export function studyMonths(study: Pick<Study, "from" | "to">, today: CalendarDate): string[] {
  const end = study.to < today ? study.to : today;
  const months: string[] = [];
  for (let m = study.from.slice(0, 7); `${m}-01` <= end;) {
    months.push(m);
    const [y, mo] = m.split("-").map(Number) as [number, number];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`;
  }
  return months;
}

export function studyExport(facts: StudyExportFacts, today: CalendarDate): StudyExport {
  const kindOf = new Map<OrganisationId, OrganisationKind>(facts.organisations.map((o) => [o.id, o.kind]));
  const orgOfMember = new Map(facts.members.map((m) => [m.id, m.organisationId]));
  // An organisation no longer on the board counts as "other", as in the de-identified statistics.
  const kind = (organisationId: OrganisationId | undefined): OrganisationKind => (organisationId && kindOf.get(organisationId)) || "other";
  const kinds = [...new Set<OrganisationKind>([...kindOf.values(), "other"])].sort();
  const measures = [
    "daysOnBoard",
    ...REASONS.map((r) => `putOn.${r}`),
    ...OUTCOMES.map((o) => `takenOff.${o}`),
    "reviews",
    ...kinds.map((k) => `actions.${k}`),
    ...SIGNAL_KINDS.map((s) => `signals.${s}`),
    ...kinds.flatMap((from) => kinds.map((to) => `signalPairs.${from}.${to}`)),
    ...kinds.map((k) => `attendance.${k}`),
  ];
  const reviewsOf = new Map<ParticipantId, Array<(typeof facts.checkIns)[number]>>();
  for (const c of facts.checkIns) for (const p of new Set(c.reviewedParticipantIds)) reviewsOf.set(p, [...(reviewsOf.get(p) ?? []), c]);

  const rows: StudyExportRow[] = [];
  for (const p of facts.participants) {
    for (const month of studyMonths(facts.study, today)) {
      const monthEnd = lastDayOfMonth(month);
      const first = `${month}-01` < facts.study.from ? facts.study.from : `${month}-01`;
      const last = [monthEnd, facts.study.to, today].sort()[0]!;
      const inMonth = (date: CalendarDate) => date >= first && date <= last;
      const counts: Record<string, number> = Object.fromEntries(measures.map((m) => [m, 0]));
      const add = (measure: string) => {
        if (measure in counts) counts[measure]! += 1;
      };
      for (let d = first; d <= last; d = addDays(d, 1)) if (p.entries.some((e) => isOnBoardOn(e, d))) add("daysOnBoard");
      for (const e of p.entries) {
        if (inMonth(e.putOnOn)) add(`putOn.${e.reason}`);
        if (e.takenOffOn && e.outcome && inMonth(e.takenOffOn)) add(`takenOff.${e.outcome}`);
        for (const a of e.actions) if (inMonth(a.createdAt.slice(0, 10))) add(`actions.${kind(a.writtenBy)}`);
      }
      for (const c of reviewsOf.get(p.participant.id) ?? []) {
        if (!inMonth(c.date)) continue;
        add("reviews");
        const present = new Set(c.attendeeIds.map((id) => kind(orgOfMember.get(id))));
        for (const k of present) add(`attendance.${k}`);
      }
      for (const s of p.signals) {
        if (!inMonth(s.raisedAt.slice(0, 10))) continue;
        add(`signals.${s.kind}`);
        add(`signalPairs.${kind(s.fromOrganisationId)}.${kind(s.toOrganisationId)}`);
      }
      rows.push({
        studyParticipantId: p.studyParticipantId,
        month,
        counts,
        consentCovered: consentCoveredOn(p.participant.organisationIds, p.consents, last),
      });
    }
  }
  return { measures, rows };
}
