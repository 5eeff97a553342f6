// Nothing doubled (issue 27): creates submitted several times at once — a double click, a retried
// request, the same absence from the tab and from a card — make one thing, and every submit is
// answered with it. The check is atomic in storage (a key row created once), not read-then-write.
import { addDays } from "../../bot/src/domain/dates";
import { BOARD, ORG, aFreshParticipant, startWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const ada = () => w.byName("Ada Fiktiv");
let days = 0;
const freshDay = () => addDays(w.today(), 60 + 3 * ++days);

async function post(who: ReturnType<typeof ada>, path: string, body: unknown, key?: string) {
  const res = await fetch(`${w.app.baseUrl}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${await w.token(who)}`,
      "content-type": "application/json",
      ...(key ? { "idempotency-key": key } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id: string; error?: { code: string; field?: string } } };
}

describe("registering an absence", () => {
  it("three concurrent submits of one form (one Idempotency-Key) make one absence, and all three are answered with it", async () => {
    const from = freshDay();
    const body = { from, to: from, reason: "sick" };
    const results = await Promise.all([1, 2, 3].map(() => post(ada(), `${BOARD}/absences`, body, "form-key-0001")));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const stored = (await w.app.storage.absences.listForMember(boardIdOf(), ada().id)).filter((a) => a.from === from);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(results[0]!.body.id);
  });

  it("the same person and period from three different forms at once makes one absence", async () => {
    const from = freshDay();
    const body = { from, to: from, reason: "vacation" };
    const results = await Promise.all(["form-a-0001", "form-b-0002", undefined].map((key) => post(ada(), `${BOARD}/absences`, body, key)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await w.app.storage.absences.listForMember(boardIdOf(), ada().id)).filter((a) => a.from === from)).toHaveLength(1);
  });

  it("a cancelled absence does not stand in the way of registering the same period again", async () => {
    const from = freshDay();
    const body = { from, to: from, reason: "sick" };
    const first = await post(ada(), `${BOARD}/absences`, body, "form-c-0001");
    const stored = await w.app.storage.absences.get(boardIdOf(), first.body.id);
    const cancelled = await w.call(ada(), "POST", `${BOARD}/absences/${first.body.id}/cancel`, { etag: stored!.etag });
    expect(cancelled.status).toBe(200);
    const again = await post(ada(), `${BOARD}/absences`, body, "form-c-0002");
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
  });

  it("refuses a malformed Idempotency-Key and makes nothing", async () => {
    const from = freshDay();
    const res = await post(ada(), `${BOARD}/absences`, { from, to: from, reason: "sick" }, "bad key!");
    expect(res.status).toBe(400);
    expect((await w.app.storage.absences.listForMember(boardIdOf(), ada().id)).filter((a) => a.from === from)).toHaveLength(0);
  });
});

describe("raising a signal", () => {
  it("three concurrent submits of one form make one signal", async () => {
    const { participant } = await aFreshParticipant(w, {
      caseManagerId: ada().id,
      consents: [
        { from: ORG.region, to: [ORG.north] },
        { from: ORG.north, to: [ORG.region] },
      ],
    });
    const body = { participantId: participant.id, toOrganisationId: ORG.north, kind: "concern", urgency: "thisWeek" };
    const results = await Promise.all([1, 2, 3].map(() => post(ada(), `${BOARD}/signals`, body, "signal-form-0001")));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const open = (await w.app.storage.signals.listOpen(boardIdOf())).filter((s) => s.participantId === participant.id);
    expect(open).toHaveLength(1);
  });
});

const boardIdOf = () => BOARD.split("/").pop()!;
