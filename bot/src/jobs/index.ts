import { randomUUID } from "node:crypto";
import type { Core } from "../core";

// The poller: due items live in Table Storage and are claimed with their ETag, so each fires once
// across restarts and instances. What is due and what each item does are the core's; this only
// decides how often to look, and waits longer while storage is in trouble. It holds no state.

export interface JobDeps {
  core: Core;
  pollSeconds: number;
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
  /** One pass: schedules what is due next, then runs what is due at `now`. Returns the number of items run. */
  runOnce(now: Date): Promise<number>;
}

export function startJobs(deps: JobDeps): Jobs {
  const { core } = deps;
  const claimant = deps.claimant ?? `instance-${randomUUID().slice(0, 8)}`;
  let running: Promise<number> | undefined;

  async function runOnce(now: Date): Promise<number> {
    await core.scheduleDueItems(now);
    let ran = 0;
    for (const item of await core.dueItems(now, deps.batchSize ?? 50)) {
      const leaseUntil = new Date(now.getTime() + (deps.leaseSeconds ?? 120) * 1000).toISOString();
      const claimed = await core.claimDueItem(item, { claimant, leaseUntil });
      if (!claimed) continue; // another instance has it
      try {
        await core.finishDueItem(claimed, await core.runDueItem(claimed, now));
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
    running = runOnce(core.now()).then(
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
      await core.idle();
    },
  };
}
