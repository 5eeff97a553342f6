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
  const due = deps.storage.dueItems;
  // The repair sweep at the top of the next hour (one item per board and hour, however many instances).
  const hour = new Date(Math.ceil((now.getTime() + 1) / 3_600_000) * 3_600_000).toISOString();
  for (const board of await deps.storage.boards.list()) {
    await due.schedule({ kind: REPAIR_KIND, id: `${board.id}.${hour}`, dueAt: hour, payload: { boardId: board.id } });
    const scheduled = (board.settings?.meetings ?? []).length > 0;
    for (const date of [today, addDays(today, 1)]) {
      // Completed means completed: a daily item whose time has passed is not scheduled again (it
      // ran, and its row is gone). Tomorrow's is always scheduled, so a restart misses nothing.
      if (!scheduled) {
        const at = localTimeToInstant(date, morningBriefAt, tz);
        if (at > now)
          await due.schedule({
            kind: MORNING_BRIEF_KIND,
            id: `${board.id}.${date}`,
            dueAt: at.toISOString(),
            payload: { boardId: board.id, date },
          });
      } else {
        // A board with a schedule is briefed before each of its meetings, with that meeting's counts.
        for (const o of expectedOccurrences(meetingsOf(board), date, date, tz)) {
          const at = new Date(o.startsAt.getTime() - BRIEF_LEAD_MINUTES * 60_000);
          if (at > now)
            await due.schedule({
              kind: MORNING_BRIEF_KIND,
              id: `${board.id}.${date}.${o.meetingId}`,
              dueAt: at.toISOString(),
              payload: { boardId: board.id, date, meetingId: o.meetingId },
            });
        }
      }
      // Erasure after retention runs nightly, when nobody is at the board.
      const night = localTimeToInstant(date, RETENTION_AT, tz);
      if (night > now)
        await due.schedule({
          kind: RETENTION_KIND,
          id: `${board.id}.${date}`,
          dueAt: night.toISOString(),
          payload: { boardId: board.id, date },
        });
    }
  }
}
