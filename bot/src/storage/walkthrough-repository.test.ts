import { AlreadyExists, Conflict } from "../domain/errors";
import { applyWalkthroughEvent, recordOnWalkthrough, startWalkthrough } from "../domain/walkthrough";
import { createTestStorage, createTestStorageWithTables } from "./test-support";
import { walkthroughMapping } from "./walkthrough-entity";

const T0 = "2025-03-03T07:30:00.000Z";
const aWalkthrough = (date = "2025-03-03") =>
  startWalkthrough({ boardId: "b1", date, presenter: { memberId: "t.ada", organisationId: "region" }, order: ["p1", "p2"], now: T0 });

describe("walkthroughs", () => {
  it("keeps one walkthrough per board, day and meeting, and reads it back", async () => {
    const storage = await createTestStorage();
    const w = aWalkthrough();
    const saved = await storage.walkthroughs.create(w);
    expect(await storage.walkthroughs.get("b1", "2025-03-03", "all")).toEqual({ ...w, etag: saved.etag });
    expect(await storage.walkthroughs.get("b1", "2025-03-03", "meeting-2")).toBeUndefined();
    await expect(storage.walkthroughs.create({ ...w, presenterId: "t.hugo" })).rejects.toBeInstanceOf(AlreadyExists);
  });

  it("writes only with the ETag it read: of two presenters moving at once, one wins", async () => {
    const storage = await createTestStorage();
    const saved = await storage.walkthroughs.create(aWalkthrough());
    const moved = applyWalkthroughEvent(saved, { type: "moveTo", by: "t.ada", index: 1 }, "2025-03-03T07:31:00.000Z");
    const first = await storage.walkthroughs.save(moved, { expectedEtag: saved.etag });
    await expect(storage.walkthroughs.save(moved, { expectedEtag: saved.etag })).rejects.toBeInstanceOf(Conflict);
    expect((await storage.walkthroughs.get("b1", "2025-03-03", "all"))?.etag).toBe(first.etag);
  });

  it("finds the last walkthrough before a day, for the carry-over", async () => {
    const storage = await createTestStorage();
    await storage.walkthroughs.create(aWalkthrough("2025-02-27"));
    await storage.walkthroughs.create(aWalkthrough("2025-02-28"));
    await storage.walkthroughs.create(aWalkthrough("2025-03-03"));
    expect((await storage.walkthroughs.latestBetween("b1", "2025-02-17", "2025-03-03", "all"))?.date).toBe("2025-02-28");
    expect(await storage.walkthroughs.latestBetween("b1", "2025-02-17", "2025-02-27", "all")).toBeUndefined();
  });

  it("lists a day's walkthroughs, one per meeting, and no other day's", async () => {
    const storage = await createTestStorage();
    await storage.walkthroughs.create(aWalkthrough("2025-03-03"));
    await storage.walkthroughs.create({ ...aWalkthrough("2025-03-03"), meetingId: "norrby" });
    await storage.walkthroughs.create(aWalkthrough("2025-03-04"));
    const listed = await storage.walkthroughs.listOn("b1", "2025-03-03");
    expect(listed.map((w) => w.meetingId).sort()).toEqual(["all", "norrby"]);
    expect(await storage.walkthroughs.listOn("b1", "2025-03-05")).toEqual([]);
  });

  it("keeps the ids of the actions agreed, and still writes their count for a reader of the earlier shape", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const saved = await storage.walkthroughs.create(
      recordOnWalkthrough(aWalkthrough(), { type: "actionAgreed", participantId: "p1", actionId: "a1" }),
    );
    expect((await storage.walkthroughs.get("b1", "2025-03-03", "all"))?.agreedActionIds).toEqual(["a1"]);
    const row = await service.tables.walkthroughs.getEntity<{ actionsAgreed: number }>(saved.boardId, "2025-03-03_all");
    expect(row.actionsAgreed).toBe(1);
  });

  it("reads a row written before actions were counted by id as none agreed yet", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const { agreedActionIds: _ids, ...earlier } = walkthroughMapping.toEntity(aWalkthrough("2025-03-06"));
    await service.tables.walkthroughs.createEntity({ ...earlier, actionsAgreed: 2 });
    expect((await storage.walkthroughs.get("b1", "2025-03-06", "all"))?.agreedActionIds).toEqual([]);
  });
});
