import { addDays } from "./dates";
import { isScheduledOn } from "./meeting-schedule";
import type { CalendarDate, Instant, MemberId, OrganisationId, ParticipantId, RecurringMeeting } from "./types";
import type { ParticipantVisibility } from "./visibility";

// Since yesterday (Sedan sist, issue 26): each organisation's short dated note of what happened
// since the last meeting. One note per organisation, participant and meeting day: a second write
// the same day by the same organisation edits it (under its ETag). The note is its writing
// organisation's own item, shown by that organisation's consent like an action.

export const SINCE_LAST_MAX = 300;

export interface SinceLastNote {
  boardId: string;
  participantId: ParticipantId;
  /** The entry it was written on: older entries' notes stay in that entry's history. */
  entryId: string;
  /** The meeting day it was written for (the local date when written). */
  on: CalendarDate;
  organisationId: OrganisationId;
  text: string;
  writtenBy: MemberId;
  writtenAt: Instant;
}

/** How far back the last meeting is looked for: a board with no meeting in two weeks shows two weeks. */
const LOOK_BACK_DAYS = 14;

/**
 * The last meeting day before `today` of any of the board's meetings. Notes of that day count as
 * "since the last meeting" too: a note written after yesterday's meeting is dated yesterday.
 */
export function lastMeetingDay(meetings: readonly Pick<RecurringMeeting, "days">[], today: CalendarDate): CalendarDate {
  for (let back = 1; back <= LOOK_BACK_DAYS; back++) {
    const day = addDays(today, -back);
    if (meetings.some((m) => isScheduledOn(m, day))) return day;
  }
  return addDays(today, -LOOK_BACK_DAYS);
}

/** The notes the viewer's organisation may read, newest first (then by organisation, for a stable order). */
export function readableNotes<N extends Pick<SinceLastNote, "on" | "organisationId" | "writtenAt">>(
  visibility: Pick<ParticipantVisibility, "readable">,
  notes: readonly N[],
): N[] {
  return notes
    .filter((n) => visibility.readable.has(n.organisationId))
    .sort((a, b) => b.on.localeCompare(a.on) || b.writtenAt.localeCompare(a.writtenAt) || a.organisationId.localeCompare(b.organisationId));
}

/** Split into the notes since the last meeting (the stage and side panel lead with them) and the older ones (history). */
export function sinceLastMeeting<N extends Pick<SinceLastNote, "on">>(
  notes: readonly N[],
  lastMeeting: CalendarDate,
): { recent: N[]; older: N[] } {
  return { recent: notes.filter((n) => n.on >= lastMeeting), older: notes.filter((n) => n.on < lastMeeting) };
}

/** Today's note by the actor's organisation: a new one, or the same row edited (the text and who last wrote it). */
export function writeNote(
  existing: SinceLastNote | undefined,
  input: { boardId: string; participantId: ParticipantId; entryId: string; organisationId: OrganisationId; text: string; by: MemberId },
  today: CalendarDate,
  now: Instant,
): SinceLastNote {
  if (existing) return { ...existing, text: input.text, writtenBy: input.by, writtenAt: now };
  return {
    boardId: input.boardId,
    participantId: input.participantId,
    entryId: input.entryId,
    on: today,
    organisationId: input.organisationId,
    text: input.text,
    writtenBy: input.by,
    writtenAt: now,
  };
}
