import { Conflict } from "../domain/errors";
import { aSignal, createTestStorage } from "./test-support";

describe("signals", () => {
  it("lists the open and acknowledged ones, not the resolved or declined", async () => {
    const storage = await createTestStorage();
    const open = await storage.signals.create(aSignal("b1", "p1", { state: "open" }));
    const acked = await storage.signals.create(
      aSignal("b1", "p2", { state: "acknowledged", acknowledgedBy: "t.m", acknowledgedAt: "2025-03-03T10:00:00.000Z" }),
    );
    await storage.signals.create(aSignal("b1", "p1", { state: "resolved", resolvedBy: "t.m", resolvedAt: "2025-03-04T10:00:00.000Z" }));
    await storage.signals.create(
      aSignal("b1", "p3", {
        state: "declined",
        declinedBy: "t.m",
        declinedAt: "2025-03-04T10:00:00.000Z",
        declineReason: "Redan åtgärdat",
      }),
    );
    await storage.signals.create(aSignal("b2", "p1", { state: "open" }));
    const ids = (await storage.signals.listOpen("b1")).map((e) => e.id).sort();
    expect(ids).toEqual([open.id, acked.id].sort());
    expect(await storage.signals.get("b1", acked.id)).toEqual(acked);
    expect(await storage.signals.get("b1", "nosuch")).toBeUndefined();
  });

  it("lists one participant's signals, with filter values escaped", async () => {
    const storage = await createTestStorage();
    await storage.signals.create(aSignal("b1", "p1"));
    await storage.signals.create(aSignal("b1", "p1", { state: "resolved" }));
    await storage.signals.create(aSignal("b1", "p2"));
    const tricky = await storage.signals.create(aSignal("b1", "o'brien' or participantId ne '"));
    expect(await storage.signals.listForParticipant("b1", "p1")).toHaveLength(2);
    expect((await storage.signals.listForParticipant("b1", "o'brien' or participantId ne '")).map((e) => e.id)).toEqual([tricky.id]);
  });

  it("acknowledges with the current etag; a stale one is a Conflict and nothing changes", async () => {
    const storage = await createTestStorage();
    const raised = await storage.signals.create(aSignal("b1", "p1"));
    const acked = await storage.signals.update({ ...raised, state: "acknowledged", acknowledgedBy: "t.a" }, { expectedEtag: raised.etag });
    await expect(
      storage.signals.update({ ...raised, state: "declined", declineReason: "x" }, { expectedEtag: raised.etag }),
    ).rejects.toBeInstanceOf(Conflict);
    expect(await storage.signals.get("b1", raised.id)).toEqual(acked);
  });
});
