// "Dagens beslut" (issue 26 item 8) through HTTP on Azurite: after the walkthrough the municipality
// (Norrby) opens what it wrote today, per participant code — its since-yesterday notes, actions,
// board changes and signals — and nothing the region wrote beside them, whatever the region's
// consent lets Norrby read. One access record per participant listed.
import { TodaysDecisions } from "@fact-board/contract";
import { addDays } from "../../bot/src/domain/dates";
import type { AuditEvent, Member } from "../../bot/src/domain/types";
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, startWorld, textOf, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const hugo = () => w.byName("Hugo Fiktivsson"); // Norrby coordinator
const RANGE = { fromMonth: "2026-01", toMonth: "2026-12" };
const BOTH_WAYS = [
  { from: ORG.region, to: [ORG.north] },
  { from: ORG.north, to: [ORG.region] },
];

async function decisionsOf(member: Member): Promise<TodaysDecisions> {
  const res = await w.call(member, "GET", `${BOARD}/todays-decisions`);
  expect(res.status).toBe(200);
  return TodaysDecisions.parse(res.body);
}

describe("Dagens beslut for the municipality", () => {
  it("lists only what Norrby wrote today, per participant code", async () => {
    // The region's participant on the board: both write a note and an action on it today.
    const shared = await aFreshParticipant(w, { caseManagerId: ada().id, onBoard: true, consents: BOTH_WAYS });
    const sharedPath = `${BOARD}/entries/${shared.participant.id}`;
    expect((await w.call(hugo(), "PUT", `${sharedPath}/since-last`, { text: "Zqx Norrbys anteckning" })).status).toBe(200);
    expect((await w.call(ada(), "PUT", `${sharedPath}/since-last`, { text: "Zqx Regionens anteckning" })).status).toBe(200);
    const byWhen = addDays(w.today(), 2);
    const afterNorrby = await w.call(hugo(), "POST", `${sharedPath}/actions`, {
      etag: shared.entry!.etag,
      what: "Zqx Norrbys åtgärd",
      responsibleId: hugo().id,
      byWhen,
    });
    expect(afterNorrby.status).toBe(201);
    const current = await w.app.storage.entries.getCurrent(DEMO_BOARD_ID, shared.participant.id);
    expect(
      (
        await w.call(ada(), "POST", `${sharedPath}/actions`, {
          etag: current!.etag,
          what: "Zqx Regionens åtgärd",
          responsibleId: ada().id,
          byWhen,
        })
      ).status,
    ).toBe(201);
    // Norrby signals the region about it.
    expect(
      (
        await w.call(hugo(), "POST", `${BOARD}/signals`, {
          participantId: shared.participant.id,
          toOrganisationId: ORG.region,
          kind: "moreMunicipalSupport",
          urgency: "thisWeek",
        })
      ).status,
    ).toBe(201);

    // Norrby's own participant, put on the board by Norrby today.
    const own = await aFreshParticipant(w, { writtenBy: ORG.north, caseManagerId: hugo().id, consents: BOTH_WAYS });
    const putOn = await w.call(hugo(), "POST", `${BOARD}/entries`, {
      participantId: own.participant.id,
      reason: "crisis",
      priority: "high",
      nextEvaluationOn: addDays(w.today(), 7),
    });
    expect(putOn.status).toBe(201);

    // A participant only the region wrote about today: not in Norrby's list.
    const regionOnly = await aFreshParticipant(w, { caseManagerId: ada().id, onBoard: true, consents: BOTH_WAYS });

    const decisions = await decisionsOf(hugo());
    expect(decisions).toMatchObject({ date: w.today(), organisationId: ORG.north });
    const listed = new Map(decisions.participants.map((p) => [p.participantId, p]));
    expect(listed.get(shared.participant.id)).toEqual({
      participantId: shared.participant.id,
      code: shared.participant.code,
      lines: [
        { kind: "sinceLast", text: "Zqx Norrbys anteckning" },
        { kind: "action", what: "Zqx Norrbys åtgärd", responsibleId: hugo().id, byWhen, done: false },
        { kind: "signal", signalKind: "moreMunicipalSupport", toOrganisationId: ORG.region, urgency: "thisWeek" },
      ],
    });
    expect(listed.get(own.participant.id)?.lines).toEqual([{ kind: "putOn", reason: "crisis", priority: "high" }]);
    expect(listed.has(regionOnly.participant.id)).toBe(false);
    const text = JSON.stringify(decisions);
    expect(text).not.toContain("Regionens");

    // The region's own list has the region's words, and none of Norrby's.
    const region = await w.call(ada(), "GET", `${BOARD}/todays-decisions`);
    expect(textOf(region)).toContain("Zqx Regionens åtgärd");
    expect(textOf(region)).not.toContain("Zqx Norrbys");
  });

  it("writes one access record per participant listed, and none for others", async () => {
    const f = await aFreshParticipant(w, { caseManagerId: ada().id, onBoard: true, consents: BOTH_WAYS });
    const notListed = await aFreshParticipant(w, { caseManagerId: ada().id, onBoard: true, consents: BOTH_WAYS });
    await w.call(hugo(), "PUT", `${BOARD}/entries/${f.participant.id}/since-last`, { text: "Zqx logg" });
    const views = async () =>
      (await w.app.storage.audit.listForMember(DEMO_BOARD_ID, hugo().tenantId, hugo().objectId, RANGE)).filter(
        (e: AuditEvent) => e.what === "viewedDetails",
      );
    expect((await views()).filter((e) => e.participantId === f.participant.id)).toEqual([]);
    const decisions = await decisionsOf(hugo());
    const after = await views();
    expect(after.filter((e) => e.participantId === f.participant.id)).toHaveLength(1);
    expect(after.filter((e) => e.participantId === notListed.participant.id)).toEqual([]);
    const viewed = new Set(after.map((e) => e.participantId));
    expect(decisions.participants.filter((p) => !viewed.has(p.participantId))).toEqual([]);
  });
});
