import { AlreadyExists, Conflict } from "../domain/errors";
import type { Enrolment, Study } from "../domain/types";
import { createTestStorage } from "./test-support";

const study = (id: string, over: Partial<Study> = {}): Study => ({
  id,
  boardId: "b1",
  name: "Fiktiv studie",
  ethicsApprovalReference: "Dnr 2019-01234",
  from: "2026-01-01",
  to: "2026-12-31",
  dataManagerIds: ["t.m1"],
  createdAt: "2026-01-01T08:00:00.000Z",
  createdBy: "t.admin",
  updatedAt: "2026-01-01T08:00:00.000Z",
  updatedBy: "t.admin",
  ...over,
});

const consented = (studyId: string, participantId: string): Enrolment => ({
  boardId: "b1",
  studyId,
  participantId,
  researchConsent: { givenOn: "2026-02-01", organisationId: "region", recordedBy: "t.m2", recordedAt: "2026-02-01T08:00:00.000Z" },
});

describe("studies", () => {
  it("keeps a study and edits it under its ETag only", async () => {
    const storage = await createTestStorage();
    const stored = await storage.studies.create(study("s1"));
    expect(await storage.studies.get("b1", "s1")).toEqual(stored);
    const renamed = await storage.studies.update({ ...stored, name: "Ny" }, { expectedEtag: stored.etag });
    await expect(storage.studies.update({ ...stored, name: "Krock" }, { expectedEtag: stored.etag })).rejects.toBeInstanceOf(Conflict);
    expect((await storage.studies.get("b1", "s1"))?.name).toBe(renamed.name);
  });

  it("lists a board's studies apart from the enrolments in the same partition, and each study's enrolments apart", async () => {
    const storage = await createTestStorage();
    await storage.studies.create(study("s1"));
    await storage.studies.create(study("s2"));
    await storage.studies.create(study("s3", { boardId: "b2" }));
    await storage.studies.saveEnrolment(consented("s1", "p1"));
    await storage.studies.saveEnrolment(consented("s1", "p2"));
    await storage.studies.saveEnrolment(consented("s2", "p1"));
    expect((await storage.studies.listForBoard("b1")).map((s) => s.id).sort()).toEqual(["s1", "s2"]);
    expect((await storage.studies.listEnrolments("b1", "s1")).map((e) => e.participantId).sort()).toEqual(["p1", "p2"]);
    expect((await storage.studies.listForParticipant("b1", "p1")).map((e) => e.studyId).sort()).toEqual(["s1", "s2"]);
  });

  it("records a research consent once, then changes the enrolment under its ETag", async () => {
    const storage = await createTestStorage();
    const first = await storage.studies.saveEnrolment(consented("s1", "p1"));
    await expect(
      storage.studies.saveEnrolment({ ...consented("s1", "p1"), researchConsent: { ...first.researchConsent, givenOn: "2026-02-02" } }),
    ).rejects.toBeInstanceOf(AlreadyExists);
    const enrolled = await storage.studies.saveEnrolment({ ...first, studyParticipantId: "LU-1" }, { expectedEtag: first.etag });
    expect(await storage.studies.getEnrolment("b1", "s1", "p1")).toEqual(enrolled);
    await expect(
      storage.studies.saveEnrolment({ ...first, withdrawnOn: "2026-03-01" }, { expectedEtag: first.etag }),
    ).rejects.toBeInstanceOf(Conflict);
  });

  it("erases one participant's research consents and enrolments in every study, and nothing else", async () => {
    const storage = await createTestStorage();
    await storage.studies.create(study("s1"));
    await storage.studies.create(study("s2"));
    const enrolled = await storage.studies.saveEnrolment(consented("s1", "p1"));
    await storage.studies.saveEnrolment({ ...enrolled, studyParticipantId: "LU-1" }, { expectedEtag: enrolled.etag });
    await storage.studies.saveEnrolment(consented("s2", "p1"));
    await storage.studies.saveEnrolment(consented("s1", "p2"));
    await storage.studies.saveEnrolment({ ...consented("s1", "p1"), boardId: "b2" });
    await storage.studies.deleteForParticipant("b1", "p1");
    expect(await storage.studies.listForParticipant("b1", "p1")).toEqual([]);
    expect((await storage.studies.listEnrolments("b1", "s1")).map((e) => e.participantId)).toEqual(["p2"]);
    expect((await storage.studies.listForBoard("b1")).map((s) => s.id).sort()).toEqual(["s1", "s2"]);
    expect(await storage.studies.listForParticipant("b2", "p1")).toHaveLength(1);
    // Nothing left to erase: a second run does nothing.
    await storage.studies.deleteForParticipant("b1", "p1");
  });
});
