// The shared walkthrough: one per meeting occurrence (the demo board meets every working day with
// everyone, "morgonmote", and with Norrby on Tuesdays and Thursdays), held by the server. Every attendee follows the
// presenter and sees the current participant as their own organisation may see them; the stored
// walkthrough names only ids, and the check-in is recorded from it by the server.
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, startWorld, textOf, type Fixture, type World } from "./world";

let w: World;
let sharedWithNorth: Fixture; // written by the region, consent names the north only

const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const hugo = () => w.byName("Hugo Fiktivsson"); // north coordinator
const lars = () => w.byName("Lars Testberg"); // south coordinator
const bertil = () => w.byName("Bertil Påhittad"); // region staff

beforeAll(async () => {
  w = await startWorld();
  sharedWithNorth = await aFreshParticipant(w, {
    onBoard: true,
    organisationIds: [ORG.region, ORG.north, ORG.south],
    consents: [{ from: ORG.region, to: [ORG.north] }],
  });
});
afterAll(async () => {
  await w?.stop();
});

const WT = `${BOARD}/walkthrough`;
const event = (m: ReturnType<typeof ada>, body: Record<string, unknown>) => w.call(m, "POST", `${WT}/events`, body);

describe("one walkthrough per meeting per day", () => {
  let index: number;

  it("has none before anyone starts it", async () => {
    const res = await w.call(lars(), "GET", WT);
    expect(res.status).toBe(200);
    expect(res.body.walkthrough).toBeUndefined();
  });

  it("lets only leads start it; a second start joins the same walkthrough", async () => {
    expect((await w.call(bertil(), "POST", WT, {})).status).toBe(403);
    const started = await w.call(ada(), "POST", WT, {});
    expect(started.status).toBe(200);
    expect(started.body.walkthrough).toMatchObject({
      isPresenter: true,
      meetingId: "morgonmote",
      meetingName: "Morgonmöte, alla",
      current: { index: 0 },
    });
    const again = await w.call(hugo(), "POST", WT, {});
    expect(again.body.walkthrough).toMatchObject({
      isPresenter: false,
      presenter: { memberId: ada().id },
      startedAt: started.body.walkthrough.startedAt,
    });
    index = started.body.walkthrough.visible.find(
      (v: { participantId: string }) => v.participantId === sharedWithNorth.participant.id,
    ).index;
    expect(index).toBeGreaterThanOrEqual(0);
  });

  it("shows each attendee the presenter's participant as their organisation may see them", async () => {
    await w.call(lars(), "POST", `${WT}/join`, {});
    const moved = await event(ada(), { type: "moveTo", index });
    expect(moved.status).toBe(200);

    const north = await w.call(hugo(), "GET", WT);
    expect(north.body.walkthrough.current).toMatchObject({ index, shown: "details", participantId: sharedWithNorth.participant.id });
    expect(north.body.walkthrough.current.row.participant.code).toBe(sharedWithNorth.participant.code);

    const south = await w.call(lars(), "GET", WT);
    expect(south.body.walkthrough.current).toEqual({ index, since: expect.any(String), shown: "hidden" });
    const text = textOf(south);
    expect(text).not.toContain(sharedWithNorth.participant.id);
    expect(text).not.toContain(sharedWithNorth.participant.code);
    expect(text).not.toContain(sharedWithNorth.participant.initials);
  });

  it("logs every view of the current participant as a read", async () => {
    const eva = w.byName("Eva Testsson");
    const log = await w.call(eva, "GET", `${BOARD}/audit?participantId=${sharedWithNorth.participant.id}`);
    expect(log.status).toBe(200);
    const readers = log.body.records
      .filter((r: { what: string }) => r.what === "viewedDetails")
      .map((r: { objectId: string }) => r.objectId);
    expect(readers).toEqual(expect.arrayContaining([ada().objectId, hugo().objectId]));
    expect(readers).not.toContain(lars().objectId);
  });

  it("lets only the presenter move on, and hands over on 'Ta över'", async () => {
    expect((await event(hugo(), { type: "moveTo", index: 0 })).status).toBe(403);
    const taken = await event(hugo(), { type: "takeOver" });
    expect(taken.body.walkthrough).toMatchObject({ isPresenter: true, presenter: { memberId: hugo().id } });
    expect((await event(ada(), { type: "moveTo", index: 0 })).status).toBe(403);
    expect((await event(hugo(), { type: "moveTo", index })).status).toBe(200);
  });

  it("refuses a report of what happened, from an attendee or the presenter: the server counts it", async () => {
    const p = sharedWithNorth.participant.id;
    const before = (await w.call(hugo(), "GET", WT)).body.walkthrough.counts;
    for (const m of [lars(), hugo()]) {
      for (const body of [
        { type: "actionAgreed" },
        { type: "reviewed", participantId: p },
        { type: "added", participantId: p },
        { type: "removed", participantId: p },
      ]) {
        const res = await event(m, body);
        expect(res.status).toBe(400);
        expect(res.body.error).toMatchObject({ code: "BadRequest", field: "type" });
        expect(res.body.error.message).toMatch(/moveTo, takeOver, end.*counted by the server/);
      }
    }
    expect((await w.call(hugo(), "GET", WT)).body.walkthrough.counts).toEqual(before);
  });

  it("counts a review made during it once, from the review itself, whoever reviews and however often", async () => {
    const p = sharedWithNorth.participant.id;
    const etag = async () => (await w.app.storage.entries.getCurrent(sharedWithNorth.participant.boardId, p))!.etag;
    expect((await w.call(ada(), "POST", `${BOARD}/entries/${p}/review`, { etag: await etag() })).status).toBe(200);
    expect((await w.call(ada(), "POST", `${BOARD}/entries/${p}/review`, { etag: await etag() })).status).toBe(200);
    // Another organisation's own review of the same participant: still one participant reviewed.
    expect((await w.call(hugo(), "POST", `${BOARD}/entries/${p}/review`, { etag: await etag() })).status).toBe(200);
    const seen = (await w.call(hugo(), "GET", WT)).body.walkthrough;
    expect(seen.counts.reviewed).toBe(1);
    expect(seen.visible.find((v: { participantId: string }) => v.participantId === p).reviewed).toBe(true);
  });

  it("records the check-in with every attendee when the presenter ends it", async () => {
    expect((await event(ada(), { type: "end" })).status).toBe(403);
    const ended = await event(hugo(), { type: "end" });
    expect(ended.body.walkthrough.endedAt).toBeDefined();
    const checkIn = await w.call(ada(), "GET", `${BOARD}/check-ins/${w.today()}?meeting=morgonmote`);
    expect(checkIn.status).toBe(200);
    expect(checkIn.body).toMatchObject({ meetingId: "morgonmote", meetingName: "Morgonmöte, alla" });
    expect([...checkIn.body.attendeeIds].sort()).toEqual([ada().id, hugo().id, lars().id].sort());
    expect(checkIn.body.reviewedParticipantIds).toEqual([sharedWithNorth.participant.id]);
  });

  it("continues where it stopped when started again, not at participant 1", async () => {
    const again = await w.call(ada(), "POST", WT, {});
    expect(again.body.walkthrough.endedAt).toBeUndefined();
    expect(again.body.walkthrough.current.index).toBe(index);
    expect(again.body.walkthrough.isPresenter).toBe(true);
  });
});

