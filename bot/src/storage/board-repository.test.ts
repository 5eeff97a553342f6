import { AlreadyExists, Conflict, Invalid } from "../domain/errors";
import { StoredEntityInvalid } from "./storage-errors";
import { aBoard, aMember, anOrganisation, createTestStorage, createTestStorageWithTables } from "./test-support";

describe("boards", () => {
  it("stores a board and reads it back with an etag", async () => {
    const storage = await createTestStorage();
    const board = aBoard();
    const created = await storage.boards.create(board);
    expect(created.etag).toEqual(expect.any(String));
    const read = await storage.boards.get(board.id);
    expect(read).toEqual({ ...board, etag: created.etag });
  });

  it("reads an unknown board as undefined", async () => {
    const storage = await createTestStorage();
    await expect(storage.boards.get("nosuchboard")).resolves.toBeUndefined();
  });

  it("lists every board", async () => {
    const storage = await createTestStorage();
    const [a, b] = [aBoard({ name: "Allmänpsykiatri" }), aBoard({ name: "Beroende" })];
    await Promise.all([storage.boards.create(a), storage.boards.create(b)]);
    const names = (await storage.boards.list()).map((x) => x.name).sort();
    expect(names).toEqual(["Allmänpsykiatri", "Beroende"]);
  });

  it("treats a repeated identical create as success and a different one as AlreadyExists", async () => {
    const storage = await createTestStorage();
    const board = aBoard();
    const first = await storage.boards.create(board);
    await expect(storage.boards.create({ ...board })).resolves.toEqual(first);
    await expect(storage.boards.create({ ...board, name: "Another team" })).rejects.toBeInstanceOf(AlreadyExists);
    expect((await storage.boards.get(board.id))?.name).toBe(board.name);
  });

  it("refuses ids that cannot be keys", async () => {
    const storage = await createTestStorage();
    await expect(storage.boards.create(aBoard({ id: "a/b" }))).rejects.toBeInstanceOf(Invalid);
    await expect(storage.boards.create(aBoard({ id: "a_b" }))).rejects.toBeInstanceOf(Invalid);
  });

  it("refuses to hand out a stored entity that does not match its schema", async () => {
    const { storage, service } = await createTestStorageWithTables();
    await service.tables.boards.createEntity({
      partitionKey: "board",
      rowKey: "broken",
      name: "x",
      caseload: -1,
      allowedTenantIds: "[]",
      createdAt: "2025-01-01T00:00:00Z",
    });
    await expect(storage.boards.get("broken")).rejects.toBeInstanceOf(StoredEntityInvalid);
  });
});

describe("organisations", () => {
  it("lists the organisations of one board only", async () => {
    const storage = await createTestStorage();
    const region = anOrganisation("b1", { name: "Region" });
    const kommun = anOrganisation("b1", { name: "Socialförvaltningen", kind: "municipalSocialServices" });
    await Promise.all([
      storage.organisations.create(region),
      storage.organisations.create(kommun),
      storage.organisations.create(anOrganisation("b2")),
    ]);
    const listed = await storage.organisations.listForBoard("b1");
    expect(listed.map((o) => o.name).sort()).toEqual(["Region", "Socialförvaltningen"]);
    expect(await storage.organisations.get("b1", region.id)).toMatchObject(region);
    expect(await storage.organisations.get("b2", region.id)).toBeUndefined();
  });
});

describe("members", () => {
  it("finds the boards a person belongs to through the MemberBoards index", async () => {
    const storage = await createTestStorage();
    const onB1 = aMember("b1", { tenantId: "t1", objectId: "o1" });
    const onB2 = aMember("b2", { tenantId: "t1", objectId: "o1" });
    await storage.members.create(onB1);
    await storage.members.create(onB2);
    await storage.members.create(aMember("b1"));
    expect((await storage.members.boardsOf("t1.o1")).sort()).toEqual(["b1", "b2"]);
    expect(await storage.members.boardsOf("t1.nobody")).toEqual([]);
    expect(await storage.members.get("b1", "t1.o1")).toMatchObject(onB1);
    expect(await storage.members.listForBoard("b1")).toHaveLength(2);
  });

  it("completes a half-done create on retry (member stored, index missing)", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const member = aMember("b1");
    await storage.members.create(member);
    await service.tables.memberBoards.deleteEntity(member.id, "b1");
    await storage.members.create(member);
    expect(await storage.members.boardsOf(member.id)).toEqual(["b1"]);
  });

  it("refuses an update made on a stale etag and keeps the stored member", async () => {
    const storage = await createTestStorage();
    const created = await storage.members.create(aMember("b1", { substituteIds: [] }));
    const updated = await storage.members.update({ ...created, substituteIds: ["t.sub1"] }, { expectedEtag: created.etag });
    expect(updated.substituteIds).toEqual(["t.sub1"]);
    const stale = await storage.members.update({ ...created, role: "manager" }, { expectedEtag: created.etag }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(Conflict);
    expect((stale as Conflict).current).toEqual(updated);
    expect(await storage.members.get("b1", created.id)).toEqual(updated);
  });
});
