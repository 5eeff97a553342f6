import { workingDaysBetween } from "./dates";
import type { Board, CalendarDate } from "./types";

// Which days a morning check-in is expected. Today every working day (Swedish calendar); a later
// change measures each board against its own recurring meetings (the Lund pilot meets each partner
// 1–3 times a week). Every fidelity indicator asks this one function, so that change is made here.

export function expectedCheckInDays(_board: Pick<Board, "id">, from: CalendarDate, to: CalendarDate): CalendarDate[] {
  return workingDaysBetween(from, to);
}
