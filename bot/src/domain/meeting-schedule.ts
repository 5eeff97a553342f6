import { isWorkingDay, localDate, workingDaysBetween } from "./dates";
import type { Board, CalendarDate, CheckIn, OrganisationId, Participant, ParticipantId, RecurringMeeting, Weekday } from "./types";
import { localTimeToInstant } from "./working-hours";

// The board's meeting schedule (issue 18). FACT teams meet in two shapes: every working day with
// all partners (Helsingborg, Landskrona), or each partner on its own days (the Lund pilot met each
// municipality 1–3 times a week). A check-in is expected for each scheduled occurrence that falls
// on a Swedish working day, and a meeting's walkthrough covers the participants involving its
// organisations. Every fidelity indicator, the brief and the walkthrough ask this file.

/** The meeting of a board without a schedule: every working day, everyone. Check-ins stored before meetings existed are its. */
export const ALL_MEETINGS = "all";

export interface MeetingOccurrence {
  meetingId: string;
  date: CalendarDate;
  /** When it starts: the meeting's local time on that date in the board's time zone. */
  startsAt: Date;
}

const WEEKDAYS: Array<Weekday | undefined> = [undefined, "mon", "tue", "wed", "thu", "fri", undefined];

export function implicitMeeting(time: string): RecurringMeeting {
  return { id: ALL_MEETINGS, name: "", days: "workingDays", time, organisationIds: [] };
}

/** The board's meetings; without any, the one implicit daily meeting "all" at the morning brief's time. */
export function meetingsOf(board: Pick<Board, "settings">, defaultTime = "08:00"): RecurringMeeting[] {
  const meetings = board.settings?.meetings ?? [];
  return meetings.length > 0 ? meetings : [implicitMeeting(board.settings?.morningBriefAt ?? defaultTime)];
}

export function meetingById(board: Pick<Board, "settings">, meetingId: string, defaultTime?: string): RecurringMeeting | undefined {
  return meetingsOf(board, defaultTime).find((m) => m.id === meetingId);
}

/** Whether `meeting` is held on `date`: a Swedish working day (holidays are never expected) on one of its weekdays. */
/** The meeting a walkthrough means when none is named: today's scheduled one, else the board's first. */
export function meetingOfTheDay(board: Pick<Board, "settings">, today: CalendarDate): RecurringMeeting {
  const meetings = meetingsOf(board);
  return meetings.find((m) => isScheduledOn(m, today)) ?? meetings[0]!;
}

export function isScheduledOn(meeting: Pick<RecurringMeeting, "days">, date: CalendarDate): boolean {
  if (!isWorkingDay(date)) return false;
  if (meeting.days === "workingDays") return true;
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return weekday !== undefined && meeting.days.includes(weekday);
}

/** Every scheduled occurrence from `from` to `to` (local dates, both included), by date then time. */
export function expectedOccurrences(
  meetings: readonly RecurringMeeting[],
  from: CalendarDate,
  to: CalendarDate,
  timeZone: string,
): MeetingOccurrence[] {
  const out: MeetingOccurrence[] = [];
  for (const date of workingDaysBetween(from, to)) {
    for (const m of meetings)
      if (isScheduledOn(m, date)) out.push({ meetingId: m.id, date, startsAt: localTimeToInstant(date, m.time, timeZone) });
  }
  return out.sort(
    (a, b) => a.date.localeCompare(b.date) || a.startsAt.getTime() - b.startsAt.getTime() || a.meetingId.localeCompare(b.meetingId),
  );
}

/** The occurrences of the board's local "today" at `now` (the board's time zone decides which day it is). */
export function occurrencesToday(meetings: readonly RecurringMeeting[], now: Date, timeZone: string): MeetingOccurrence[] {
  const today = localDate(now, timeZone);
  return expectedOccurrences(meetings, today, today, timeZone);
}

