import { type WorkingCalendar, SWEDISH_WORKING_HOURS, addWorkingHours, endOfWorkingDay, workingDayHours } from "./working-hours";
import { InvalidTransition } from "./errors";
import type { EscalationState } from "@fact-board/contract";
import type { Escalation, Instant, MemberId } from "./types";

// The escalation (signal) state machine: the one place an escalation's state changes.
//   open --acknowledge--> acknowledged --resolve--> resolved
//   open --resolve--> resolved            (answered and done at once)
//   open | acknowledged --decline(reason)--> declined
// Reminders and the manager alert do not change the state; they are recorded beside it.

export type EscalationEvent =
  | { type: "acknowledge"; by: MemberId; at: Instant }
  | { type: "resolve"; by: MemberId; at: Instant }
  | { type: "decline"; by: MemberId; at: Instant; reason: string };

const allowed: Record<EscalationState, ReadonlyArray<EscalationEvent["type"]>> = {
  open: ["acknowledge", "resolve", "decline"],
  acknowledged: ["resolve", "decline"],
  resolved: [],
  declined: [],
};

export function canApplyEscalationEvent(state: EscalationState, event: EscalationEvent["type"]): boolean {
  return allowed[state].includes(event);
}

export function transitionEscalation(e: Escalation, event: EscalationEvent): Escalation {
  if (!canApplyEscalationEvent(e.state, event.type)) throw new InvalidTransition("signal", e.state, event.type);
  switch (event.type) {
    case "acknowledge":
      return { ...e, state: "acknowledged", acknowledgedBy: event.by, acknowledgedAt: event.at };
    case "resolve":
      return { ...e, state: "resolved", resolvedBy: event.by, resolvedAt: event.at };
    case "decline":
      return { ...e, state: "declined", declinedBy: event.by, declinedAt: event.at, declineReason: event.reason };
  }
}

/**
 * "today" must be answered before the end of the working day it is raised in (raised after hours:
 * the next working day's); "this week" within three working days. Working time is the board's
 * calendar (working-hours.ts), so no deadline falls at night, on a weekend or a holiday.
 */
export function answerDeadline(urgency: Escalation["urgency"], raisedAt: Date, cal: WorkingCalendar = SWEDISH_WORKING_HOURS): Date {
  if (urgency === "today") return endOfWorkingDay(raisedAt, cal);
  return addWorkingHours(raisedAt, 3 * workingDayHours(cal), cal);
}

/** When the receiving manager hears of a signal still unanswered after its reminder: 2 working hours ("today") or one working day later. */
export function managerAlertAt(e: Pick<Escalation, "urgency" | "answerBy">, cal: WorkingCalendar = SWEDISH_WORKING_HOURS): Date {
  return addWorkingHours(new Date(e.answerBy), e.urgency === "today" ? 2 : workingDayHours(cal), cal);
}

export type EscalationFollowUp = "remind" | "notifyManager" | "none";

/**
 * What is due for an unanswered signal at `now`: past the deadline a reminder, and if still
 * unanswered at managerAlertAt, the receiving manager is told. Only open signals qualify.
 */
export function escalationFollowUp(e: Escalation, now: Date, cal: WorkingCalendar = SWEDISH_WORKING_HOURS): EscalationFollowUp {
  if (e.state !== "open") return "none";
  const deadline = Date.parse(e.answerBy);
  if (now.getTime() < deadline) return "none";
  if (e.remindersSent === 0) return "remind";
  if (!e.managerNotified && now.getTime() >= managerAlertAt(e, cal).getTime()) return "notifyManager";
  return "none";
}

export function isOverdue(e: Escalation, now: Date): boolean {
  return e.state === "open" && now.getTime() >= Date.parse(e.answerBy);
}
