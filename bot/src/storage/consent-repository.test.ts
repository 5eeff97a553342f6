import { Conflict } from "../domain/errors";
import { aConsent, createTestStorage } from "./test-support";

describe("consents", () => {
  it("records a consent and reads it back, per participant and per board", async () => {
    const storage = await createTestStorage();
    const region = aConsent("b1", "p1", { disclosingOrganisationId: "org-region" });
    const kommun = aConsent("b1", "p1", {
      disclosingOrganisationId: "org-kommun",
      receivingOrganisationIds: ["org-region"],
      validUntil: undefined,
    });
    await storage.consents.save(region);
    await storage.consents.save(kommun);
    await storage.consents.save(aConsent("b1", "p10"));
    await storage.consents.save(aConsent("b1", "p2"));
    const { validUntil: _none, ...withoutExpiry } = kommun;
    const read = await storage.consents.get("b1", "p1", "org-kommun");
    expect(read).toEqual({ ...withoutExpiry, etag: read?.etag });
    expect(read).not.toHaveProperty("validUntil");
    expect(await storage.consents.get("b1", "p1", "org-labour")).toBeUndefined();
    // p10 shares a prefix with p1 and must not leak into p1's consents.
    expect((await storage.consents.listForParticipant("b1", "p1")).map((c) => c.disclosingOrganisationId).sort()).toEqual([
      "org-kommun",
      "org-region",
    ]);
    expect(await storage.consents.listForBoard("b1")).toHaveLength(4);
  });

  it("refuses a second first record that differs, returning the stored one", async () => {
    const storage = await createTestStorage();
    const first = await storage.consents.save(aConsent("b1", "p1"));
    await expect(storage.consents.save(aConsent("b1", "p1"))).resolves.toEqual(first);
    const err = await storage.consents.save(aConsent("b1", "p1", { status: "declined" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Conflict);
    expect((err as Conflict).current).toEqual(first);
  });

  it("withdraws with the current etag and refuses a stale one without changing the record", async () => {
    const storage = await createTestStorage();
    const given = await storage.consents.save(aConsent("b1", "p1"));
    const withdrawn = await storage.consents.save(
      { ...given, status: "withdrawn", withdrawnOn: "2025-04-01" },
      { expectedEtag: given.etag },
    );
    expect(withdrawn.status).toBe("withdrawn");
    await expect(storage.consents.save({ ...given, validUntil: "2027-01-01" }, { expectedEtag: given.etag })).rejects.toBeInstanceOf(
      Conflict,
    );
    expect(await storage.consents.get("b1", "p1", given.disclosingOrganisationId)).toEqual(withdrawn);
  });

  it("records a legal basis with its reference", async () => {
    const storage = await createTestStorage();
    const legal = aConsent("b1", "p1", {
      basis: "legalBasis",
      legalReference: "OSL 25 kap. 12 §",
      givenOn: undefined,
      validUntil: undefined,
    });
    await storage.consents.save(legal);
    expect(await storage.consents.get("b1", "p1", legal.disclosingOrganisationId)).toMatchObject({
      basis: "legalBasis",
      legalReference: "OSL 25 kap. 12 §",
    });
  });

  it("deletes every consent of a participant on erasure, and one consent with its etag", async () => {
    const storage = await createTestStorage();
    await storage.consents.save(aConsent("b1", "p1", { disclosingOrganisationId: "o1" }));
    await storage.consents.save(aConsent("b1", "p1", { disclosingOrganisationId: "o2" }));
    const keep = await storage.consents.save(aConsent("b1", "p2", { disclosingOrganisationId: "o1" }));
    await storage.consents.deleteForParticipant("b1", "p1");
    expect(await storage.consents.listForParticipant("b1", "p1")).toEqual([]);
    await expect(
      storage.consents.delete("b1", "p2", "o1", { expectedEtag: "W/\"datetime'2000-01-01T00%3A00%3A00Z'\"" }),
    ).rejects.toBeInstanceOf(Conflict);
    await storage.consents.delete("b1", "p2", "o1", { expectedEtag: keep.etag });
    expect(await storage.consents.listForBoard("b1")).toEqual([]);
  });
});
