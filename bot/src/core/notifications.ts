import type { Notification, Notifier } from "../use-cases/notification";
import { carryOut } from "./deliveries";
import type { CoreDeps } from "./ports";
import { recipientsFor } from "./recipients";

// A use-case announces what happened (notify); this records it as a due item first, so it survives
// a crash, then returns: the cards are built and sent in the background, so a click is answered
// before any proactive card goes out. When the work is done the due item is dropped; if the process
// dies first, the job poller runs it after a short grace period. Handling twice is harmless: every
// send carries a dedupe key and updates rebuild cards as they are now.

export const NOTIFICATION_KIND = "notification";
const NOTIFICATION_GRACE_MS = 60_000;

/** Thrown so that a notification stays due when some card (or update) could not be delivered yet. */
export class DeliveryPending extends Error {
  constructor(readonly count: number) {
    super(`${count} card(s) not delivered yet`);
    this.name = "DeliveryPending";
  }
}

export interface Notifications extends Notifier {
  /**
   * Delivers what a notification means. Throws DeliveryPending when a card or an update could not
   * be delivered yet; with `finalAttempt`, those people count as not reached instead and the
   * fallback (the board's channels, counts only) runs.
   */
  handle(n: Notification, options?: { finalAttempt?: boolean }): Promise<void>;
  /** Resolves when every notification so far has been handled and its cards sent (tests, shutdown). */
  idle(): Promise<void>;
}

export function createNotifications(deps: CoreDeps): Notifications {
  const running = new Set<Promise<void>>();
  const handle = async (n: Notification, options: { finalAttempt?: boolean } = {}) => {
    const refused = await carryOut(deps, await recipientsFor(deps, n), options);
    if (refused > 0) throw new DeliveryPending(refused);
  };
  return {
    handle,
    async notify(n) {
      const record = await deps.storage.dueItems.schedule({
        kind: NOTIFICATION_KIND,
        id: deps.newId(),
        dueAt: new Date(deps.clock().getTime() + NOTIFICATION_GRACE_MS).toISOString(),
        payload: { ...n },
      });
      const task = handle(n)
        .then(() => deps.storage.dueItems.cancel(record))
        .catch((e: unknown) => {
          // The due item stays: the job poller tries again after the grace period.
          deps.log?.error({ notification: n.type, error: e instanceof Error ? e.name : "unknown" }, "notification failed");
        });
      running.add(task);
      void task.finally(() => running.delete(task));
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
      await deps.delivery.idle();
    },
  };
}
