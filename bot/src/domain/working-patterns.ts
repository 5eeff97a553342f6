import { answerDeadline } from "./signal";
import type { Member, Signal } from "./types";
import { type WorkingCalendar, isWorkingTime } from "./working-hours";

// Each member's working pattern (arbetsmönster): coordinators often work 20–50 %, so a deadline,
// a reminder and "who is reached now" follow the person who receives, not an office week.

/** The member's working calendar: their own days and hours in the board's time zone, else the board's. */
export function calendarFor(member: Pick<Member, "workingPattern"> | undefined, board: WorkingCalendar): WorkingCalendar {
  const p = member?.workingPattern;
  return p ? { timeZone: board.timeZone, opensAt: p.opensAt, closesAt: p.closesAt, days: p.days } : board;
}

export const worksAt = (member: Pick<Member, "workingPattern">, at: Date, board: WorkingCalendar): boolean =>
  isWorkingTime(at, calendarFor(member, board));

/** Of those who could receive something, the ones at work at `at`; nobody at work: all of them (as before patterns). */
export function atWorkOrAll<M extends Pick<Member, "workingPattern">>(members: readonly M[], at: Date, board: WorkingCalendar): M[] {
  const working = members.filter((m) => worksAt(m, at, board));
  return working.length > 0 ? working : [...members];
}

/**
 * When a signal must be answered, by its receivers' patterns: the earliest of their deadlines
 * (whoever is at work first can answer it); without receivers, the board's working hours.
 */
export function answerDeadlineFor(
  urgency: Signal["urgency"],
  raisedAt: Date,
  receivers: ReadonlyArray<Pick<Member, "workingPattern">>,
  board: WorkingCalendar,
): Date {
  if (receivers.length === 0) return answerDeadline(urgency, raisedAt, board);
  const times = receivers.map((r) => answerDeadline(urgency, raisedAt, calendarFor(r, board), board).getTime());
  return new Date(Math.min(...times));
}
