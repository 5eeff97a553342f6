// Att göra over HTTP: what waits for the caller or their organisation, decided on the server with
// the same rights as the cards, one access-log record per participant shown, and reading it counts
// as being reached.
import { BOARD, DEMO_BOARD_ID, ORG, aFreshParticipant, anOpenSignal, startWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const RANGE = { fromMonth: "2026-01", toMonth: "2026-12" };
const hugo = () => w.byName("Hugo Fiktivsson");
const ada = () => w.byName("Ada Fiktiv");

it("lists a signal to the caller's organisation with its answers, logs the participant, and clears the caller's and the signal's not reached", async () => {
  const { participant } = await aFreshParticipant(w, {
    caseManagerId: ada().id,
    consents: [
      { from: ORG.region, to: [ORG.north] },
      { from: ORG.north, to: [ORG.region] },
    ],
  });
  const signal = await anOpenSignal(w, participant.id, ORG.region, ORG.north, ada().id);
  const marked = await w.app.storage.signals.update(
    { ...signal, notReachedSince: "2026-03-04T07:01:00.000Z" },
    { expectedEtag: signal.etag },
  );
  const member = (await w.app.storage.members.get(DEMO_BOARD_ID, hugo().id))!;
  await w.app.storage.members.update({ ...member, notReachedSince: "2026-03-04T07:01:00.000Z" }, { expectedEtag: member.etag! });
  expect((await w.call(ada(), "GET", `${BOARD}/signals/${signal.id}`)).body.notReached).toBe(true);

  const before = await w.app.storage.audit.listForParticipant(DEMO_BOARD_ID, participant.id, RANGE);
  const res = await w.call(hugo(), "GET", `${BOARD}/inbox`);
  expect(res.status).toBe(200);
  expect(res.body.count).toBe(res.body.items.length);
  const item = res.body.items.find((i: { kind: string; signal?: { id: string } }) => i.kind === "signal" && i.signal?.id === signal.id);
  expect(item).toMatchObject({ participantCode: participant.code, signal: { state: "open", may: { acknowledge: true, decline: true } } });

  const after = await w.app.storage.audit.listForParticipant(DEMO_BOARD_ID, participant.id, RANGE);
  const added = after.filter((e) => !before.some((b) => b.at === e.at && b.actor.objectId === e.actor.objectId && b.what === e.what));
  expect(added.some((e) => e.actor.objectId === hugo().objectId && e.what === "viewedDetails")).toBe(true);

  expect((await w.app.storage.members.get(DEMO_BOARD_ID, hugo().id))!.notReachedSince).toBeUndefined();
  expect((await w.app.storage.signals.get(DEMO_BOARD_ID, marked.id))!.notReachedSince).toBeUndefined();
  expect((await w.call(ada(), "GET", `${BOARD}/signals/${signal.id}`)).body.notReached).toBeUndefined();
});

it("does not list a signal to another organisation, nor one about a participant the caller may not see", async () => {
  const { participant } = await aFreshParticipant(w, { caseManagerId: ada().id });
  const hidden = await anOpenSignal(w, participant.id, ORG.region, ORG.north, ada().id);
  const res = await w.call(hugo(), "GET", `${BOARD}/inbox`);
  expect(res.status).toBe(200);
  expect(res.body.items.some((i: { signal?: { id: string } }) => i.signal?.id === hidden.id)).toBe(false);
  // The sender's own organisation answers nothing: not in the region coordinator's list either.
  const own = await w.call(ada(), "GET", `${BOARD}/inbox`);
  expect(own.body.items.some((i: { signal?: { id: string } }) => i.signal?.id === hidden.id)).toBe(false);
});
