import { addDays, localDate } from "../domain/dates";
import { expectedOccurrences, meetingsOf } from "../domain/meeting-schedule";
import { localTimeToInstant } from "../domain/working-hours";
import type { UseCaseDeps } from "../use-cases/deps";

// What is due when, for every board: the hourly repair sweep, the morning brief (daily, or before
// each scheduled meeting) and the nightly retention run. Scheduling the same item again is a
// no-op (same key, same payload), so every instance may schedule on every pass.

export const MORNING_BRIEF_KIND = "morningBrief";
export const RETENTION_KIND = "retention";
/** The hourly sweep for writes a crash left half-done (use-cases/repair.ts). */
export const REPAIR_KIND = "repairSweep";
/** Local time of the nightly erasure run. */
export const RETENTION_AT = "02:30";
/** How long before a scheduled meeting its brief is posted. */
export const BRIEF_LEAD_MINUTES = 30;

export async function scheduleDueItems(deps: UseCaseDeps, now: Date, morningBriefAt: string): Promise<void> {
  const tz = deps.timeZone;
  const today = localDate(now, tz);
  /** Completed means completed: an item whose time has passed is not scheduled again (it ran, and its row is gone). */
  const scheduleAhead = async (at: Date, kind: string, id: string, payload: Record<string, unknown>) => {
    if (at > now) await deps.storage.dueItems.schedule({ kind, id, dueAt: at.toISOString(), payload });
  };
  // The repair sweep at the top of the next hour (one item per board and hour, however many instances).
  const hour = new Date(Math.ceil((now.getTime() + 1) / 3_600_000) * 3_600_000);
  for (const board of await deps.storage.boards.list()) {
    await scheduleAhead(hour, REPAIR_KIND, `${board.id}.${hour.toISOString()}`, { boardId: board.id });
    const meetings = meetingsOf(board);
    const scheduled = (board.settings?.meetings ?? []).length > 0;
    // Tomorrow's items are always scheduled, so a restart misses nothing.
    for (const date of [today, addDays(today, 1)]) {
      if (!scheduled)
        await scheduleAhead(localTimeToInstant(date, morningBriefAt, tz), MORNING_BRIEF_KIND, `${board.id}.${date}`, {
          boardId: board.id,
          date,
        });
      // A board with a schedule is briefed before each of its meetings, with that meeting's counts.
      else
        for (const o of expectedOccurrences(meetings, date, date, tz))
          await scheduleAhead(
            new Date(o.startsAt.getTime() - BRIEF_LEAD_MINUTES * 60_000),
            MORNING_BRIEF_KIND,
            `${board.id}.${date}.${o.meetingId}`,
            {
              boardId: board.id,
              date,
              meetingId: o.meetingId,
            },
          );
      // Erasure after retention runs nightly, when nobody is at the board.
      await scheduleAhead(localTimeToInstant(date, RETENTION_AT, tz), RETENTION_KIND, `${board.id}.${date}`, { boardId: board.id, date });
    }
  }
}
