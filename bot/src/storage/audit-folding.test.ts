import type { AuditEvent } from "../domain/types";
import { storageOver } from "./table-service";
import { anAuditEvent, createTestStorageWithTables } from "./test-support";

// Identical views by one person in one 15-minute window are one row with a count (docs/privacy.md#the-access-log-loggkontroll).

const at = (hhmmss: string) => `2025-03-03T${hhmmss}.000Z`;
const march = { fromMonth: "2025-03", toMonth: "2025-03" };

async function rowsOf(
  storage: Awaited<ReturnType<typeof createTestStorageWithTables>>["storage"],
  participantId = "p1",
): Promise<AuditEvent[]> {
  return storage.audit.listForParticipant("b1", participantId, march);
}

describe("folding repeated views in the access log", () => {
  it("six refreshes a minute for ten minutes are one row: count 60, first and last time", async () => {
    const { storage } = await createTestStorageWithTables();
    for (let i = 0; i < 60; i++) {
      const s = 10 * i;
      await storage.audit.append([
        anAuditEvent("b1", { at: at(`08:${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`) }),
      ]);
    }
    const rows = await rowsOf(storage);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      at: at("08:00:00"),
      lastAt: at("08:09:50"),
      count: 60,
      what: "viewedDetails",
      channel: "tab",
      participantCode: "HBG-017",
    });
    expect(rows[0]!.actor).toEqual(anAuditEvent("b1").actor);
  });

  it("identical views in one call fold too", async () => {
    const { storage } = await createTestStorageWithTables();
    await storage.audit.append([
      anAuditEvent("b1", { at: at("08:01:00") }),
      anAuditEvent("b1", { at: at("08:00:30") }),
      anAuditEvent("b1", { at: at("08:02:00") }),
    ]);
    expect(await rowsOf(storage)).toEqual([expect.objectContaining({ at: at("08:00:30"), lastAt: at("08:02:00"), count: 3 })]);
  });

  it("another participant, kind, channel, person or outcome, or the next window, is a row of its own", async () => {
    const { storage } = await createTestStorageWithTables();
    const base = anAuditEvent("b1", { at: at("08:00:00") });
    await storage.audit.append([base]);
    await storage.audit.append([
      { ...base, at: at("08:05:00") }, // folds
      { ...base, at: at("08:06:00"), participantId: "p2", participantCode: "HBG-018" },
      { ...base, at: at("08:07:00"), what: "viewedHistory" },
      { ...base, at: at("08:08:00"), channel: "bot" },
      { ...base, at: at("08:09:00"), outcome: "denied" },
      { ...base, at: at("08:10:00"), actor: { ...base.actor, objectId: "sw2" } },
      { ...base, at: at("08:11:00"), actor: { ...base.actor, role: "coordinator" } },
      { ...base, at: at("08:15:00") }, // the next window
    ]);
    const p1 = await rowsOf(storage);
    expect(p1.map((e) => [e.what, e.channel, e.outcome, e.actor.objectId, e.actor.role, e.at, e.count]).sort()).toEqual(
      [
        ["viewedDetails", "tab", "allowed", "sw1", "staff", at("08:00:00"), 2],
        ["viewedHistory", "tab", "allowed", "sw1", "staff", at("08:07:00"), 1],
        ["viewedDetails", "bot", "allowed", "sw1", "staff", at("08:08:00"), 1],
        ["viewedDetails", "tab", "denied", "sw1", "staff", at("08:09:00"), 1],
        ["viewedDetails", "tab", "allowed", "sw2", "staff", at("08:10:00"), 1],
        ["viewedDetails", "tab", "allowed", "sw1", "coordinator", at("08:11:00"), 1],
        ["viewedDetails", "tab", "allowed", "sw1", "staff", at("08:15:00"), 1],
      ].sort(),
    );
    expect(await rowsOf(storage, "p2")).toHaveLength(1);
    // The window after is listed first: newest first still holds between windows.
    expect(p1[0]!.at).toBe(at("08:15:00"));
  });

  it("changes never fold", async () => {
    const { storage } = await createTestStorageWithTables();
    const change = anAuditEvent("b1", { what: "changed", at: at("08:00:00") });
    await storage.audit.append([change]);
    await storage.audit.append([{ ...change, at: at("08:00:01") }]);
    const rows = await rowsOf(storage);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.count === undefined)).toBe(true);
  });

  it("loses no view when two instances log the same board view at once (ETags, retried)", async () => {
    const { storage } = await createTestStorageWithTables();
    // Eight board views in flight at once: each reads the rows, and all but one find their ETags stale.
    const view = (second: number) =>
      Array.from({ length: 30 }, (_, i) =>
        anAuditEvent("b1", { participantId: `p${i}`, participantCode: `HBG-${i}`, at: at(`08:00:${String(second).padStart(2, "0")}`) }),
      );
    await Promise.all(Array.from({ length: 8 }, (_, i) => storage.audit.append(view(i))));
    for (const pid of ["p0", "p17", "p29"]) {
      const rows = await rowsOf(storage, pid);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ count: 8, at: at("08:00:00"), lastAt: at("08:00:07") });
    }
  });

  it("a board view of 150 participants is one query and two transactions; a repeat raises every count", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const submit = jest.spyOn(service.tables.auditLog, "submitTransaction");
    const view = Array.from({ length: 150 }, (_, i) => anAuditEvent("b1", { participantId: `p${i}`, participantCode: `HBG-${i}` }));
    await storage.audit.append(view);
    await storage.audit.append(view.map((e) => ({ ...e, at: at("08:00:10") })));
    expect(submit).toHaveBeenCalledTimes(4);
    const p149 = await rowsOf(storage, "p149");
    expect(p149).toEqual([expect.objectContaining({ count: 2, lastAt: at("08:00:10") })]);
  });

  it("a live refresh in the same process is one transaction and no read", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const view = (time: string) =>
      Array.from({ length: 40 }, (_, i) => anAuditEvent("b1", { participantId: `p${i}`, participantCode: `HBG-${i}`, at: at(time) }));
    await storage.audit.append(view("08:00:00"));
    const submit = jest.spyOn(service.tables.auditLog, "submitTransaction");
    const read = jest.spyOn(service.tables.auditLog, "listEntities");
    await storage.audit.append(view("08:00:10"));
    await storage.audit.append(view("08:00:20"));
    expect(submit).toHaveBeenCalledTimes(2);
    expect(read).not.toHaveBeenCalled();
    expect(await rowsOf(storage, "p39")).toEqual([expect.objectContaining({ count: 3, lastAt: at("08:00:20") })]);
  });

  it("two server instances folding the same views lose nothing: a stale ETag is read again and retried", async () => {
    const { storage: a, service } = await createTestStorageWithTables();
    const b = storageOver(service); // another process over the same tables, with nothing remembered
    const view = (time: string) => [anAuditEvent("b1", { at: at(time) })];
    await a.audit.append(view("08:00:00"));
    await b.audit.append(view("08:00:10")); // its create meets the row: read, then raise
    await a.audit.append(view("08:00:20")); // its remembered ETag is stale now: read, then raise
    await Promise.all([a.audit.append(view("08:00:30")), b.audit.append(view("08:00:40")), a.audit.append(view("08:00:50"))]);
    expect(await rowsOf(a)).toEqual([expect.objectContaining({ count: 6, at: at("08:00:00"), lastAt: at("08:00:50") })]);
  });
});
