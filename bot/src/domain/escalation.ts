import { InvalidTransition } from "./errors";
import type { EscalationState } from "@fact-board/contract";
import type { Escalation, Instant, MemberId } from "./types";
import { addHours } from "./dates";

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

/** "today" must be answered within 4 hours, "this week" within 3 days. */
export function answerDeadline(urgency: Escalation["urgency"], raisedAt: Date): Date {
  return addHours(raisedAt, urgency === "today" ? 4 : 72);
}

export type EscalationFollowUp = "remind" | "notifyManager" | "none";

/**
 * What is due for an unanswered signal at `now`: past the deadline a reminder, and if still
 * unanswered one deadline-length later, the receiving manager is told. Only open signals qualify.
 */
export function escalationFollowUp(e: Escalation, now: Date): EscalationFollowUp {
  if (e.state !== "open") return "none";
  const deadline = Date.parse(e.answerBy);
  if (now.getTime() < deadline) return "none";
  if (e.remindersSent === 0) return "remind";
  const window = deadline - Date.parse(e.raisedAt);
  if (!e.managerNotified && now.getTime() >= deadline + window) return "notifyManager";
  return "none";
}

export function isOverdue(e: Escalation, now: Date): boolean {
  return e.state === "open" && now.getTime() >= Date.parse(e.answerBy);
}
