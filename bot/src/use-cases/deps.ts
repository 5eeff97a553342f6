import { type WorkingCalendar, workingCalendar } from "../domain/working-hours";
import { randomUUID } from "node:crypto";
import { looksLikePersonalIdentityNumber } from "../domain/identity-number";
import type { Clock } from "../domain/clock";
import { localDate } from "../domain/dates";
import type { CalendarDate } from "../domain/types";
import type { Storage } from "../storage/table-service";
import type { Notifier } from "./notification";

/** Everything a use-case needs from outside the domain. */
export interface UseCaseDeps {
  storage: Storage;
  clock: Clock;
  /** The team's time zone: "today" is the local date there. */
  timeZone: string;
  newId: () => string;
  notifier: Notifier;
}

/**
 * A new id: 20 hex characters. Ids reach paths, cards and import files, where anything shaped like a
 * personal identity number is refused; a random one is drawn again until it is not (rarely needed).
 */
export const newId = (): string => {
  for (;;) {
    const id = randomUUID().replace(/-/g, "").slice(0, 20);
    if (!looksLikePersonalIdentityNumber(id)) return id;
  }
};

export function todayOf(deps: Pick<UseCaseDeps, "clock" | "timeZone">): CalendarDate {
  return localDate(deps.clock(), deps.timeZone);
}

export function nowOf(deps: Pick<UseCaseDeps, "clock">): string {
  return deps.clock().toISOString();
}

/** The board's working calendar: working days and office hours in the board's time zone. */
export function calendarOf(deps: Pick<UseCaseDeps, "timeZone">): WorkingCalendar {
  return workingCalendar(deps.timeZone);
}
