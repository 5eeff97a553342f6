import { z } from "zod";
import { CalendarDate, OrganisationKind } from "./vocabulary";

// The follow-up per organisation of the manager overview (issue 28; bot/src/domain/follow-up.ts has
// each count): per year and organisation, against the board's yearly targets. Counts only.

const Count = z.number().int().nonnegative();
const PlanCounts = z.object({ yes: Count, no: Count, notSet: Count });

/** `?year=2026`: a year from 2000 on (the server refuses one not begun yet). */
export const FollowUpQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export type FollowUpQuery = z.infer<typeof FollowUpQuery>;

export const OrganisationFollowUpView = z.object({
  organisationId: z.string(),
  name: z.string(),
  kind: OrganisationKind,
  involvedAtYearEnd: Count,
  newInYear: Count,
  target: Count.optional(),
  involvedNow: Count,
  onBoardNow: Count,
  plansCounted: Count,
  sip: PlanCounts,
  sipFollowUpOverdue: Count,
  crisisPlan: PlanCounts,
  /** Of those counted for plans, how many are in a research study now (enrolled, not withdrawn). */
  inStudy: Count,
});
export type OrganisationFollowUpView = z.infer<typeof OrganisationFollowUpView>;

export const FollowUpView = z.object({
  year: z.number().int(),
  /** The last day counted for the year: the 31st of December, or today for the year under way. */
  asOf: CalendarDate,
  today: CalendarDate,
  /** The years that can be asked for: from the first registration to this year. */
  years: z.array(z.number().int()),
  organisations: z.array(OrganisationFollowUpView),
});
export type FollowUpView = z.infer<typeof FollowUpView>;
