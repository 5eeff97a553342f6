// A check-in names participants by id, and which participants one organisation reviewed is itself
// something another organisation may not learn without consent. A read shows each viewer only the
// participants their organisation may see (and counts of the rest); a save names only members of
// the board and participants the recorder may see, and keeps what the recorder was never shown.
import { addDays } from "../../bot/src/domain/dates";
import type { Member } from "../../bot/src/domain/types";
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, startWorld, textOf, type Fixture, type World } from "./world";

let w: World;
let regionOnly: Fixture; // written by the region, no consent: the north may see nothing of them
let shared: Fixture; // written by the region, consent names the north
let northOnly: Fixture; // written by the north, no consent: the region may see nothing of them

const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const hugo = () => w.byName("Hugo Fiktivsson"); // north coordinator

let dayCounter = 0;
/** A day of its own for each test, before the demo team's four weeks of check-ins. */
const aDay = () => addDays(w.today(), -60 - ++dayCounter);

const aBody = (date: string, lists: { attendeeIds?: string[]; reviewed?: string[]; added?: string[]; removed?: string[] } = {}, etag?: string) => ({
  ...(etag ? { etag } : {}),
  startedAt: `${date}T07:30:00.000Z`,
  endedAt: `${date}T07:50:00.000Z`,
  attendeeIds: lists.attendeeIds ?? [],
  reviewedParticipantIds: lists.reviewed ?? [],
  addedParticipantIds: lists.added ?? [],
  removedParticipantIds: lists.removed ?? [],
  actionsAgreed: 1,
});

const record = (m: Member, date: string, body: ReturnType<typeof aBody>) => w.call(m, "PUT", `${BOARD}/check-ins/${date}`, body);
const read = (m: Member, date: string) => w.call(m, "GET", `${BOARD}/check-ins/${date}`);

beforeAll(async () => {
  w = await startWorld();
  regionOnly = await aFreshParticipant(w, { onBoard: true, organisationIds: [ORG.region, ORG.north] });
  shared = await aFreshParticipant(w, { onBoard: true, consents: [{ from: ORG.region, to: [ORG.north] }] });
  northOnly = await aFreshParticipant(w, { writtenBy: ORG.north, onBoard: true, organisationIds: [ORG.north, ORG.region] });
});
afterAll(async () => {
  await w?.stop();
});

const id = (f: Fixture) => f.participant.id;

describe("reading a check-in", () => {
  it("shows a viewer without consent no hidden participant's id, only how many are not shown", async () => {
    const date = aDay();
    const saved = await record(ada(), date, aBody(date, { attendeeIds: [hugo().id], reviewed: [id(regionOnly), id(shared)], added: [id(regionOnly)], removed: [id(shared)] }));
    expect(saved.status).toBe(200);

    const asNorth = await read(hugo(), date);
    expect(asNorth.status).toBe(200);
    expect(asNorth.body).toMatchObject({
      reviewedParticipantIds: [id(shared)],
      addedParticipantIds: [],
      removedParticipantIds: [id(shared)],
      hiddenCount: { reviewed: 1, added: 1, removed: 0 },
    });
    expect(textOf(asNorth)).not.toContain(id(regionOnly));

    const asRegion = await read(ada(), date);
    expect(asRegion.body).toMatchObject({ reviewedParticipantIds: [id(regionOnly), id(shared)], addedParticipantIds: [id(regionOnly)], hiddenCount: { reviewed: 0, added: 0, removed: 0 } });
  });

  it("shows the recorder only what they may see in the answer to a save, and in a conflict's current version", async () => {
    const date = aDay();
    const first = await record(ada(), date, aBody(date, { reviewed: [id(regionOnly)] }));
    expect(first.status).toBe(200);
    // Hugo's first save of the day meets Ada's: 409 with the stored check-in, as the north may see it.
    const clash = await record(hugo(), date, aBody(date, { reviewed: [id(shared)] }));
    expect(clash.status).toBe(409);
    expect(clash.body.error.current).toMatchObject({ reviewedParticipantIds: [], hiddenCount: { reviewed: 1 } });
    expect(textOf(clash)).not.toContain(id(regionOnly));
  });
});

describe("saving a check-in", () => {
  it("keeps the participants the recorder was never shown when they save on top of the stored check-in", async () => {
    const date = aDay();
    expect((await record(ada(), date, aBody(date, { reviewed: [id(regionOnly), id(shared)] }))).status).toBe(200);
    // The north merges what it may see with its own review, as the stage's summary does.
    const seen = await read(hugo(), date);
    const merged = await record(hugo(), date, aBody(date, { reviewed: [...seen.body.reviewedParticipantIds, id(northOnly)] }, seen.body.etag));
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ reviewedParticipantIds: [id(shared), id(northOnly)], hiddenCount: { reviewed: 1 } });
    expect(textOf(merged)).not.toContain(id(regionOnly));

    const stored = await w.app.storage.checkIns.get(DEMO_BOARD_ID, date);
    expect([...stored!.reviewedParticipantIds].sort()).toEqual([id(regionOnly), id(shared), id(northOnly)].sort());
    const asRegion = await read(ada(), date);
    expect(asRegion.body).toMatchObject({ reviewedParticipantIds: [id(shared), id(regionOnly)], hiddenCount: { reviewed: 1 } });
    expect(textOf(asRegion)).not.toContain(id(northOnly));
  });

  it.each([
    ["reviewedParticipantIds", "reviewed"],
    ["addedParticipantIds", "added"],
    ["removedParticipantIds", "removed"],
  ] as const)("refuses an unknown or hidden participant in %s with 400 naming the element, the same answer for both, and stores nothing", async (field, list) => {
    for (const named of [`p-no-such-${list}`, id(regionOnly)]) {
      const date = aDay();
      const res = await record(hugo(), date, aBody(date, { [list]: [id(shared), named] }));
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ code: "Invalid", field: `${field}.1`, message: `${field}.1: not a participant of this board that you may see.` });
      expect(await w.app.storage.checkIns.get(DEMO_BOARD_ID, date)).toBeUndefined();
    }
  });

  it("refuses an attendee who is not a member of the board with 400 naming the element, and stores nothing", async () => {
    const date = aDay();
    const res = await record(ada(), date, aBody(date, { attendeeIds: [hugo().id, `${hugo().tenantId}.00000000-0000-4000-a000-000000009999`] }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "Invalid", field: "attendeeIds.1", message: expect.stringContaining("not a member of this board") });
    expect(await w.app.storage.checkIns.get(DEMO_BOARD_ID, date)).toBeUndefined();
  });

  it("refuses a hidden participant on top of a stored check-in too, leaving the stored one as it was", async () => {
    const date = aDay();
    const first = await record(ada(), date, aBody(date, { reviewed: [id(shared)] }));
    const before = await w.app.storage.checkIns.get(DEMO_BOARD_ID, date);
    const res = await record(hugo(), date, aBody(date, { reviewed: [id(shared), id(regionOnly)] }, first.body.etag));
    expect(res.status).toBe(400);
    expect(await w.app.storage.checkIns.get(DEMO_BOARD_ID, date)).toEqual(before);
  });
});
