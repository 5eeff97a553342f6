import type { Member } from "./types";
import { type WorkingCalendar, nextWorkingMoment } from "./working-hours";
import { calendarFor } from "./working-patterns";

// A card Teams answered 504 to may or may not be in the person's chat, and Teams offers no way to
// ask. Posting again at once would often double it; never posting again can leave a task unseen.
// So the card is posted once more, later, and only when the doubt still matters: Teams' own late
// posts have had time to land, the task still waits for the person, they have not opened Att göra
// (where it is listed) nor been reached by any card since, and they are at work.

/** Teams' late posts land within minutes; half an hour leaves a wide margin. */
export const UNKNOWN_SETTLE_MINUTES = 30;

/** Cards that ask the person to do something. A notice (a summary, a brief, an absence) is not posted twice. */
export const TASK_CARDS = ["signal", "signalAlert", "cover", "coverAlert", "consent"] as const;
export type TaskCard = (typeof TASK_CARDS)[number];
export const isTaskCard = (card: string): card is TaskCard => (TASK_CARDS as readonly string[]).includes(card);

/** When a card left unknown at `unknownAt` may first be posted again: settled, and in the person's working time. */
export function resendAt(unknownAt: Date, member: Pick<Member, "workingPattern">, board: WorkingCalendar): Date {
  const settled = new Date(unknownAt.getTime() + UNKNOWN_SETTLE_MINUTES * 60_000);
  return nextWorkingMoment(settled, calendarFor(member, board));
}

/** When a due resend may go: now if the person is at work, else when they next are. */
export function resendFrom(now: Date, member: Pick<Member, "workingPattern">, board: WorkingCalendar): Date {
  return nextWorkingMoment(now, calendarFor(member, board));
}

export interface ResendFacts {
  /** The thing the card asks for is still undone and still this person's to do. */
  stillWaits: boolean;
  /** Nothing has reached them since (no card, and Att göra not opened: either clears "not reached"). */
  stillNotReached: boolean;
  /** The member is still on the board. */
  onBoard: boolean;
}

export const mayResend = (f: ResendFacts): boolean => f.onBoard && f.stillWaits && f.stillNotReached;
