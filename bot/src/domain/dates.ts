import Holidays from "date-holidays";
import type { CalendarDate } from "./types";

// Calendar dates are the team's local dates (Europe/Stockholm by default): a consent valid
// "t.o.m. 2026-12-01" is valid all of that Swedish day, whatever the server's UTC time.

// Making a formatter costs far more than formatting with it: one per time zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function localDate(instant: Date, timeZone: string): CalendarDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// Swedish public holidays ("public") and the eves treated as days off (midsummer, Christmas and
// New Year's Eve: "bank"), from date-holidays' maintained calendar rather than our own Easter sums.
const swedishHolidays = new Holidays("SE");
const DAYS_OFF = new Set(["public", "bank"]);
const workingDayCache = new Map<CalendarDate, boolean>();

/** Monday to Friday, except Swedish public holidays and the eves that are days off. The morning check-in is held on these. */
export function isWorkingDay(date: CalendarDate): boolean {
  const known = workingDayCache.get(date);
  if (known !== undefined) return known;
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  // Noon UTC is the same calendar day in Sweden, whatever the season.
  const holidays = day === 0 || day === 6 ? undefined : swedishHolidays.isHoliday(new Date(`${date}T12:00:00Z`));
  const working = day !== 0 && day !== 6 && !(holidays && holidays.some((h) => DAYS_OFF.has(h.type)));
  // date-holidays works out the year's rules on every call (about a millisecond); fidelity and the
  // schedule ask for the same few hundred days on every overview. A calendar day's answer never changes.
  if (workingDayCache.size > 20_000) workingDayCache.clear();
  workingDayCache.set(date, working);
  return working;
}

export function workingDaysBetween(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) days.push(d);
  return days;
}

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * 3_600_000);
}