/** Whether a participant belongs in `meeting`'s walkthrough: the implicit meeting takes everyone, the others those involving one of its organisations. */
export function meetingCovers(
  meeting: Pick<RecurringMeeting, "organisationIds">,
  participant: Pick<Participant, "organisationIds">,
): boolean {
  if (meeting.organisationIds.length === 0) return true;
  const orgs = new Set<OrganisationId>(meeting.organisationIds);
  return participant.organisationIds.some((o) => orgs.has(o));
}

/**
 * The participants a meeting's walkthrough covers, in board order: those on the board involving
 * the meeting's organisations, plus anyone put on during that meeting (whoever they involve: the
 * meeting put them on, so the meeting reviews them).
 */
export function meetingParticipants(
  meeting: Pick<RecurringMeeting, "organisationIds">,
  boardOrder: readonly ParticipantId[],
  participants: ReadonlyMap<ParticipantId, Pick<Participant, "organisationIds">>,
  putOnDuringMeeting: readonly ParticipantId[] = [],
): ParticipantId[] {
  const added = new Set(putOnDuringMeeting);
  return boardOrder.filter((id) => {
    const p = participants.get(id);
    return added.has(id) || (p !== undefined && meetingCovers(meeting, p));
  });
}

/**
 * The check-in that records an occurrence. A check-in of the implicit meeting "all" (every one
 * stored before a board had a schedule) reviewed the whole board that day, so it stands for any
 * occurrence on its date.
 */
export function checkInFor<C extends Pick<CheckIn, "date" | "meetingId">>(
  occurrence: Pick<MeetingOccurrence, "date" | "meetingId">,
  checkIns: readonly C[],
): C | undefined {
  const sameDay = checkIns.filter((c) => c.date === occurrence.date);
  return sameDay.find((c) => c.meetingId === occurrence.meetingId) ?? sameDay.find((c) => c.meetingId === ALL_MEETINGS);
}

export interface ScheduledDay {
  date: CalendarDate;
  /** Occurrences scheduled that day: 0 means no check-in was expected. */
  scheduled: number;
  held: number;
  /** Every scheduled occurrence that day was held. */
  reviewed: boolean;
  /** …and each reviewed every entry it covers (entries put on during it excepted). */
  allEntriesReviewed: boolean;
}

/**
 * "Reviewed as scheduled", day by day: the working days from `from` to `to`, each with its
 * scheduled occurrences, how many were held, and whether each held one covered all its entries.
 * A working day without a scheduled meeting is not expected, so it is never missed.
 */
export function reviewedAsScheduled(
  meetings: readonly RecurringMeeting[],
  from: CalendarDate,
  to: CalendarDate,
  checkIns: readonly CheckIn[],
  entries: ReadonlyArray<{ participantId: ParticipantId; putOnOn: CalendarDate }>,
  participants: ReadonlyMap<ParticipantId, Pick<Participant, "organisationIds">>,
): ScheduledDay[] {
  return workingDaysBetween(from, to).map((date) => {
    const occurrences = meetings.filter((m) => isScheduledOn(m, date));
    const held = occurrences.flatMap((m) => {
      const c = checkInFor({ date, meetingId: m.id }, checkIns);
      return c ? [{ meeting: c.meetingId === ALL_MEETINGS ? implicitMeeting(m.time) : m, checkIn: c }] : [];
    });
    const coveredAll = held.every(({ meeting, checkIn }) => {
      const reviewed = new Set([...checkIn.reviewedParticipantIds, ...checkIn.addedParticipantIds]);
      const due = entries.filter(
        (e) => e.putOnOn <= date && meetingCovers(meeting, participants.get(e.participantId) ?? { organisationIds: [] }),
      );
      return checkIn.reviewedParticipantIds.length > 0 && due.every((e) => reviewed.has(e.participantId));
    });
    const reviewed = occurrences.length > 0 && held.length === occurrences.length;
    return { date, scheduled: occurrences.length, held: held.length, reviewed, allEntriesReviewed: reviewed && coveredAll };
  });
}
