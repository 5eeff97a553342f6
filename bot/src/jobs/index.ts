import { randomUUID } from "node:crypto";
import type { Bot } from "../bot";
import { addDays, localDate } from "../domain/dates";
import { handlers, MORNING_BRIEF_KIND, REPAIR_KIND, RETENTION_AT, RETENTION_KIND } from "./due-handlers";
import { localTimeToInstant } from "./local-time";
import { expectedOccurrences, meetingsOf } from "../domain/meeting-schedule";

/** How long before a scheduled meeting its brief is posted. */
export const BRIEF_LEAD_MINUTES = 30;

// The poller: due items live in Table Storage and are claimed with their ETag, so each fires once
// across restarts and instances. The interval only decides how often to look; it holds no state.

export interface JobDeps {
  bot: Bot;
  pollSeconds: number;
  /** HH:MM local time of the morning brief. */
  morningBriefAt: string;
  claimant?: string;
  /** How long a claimed item is ours before another instance may take it over. */
  leaseSeconds?: number;
  batchSize?: number;
  log?: { error(obj: Record<string, unknown>, msg: string): void };
}

export const MAX_BACKOFF_SECONDS = 300;

/** The pause before the next pass: the poll interval, doubled for each pass that failed in a row. */
export function nextPassDelayMs(pollSeconds: number, failures: number): number {
  return Math.min(pollSeconds * 2 ** Math.min(failures, 16), Math.max(pollSeconds, MAX_BACKOFF_SECONDS)) * 1000;
}

export interface Jobs {
  stop(): Promise<void>;
  /** One pass: schedules the next morning briefs, then runs what is due at `now`. Returns the number of items run. */
  runOnce(now: Date): Promise<number>;
}

export function startJobs(deps: JobDeps): Jobs {
  const claimant = deps.claimant ?? `instance-${randomUUID().slice(0, 8)}`;
  const storage = deps.bot.useCaseDeps.storage;
  const tz = deps.bot.useCaseDeps.timeZone;
  let running: Promise<number> | undefined;

  async function scheduleBriefs(now: Date): Promise<void> {
    const today = localDate(now, tz);
    const boards = await storage.boards.list();
    // The repair sweep at the top of the next hour (one item per board and hour, however many instances).
    const hour = new Date(Math.ceil((now.getTime() + 1) / 3_600_000) * 3_600_000).toISOString();
    for (const board of boards) {
      await storage.dueItems.schedule({ kind: REPAIR_KIND, id: `${board.id}.${hour}`, dueAt: hour, payload: { boardId: board.id } });
      const scheduled = (board.settings?.meetings ?? []).length > 0;
      for (const date of [today, addDays(today, 1)]) {
        // Completed means completed: a daily item whose time has passed is not scheduled again
        // (it ran, and its row is gone). Tomorrow's is always scheduled, so a restart misses nothing.
        // Scheduling the same item again is a no-op (same key, same payload).
        if (!scheduled) {
          const at = localTimeToInstant(date, deps.morningBriefAt, tz);
          if (at > now)
            await storage.dueItems.schedule({
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
              await storage.dueItems.schedule({
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
          await storage.dueItems.schedule({
            kind: RETENTION_KIND,
            id: `${board.id}.${date}`,
            dueAt: night.toISOString(),
            payload: { boardId: board.id, date },
          });
      }
    }
  }

  async function runOnce(now: Date): Promise<number> {
    await scheduleBriefs(now);
    const due = await storage.dueItems.listDue(now.toISOString(), deps.batchSize ?? 50);
    let ran = 0;
    for (const item of due) {
      const handler = handlers[item.kind];
      if (!handler) continue;
      const leaseUntil = new Date(now.getTime() + (deps.leaseSeconds ?? 120) * 1000).toISOString();
      const claimed = await storage.dueItems.claim(item, { expectedEtag: item.etag, claimant, leaseUntil });
      if (!claimed) continue; // another instance has it
      try {
        const outcome = await handler(deps.bot, claimed, now);
        if ("done" in outcome) await storage.dueItems.complete(claimed, { expectedEtag: claimed.etag });
        else
          await storage.dueItems.reschedule(
            claimed,
            { dueAt: outcome.rescheduleAt, ...(outcome.payload ? { payload: outcome.payload } : {}) },
            { expectedEtag: claimed.etag },
          );
        ran++;
      } catch (e) {
        // Left claimed: when the lease runs out this or another instance tries again.
        deps.log?.error({ kind: item.kind, error: e instanceof Error ? e.name : "unknown" }, "due item failed");
      }
    }
    return ran;
  }

  // A failed pass (storage down) waits twice as long before the next, up to MAX_BACKOFF_SECONDS,
  // instead of hammering a store that is already in trouble; the first good pass resets it.
  let failures = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, nextPassDelayMs(deps.pollSeconds, failures));
    timer.unref();
  };
  const tick = () => {
    running = runOnce(deps.bot.useCaseDeps.clock()).then(
      (ran) => {
        failures = 0;
        return ran;
      },
      (e: unknown) => {
        failures++;
        deps.log?.error({ error: e instanceof Error ? e.name : "unknown", failures }, "jobs pass failed");
        return 0;
      },
    );
    void running.finally(() => {
      running = undefined;
      schedule();
    });
  };
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await deps.bot.idle();
    },
  };
}
