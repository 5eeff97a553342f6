import { DecodedVersions, RETAIN_MS } from "./decoded-versions";
import type { RawEntity } from "./entity-support";
import { participantKeys } from "./participant-entity";
import { StoredEntityInvalid } from "./storage-errors";
import { aParticipant, createTestStorageWithTables } from "./test-support";

const raw = (rowKey: string, etag: string, value: number): RawEntity => ({ partitionKey: "p", rowKey, etag, value });

describe("decoded versions", () => {
  it("decodes a version once, and again when the ETag changes", () => {
    const versions = new DecodedVersions<{ value: number }>();
    const parse = jest.fn((r: RawEntity) => ({ value: Number(r.value) }));
    const first = versions.decode(raw("a", "e1", 1), parse);
    expect(versions.decode(raw("a", "e1", 1), parse)).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(versions.decode(raw("a", "e2", 2), parse)).toEqual({ value: 2 });
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it("shares decoded values frozen all the way down, so no request can change another's", () => {
    const versions = new DecodedVersions<{ list: string[]; inner: { n: number } }>();
    const shared = versions.decode(raw("a", "e1", 1), () => ({ list: ["x"], inner: { n: 1 } }));
    expect(() => shared.list.push("y")).toThrow(TypeError);
    expect(() => {
      shared.inner.n = 2;
    }).toThrow(TypeError);
    expect(shared).toEqual({ list: ["x"], inner: { n: 1 } });
  });

  it("decodes every time what has no ETag, and forgets the oldest versions beyond its capacity", () => {
    const versions = new DecodedVersions<{ value: number }>(2);
    const parse = jest.fn((r: RawEntity) => ({ value: Number(r.value) }));
    versions.decode(raw("n", "", 1), parse);
    versions.decode(raw("n", "", 1), parse);
    expect(parse).toHaveBeenCalledTimes(2);
    for (const k of ["a", "b", "c"]) versions.decode(raw(k, "e", 1), parse);
    versions.decode(raw("a", "e", 1), parse); // forgotten: decoded again
    versions.decode(raw("c", "e", 1), parse); // kept
    expect(parse).toHaveBeenCalledTimes(6);
  });

  it("keeps nothing storage stopped returning: a version unread for ten minutes goes at the next sweep, a deleted one at once", () => {
    let now = 0;
    const versions = new DecodedVersions<{ value: number }>(100, () => now);
    const parse = jest.fn((r: RawEntity) => ({ value: Number(r.value) }));
    versions.decode(raw("read-again", "e", 1), parse);
    versions.decode(raw("not-read-again", "e", 1), parse);
    versions.decode(raw("deleted", "e", 1), parse);
    versions.forget("p", "deleted");
    now = RETAIN_MS - 1;
    versions.decode(raw("read-again", "e", 1), parse);
    now = RETAIN_MS + 1;
    versions.sweep();
    expect(parse).toHaveBeenCalledTimes(3);
    versions.decode(raw("read-again", "e", 1), parse); // kept: storage returned it within the window
    expect(parse).toHaveBeenCalledTimes(3);
    versions.decode(raw("not-read-again", "e", 1), parse);
    versions.decode(raw("deleted", "e", 1), parse);
    expect(parse).toHaveBeenCalledTimes(5);
  });

  it("validates a new stored version even after a valid one was read (Azurite)", async () => {
    const { storage, service } = await createTestStorageWithTables();
    const p = await storage.participants.create(aParticipant("b1"));
    expect(await storage.participants.get("b1", p.id)).toMatchObject({ id: p.id, initials: p.initials });
    expect((await storage.participants.listForBoard("b1")).map((x) => x.id)).toEqual([p.id]);
    // Written past the repository: the new version breaks the schema and must not be served.
    const k = participantKeys("b1", p.id);
    await service.tables.participants.updateEntity({ ...k, initials: 42 }, "Merge");
    await expect(storage.participants.get("b1", p.id)).rejects.toBeInstanceOf(StoredEntityInvalid);
    await expect(storage.participants.listForBoard("b1")).rejects.toBeInstanceOf(StoredEntityInvalid);
  });

  it("serves a changed entity as changed: what storage returns decides (Azurite)", async () => {
    const { storage } = await createTestStorageWithTables();
    const created = await storage.participants.create(aParticipant("b1"));
    const before = await storage.participants.get("b1", created.id);
    const updated = await storage.participants.update({ ...created, initials: "QZ" }, { expectedEtag: created.etag });
    const after = await storage.participants.get("b1", created.id);
    expect(before?.initials).toBe(created.initials);
    expect(after).toEqual(updated);
    expect((await storage.participants.listForBoard("b1"))[0]?.initials).toBe("QZ");
  });
});
