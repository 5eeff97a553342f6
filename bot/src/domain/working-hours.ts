import { addDays, isWorkingDay, localDate } from "./dates";
import type { CalendarDate, Weekday } from "./types";

// Deadlines, reminders and cover time-outs count working hours of the board's calendar: Swedish
// working days (public holidays and the eves that are days off excluded, see dates.ts) between
// opening and closing time in the board's time zone. Nothing falls due at night or on a weekend:
// a "today" signal raised on Friday at 15:00 is due at 17:00, and is chased on Monday morning.

export interface WorkingCalendar {
  timeZone: string;
  /** HH:MM local time. */
  opensAt: string;
  closesAt: string;
  /** A person's working weekdays (a part-time pattern); absent: every working day. */
  days?: readonly Weekday[];
}

export const workingCalendar = (timeZone: string, opensAt = "08:00", closesAt = "17:00"): WorkingCalendar => ({
  timeZone,
  opensAt,
  closesAt,
});

const WEEKDAYS: ReadonlyArray<Weekday | undefined> = [undefined, "mon", "tue", "wed", "thu", "fri", undefined];

/** The weekday of a calendar date (undefined on Saturday and Sunday). */
export const weekdayOf = (date: CalendarDate): Weekday | undefined => WEEKDAYS[new Date(`${date}T12:00:00.000Z`).getUTCDay()];

/** Swedish office hours; what every board uses until a board sets its own. */
export const SWEDISH_WORKING_HOURS: WorkingCalendar = workingCalendar("Europe/Stockholm");

/** The instant of local wall-clock time `hhmm` on `date` in `timeZone` (DST-aware). */
export function localTimeToInstant(date: CalendarDate, hhmm: string, timeZone: string): Date {
  const guess = new Date(`${date}T${hhmm}:00.000Z`);
  // The zone's offset at the guess, then once more at the corrected time (DST edges).
  let t = guess.getTime() - offsetMs(guess, timeZone);
  t = guess.getTime() - offsetMs(new Date(t), timeZone);
  return new Date(t);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

interface Window {
  opens: number;
  closes: number;
}

function windowOn(date: CalendarDate, cal: WorkingCalendar): Window | undefined {
  if (!isWorkingDay(date)) return undefined;
  if (cal.days && !cal.days.includes(weekdayOf(date)!)) return undefined;
  return {
    opens: localTimeToInstant(date, cal.opensAt, cal.timeZone).getTime(),
    closes: localTimeToInstant(date, cal.closesAt, cal.timeZone).getTime(),
  };
}

/** The working windows from the day of `at` on (a year at most: every calendar has working days). */
function* windowsFrom(at: Date, cal: WorkingCalendar): Generator<Window> {
  let date = localDate(at, cal.timeZone);
  for (let i = 0; i < 400; i++, date = addDays(date, 1)) {
    const w = windowOn(date, cal);
    if (w && w.closes > at.getTime()) yield w;
  }
}

export function isWorkingTime(at: Date, cal: WorkingCalendar): boolean {
  const w = windowOn(localDate(at, cal.timeZone), cal);
  return !!w && at.getTime() >= w.opens && at.getTime() < w.closes;
}

/** `at` itself during working hours, else the next opening. */
export function nextWorkingMoment(at: Date, cal: WorkingCalendar): Date {
  for (const w of windowsFrom(at, cal)) return new Date(Math.max(w.opens, at.getTime()));
  throw new Error("No working day within a year.");
}

/** The close of the working day `at` falls in (or, after hours and on days off, of the next working day). */
export function endOfWorkingDay(at: Date, cal: WorkingCalendar): Date {
  for (const w of windowsFrom(at, cal)) return new Date(w.closes);
  throw new Error("No working day within a year.");
}

/** `hours` of working time after `at`: evenings, nights, weekends and holidays do not count. */
export function addWorkingHours(at: Date, hours: number, cal: WorkingCalendar): Date {
  let left = hours * 3_600_000;
  for (const w of windowsFrom(at, cal)) {
    const from = Math.max(w.opens, at.getTime());
    if (from + left <= w.closes) return new Date(from + left);
    left -= w.closes - from;
  }
  throw new Error("No working day within a year.");
}

/** Length of one working day in hours. */
export function workingDayHours(cal: WorkingCalendar): number {
  const [oh, om] = cal.opensAt.split(":").map(Number);
  const [ch, cm] = cal.closesAt.split(":").map(Number);
  return (ch! * 60 + cm! - (oh! * 60 + om!)) / 60;
}
