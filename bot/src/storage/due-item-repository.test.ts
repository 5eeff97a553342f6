import { AlreadyExists, Conflict } from "../domain/errors";
import { createTestStorage } from "./test-support";

const reminder = (id: string, dueAt: string) => ({ kind: "signalReminder", id, dueAt, payload: { boardId: "b1", signalId: id } });

describe("due items", () => {
  it("lists what is due at or before now, earliest first, and nothing later", async () => {
    const storage = await createTestStorage();
    await storage.dueItems.schedule(reminder("e3", "2025-03-03T10:00:00.000Z"));
    await storage.dueItems.schedule(reminder("e1", "2025-03-03T08:00:00Z"));
    await storage.dueItems.schedule(reminder("e2", "2025-03-03T09:00:00+01:00")); // 08:00Z too
    await storage.dueItems.schedule(reminder("e4", "2025-03-04T08:00:00.000Z"));
    const due = await storage.dueItems.listDue("2025-03-03T10:00:00.000Z", 10);
    expect(due.map((d) => d.id)).toEqual(["e1", "e2", "e3"]);
    expect(due[0]?.dueAt).toBe("2025-03-03T08:00:00.000Z");
    expect(await storage.dueItems.listDue("2025-03-03T10:00:00.000Z", 2)).toHaveLength(2);
  });

  it("schedules idempotently", async () => {
    const storage = await createTestStorage();
    const first = await storage.dueItems.schedule(reminder("e1", "2025-03-03T08:00:00.000Z"));
    await expect(storage.dueItems.schedule(reminder("e1", "2025-03-03T08:00:00.000Z"))).resolves.toEqual(first);
    await expect(
      storage.dueItems.schedule({ ...reminder("e1", "2025-03-03T08:00:00.000Z"), payload: { other: true } }),
    ).rejects.toBeInstanceOf(AlreadyExists);
    expect(await storage.dueItems.listDue("2025-03-04T00:00:00.000Z", 10)).toHaveLength(1);
  });

  it("lets exactly one of two racing instances claim an item", async () => {
    const storage = await createTestStorage();
    await storage.dueItems.schedule(reminder("e1", "2025-03-03T08:00:00.000Z"));
    const [item] = await storage.dueItems.listDue("2025-03-03T09:00:00.000Z", 10);
    const lease = { expectedEtag: item!.etag, leaseUntil: "2025-03-03T09:05:00.000Z" };
    const [a, b] = await Promise.all([
      storage.dueItems.claim(item!, { ...lease, claimant: "instance-a" }),
      storage.dueItems.claim(item!, { ...lease, claimant: "instance-b" }),
    ]);
    const winners = [a, b].filter((x) => x !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]?.claimant).toMatch(/^instance-[ab]$/);

    // While the lease runs nobody else sees it; after it lapses (a crashed claimant) it is due again.
    expect(await storage.dueItems.listDue("2025-03-03T09:01:00.000Z", 10)).toEqual([]);
    const again = await storage.dueItems.listDue("2025-03-03T09:06:00.000Z", 10);
    expect(again).toEqual([expect.objectContaining({ id: "e1", claimant: winners[0]?.claimant })]);
  });

  it("completes with the claim's etag; a stale complete is a Conflict, a repeated one is fine", async () => {
    const storage = await createTestStorage();
    const scheduled = await storage.dueItems.schedule(reminder("e1", "2025-03-03T08:00:00.000Z"));
    const claimed = await storage.dueItems.claim(scheduled, {
      expectedEtag: scheduled.etag,
      claimant: "a",
      leaseUntil: "2025-03-03T09:05:00.000Z",
    });
    await expect(storage.dueItems.complete(scheduled, { expectedEtag: scheduled.etag })).rejects.toBeInstanceOf(Conflict);
    await storage.dueItems.complete(claimed!, { expectedEtag: claimed!.etag });
    await expect(storage.dueItems.complete(claimed!, { expectedEtag: claimed!.etag })).resolves.toBeUndefined();
    expect(await storage.dueItems.listDue("2025-03-05T00:00:00.000Z", 10)).toEqual([]);
  });

  it("reschedules to a new time, unclaimed, and refuses a stale reschedule", async () => {
    const storage = await createTestStorage();
    const scheduled = await storage.dueItems.schedule(reminder("e1", "2025-03-03T08:00:00.000Z"));
    const claimed = await storage.dueItems.claim(scheduled, {
      expectedEtag: scheduled.etag,
      claimant: "a",
      leaseUntil: "2025-03-03T08:05:00.000Z",
    });
    await expect(
      storage.dueItems.reschedule(scheduled, { dueAt: "2025-03-03T12:00:00.000Z" }, { expectedEtag: scheduled.etag }),
    ).rejects.toBeInstanceOf(Conflict);
    expect((await storage.dueItems.listDue("2025-03-03T23:00:00.000Z", 10)).map((d) => d.dueAt)).toEqual(["2025-03-03T08:00:00.000Z"]);

    const moved = await storage.dueItems.reschedule(
      claimed!,
      { dueAt: "2025-03-03T12:00:00.000Z", payload: { reminder: 2 } },
      { expectedEtag: claimed!.etag },
    );
    expect(moved).toMatchObject({ dueAt: "2025-03-03T12:00:00.000Z", payload: { reminder: 2 } });
    expect(moved.claimant).toBeUndefined();
    expect(await storage.dueItems.listDue("2025-03-03T11:00:00.000Z", 10)).toEqual([]);
    expect((await storage.dueItems.listDue("2025-03-03T12:00:00.000Z", 10)).map((d) => d.id)).toEqual(["e1"]);
  });

  it("cancels an item that is no longer needed", async () => {
    const storage = await createTestStorage();
    const item = reminder("e1", "2025-03-03T08:00:00.000Z");
    await storage.dueItems.schedule(item);
    await storage.dueItems.cancel(item);
    await storage.dueItems.cancel(item);
    expect(await storage.dueItems.listDue("2025-03-05T00:00:00.000Z", 10)).toEqual([]);
  });
});
