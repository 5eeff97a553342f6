// Teams' limits for a bot: per conversation 7 messages/s, 60 per 30 s, 1,800 per hour; about 30
// requests/s per app per tenant. A sliding window per key: a caller reserves the earliest slot
// that keeps every window under its limit, then waits for it. Reserving synchronously means
// concurrent senders never pick the same slot. (No maintained limiter is a dependency here; this
// is ~40 lines and tested.)

export interface Window {
  ms: number;
  limit: number;
}

export const CONVERSATION_WINDOWS: Window[] = [
  { ms: 1_000, limit: 7 },
  { ms: 30_000, limit: 60 },
  { ms: 3_600_000, limit: 1_800 },
];
export const TENANT_WINDOWS: Window[] = [{ ms: 1_000, limit: 30 }];

export class SlidingWindowLimiter {
  private readonly slots = new Map<string, number[]>();
  constructor(private readonly windows: Window[]) {}

  /** Reserves a slot for `key` at or after `now`; returns when it is (ms since epoch). */
  reserve(key: string, now: number, notBefore = now): number {
    const longest = Math.max(...this.windows.map((w) => w.ms));
    const taken = (this.slots.get(key) ?? []).filter((t) => t > now - longest);
    let at = Math.max(now, notBefore);
    for (let moved = true; moved;) {
      moved = false;
      for (const w of this.windows) {
        const inWindow = taken.filter((t) => t > at - w.ms && t <= at);
        if (inWindow.length >= w.limit) {
          at = inWindow[inWindow.length - w.limit]! + w.ms;
          moved = true;
        }
      }
    }
    taken.push(at);
    taken.sort((a, b) => a - b);
    this.slots.set(key, taken);
    return at;
  }
}
