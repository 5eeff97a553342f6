import { AlreadyExists, Conflict, Invalid } from "../domain/errors";
import { aParticipant, anEntry, closedFrom, createTestStorage } from "./test-support";

describe("board entries", () => {
  it("puts a participant on the board and reads the entry back with today's plan", async () => {
    const storage = await createTestStorage();
    const entry = anEntry("b1", "p1", {
      reasonNote: "Ökad oro",
      reviews: [{ organisationId: "org-region", on: "2025-03-04", by: "t.m1" }],
    });
    const created = await storage.entries.create(entry);
    expect(await storage.entries.getCurrent("b1", "p1")).toEqual({ ...entry, etag: created.etag });
    expect(await storage.entries.listCurrent("b1")).toHaveLength(1);
    expect(await storage.entries.getCurrent("b1", "p2")).toBeUndefined();
  });

  it("refuses to put someone on the board twice", async () => {
    const storage = await createTestStorage();
    const first = await storage.entries.create(anEntry("b1", "p1"));
    await expect(storage.entries.create(anEntry("b1", "p1"))).rejects.toBeInstanceOf(AlreadyExists);
    // The same entry again (a retried request) is not an error.
    await expect(storage.entries.create({ ...first })).resolves.toEqual(first);
  });

  it("refuses an update on a stale etag and keeps what is stored", async () => {
    const storage = await createTestStorage();
    const created = await storage.entries.create(anEntry("b1", "p1"));
    const raised = await storage.entries.update({ ...created, priority: "medium" }, { expectedEtag: created.etag });
    expect(raised.etag).not.toBe(created.etag);
    const err = await storage.entries.update({ ...created, priority: "low" }, { expectedEtag: created.etag }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect((err as Conflict).current).toEqual(raised);
    expect((await storage.entries.getCurrent("b1", "p1"))?.priority).toBe("medium");
  });

  it("lets exactly one of two concurrent updates with the same etag win", async () => {
    const storage = await createTestStorage();
    const created = await storage.entries.create(anEntry("b1", "p1"));
    const results = await Promise.allSettled([
      storage.entries.update({ ...created, priority: "medium" }, { expectedEtag: created.etag }),
      storage.entries.update({ ...created, priority: "low" }, { expectedEtag: created.etag }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(Conflict);
    const stored = await storage.entries.getCurrent("b1", "p1");
    expect(stored).toEqual((won[0] as PromiseFulfilledResult<typeof stored>).value);
  });

  describe("taking off the board", () => {
    it("moves the entry to the history", async () => {
      const storage = await createTestStorage();
      const entry = await storage.entries.create(anEntry("b1", "p1"));
      const closed = closedFrom(entry, { outcome: "stable", outcomeNote: "Stabil sedan två veckor" });
      const result = await storage.entries.close(entry, closed, { expectedEtag: entry.etag });
      expect(result).toMatchObject(closed);
      expect(await storage.entries.getCurrent("b1", "p1")).toBeUndefined();
      expect(await storage.entries.history("b1", "p1")).toEqual([expect.objectContaining(closed)]);
    });

    it("is refused when the entry changed since it was read, leaving no history behind", async () => {
      const storage = await createTestStorage();
      const entry = await storage.entries.create(anEntry("b1", "p1"));
      const edited = await storage.entries.update({ ...entry, priority: "low" }, { expectedEtag: entry.etag });
      const err = await storage.entries.close(entry, closedFrom(entry), { expectedEtag: entry.etag }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Conflict);
      expect((err as Conflict).current).toEqual(edited);
      expect(await storage.entries.getCurrent("b1", "p1")).toEqual(edited);
      expect(await storage.entries.history("b1", "p1")).toEqual([]);
    });

    it("lets one of two people closing at once win; the other gets a Conflict and one history row remains", async () => {
      const storage = await createTestStorage();
      const entry = await storage.entries.create(anEntry("b1", "p1"));
      const results = await Promise.allSettled([
        storage.entries.close(entry, closedFrom(entry, { outcome: "stable", takenOffBy: "t.a" }), { expectedEtag: entry.etag }),
        storage.entries.close(entry, closedFrom(entry, { outcome: "transferred", takenOffBy: "t.b" }), { expectedEtag: entry.etag }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(Conflict);
      const history = await storage.entries.history("b1", "p1");
      expect(history).toHaveLength(1);
      expect(history[0]).toEqual((won[0] as PromiseFulfilledResult<unknown>).value);
    });

    it("treats a retry of a completed close as success", async () => {
      const storage = await createTestStorage();
      const entry = await storage.entries.create(anEntry("b1", "p1"));
      const closed = closedFrom(entry);
      await storage.entries.close(entry, closed, { expectedEtag: entry.etag });
      await expect(storage.entries.close(entry, closed, { expectedEtag: entry.etag })).resolves.toMatchObject(closed);
      await expect(storage.entries.close(entry, { ...closed, outcome: "other" }, { expectedEtag: entry.etag })).rejects.toBeInstanceOf(
        Conflict,
      );
      expect(await storage.entries.history("b1", "p1")).toHaveLength(1);
    });

    it("refuses a closed entry that belongs to someone else", async () => {
      const storage = await createTestStorage();
      const entry = await storage.entries.create(anEntry("b1", "p1"));
      await expect(
        storage.entries.close(entry, { ...closedFrom(entry), participantId: "p2" }, { expectedEtag: entry.etag }),
      ).rejects.toBeInstanceOf(Invalid);
    });
  });

  it("keeps the history newest first, per participant, and erases it", async () => {
    const storage = await createTestStorage();
    await storage.participants.create(aParticipant("b1", { id: "p1" }));
    for (const [putOn, off] of [
      ["2024-01-01", "2024-02-01"],
      ["2024-05-01", "2024-06-01"],
      ["2025-01-01", "2025-01-20"],
    ] as const) {
      const entry = await storage.entries.create(anEntry("b1", "p1", { putOnOn: putOn }));
      await storage.entries.close(entry, closedFrom(entry, { takenOffOn: off }), { expectedEtag: entry.etag });
    }
    const other = await storage.entries.create(anEntry("b1", "p10"));
    await storage.entries.close(other, closedFrom(other), { expectedEtag: other.etag });
    expect((await storage.entries.history("b1", "p1")).map((h) => h.takenOffOn)).toEqual(["2025-01-20", "2024-06-01", "2024-02-01"]);
    await storage.entries.eraseHistory("b1", "p1");
    expect(await storage.entries.history("b1", "p1")).toEqual([]);
    expect(await storage.entries.history("b1", "p10")).toHaveLength(1);
  });
});
