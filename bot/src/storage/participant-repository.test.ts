import type { TransactionAction } from "@azure/data-tables";
import { Conflict } from "../domain/errors";
import type { Participant } from "../domain/types";
import { participantMapping } from "./participant-entity";
import { aParticipant, createTestStorage, createTestStorageWithTables } from "./test-support";

describe("participants", () => {
  it("round-trips a participant, including plans stated, not stated and a whole SIP", async () => {
    const storage = await createTestStorage();
    const withDate = aParticipant("b1", {
      plans: {
        crisisPlan: "no",
        earlySignsPlan: "notSet",
        sip: { held: "yes", heldOn: "2025-02-01", nextFollowUpOn: "2025-08-01", convenedBy: "region" },
        updatedAt: "2025-02-02T08:00:00.000Z",
        updatedBy: "t.bo",
      },
    });
    const withoutDate = aParticipant("b1", {
      plans: { crisisPlan: "yes", earlySignsPlan: "no", sip: { held: "no" } },
      leftTeamOn: "2025-06-30",
    });
    await storage.participants.create(withDate);
    await storage.participants.create(withoutDate);
    expect(await storage.participants.get("b1", withDate.id)).toMatchObject(withDate);
    const read = await storage.participants.get("b1", withoutDate.id);
    expect(read).toMatchObject(withoutDate);
    expect(read?.plans).toEqual({ crisisPlan: "yes", earlySignsPlan: "no", sip: { held: "no" } });
    expect(read).not.toHaveProperty("erasedAt");
    expect(await storage.participants.get("b1", "nobody")).toBeUndefined();
  });

  it("reads a row stored before plans could be set as plans not set, whatever its old false columns say", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const p = aParticipant("b1");
    const { plans: _plans, ...legacy } = participantMapping.toEntity(p) as Record<string, unknown>;
    // Every participant got sipInPlace/crisisPlan/earlySignsPlan false: nobody stated it (issue 24).
    await service.tables.participants.createEntity({
      ...(legacy as { partitionKey: string; rowKey: string }),
      sipInPlace: false,
      crisisPlan: false,
      earlySignsPlan: false,
    });
    expect((await storage.participants.get("b1", p.id))?.plans).toEqual({
      crisisPlan: "notSet",
      earlySignsPlan: "notSet",
      sip: { held: "notSet" },
    });
  });

  it("refuses a stale update and leaves the stored participant unchanged", async () => {
    const storage = await createTestStorage();
    const created = await storage.participants.create(aParticipant("b1"));
    const moved = await storage.participants.update({ ...created, onBoard: true }, { expectedEtag: created.etag });
    await expect(storage.participants.update({ ...created, initials: "ZZ" }, { expectedEtag: created.etag })).rejects.toBeInstanceOf(
      Conflict,
    );
    expect(await storage.participants.get("b1", created.id)).toEqual(moved);
  });

  it("lists those who left the team and are not erased yet", async () => {
    const storage = await createTestStorage();
    const staying = await storage.participants.create(aParticipant("b1"));
    const left = await storage.participants.create(aParticipant("b1", { leftTeamOn: "2024-01-31" }));
    const gone = await storage.participants.create(aParticipant("b1", { leftTeamOn: "2023-01-31", erasedAt: "2024-01-31T02:00:00.000Z" }));
    const ids = (await storage.participants.listLeftTeam("b1")).map((p) => p.id);
    expect(ids).toEqual([left.id]);
    expect(ids).not.toContain(staying.id);
    expect(ids).not.toContain(gone.id);
  });

  it("erases the details but keeps the id, organisations and dates", async () => {
    const storage = await createTestStorage();
    const p = await storage.participants.create(aParticipant("b1", { leftTeamOn: "2024-01-31" }));
    const erased = await storage.participants.erase("b1", p.id, { expectedEtag: p.etag, erasedAt: "2025-03-01T02:00:00.000Z" });
    const read = await storage.participants.get("b1", p.id);
    expect(read).toEqual(erased);
    expect(read).toMatchObject({
      id: p.id,
      code: "",
      initials: "",
      caseManagerId: "",
      organisationIds: p.organisationIds,
      leftTeamOn: "2024-01-31",
      erasedAt: "2025-03-01T02:00:00.000Z",
    });
    await expect(
      storage.participants.erase("b1", p.id, { expectedEtag: p.etag, erasedAt: "2025-03-02T02:00:00.000Z" }),
    ).rejects.toBeInstanceOf(Conflict);
  });

  it("deletes only with the current etag", async () => {
    const storage = await createTestStorage();
    const p = await storage.participants.create(aParticipant("b1"));
    const changed = await storage.participants.update({ ...p, initials: "CD" }, { expectedEtag: p.etag });
    await expect(storage.participants.delete("b1", p.id, { expectedEtag: p.etag })).rejects.toBeInstanceOf(Conflict);
    await storage.participants.delete("b1", p.id, { expectedEtag: changed.etag });
    expect(await storage.participants.get("b1", p.id)).toBeUndefined();
  });

  describe("past 1,000 entities", () => {
    const COUNT = 1100;
    let storage: Awaited<ReturnType<typeof createTestStorageWithTables>>["storage"];
    let expected: Participant[];

    beforeAll(async () => {
      const made = await createTestStorageWithTables();
      storage = made.storage;
      expected = Array.from({ length: COUNT }, (_, i) => aParticipant("big", { id: `p${String(i).padStart(5, "0")}` }));
      for (let i = 0; i < COUNT; i += 100) {
        const actions = expected.slice(i, i + 100).map((p): TransactionAction => ["create", participantMapping.toEntity(p)]);
        await made.service.tables.participants.submitTransaction(actions);
      }
    });

    it("lists them all by following the continuation token", async () => {
      const all = await storage.participants.listForBoard("big");
      expect(all).toHaveLength(COUNT);
      expect(new Set(all.map((p) => p.id)).size).toBe(COUNT);
    });

    it("pages through them with a cursor, no entity twice, none missing", async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await storage.participants.listPage("big", cursor ? { cursor, pageSize: 400 } : { pageSize: 400 });
        seen.push(...page.items.map((p) => p.id));
        cursor = page.cursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(expected.map((p) => p.id));
    });
  });
});
