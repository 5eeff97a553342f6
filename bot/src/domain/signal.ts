import {
  type WorkingCalendar,
  SWEDISH_WORKING_HOURS,
  addWorkingHours,
  endOfWorkingDay,
  isWorkingTime,
  workingDayHours,
} from "./working-hours";
import { InvalidTransition } from "./errors";
import type { SignalState } from "@fact-board/contract";
import type { Signal, Instant, MemberId } from "./types";

// The signal state machine: the one place a signal's state changes.
//   open --acknowledge--> acknowledged --resolve--> resolved
//   open --resolve--> resolved            (answered and done at once)
//   open | acknowledged --decline(reason)--> declined
// Reminders and the manager alert do not change the state; they are recorded beside it.

export type SignalEvent =
  | { type: "acknowledge"; by: MemberId; at: Instant }
  | { type: "resolve"; by: MemberId; at: Instant }
  | { type: "decline"; by: MemberId; at: Instant; reason: string };

const allowed: Record<SignalState, ReadonlyArray<SignalEvent["type"]>> = {
  open: ["acknowledge", "resolve", "decline"],
  acknowledged: ["resolve", "decline"],
  resolved: [],
  declined: [],
};

export function canApplySignalEvent(state: SignalState, event: SignalEvent["type"]): boolean {
  return allowed[state].includes(event);
}

export function transitionSignal(e: Signal, event: SignalEvent): Signal {
  if (!canApplySignalEvent(e.state, event.type)) throw new InvalidTransition("signal", e.state, event.type);
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
 * "today" must be answered before the end of the receiver's working day it is raised in (raised
 * outside their hours: their next working day's); "this week" within three of the board's working
 * days, or, when the receiver is not at work then, by the end of their next working day. `cal` is
 * the receiver's working pattern (working-patterns.ts), `board` the board's calendar; so no
 * deadline falls at night, on a weekend, a holiday or a part-timer's day off.
 */
export function answerDeadline(
  urgency: Signal["urgency"],
  raisedAt: Date,
  cal: WorkingCalendar = SWEDISH_WORKING_HOURS,
  board: WorkingCalendar = cal,
): Date {
  if (urgency === "today") return endOfWorkingDay(raisedAt, cal);
  const week = addWorkingHours(raisedAt, 3 * workingDayHours(board), board);
  if (cal === board) return week;
  // A moment just before `week` at work means `week` is within (or closes) the receiver's day.
  return isWorkingTime(new Date(week.getTime() - 1), cal) ? week : endOfWorkingDay(week, cal);
}

/** When the receiving manager hears of a signal still unanswered after its reminder: 2 working hours ("today") or one working day later. */
export function managerAlertAt(e: Pick<Signal, "urgency" | "answerBy">, cal: WorkingCalendar = SWEDISH_WORKING_HOURS): Date {
  return addWorkingHours(new Date(e.answerBy), e.urgency === "today" ? 2 : workingDayHours(cal), cal);
}

export type SignalFollowUp = "remind" | "notifyManager" | "none";

/**
 * What is due for an unanswered signal at `now`: past the deadline a reminder, and if still
 * unanswered at managerAlertAt, the receiving manager is told. Only open signals qualify.
 */
export function signalFollowUp(e: Signal, now: Date, cal: WorkingCalendar = SWEDISH_WORKING_HOURS): SignalFollowUp {
  if (e.state !== "open") return "none";
  const deadline = Date.parse(e.answerBy);
  if (now.getTime() < deadline) return "none";
  if (e.remindersSent === 0) return "remind";
  if (!e.managerNotified && now.getTime() >= managerAlertAt(e, cal).getTime()) return "notifyManager";
  return "none";
}

export function isOverdue(e: Signal, now: Date): boolean {
  return e.state === "open" && now.getTime() >= Date.parse(e.answerBy);
}
