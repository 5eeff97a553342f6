import { Conflict, Invalid } from "../domain/errors";
import { aCheckIn, createTestStorage } from "./test-support";

describe("check-ins", () => {
  it("records the day's check-in and reads it back", async () => {
    const storage = await createTestStorage();
    const checkIn = aCheckIn("b1", "2025-03-03");
    const saved = await storage.checkIns.save(checkIn);
    expect(await storage.checkIns.get("b1", "2025-03-03")).toEqual({ ...checkIn, etag: saved.etag });
    expect(await storage.checkIns.get("b1", "2025-03-04")).toBeUndefined();
  });

  it("refuses a second, different first record of the same day; updates need the etag", async () => {
    const storage = await createTestStorage();
    const saved = await storage.checkIns.save(aCheckIn("b1", "2025-03-03"));
    const err = await storage.checkIns.save(aCheckIn("b1", "2025-03-03", { actionsAgreed: 9 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect((err as Conflict).current).toEqual(saved);
    const more = await storage.checkIns.save({ ...saved, actionsAgreed: 5 }, { expectedEtag: saved.etag });
    await expect(storage.checkIns.save({ ...saved, actionsAgreed: 6 }, { expectedEtag: saved.etag })).rejects.toBeInstanceOf(Conflict);
    expect(await storage.checkIns.get("b1", "2025-03-03")).toEqual(more);
  });

  it("lists the check-ins of a date range, both ends included, oldest first", async () => {
    const storage = await createTestStorage();
    for (const d of ["2025-02-28", "2025-03-03", "2025-03-04", "2025-03-05", "2025-03-10"]) await storage.checkIns.save(aCheckIn("b1", d));
    await storage.checkIns.save(aCheckIn("b2", "2025-03-04"));
    const dates = (await storage.checkIns.listBetween("b1", "2025-03-03", "2025-03-05")).map((c) => c.date);
    expect(dates).toEqual(["2025-03-03", "2025-03-04", "2025-03-05"]);
    await expect(storage.checkIns.listBetween("b1", "2025-3-3", "2025-03-05")).rejects.toBeInstanceOf(Invalid);
  });
});
