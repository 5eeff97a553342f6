import { randomUUID } from "node:crypto";
import type { Bot } from "../bot";
import { addDays, localDate } from "../domain/dates";
import { handlers, MORNING_BRIEF_KIND, RETENTION_AT, RETENTION_KIND } from "./due-handlers";
import { localTimeToInstant } from "./local-time";

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
    for (const board of boards) {
      for (const date of [today, addDays(today, 1)]) {
        const at = localTimeToInstant(date, deps.morningBriefAt, tz);
        // Completed means completed: a daily item whose time has passed is not scheduled again
        // (it ran, and its row is gone). Tomorrow's is always scheduled, so a restart misses nothing.
        // Scheduling the same item again is a no-op (same key, same payload).
        if (at > now) await storage.dueItems.schedule({ kind: MORNING_BRIEF_KIND, id: `${board.id}.${date}`, dueAt: at.toISOString(), payload: { boardId: board.id, date } });
        // Erasure after retention runs nightly, when nobody is at the board.
        const night = localTimeToInstant(date, RETENTION_AT, tz);
        if (night > now) await storage.dueItems.schedule({ kind: RETENTION_KIND, id: `${board.id}.${date}`, dueAt: night.toISOString(), payload: { boardId: board.id, date } });
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
        else await storage.dueItems.reschedule(claimed, { dueAt: outcome.rescheduleAt, ...(outcome.payload ? { payload: outcome.payload } : {}) }, { expectedEtag: claimed.etag });
        ran++;
      } catch (e) {
        // Left claimed: when the lease runs out this or another instance tries again.
        deps.log?.error({ kind: item.kind, error: e instanceof Error ? e.name : "unknown" }, "due item failed");
      }
    }
    return ran;
  }

  const timer = setInterval(() => {
    if (running) return;
    running = runOnce(deps.bot.useCaseDeps.clock()).catch((e: unknown) => {
      deps.log?.error({ error: e instanceof Error ? e.name : "unknown" }, "jobs pass failed");
      return 0;
    });
    void running.finally(() => (running = undefined));
  }, deps.pollSeconds * 1000);
  timer.unref();

  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
      await deps.bot.idle();
    },
  };
}