describe("a partner's own meeting", () => {
  it("covers only the participants on the board that involve that partner, and records its own check-in beside the daily one", async () => {
    const southOnly = await aFreshParticipant(w, { onBoard: true, organisationIds: [ORG.region, ORG.south] });
    const started = await w.call(ada(), "POST", `${WT}?meeting=norrby`, {});
    expect(started.status).toBe(200);
    expect(started.body.walkthrough).toMatchObject({ meetingId: "norrby", meetingName: "Norrby tisdag och torsdag" });
    const [entries, participants] = await Promise.all([
      w.app.storage.entries.listCurrent(DEMO_BOARD_ID),
      w.app.storage.participants.listForBoard(DEMO_BOARD_ID),
    ]);
    const involvesNorth = new Set(participants.filter((p) => p.organisationIds.includes(ORG.north)).map((p) => p.id));
    const expected = entries.filter((e) => involvesNorth.has(e.participantId)).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(entries.length);
    expect(started.body.walkthrough.total).toBe(expected);
    const shown = started.body.walkthrough.visible.map((v: { participantId: string }) => v.participantId);
    expect(shown).not.toContain(southOnly.participant.id);
    expect(shown.every((id: string) => involvesNorth.has(id))).toBe(true);

    expect((await w.call(ada(), "POST", `${WT}/events?meeting=norrby`, { type: "end" })).status).toBe(200);
    const checkIn = await w.call(ada(), "GET", `${BOARD}/check-ins/${w.today()}?meeting=norrby`);
    expect(checkIn.body).toMatchObject({ meetingId: "norrby", meetingName: "Norrby tisdag och torsdag" });
    expect((await w.call(ada(), "GET", `${BOARD}/check-ins/${w.today()}?meeting=morgonmote`)).body.meetingId).toBe("morgonmote");
  });

  it("answers 404 for a meeting the board does not have", async () => {
    expect((await w.call(ada(), "POST", `${WT}?meeting=no-such-meeting`, {})).status).toBe(404);
  });
});
