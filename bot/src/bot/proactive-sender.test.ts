import { createTestStorage } from "../test-support";
import type { StoredReference } from "./conversation-reference-store";
import { ProactiveSender, type Transport } from "./proactive-sender";
import { SlidingWindowLimiter, CONVERSATION_WINDOWS } from "./rate-limiter";

const target: StoredReference = { kind: "personal", key: "t.o", reference: {}, boardIds: [], etag: "e", tenantId: "t" };
const card = { type: "AdaptiveCard" as const, version: "1.5", body: [] };

async function sentCards() {
  return (await createTestStorage()).sentCards;
}

function failing(statuses: number[], headers: Record<string, string> = {}) {
  const calls: number[] = [];
  const transport: Transport = {
    async send() {
      calls.push(Date.now());
      const status = statuses.shift();
      if (status)
        throw Object.assign(new Error("connector"), {
          statusCode: status,
          response: { status, headers: { get: (n: string) => headers[n] } },
        });
      return { activityId: `a${calls.length}` };
    },
    async update() {},
  };
  return { transport, calls };
}

describe("the proactive sender", () => {
  it("retries 429, 412, 500, 502 and 503 with backoff, honours Retry-After, and posts once", async () => {
    const { transport, calls } = failing([429, 412, 500, 502, 503], { "retry-after": "7" });
    const sleeps: number[] = [];
    let now = 0;
    const sender = new ProactiveSender({
      transport,
      sentCards: await sentCards(),
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
      random: () => 0.5,
      maxAttempts: 6,
    });
    expect(await sender.send({ dedupeKey: "k1", cardKey: "c", target, card, audience: "personal" })).toBe("sent");
    expect(calls).toHaveLength(6);
    expect(sleeps.every((ms) => ms >= 7000)).toBe(true);
    expect(sender.stats).toMatchObject({ sent: 1, retries: 5, failed: 0 });
    // The same card again (a job re-run after a crash, a second notification) is not posted twice.
    expect(await sender.send({ dedupeKey: "k1", cardKey: "c", target, card, audience: "personal" })).toBe("duplicate");
    expect(calls).toHaveLength(6);
  });

  it("never posts again after a 504 on create (Teams may have posted), and records the attempt as uncertain", async () => {
    const store = await sentCards();
    const { transport, calls } = failing([504]);
    const sender = new ProactiveSender({ transport, sentCards: store, sleep: async () => {} });
    expect(await sender.send({ dedupeKey: "k504", cardKey: "c504", target, card, audience: "personal" })).toBe("uncertain");
    expect(await sender.send({ dedupeKey: "k504", cardKey: "c504", target, card, audience: "personal" })).toBe("duplicate");
    expect(calls).toHaveLength(1);
    expect((await store.get("c504", "k504"))?.delivery).toBe("uncertain");
  });

  it("gives up after the last attempt, or at once on 403 (and drops the conversation), and counts it", async () => {
    const store = await sentCards();
    const always = failing([429, 429, 429, 429, 429, 429]);
    const s1 = new ProactiveSender({ transport: always.transport, sentCards: store, sleep: async () => {}, maxAttempts: 3 });
    expect(await s1.send({ dedupeKey: "k2", cardKey: "c", target, card, audience: "personal" })).toBe("failed");
    expect(always.calls).toHaveLength(3);
    const forbidden = failing([403]);
    const closed: string[] = [];
    const s2 = new ProactiveSender({
      transport: forbidden.transport,
      sentCards: store,
      sleep: async () => {},
      onGone: async (t) => void closed.push(t.key),
    });
    expect(await s2.send({ dedupeKey: "k3", cardKey: "c", target, card, audience: "personal" })).toBe("gone");
    expect(forbidden.calls).toHaveLength(1);
    expect(s2.stats.gone).toBe(1);
    expect(closed).toEqual([target.key]);
    // A failed send is not remembered as sent: it may be tried again later.
    expect(await store.get("c", "k3")).toBeUndefined();
  });

  it("never has more than the concurrency bound in flight", async () => {
    let inFlight = 0;
    let max = 0;
    const transport: Transport = {
      async send() {
        inFlight++;
        max = Math.max(max, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return { activityId: "x" };
      },
      async update() {},
    };
    const sender = new ProactiveSender({ transport, sentCards: await sentCards(), concurrency: 3 });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        sender.send({ dedupeKey: `k${i}`, cardKey: "c", target: { ...target, key: `conv${i}` }, card, audience: "personal" }),
      ),
    );
    expect(max).toBeLessThanOrEqual(3);
    expect(sender.stats.sent).toBe(12);
  });
});

describe("Teams' rate limits per conversation", () => {
  it("allows 7 a second and 60 per 30 seconds", () => {
    const limiter = new SlidingWindowLimiter(CONVERSATION_WINDOWS);
    const slots = Array.from({ length: 130 }, () => limiter.reserve("conv", 0));
    for (let i = 7; i < slots.length; i++) expect(slots[i]! - slots[i - 7]!).toBeGreaterThanOrEqual(1000);
    for (let i = 60; i < slots.length; i++) expect(slots[i]! - slots[i - 60]!).toBeGreaterThanOrEqual(30_000);
    expect(limiter.reserve("other", 0)).toBe(0);
  });
});
