import type { PlanStatus } from "@fact-board/contract";
import { inCaseloadOn } from "./caseload";
import { sipFollowUpOverdue } from "./plans";
import type { CalendarDate, FollowUpTarget, Organisation, OrganisationId, Participant, ParticipantId } from "./types";

// Follow-up per organisation (issue 28): the figures the partners report — "participants identified
// by the end of the year, against the target of 30 a year" — per year and per organisation of the
// board, named (they are the board's members). Counts only: no code, initials, name or text.
// - Involved at the end of the year and new during it come from the registrations (who is involved
//   is the participant's current list of organisations: the board keeps no history of that list).
//   Erased participants keep their dates and organisations, so past years still count them.
// - On the board now, and the plans (SIP, crisis plan), are today's. A plan is a detail of the base
//   record, shown under its writer's consent, so plans are counted only over the participants the
//   viewer's organisation may see today (`visibleIds`); how many that is is said beside them.
// - In a study is today's too (domain/study.ts, `participantsInStudyOn`), and counted over the same
//   participants: an enrolment is read only by those who may see the participant.

export type PlanCounts = Record<PlanStatus, number>;

export interface OrganisationFollowUp {
  organisationId: OrganisationId;
  name: string;
  kind: Organisation["kind"];
  /** In the caseload and involved with the organisation on the last day of the year (today for this year). */
  involvedAtYearEnd: number;
  /** Registered during the year and involved with the organisation. */
  newInYear: number;
  /** The board's yearly target for the organisation, if one is set. */
  target?: number;
  /** In the caseload today and involved with the organisation. */
  involvedNow: number;
  onBoardNow: number;
  /** Of those involved now, how many the viewer's organisation may see: the plans below count these. */
  plansCounted: number;
  sip: PlanCounts;
  /** A SIP (held or planned) whose next follow-up date has passed, as the board shows it. */
  sipFollowUpOverdue: number;
  crisisPlan: PlanCounts;
  /** Of those counted for plans, how many are in a study now (enrolled, not withdrawn). */
  inStudy: number;
}

export interface FollowUpFacts {
  organisations: readonly Pick<Organisation, "id" | "name" | "kind">[];
  participants: readonly Pick<Participant, "id" | "createdAt" | "leftTeamOn" | "organisationIds" | "onBoard" | "plans" | "erasedAt">[];
  targets: readonly FollowUpTarget[];
  /** The participants whose base record the viewer's organisation may see today. */
  visibleIds: ReadonlySet<ParticipantId>;
  /** The participants in a study today. */
  inStudyIds: ReadonlySet<ParticipantId>;
}

/** The last day counted for `year`: the 31st of December, or today for the year under way. */
export const yearEnd = (year: number, today: CalendarDate): CalendarDate => {
  const last = `${year}-12-31`;
  return last < today ? last : today;
};

const noPlans = (): PlanCounts => ({ yes: 0, no: 0, notSet: 0 });

/** One row per organisation of the board, in the order given. `year` must have begun by today. */
export function followUpPerOrganisation(facts: FollowUpFacts, year: number, today: CalendarDate): OrganisationFollowUp[] {
  const end = yearEnd(year, today);
  const first = `${year}-01-01`;
  return facts.organisations.map((o) => {
    const involved = facts.participants.filter((p) => p.organisationIds.includes(o.id));
    const now = involved.filter((p) => inCaseloadOn(p, today));
    const seen = now.filter((p) => facts.visibleIds.has(p.id) && !p.erasedAt);
    const sip = noPlans();
    const crisisPlan = noPlans();
    for (const p of seen) {
      sip[p.plans.sip.held]++;
      crisisPlan[p.plans.crisisPlan]++;
    }
    const target = facts.targets.find((t) => t.organisationId === o.id)?.perYear;
    return {
      organisationId: o.id,
      name: o.name,
      kind: o.kind,
      involvedAtYearEnd: involved.filter((p) => inCaseloadOn(p, end)).length,
      newInYear: involved.filter((p) => p.createdAt.slice(0, 10) >= first && p.createdAt.slice(0, 10) <= end).length,
      ...(target !== undefined ? { target } : {}),
      involvedNow: now.length,
      onBoardNow: now.filter((p) => p.onBoard).length,
      plansCounted: seen.length,
      sip,
      sipFollowUpOverdue: seen.filter((p) => sipFollowUpOverdue(p.plans.sip, today)).length,
      crisisPlan,
      inStudy: seen.filter((p) => facts.inStudyIds.has(p.id)).length,
    };
  });
}

/** The years a follow-up can be asked for: from the first registration (or this year) to this year. */
export function followUpYears(participants: readonly Pick<Participant, "createdAt">[], today: CalendarDate): number[] {
  const thisYear = Number(today.slice(0, 4));
  const firstYear = Math.min(thisYear, ...participants.map((p) => Number(p.createdAt.slice(0, 4))));
  return Array.from({ length: thisYear - firstYear + 1 }, (_, i) => firstYear + i);
}
