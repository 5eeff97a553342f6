import { Invalid } from "../domain/errors";
import type { AuditEvent } from "../domain/types";
import { auditMapping } from "./audit-entity";
import { createTableService } from "./table-clients";
import { storageOver } from "./table-service";
import { anAuditEvent, createTestStorageWithTables, testStorageOptions } from "./test-support";

const minutesAfter = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * 60_000).toISOString();

describe("the audit log", () => {
  it("writes a board view of 30 participants in one transaction", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const submit = jest.spyOn(service.tables.auditLog, "submitTransaction");
    const create = jest.spyOn(service.tables.auditLog, "createEntity");
    const view = Array.from({ length: 30 }, (_, i) => anAuditEvent("b1", { participantId: `p${i}`, participantCode: `HBG-${i}` }));
    await storage.audit.append(view);
    expect(submit).toHaveBeenCalledTimes(1);
    expect(create).not.toHaveBeenCalled();
    const p7 = await storage.audit.listForParticipant("b1", "p7", { fromMonth: "2025-03", toMonth: "2025-03" });
    expect(p7).toEqual([{ ...view[7], count: 1, lastAt: view[7]!.at }]);
  });

  it("batches by month partition and by 100", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const submit = jest.spyOn(service.tables.auditLog, "submitTransaction");
    // Changes: each one is a row of its own.
    const march = Array.from({ length: 250 }, (_, i) =>
      anAuditEvent("b1", { what: "changed", at: minutesAfter("2025-03-01T00:00:00.000Z", i) }),
    );
    const april = Array.from({ length: 20 }, (_, i) =>
      anAuditEvent("b1", { what: "changed", at: minutesAfter("2025-04-02T00:00:00.000Z", i) }),
    );
    await storage.audit.append([...march, ...april]);
    // 100 + 100 + 50 in March, 20 in April: four transactions, each within one partition.
    expect(submit).toHaveBeenCalledTimes(4);
    expect(submit.mock.calls.map(([actions]) => actions.length).sort((a, b) => a - b)).toEqual([20, 50, 100, 100]);
    for (const [actions] of submit.mock.calls) expect(new Set(actions.map(([, e]) => e.partitionKey)).size).toBe(1);

    const all = await storage.audit.listForParticipant("b1", "p1", { fromMonth: "2025-02", toMonth: "2025-04" });
    expect(all).toHaveLength(270);
    // Newest first, across months.
    const times = all.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("throws when the write fails: access that cannot be logged must not be served", async () => {
    const storage = storageOver(createTableService(testStorageOptions())); // tables never created
    await expect(storage.audit.append([anAuditEvent("b1")])).rejects.toMatchObject({ statusCode: 404 });
  });

  it("reviews one member's access, separately from other members and boards", async () => {
    const { storage } = await createTestStorageWithTables();
    const mine = anAuditEvent("b1", { actor: { tenantId: "tk", objectId: "me", organisationId: "org-kommun", role: "staff" } });
    const other = anAuditEvent("b1", { actor: { tenantId: "tk", objectId: "you", organisationId: "org-kommun", role: "staff" } });
    const elsewhere = anAuditEvent("b2", { actor: mine.actor });
    await storage.audit.append([mine, other, elsewhere]);
    expect(await storage.audit.listForMember("b1", "tk", "me", { fromMonth: "2025-01", toMonth: "2025-12" })).toEqual([
      { ...mine, count: 1, lastAt: mine.at },
    ]);
  });

  it("keeps two changes of the same millisecond apart", async () => {
    const { storage } = await createTestStorageWithTables();
    const same = anAuditEvent("b1", { what: "changed" });
    await storage.audit.append([same, { ...same }]);
    expect(await storage.audit.listForParticipant("b1", same.participantId, { fromMonth: "2025-03", toMonth: "2025-03" })).toHaveLength(2);
  });

  it("pages across months with a cursor, newest first, none missing", async () => {
    const { storage } = await createTestStorageWithTables();
    const events: AuditEvent[] = [
      ...Array.from({ length: 5 }, (_, i) => anAuditEvent("b1", { what: "changed", at: minutesAfter("2025-01-10T08:00:00.000Z", i) })),
      ...Array.from({ length: 3 }, (_, i) => anAuditEvent("b1", { what: "changed", at: minutesAfter("2025-03-10T08:00:00.000Z", i) })),
    ];
    await storage.audit.append(events);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await storage.audit.listPageForParticipant("b1", "p1", {
        fromMonth: "2025-01",
        toMonth: "2025-03",
        pageSize: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((e) => e.at));
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(
      events
        .map((e) => e.at)
        .sort()
        .reverse(),
    );
    await expect(
      storage.audit.listPageForParticipant("b1", "p1", { fromMonth: "2025-01", toMonth: "2025-03", cursor: "garbage" }),
    ).rejects.toBeInstanceOf(Invalid);
  });

  it("refuses malformed or reversed month ranges", async () => {
    const { storage } = await createTestStorageWithTables();
    await expect(storage.audit.listForParticipant("b1", "p1", { fromMonth: "2025-13", toMonth: "2025-12" })).rejects.toBeInstanceOf(
      Invalid,
    );
    await expect(storage.audit.listForParticipant("b1", "p1", { fromMonth: "2025-05", toMonth: "2025-04" })).rejects.toBeInstanceOf(
      Invalid,
    );
  });

  it("reads records written before signals were called signals in today's words", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const raised = anAuditEvent("b1", { what: "signalRaised", participantId: "p9" });
    // What the log holds from then: the same row, with the older word.
    await service.tables.auditLog.createEntity({ ...auditMapping.toEntity(raised), what: "escalationRaised" });
    const answered = anAuditEvent("b1", { what: "signalAnswered", participantId: "p9", at: minutesAfter(raised.at, 5) });
    await service.tables.auditLog.createEntity({ ...auditMapping.toEntity(answered), what: "escalationAnswered" });
    const read = await storage.audit.listForParticipant("b1", "p9", { fromMonth: "2025-01", toMonth: "2025-12" });
    expect(read.map((e) => e.what).sort()).toEqual(["signalAnswered", "signalRaised"]);
  });
});
