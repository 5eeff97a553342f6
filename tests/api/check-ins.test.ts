// A check-in names participants by id, and which participants one organisation reviewed is itself
// something another organisation may not learn without consent. A read shows each viewer only the
// participants their organisation may see (and counts of the rest). Only the walkthrough records
// check-ins (one per meeting occurrence): there is no route that writes one.
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

/** A check-in as the walkthrough stores it. */
const stored = (date: string, lists: { reviewed?: string[]; added?: string[]; removed?: string[] } = {}, meetingId = "all") =>
  w.app.storage.checkIns.save({
    boardId: DEMO_BOARD_ID,
    date,
    meetingId,
    startedAt: `${date}T07:30:00.000Z`,
    endedAt: `${date}T07:50:00.000Z`,
    durationSeconds: 1200,
    attendeeIds: [ada().id],
    reviewedParticipantIds: lists.reviewed ?? [],
    addedParticipantIds: lists.added ?? [],
    removedParticipantIds: lists.removed ?? [],
    actionsAgreed: 1,
    recordedBy: ada().id,
  });

const read = (m: Member, date: string, meeting?: string) =>
  w.call(m, "GET", `${BOARD}/check-ins/${date}${meeting ? `?meeting=${meeting}` : ""}`);

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
    await stored(date, { reviewed: [id(regionOnly), id(shared)], added: [id(regionOnly)], removed: [id(shared)] });

    const asNorth = await read(hugo(), date);
    expect(asNorth.status).toBe(200);
    expect(asNorth.body).toMatchObject({
      meetingId: "all",
      reviewedParticipantIds: [id(shared)],
      addedParticipantIds: [],
      removedParticipantIds: [id(shared)],
      hiddenCount: { reviewed: 1, added: 1, removed: 0 },
    });
    expect(textOf(asNorth)).not.toContain(id(regionOnly));

    const asRegion = await read(ada(), date);
    expect(asRegion.body).toMatchObject({
      reviewedParticipantIds: [id(regionOnly), id(shared)],
      addedParticipantIds: [id(regionOnly)],
      hiddenCount: { reviewed: 0, added: 0, removed: 0 },
    });
    expect(textOf(asRegion)).not.toContain(id(northOnly));
  });

  it("reads each meeting's check-in of a day by its meeting, and 404 for a meeting not held", async () => {
    const date = aDay();
    await stored(date, { reviewed: [id(shared)] }, "norrby-tisdag");
    expect((await read(ada(), date, "norrby-tisdag")).body).toMatchObject({
      meetingId: "norrby-tisdag",
      reviewedParticipantIds: [id(shared)],
    });
    expect((await read(ada(), date)).status).toBe(404);
    expect((await read(ada(), date, "Not A Meeting")).status).toBe(400);
  });

  it("has no route that records a check-in: only the walkthrough does", async () => {
    const date = aDay();
    const res = await w.call(ada(), "PUT", `${BOARD}/check-ins/${date}`, {
      startedAt: `${date}T07:30:00.000Z`,
      endedAt: `${date}T07:50:00.000Z`,
      attendeeIds: [],
      reviewedParticipantIds: [],
      addedParticipantIds: [],
      removedParticipantIds: [],
      actionsAgreed: 1,
    });
    expect(res.status).toBe(404);
    expect(await w.app.storage.checkIns.get(DEMO_BOARD_ID, date, "all")).toBeUndefined();
  });
});
