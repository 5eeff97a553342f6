import type { Member } from "../domain/types";
import type { Storage } from "../storage";
import { aBoard, aMember, aParticipant, aSignal, anAbsence, anOrganisation, createTestStorage } from "../storage/test-support";
import { type Core, createCore } from "./index";

// Who hears about what is decided in one place, the core: the same plan whether the tab or a card
// changed something, and whether the notification is handled at once or by the poller later.

let storage: Storage;
let core: Core;
let boardId: string;
let region: string, kommun: string;
let rc: Member, kc: Member, kc2: Member, cover: Member, km: Member;
const TODAY = "2026-03-04";

beforeAll(async () => {
  storage = await createTestStorage();
  core = createCore({ storage, clock: () => new Date(`${TODAY}T08:00:00.000Z`), timeZone: "Europe/Stockholm" });
  boardId = (await storage.boards.create(aBoard())).id;
  region = (await storage.organisations.create(anOrganisation(boardId, { id: `region${boardId}` }))).id;
  kommun = (await storage.organisations.create(anOrganisation(boardId, { id: `kommun${boardId}`, tenantId: "tenant-kommun" }))).id;
  const mk = (o: Partial<Member>) => storage.members.create(aMember(boardId, o));
  rc = await mk({ organisationId: region, role: "coordinator" });
  kc = await mk({ organisationId: kommun, role: "coordinator", tenantId: "tenant-kommun" });
  kc2 = await mk({ organisationId: kommun, role: "coordinator", tenantId: "tenant-kommun" });
  cover = await mk({ organisationId: kommun, role: "staff", tenantId: "tenant-kommun" });
  km = await mk({ organisationId: kommun, role: "manager", tenantId: "tenant-kommun" });
  // kc2 is away today, and covered by a colleague.
  await storage.absences.create(
    anAbsence(boardId, kc2.id, {
      organisationId: kommun,
      from: TODAY,
      to: TODAY,
      cover: { state: "covered", candidateIds: [cover.id], askedIndex: 0, coveredBy: cover.id, declinedBy: [], managerAlerted: false },
    }),
  );
});

const ids = (members: readonly Member[]) => members.map((m) => m.id).sort();

describe("a signal", () => {
  it("raised: its card to the receiving coordinators (whoever covers for one away), counts to the board's channels for those it cannot reach", async () => {
    const p = await storage.participants.create(aParticipant(boardId, { writtenBy: region, organisationIds: [region, kommun] }));
    const s = await storage.signals.create(
      aSignal(boardId, p.id, { fromOrganisationId: region, toOrganisationId: kommun, raisedBy: rc.id }),
    );
    const plan = await core.recipientsFor({ type: "signalRaised", boardId, signalId: s.id });
    expect(plan.updates).toEqual([]);
    expect(plan.deliveries).toHaveLength(1);
    const [d] = plan.deliveries;
    expect(d!.subject).toEqual({ card: "signal", boardId, signalId: s.id, audience: "personal" });
    expect(ids(d!.to)).toEqual(ids([kc, cover]));
    expect(d!.occasion).toBe("raised");
    expect(d!.fallback).toEqual({ card: "signal", boardId, signalId: s.id, audience: "channel" });
  });

  it("answered: every posted copy and alert is updated, and the sender hears the answer once per state", async () => {
    const s = await storage.signals.create(
      aSignal(boardId, "p1", { fromOrganisationId: region, toOrganisationId: kommun, raisedBy: rc.id, state: "declined" }),
    );
    const plan = await core.recipientsFor({ type: "signalAnswered", boardId, signalId: s.id });
    expect(plan.updates).toEqual([
      { card: "signal", boardId, signalId: s.id, audience: "personal" },
      { card: "signalAlert", boardId, signalId: s.id },
    ]);
    expect(plan.deliveries.map((d) => [ids(d.to), d.occasion])).toEqual([[[rc.id], "answered.declined"]]);
  });

  it("to an organisation with no coordinator: its managers", async () => {
    const lone = (await storage.organisations.create(anOrganisation(boardId, { id: `lone${boardId}` }))).id;
    const boss = await storage.members.create(aMember(boardId, { organisationId: lone, role: "manager" }));
    const s = await storage.signals.create(aSignal(boardId, "p1", { fromOrganisationId: region, toOrganisationId: lone }));
    const plan = await core.recipientsFor({ type: "signalRaised", boardId, signalId: s.id });
    expect(ids(plan.deliveries[0]!.to)).toEqual([boss.id]);
  });
});

describe("an absence nobody covers", () => {
  it("tells the absent person, and alerts their organisation's managers once", async () => {
    const a = await storage.absences.create(
      anAbsence(boardId, kc.id, {
        organisationId: kommun,
        from: "2026-03-05",
        to: "2026-03-05",
        cover: { state: "uncovered", candidateIds: [], askedIndex: 0, declinedBy: [], managerAlerted: false },
      }),
    );
    const plan = await core.recipientsFor({ type: "coverSettled", boardId, absenceId: a.id });
    expect(plan.updates.map((u) => u.card)).toEqual(["cover", "coverAlert", "absence"]);
    expect(plan.deliveries.map((d) => [d.subject.card, ids(d.to), d.occasion, d.meaning?.what])).toEqual([
      ["absence", [kc.id], "settled.uncovered.", undefined],
      ["coverAlert", [km.id], "alert", "coverAlert"],
    ]);
    await storage.absences.update({ ...a, cover: { ...a.cover, managerAlerted: true } }, { expectedEtag: a.etag });
    const again = await core.recipientsFor({ type: "coverSettled", boardId, absenceId: a.id });
    expect(again.deliveries.map((d) => d.subject.card)).toEqual(["absence"]);
  });
});

it("a changed consent only updates the cards already posted about it", async () => {
  const plan = await core.recipientsFor({ type: "consentChanged", boardId, participantId: "p1", disclosingOrganisationId: region });
  expect(plan).toEqual({
    updates: [{ card: "consent", boardId, participantId: "p1", disclosingOrganisationId: region }],
    deliveries: [],
  });
});
