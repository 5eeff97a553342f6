import { AlreadyExists } from "../domain/errors";
import { aMember, createTestStorage } from "./test-support";

// A person signing in with a guest account in the hosting tenant, or with their home tenant in a
// shared channel, is one member: the member id stays the primary identity's.
describe("members with more than one sign-in identity", () => {
  const home = { tenantId: "tenant-kommun", objectId: "oid-home" };
  const guest = { tenantId: "tenant-region", objectId: "oid-guest" };

  it("finds the member by any of its identities, and only on its own board", async () => {
    const storage = await createTestStorage();
    const member = await storage.members.create(aMember("b1", { ...home, id: "tenant-kommun.oid-home", identities: [guest] }));
    await expect(storage.members.findBySignIn("b1", home)).resolves.toMatchObject({ id: member.id, identities: [guest] });
    await expect(storage.members.findBySignIn("b1", guest)).resolves.toMatchObject({ id: member.id });
    await expect(storage.members.findBySignIn("b2", guest)).resolves.toBeUndefined();
    await expect(storage.members.findBySignIn("b1", { tenantId: "tenant-region", objectId: "someone-else" })).resolves.toBeUndefined();
  });

  it("lists the boards of each identity with the member it signs in as", async () => {
    const storage = await createTestStorage();
    await storage.members.create(aMember("b1", { ...home, id: "tenant-kommun.oid-home", identities: [guest] }));
    await storage.members.create(aMember("b2", { ...home, id: "tenant-kommun.oid-home" }));
    expect(await storage.members.boardsOfSignIn(guest)).toEqual([{ boardId: "b1", memberId: "tenant-kommun.oid-home" }]);
    const ofHome = await storage.members.boardsOfSignIn(home);
    expect(ofHome.map((b) => b.boardId).sort()).toEqual(["b1", "b2"]);
    // The bot edge asks by member id: a further identity does not make a board the guest's own.
    expect((await storage.members.boardsOf("tenant-kommun.oid-home")).sort()).toEqual(["b1", "b2"]);
    expect(await storage.members.boardsOf("tenant-region.oid-guest")).toEqual([]);
  });

  it("adds an identity on update, and refuses one that already signs in as another member", async () => {
    const storage = await createTestStorage();
    const member = await storage.members.create(aMember("b1", { ...home, id: "tenant-kommun.oid-home" }));
    const other = await storage.members.create(aMember("b1", { ...guest, id: "tenant-region.oid-guest" }));
    await expect(storage.members.update({ ...member, identities: [guest] }, { expectedEtag: member.etag })).rejects.toBeInstanceOf(
      AlreadyExists,
    );
    expect((await storage.members.get("b1", member.id))?.identities).toBeUndefined();
    await expect(storage.members.findBySignIn("b1", guest)).resolves.toMatchObject({ id: other.id });

    const third = { tenantId: "tenant-region", objectId: "oid-second-guest" };
    await storage.members.update({ ...member, identities: [third] }, { expectedEtag: member.etag });
    await expect(storage.members.findBySignIn("b1", third)).resolves.toMatchObject({ id: member.id });
  });
});

// Issue 29: demoting an admin holds only while the other admins are as read, so two admins who
// demote each other at the same moment cannot leave the board without one.
describe("a write that must find other members unchanged", () => {
  it("is refused as a whole when one of them changed since it was read, and changes nothing", async () => {
    const storage = await createTestStorage();
    const a = await storage.members.create(aMember("b1", { id: "t.a", tenantId: "t", objectId: "a", role: "admin" }));
    const b = await storage.members.create(aMember("b1", { id: "t.b", tenantId: "t", objectId: "b", role: "admin" }));
    // b demotes a, having read b as admin; meanwhile a demoted b.
    await storage.members.update({ ...b, role: "manager" }, { expectedEtag: b.etag, unchanged: [a] });
    await expect(storage.members.update({ ...a, role: "manager" }, { expectedEtag: a.etag, unchanged: [b] })).rejects.toMatchObject({
      code: "Conflict",
    });
    expect((await storage.members.get("b1", a.id))?.role).toBe("admin");
    expect((await storage.members.get("b1", b.id))?.role).toBe("manager");
  });

  it("touches the members it names, so their ETags change (a second such write naming them fails too)", async () => {
    const storage = await createTestStorage();
    const a = await storage.members.create(aMember("b1", { id: "t.a", tenantId: "t", objectId: "a", role: "admin" }));
    const b = await storage.members.create(aMember("b1", { id: "t.b", tenantId: "t", objectId: "b", role: "admin" }));
    const c = await storage.members.create(aMember("b1", { id: "t.c", tenantId: "t", objectId: "c", role: "admin" }));
    const saved = await storage.members.update({ ...a, displayName: "A" }, { expectedEtag: a.etag, unchanged: [b] });
    expect(saved.etag).not.toBe(a.etag);
    expect((await storage.members.get("b1", b.id))?.etag).not.toBe(b.etag);
    await expect(storage.members.update({ ...c, role: "staff" }, { expectedEtag: c.etag, unchanged: [b] })).rejects.toMatchObject({
      code: "Conflict",
    });
    // Nothing else about b changed.
    expect(await storage.members.get("b1", b.id)).toMatchObject({ role: "admin", displayName: b.displayName });
  });
});
