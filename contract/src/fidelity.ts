import { z } from "zod";
import { CalendarDate } from "./vocabulary";

// The fidelity indicators of the manager overview, month by month (bot/src/domain/fidelity.ts has
// each formula; docs/domain.md#fidelity-indicators-manager-overview repeats them). Shares are per cent with one decimal, null when the
// denominator is zero.

const Share = z.number().nullable();
const Count = z.number().int();

export const FidelityMonth = z.object({
  month: z.string(),
  asOf: CalendarDate,
  onBoard: Count,
  caseload: Count,
  shareOfCaseloadPercent: Share,
  inBand: z.boolean(),
  putOn: Count,
  putOnByReason: z.record(z.string(), Count),
  takenOff: Count,
  takenOffByOutcome: z.record(z.string(), Count),
  medianDaysOnBoard: z.number().nullable(),
  daysOnBoardDistribution: z.array(z.object({ label: z.string(), count: Count })),
  longerThanLimit: Count,
  expectedCheckInDays: Count,
  checkInDays: Count,
  checkInDayShare: Share,
  reviewedShare: Share,
  secondsPerParticipant: z.number().nullable(),
  notReached: Count,
  carriedOver: Count,
  multiOrganisationActionShare: Share,
  signalsByPair: z.array(z.object({ fromOrganisationId: z.string(), toOrganisationId: z.string(), raised: Count, answeredInTime: Count })),
  consentCoverage: Share,
});
export type FidelityMonth = z.infer<typeof FidelityMonth>;

export const FidelityIndicators = z.object({
  settings: z.object({ bandLowPercent: z.number(), bandHighPercent: z.number(), longStayDays: Count }),
  months: z.array(FidelityMonth),
});
export type FidelityIndicators = z.infer<typeof FidelityIndicators>;
