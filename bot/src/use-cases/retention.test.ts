import { Forbidden } from "../domain/errors";
import { addDays } from "../domain/dates";
import type { Actor, Member } from "../domain/types";
import type { Storage } from "../storage";
import {
  aBoard,
  aConsent,
  aMember,
  anEntry,
  aSignal,
  anOrganisation,
  aParticipant,
  closedFrom,
  createTestStorage,
} from "../storage/test-support";
import type { UseCaseDeps } from "./deps";
import { silentNotifier } from "./notification";
import { eraseAfterRetention, leaveTeam, RETENTION_ACTOR } from "./retention";

// Retention (issue 5, "Least data and retention"): leaving the team starts the writing
// organisation's retention period; after it the details go, the access log stays.

const LEFT_ON = "2026-03-02";
const at = (date: string) => new Date(`${date}T09:00:00.000Z`);

describe("leaving the team and erasure after the retention period", () => {
  let storage: Storage;
  let now = at(LEFT_ON);
  let n = 0;
  const deps = (): UseCaseDeps => ({
    storage,
    clock: () => now,
    timeZone: "Europe/Stockholm",
    newId: () => `id${++n}`,
    notifier: silentNotifier,
  });

  const boardId = aBoard().id;
  const region = anOrganisation(boardId, { id: "region", retentionDays: 3650 });
  const kommun = anOrganisation(boardId, { id: "kommun", kind: "municipalSocialServices", tenantId: "tenant-kommun", retentionDays: 30 });
  const caseManager = aMember(boardId, {
    tenantId: "tenant-kommun",
    organisationId: "kommun",
    role: "staff",
    displayName: "Kim Handläggare",
  });
  const colleague = aMember(boardId, { tenantId: "tenant-kommun", organisationId: "kommun", role: "staff" });
  const regionCoordinator = aMember(boardId, { organisationId: "region", role: "coordinator" });
  const actor = (member: Member): Actor => ({ member, channel: "tab" });

  // Written by the municipality (30 days' retention), on the board, with history, consents and a signal.
  const leaving = aParticipant(boardId, {
    code: "NRB-101",
    initials: "K.L.",
    caseManagerId: caseManager.id,
    writtenBy: "kommun",
    organisationIds: ["kommun", "region"],
    onBoard: true,
  });
  // Written by the region (ten years' retention).
  const alsoLeaving = aParticipant(boardId, {
    code: "REG-202",
    initials: "M.N.",
    caseManagerId: regionCoordinator.id,
    writtenBy: "region",
    organisationIds: ["region", "kommun"],
  });
  const staying = aParticipant(boardId, {
    code: "NRB-303",
    initials: "O.P.",
    caseManagerId: caseManager.id,
    writtenBy: "kommun",
    organisationIds: ["kommun"],
  });

  beforeAll(async () => {
    storage = await createTestStorage();
    await storage.boards.create(aBoard({ id: boardId }));
    for (const o of [region, kommun]) await storage.organisations.create(o);
    for (const m of [caseManager, colleague, regionCoordinator]) await storage.members.create(m);
    for (const p of [leaving, alsoLeaving, staying]) await storage.participants.create(p);
    const old = anEntry(boardId, leaving.id, { id: "old", writtenBy: "kommun", putOnOn: "2025-10-01" });
    await storage.entries.create(old);
    const stored = (await storage.entries.getCurrent(boardId, leaving.id))!;
    await storage.entries.close(stored, closedFrom(old, { takenOffOn: "2025-11-01" }), { expectedEtag: stored.etag });
    await storage.entries.create(
      anEntry(boardId, leaving.id, { id: "current", writtenBy: "kommun", putOnOn: "2026-02-20", nextEvaluationOn: "2026-03-09" }),
    );
    await storage.consents.save(
      aConsent(boardId, leaving.id, {
        disclosingOrganisationId: "kommun",
        receivingOrganisationIds: ["region"],
        givenOn: "2026-01-01",
        validUntil: "2026-12-31",
      }),
    );
    await storage.consents.save(
      aConsent(boardId, leaving.id, {
        disclosingOrganisationId: "region",
        receivingOrganisationIds: ["kommun"],
        givenOn: "2026-01-01",
        validUntil: "2026-12-31",
      }),
    );
    await storage.signals.create(
      aSignal(boardId, leaving.id, {
        id: "sig1",
        fromOrganisationId: "kommun",
        toOrganisationId: "region",
        note: "Orolig efter helgen",
      }),
    );
    await storage.interventions.create({
      boardId,
      participantId: leaving.id,
      id: "i1",
      organisationId: "kommun",
      kind: "housingSupport",
      label: "Påhittad: två gånger i veckan",
      writtenBy: caseManager.id,
      writtenAt: "2026-02-23T07:00:00.000Z",
    });
    await storage.sinceLast.create({
      boardId,
      participantId: leaving.id,
      entryId: "current",
      on: "2026-02-23",
      organisationId: "kommun",
      text: "Påhittad: missade besöket",
      writtenBy: caseManager.id,
      writtenAt: "2026-02-23T07:00:00.000Z",
    });
    // A study: the leaving participant enrolled under the research team's id, the one who stays with a research consent.
    await storage.studies.create({
      id: "study1",
      boardId,
      name: "Påhittad studie",
      ethicsApprovalReference: "Dnr 2019-01234",
      from: "2026-01-01",
      to: "2026-12-31",
      dataManagerIds: [regionCoordinator.id],
      createdAt: "2026-01-01T08:00:00.000Z",
      createdBy: regionCoordinator.id,
      updatedAt: "2026-01-01T08:00:00.000Z",
      updatedBy: regionCoordinator.id,
    });
    const researchConsent = {
      givenOn: "2026-02-01",
      organisationId: "kommun",
      recordedBy: caseManager.id,
      recordedAt: "2026-02-01T08:00:00.000Z",
    };
    await storage.studies.saveEnrolment({
      boardId,
      studyId: "study1",
      participantId: leaving.id,
      researchConsent,
      studyParticipantId: "LU-0101",
      enrolledAt: "2026-02-01T08:00:00.000Z",
      enrolledBy: caseManager.id,
    });
    await storage.studies.saveEnrolment({ boardId, studyId: "study1", participantId: staying.id, researchConsent });
    // Kontakter: someone outside the board, named by the municipality.
    await storage.contacts.create({
      boardId,
      participantId: leaving.id,
      organisationId: "kommun",
      person: { kind: "external", name: "Påhittad Boendestödjare", role: "Boendestödjare", phone: "070-174 06 70" },
      writtenBy: caseManager.id,
      writtenAt: "2026-02-23T07:00:00.000Z",
    });
  });

  it("refuses a staff member who is neither the case manager nor covering", async () => {
    await expect(leaveTeam(deps(), actor(colleague), boardId, leaving.id)).rejects.toBeInstanceOf(Forbidden);
    expect((await storage.participants.get(boardId, leaving.id))!.leftTeamOn).toBeUndefined();
  });

  it("records the day the participant left and takes them off the board with the outcome 'left FACT'", async () => {
    const view = await leaveTeam(deps(), actor(caseManager), boardId, leaving.id);
    expect(view).toMatchObject({ code: "NRB-101", onBoard: false });
    expect(await storage.entries.getCurrent(boardId, leaving.id)).toBeUndefined();
    const stored = (await storage.participants.get(boardId, leaving.id))!;
    expect(stored).toMatchObject({ leftTeamOn: LEFT_ON, onBoard: false });
    const history = await storage.entries.history(boardId, leaving.id);
    expect(history.map((h) => [h.id, h.outcome])).toEqual(expect.arrayContaining([["current", "leftFact"]]));
    // Leaving twice is one leave.
    await leaveTeam(deps(), actor(caseManager), boardId, leaving.id);
    expect((await storage.participants.get(boardId, leaving.id))!.etag).toBe(stored.etag);
    await leaveTeam(deps(), actor(regionCoordinator), boardId, alsoLeaving.id);
  });

  it("keeps everything while the writing organisation's retention period runs", async () => {
    now = at(addDays(LEFT_ON, 29));
    expect(await eraseAfterRetention(deps(), boardId)).toEqual({ erased: 0, waiting: 2 });
    expect((await storage.participants.get(boardId, leaving.id))!.code).toBe("NRB-101");
    expect(await storage.contacts.listForParticipant(boardId, leaving.id)).toHaveLength(1);
    expect(await storage.studies.listForParticipant(boardId, leaving.id)).toHaveLength(1);
  });

  it("erases the details after the period, leaving de-identified counts and the access log", async () => {
    now = at(addDays(LEFT_ON, 30));
    expect(await eraseAfterRetention(deps(), boardId)).toEqual({ erased: 1, waiting: 1 });

    const erased = (await storage.participants.get(boardId, leaving.id))!;
    expect(erased).toMatchObject({ code: "", initials: "", caseManagerId: "", leftTeamOn: LEFT_ON, organisationIds: ["kommun", "region"] });
    expect(erased.erasedAt).toBe(now.toISOString());
    expect(await storage.consents.listForParticipant(boardId, leaving.id)).toEqual([]);
    expect(await storage.sinceLast.listForParticipant(boardId, leaving.id)).toEqual([]);
    expect(await storage.contacts.listForParticipant(boardId, leaving.id)).toEqual([]);
    expect(await storage.interventions.listForParticipant(boardId, leaving.id)).toEqual([]);
    // Their research consent and enrolment (the link from the study's id to them); the study stays.
    expect(await storage.studies.listForParticipant(boardId, leaving.id)).toEqual([]);
    expect(await storage.studies.listEnrolments(boardId, "study1")).toEqual([expect.objectContaining({ participantId: staying.id })]);
    expect(await storage.studies.get(boardId, "study1")).toBeDefined();
    expect(await storage.entries.history(boardId, leaving.id)).toEqual([]);
    const [signal] = await storage.signals.listForParticipant(boardId, leaving.id);
    expect(signal).toBeDefined();
    expect(signal!.note).toBeUndefined();

    // Counts remain: the caseload still has three rows, one of them erased.
    const all = await storage.participants.listForBoard(boardId);
    expect(all).toHaveLength(3);
    expect(all.filter((p) => p.erasedAt)).toHaveLength(1);
    // The ten-year organisation's participant and the one who stayed are untouched.
    expect((await storage.participants.get(boardId, alsoLeaving.id))!.code).toBe("REG-202");
    expect((await storage.participants.get(boardId, staying.id))!.code).toBe("NRB-303");

    // The access log survives the erasure and still answers with the code, and says who erased.
    const log = await storage.audit.listForParticipant(boardId, leaving.id, { fromMonth: "2026-01", toMonth: "2026-12" });
    expect(log.map((e) => e.what)).toEqual(["erased", "changed"]);
    expect(log.every((e) => e.participantCode === "NRB-101")).toBe(true);
    expect(log[0]!.actor).toMatchObject(RETENTION_ACTOR);
  });

  it("does nothing more on a second run", async () => {
    expect(await eraseAfterRetention(deps(), boardId)).toEqual({ erased: 0, waiting: 1 });
    const log = await storage.audit.listForParticipant(boardId, leaving.id, { fromMonth: "2026-01", toMonth: "2026-12" });
    expect(log.filter((e) => e.what === "erased")).toHaveLength(1);
  });
});
