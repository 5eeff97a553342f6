import { randomUUID } from "node:crypto";
import { aMember } from "../support/storage";
import { DEMO_BOARD_ID } from "../support/app";
import { aFreshParticipant, BOARD, ORG, startWorld, type World } from "./world";

// Issue 27 items 4 and 5 through the HTTP API on Azurite: cover across organisations within
// consent, and working patterns that set a part-time coordinator's deadlines.

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 180_000);
afterAll(async () => {
  await w?.stop();
});

const greta = () => w.byName("Greta Provberg"); // admin, region
const eva = () => w.byName("Eva Testsson"); // manager, region
const bertil = () => w.byName("Bertil Påhittad"); // staff, region
const hugo = () => w.byName("Hugo Fiktivsson"); // coordinator, Norrby social services
const lars = () => w.byName("Lars Testberg"); // coordinator, Södervik

describe("cover across organisations, within consent", () => {
  it("an admin pairs a substitute from another organisation; a manager may only keep or reorder what an admin paired", async () => {
    const absent = await w.app.storage.members.create(
      aMember(DEMO_BOARD_ID, { tenantId: eva().tenantId, organisationId: ORG.region, role: "staff", displayName: "Frida Frånvarande" }),
    );
    const byManager = await w.call(eva(), "PATCH", `${BOARD}/members/${absent.id}`, { etag: absent.etag, substituteIds: [hugo().id] });
    expect(byManager.status).toBe(400);
    const byAdmin = await w.call(greta(), "PATCH", `${BOARD}/members/${absent.id}`, {
      etag: absent.etag,
      substituteIds: [hugo().id, bertil().id],
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.substituteIds).toEqual([hugo().id, bertil().id]);
    const reordered = await w.call(eva(), "PATCH", `${BOARD}/members/${absent.id}`, {
      etag: byAdmin.body.etag,
      substituteIds: [bertil().id, hugo().id],
    });
    expect(reordered.status).toBe(200);
  });

  it("transfers exactly the participants whose consent names the substitute's organisation, and reports the rest", async () => {
    // Her own-organisation substitute, sure to be at work (the demo team's own absences aside).
    const kim = await w.app.storage.members.create(
      aMember(DEMO_BOARD_ID, {
        tenantId: eva().tenantId,
        objectId: randomUUID(),
        organisationId: ORG.region,
        role: "staff",
        displayName: "Kim Kollega",
      }),
    );
    const absent = await w.app.storage.members.create(
      aMember(DEMO_BOARD_ID, {
        tenantId: eva().tenantId,
        organisationId: ORG.region,
        role: "staff",
        displayName: "Gun Ledig",
        substituteIds: [hugo().id, kim.id],
      }),
    );
    const toNorth = [
      await aFreshParticipant(w, { caseManagerId: absent.id, consents: [{ from: ORG.region, to: [ORG.north] }] }),
      await aFreshParticipant(w, { caseManagerId: absent.id, consents: [{ from: ORG.region, to: [ORG.north, ORG.south] }] }),
    ];
    const stays = [
      await aFreshParticipant(w, { caseManagerId: absent.id, consents: [{ from: ORG.region, to: [ORG.south] }] }),
      await aFreshParticipant(w, { caseManagerId: absent.id, consents: [{ from: ORG.region, to: [ORG.north], status: "withdrawn" }] }),
    ];
    const today = w.today();
    const registered = await w.call(eva(), "POST", `${BOARD}/absences`, { memberId: absent.id, from: today, to: today, reason: "sick" });
    expect(registered.status).toBe(201);
    expect(registered.body.askedSubstituteId).toBe(hugo().id);
    const accepted = await w.call(hugo(), "POST", `${BOARD}/absences/${registered.body.id}/cover`, {
      etag: registered.body.etag,
      answer: "accept",
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.coverState).toBe("covered");

    const board = await w.call(eva(), "GET", BOARD);
    const view = (board.body.absences as Array<{ id: string; split?: unknown }>).find((a) => a.id === registered.body.id);
    expect(view?.split).toEqual({ toSubstitute: 2, toOwnOrganisation: 2, othersTo: kim.id });

    const codesOf = (res: { body: { participants: Array<{ code: string }> } }) => res.body.participants.map((p) => p.code);
    const hugoMine = codesOf(await w.call(hugo(), "GET", `${BOARD}/participants?mine=true`));
    expect(hugoMine).toEqual(expect.arrayContaining(toNorth.map((f) => f.participant.code)));
    for (const f of stays) expect(hugoMine).not.toContain(f.participant.code);
    const kimMine = codesOf(await w.call(kim, "GET", `${BOARD}/participants?mine=true`));
    expect(kimMine.sort()).toEqual(stays.map((f) => f.participant.code).sort());
  });
});

describe("working patterns", () => {
  it("the member and admins set it (schema-checked); others may read it only", async () => {
    const read = await w.call(lars(), "GET", `${BOARD}/members/${hugo().id}/working-pattern`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      own: false,
      mayEdit: false,
      pattern: { days: ["mon", "tue", "wed", "thu", "fri"], opensAt: "08:00" },
    });
    const tuesdays = { days: ["tue"], opensAt: "08:00", closesAt: "16:00" };
    expect(
      (await w.call(lars(), "PUT", `${BOARD}/members/${hugo().id}/working-pattern`, { etag: read.body.etag, pattern: tuesdays })).status,
    ).toBe(403);
    const invalid = await w.call(hugo(), "PUT", `${BOARD}/members/${hugo().id}/working-pattern`, {
      etag: read.body.etag,
      pattern: { days: ["tue"], opensAt: "16:00", closesAt: "08:00" },
    });
    expect(invalid.status).toBe(400);
    const own = await w.call(hugo(), "PUT", `${BOARD}/members/${hugo().id}/working-pattern`, { etag: read.body.etag, pattern: tuesdays });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ own: true, mayEdit: true, pattern: tuesdays });
    const stale = await w.call(greta(), "PUT", `${BOARD}/members/${hugo().id}/working-pattern`, { etag: read.body.etag, pattern: null });
    expect(stale.status).toBe(409);
  });

  it("a 20 % coordinator's 'today' signal runs to the end of her next working day, not today 17:00", async () => {
    // Hugo, Norrby's only coordinator, works Tuesdays 08–16 (set above). It is Wednesday 4 March, 09:00.
    const { participant } = await aFreshParticipant(w, { consents: [{ from: ORG.region, to: [ORG.north] }] });
    const raised = await w.call(w.byName("Ada Fiktiv"), "POST", `${BOARD}/signals`, {
      participantId: participant.id,
      toOrganisationId: ORG.north,
      kind: "concern",
      urgency: "today",
      proposeBoard: false,
    });
    expect(raised.status).toBe(201);
    // Tuesday 10 March, 16:00 in Stockholm.
    expect(raised.body.answerBy).toBe("2026-03-10T15:00:00.000Z");
    // A full-time receiver (Södervik's Lars) keeps today 17:00.
    const { participant: other } = await aFreshParticipant(w, { consents: [{ from: ORG.region, to: [ORG.south] }] });
    const toSouth = await w.call(w.byName("Ada Fiktiv"), "POST", `${BOARD}/signals`, {
      participantId: other.id,
      toOrganisationId: ORG.south,
      kind: "concern",
      urgency: "today",
      proposeBoard: false,
    });
    expect(toSouth.body.answerBy).toBe("2026-03-04T16:00:00.000Z");
  });
});
