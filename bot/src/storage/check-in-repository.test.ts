import { Conflict, Invalid } from "../domain/errors";
import { checkInKeys, checkInMapping } from "./check-in-entity";
import { aCheckIn, createTestStorage, createTestStorageWithTables } from "./test-support";

describe("check-ins", () => {
  it("records the day's check-in and reads it back", async () => {
    const storage = await createTestStorage();
    const checkIn = aCheckIn("b1", "2025-03-03");
    const saved = await storage.checkIns.save(checkIn);
    expect(await storage.checkIns.get("b1", "2025-03-03", "all")).toEqual({ ...checkIn, etag: saved.etag });
    expect(await storage.checkIns.get("b1", "2025-03-04", "all")).toBeUndefined();
  });

  it("refuses a second, different first record of the same day; updates need the etag", async () => {
    const storage = await createTestStorage();
    const saved = await storage.checkIns.save(aCheckIn("b1", "2025-03-03"));
    const err = await storage.checkIns.save(aCheckIn("b1", "2025-03-03", { actionsAgreed: 9 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect((err as Conflict).current).toEqual(saved);
    const more = await storage.checkIns.save({ ...saved, actionsAgreed: 5 }, { expectedEtag: saved.etag });
    await expect(storage.checkIns.save({ ...saved, actionsAgreed: 6 }, { expectedEtag: saved.etag })).rejects.toBeInstanceOf(Conflict);
    expect(await storage.checkIns.get("b1", "2025-03-03", "all")).toEqual(more);
  });

  it("lists the check-ins of a date range, both ends included, oldest first", async () => {
    const storage = await createTestStorage();
    for (const d of ["2025-02-28", "2025-03-03", "2025-03-04", "2025-03-05", "2025-03-10"]) await storage.checkIns.save(aCheckIn("b1", d));
    await storage.checkIns.save(aCheckIn("b2", "2025-03-04"));
    const dates = (await storage.checkIns.listBetween("b1", "2025-03-03", "2025-03-05")).map((c) => c.date);
    expect(dates).toEqual(["2025-03-03", "2025-03-04", "2025-03-05"]);
    await expect(storage.checkIns.listBetween("b1", "2025-3-3", "2025-03-05")).rejects.toBeInstanceOf(Invalid);
  });

  it("keeps two meetings of the same day apart, and lists both with the day", async () => {
    const storage = await createTestStorage();
    await storage.checkIns.save(aCheckIn("b1", "2025-03-04", { meetingId: "norrby", actionsAgreed: 1 }));
    await storage.checkIns.save(aCheckIn("b1", "2025-03-04", { meetingId: "sodervik", actionsAgreed: 2 }));
    await storage.checkIns.save(aCheckIn("b1", "2025-03-05", { meetingId: "norrby" }));
    expect((await storage.checkIns.get("b1", "2025-03-04", "norrby"))?.actionsAgreed).toBe(1);
    expect((await storage.checkIns.get("b1", "2025-03-04", "sodervik"))?.actionsAgreed).toBe(2);
    expect(await storage.checkIns.get("b1", "2025-03-04", "all")).toBeUndefined();
    const listed = await storage.checkIns.listBetween("b1", "2025-03-04", "2025-03-04");
    expect(listed.map((c) => c.meetingId)).toEqual(["norrby", "sodervik"]);
  });

  it("reads a row stored before meetings existed (RowKey the date alone) as the implicit meeting's", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const legacy = checkInMapping.toEntity(aCheckIn("b1", "2025-03-03"));
    expect(checkInKeys("b1", "2025-03-03", "all").rowKey).toBe("2025-03-03");
    await service.tables.checkIns.createEntity({ ...legacy, partitionKey: "b1", rowKey: "2025-03-03" });
    expect(await storage.checkIns.get("b1", "2025-03-03", "all")).toMatchObject({ date: "2025-03-03", meetingId: "all", actionsAgreed: 3 });
    expect((await storage.checkIns.listBetween("b1", "2025-03-01", "2025-03-31")).map((c) => [c.date, c.meetingId])).toEqual([
      ["2025-03-03", "all"],
    ]);
  });
});
