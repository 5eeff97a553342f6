import { Conflict } from "../domain/errors";
import { anAbsence, createTestStorage } from "./test-support";

describe("absences", () => {
  it("lists the absences that end today or later", async () => {
    const storage = await createTestStorage();
    const past = await storage.absences.create(anAbsence("b1", "t.m1", { from: "2025-02-01", to: "2025-03-02" }));
    const endsToday = await storage.absences.create(anAbsence("b1", "t.m1", { from: "2025-03-01", to: "2025-03-03" }));
    const planned = await storage.absences.create(anAbsence("b1", "t.m2", { from: "2025-07-01", to: "2025-07-28", reason: "vacation" }));
    const ids = (await storage.absences.listCurrent("b1", "2025-03-03")).map((a) => a.id).sort();
    expect(ids).toEqual([endsToday.id, planned.id].sort());
    expect(ids).not.toContain(past.id);
    expect(await storage.absences.get("b1", planned.id)).toEqual(planned);
  });

  it("lists one member's absences", async () => {
    const storage = await createTestStorage();
    await storage.absences.create(anAbsence("b1", "t.m1"));
    await storage.absences.create(anAbsence("b1", "t.m1", { from: "2025-08-01", to: "2025-08-02" }));
    await storage.absences.create(anAbsence("b1", "t.m2"));
    expect(await storage.absences.listForMember("b1", "t.m1")).toHaveLength(2);
  });

  it("records cover progress with the current etag only", async () => {
    const storage = await createTestStorage();
    const absence = await storage.absences.create(anAbsence("b1", "t.m1"));
    const covered = await storage.absences.update(
      { ...absence, cover: { ...absence.cover, state: "covered", coveredBy: "tenant-region.sub1" } },
      { expectedEtag: absence.etag },
    );
    expect(covered.cover).toMatchObject({ state: "covered", coveredBy: "tenant-region.sub1" });
    await expect(
      storage.absences.update({ ...absence, cover: { ...absence.cover, askedIndex: 1 } }, { expectedEtag: absence.etag }),
    ).rejects.toBeInstanceOf(Conflict);
    expect(await storage.absences.get("b1", absence.id)).toEqual(covered);
  });
});
