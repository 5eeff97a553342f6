// Two people change the same thing from the same version at the same moment: exactly one wins,
// the other gets 409 with what is stored now, and nothing is lost — the winner's change is kept
// and the loser can apply theirs on top with the new ETag.
import { addDays } from "../../bot/src/domain/dates";
import { aFreshParticipant, BOARD, ORG, startWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const ada = () => w.byName("Ada Fiktiv");
const eva = () => w.byName("Eva Testsson");

describe("two concurrent updates to the same board entry with the same ETag", () => {
  it.each([1, 2, 3, 4, 5])("round %i: one wins, the other gets 409 with the stored entry, and re-applying it works", async () => {
    const { participant, entry } = await aFreshParticipant(w, { caseManagerId: ada().id, onBoard: true });
    const path = `${BOARD}/entries/${participant.id}`;
    const nextEvaluationOn = addDays(w.today(), 9);
    const changes = [
      { who: ada(), body: { priority: "low" } },
      { who: eva(), body: { nextEvaluationOn } },
    ];
    const results = await Promise.all(changes.map((c) => w.call(c.who, "PATCH", path, { etag: entry!.etag, ...c.body })));

    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.findIndex((r) => r.status === 200);
    const loser = 1 - winner;
    const conflict = results[loser]!.body.error;
    expect(conflict.code).toBe("Conflict");

    // `current` is exactly what is stored now: the winner's version, with its ETag.
    const stored = (await w.call(ada(), "GET", `${BOARD}/participants/${participant.id}/history`)).body.current;
    expect(conflict.current).toEqual(stored);
    expect(conflict.current).toEqual(results[winner]!.body);
    expect(conflict.current).toMatchObject(changes[winner]!.body);

    // The loser applies their change on top of the winner's.
    const retried = await w.call(changes[loser]!.who, "PATCH", path, { etag: conflict.current.etag, ...changes[loser]!.body });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ priority: "low", nextEvaluationOn });
    const final = (await w.call(ada(), "GET", `${BOARD}/participants/${participant.id}/history`)).body.current;
    expect(final).toMatchObject({ priority: "low", nextEvaluationOn, etag: retried.body.etag });
  });

  it("two people adding an action at once: both actions end up on the entry", async () => {
    const { participant, entry } = await aFreshParticipant(w, { caseManagerId: ada().id, onBoard: true });
    const path = `${BOARD}/entries/${participant.id}/actions`;
    const action = (what: string) => ({ etag: entry!.etag, what, responsibleId: ada().id, byWhen: addDays(w.today(), 1) });
    const results = await Promise.all([
      w.call(ada(), "POST", path, action("Hembesök i dag")),
      w.call(eva(), "POST", path, action("Ringa läkaren")),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const lost = results.find((r) => r.status === 409)!;
    const retryWhat = results[0]!.status === 409 ? "Hembesök i dag" : "Ringa läkaren";
    const retried = await w.call(ada(), "POST", path, { ...action(retryWhat), etag: lost.body.error.current.etag });
    expect(retried.status).toBe(201);
    expect(retried.body.actions.map((a: { what: string }) => a.what).sort()).toEqual(["Hembesök", "Hembesök i dag", "Ringa läkaren"]);
  });

  it("an edit racing a take-off: one of them happens, never both half-way", async () => {
    const { participant, entry } = await aFreshParticipant(w, { caseManagerId: ada().id, onBoard: true });
    const path = `${BOARD}/entries/${participant.id}`;
    const [edit, takeOff] = await Promise.all([
      w.call(ada(), "PATCH", path, { etag: entry!.etag, priority: "low" }),
      w.call(eva(), "POST", `${path}/take-off`, { etag: entry!.etag, outcome: "stable" }),
    ]);
    expect([edit.status, takeOff.status].sort()).toEqual([200, 409]);
    const history = (await w.call(ada(), "GET", `${BOARD}/participants/${participant.id}/history`)).body;
    if (takeOff.status === 200) {
      expect(history.current).toBeUndefined();
      expect(history.closed).toHaveLength(1);
    } else {
      expect(history.current).toMatchObject({ priority: "low" });
      expect(history.closed).toHaveLength(0);
      expect(takeOff.body.error.current).toEqual(history.current);
    }
  });

  it("two first records of the same consent: one is kept, the other gets 409 with it", async () => {
    const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id, organisationIds: [ORG.region, ORG.north] });
    const path = `${BOARD}/participants/${participant.id}/consents/${ORG.region}`;
    const give = (validUntil: string) => ({ status: "given", receivingOrganisationIds: [ORG.north], givenOn: w.today(), validUntil });
    const results = await Promise.all([
      w.call(ada(), "PUT", path, give(addDays(w.today(), 30))),
      w.call(eva(), "PUT", path, give(addDays(w.today(), 60))),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const kept = results.find((r) => r.status === 200)!.body;
    const lost = results.find((r) => r.status === 409)!.body.error;
    expect(lost.current).toEqual(kept);
  });
});
