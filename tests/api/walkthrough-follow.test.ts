// Following the presenter: a move is the walkthrough's own change (the board's version stays, so no
// attendee reads the board again), each attendee reads the move view and it logs one access record
// for the participant now shown, or none where their organisation may not see them. And the
// presenting stage's heartbeat: when it stops, attendees are told, and anyone who may lead takes over.
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, START, startWorld, textOf, type Fixture, type World } from "./world";

let w: World;
let sharedWithNorth: Fixture; // written by the region, consent names the north only

const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const hugo = () => w.byName("Hugo Fiktivsson"); // north coordinator
const lars = () => w.byName("Lars Testberg"); // south coordinator
const WT = `${BOARD}/walkthrough`;

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

/** Views of the participant that the member's access-log records hold (a folded row counts as many). */
async function viewsLogged(member: ReturnType<typeof ada>, participantId: string): Promise<number> {
  const month = w.today().slice(0, 7);
  const events = await w.app.storage.audit.listForMember(DEMO_BOARD_ID, member.tenantId, member.objectId, {
    fromMonth: month,
    toMonth: month,
  });
  return events.filter((e) => e.participantId === participantId && e.what === "viewedDetails").reduce((sum, e) => sum + (e.count ?? 1), 0);
}

describe("a move", () => {
  let index: number;
  let other: number;

  beforeAll(async () => {
    const started = await w.call(ada(), "POST", WT, {});
    expect(started.status).toBe(200);
    await w.call(hugo(), "POST", `${WT}/join`, {});
    await w.call(lars(), "POST", `${WT}/join`, {});
    const visible = started.body.walkthrough.visible as Array<{ index: number; participantId: string }>;
    index = visible.find((v) => v.participantId === sharedWithNorth.participant.id)!.index;
    other = visible.find((v) => v.index !== index)!.index;
  });

  it("changes the walkthrough's own version and leaves the board's alone", async () => {
    await w.call(ada(), "POST", `${WT}/events`, { type: "moveTo", index: other });
    const board = await w.call(hugo(), "GET", BOARD);
    const before = await w.call(hugo(), "GET", `${WT}/current?meeting=morgonmote`);
    const moved = await w.call(ada(), "POST", `${WT}/events`, { type: "moveTo", index });
    expect(moved.status).toBe(200);
    const after = await w.call(hugo(), "GET", `${WT}/current?meeting=morgonmote`);
    expect(after.body.version).toBeGreaterThan(before.body.version);
    expect(after.body.current).toMatchObject({ index, shown: "details", participantId: sharedWithNorth.participant.id });
    expect((await w.call(hugo(), "GET", BOARD)).body.version).toBe(board.body.version);
  });

  it("logs one access record for each attendee shown the participant, and none for one whose organisation may not see them", async () => {
    await w.call(ada(), "POST", `${WT}/events`, { type: "moveTo", index: other });
    const people = [ada(), hugo(), lars()];
    const before = await Promise.all(people.map((m) => viewsLogged(m, sharedWithNorth.participant.id)));
    // The presenter's move answers with the walkthrough as she may see it (her record); the
    // attendees read the move view, as their tab does on the live event.
    await w.call(ada(), "POST", `${WT}/events`, { type: "moveTo", index });
    const views = await Promise.all([hugo(), lars()].map((m) => w.call(m, "GET", `${WT}/current?meeting=morgonmote`)));
    expect(views.map((v) => v.body.current.shown)).toEqual(["details", "hidden"]);
    const south = textOf(views[1]!);
    expect(south).not.toContain(sharedWithNorth.participant.id);
    expect(south).not.toContain(sharedWithNorth.participant.code);
    const after = await Promise.all(people.map((m) => viewsLogged(m, sharedWithNorth.participant.id)));
    expect(after.map((n, i) => n - before[i]!)).toEqual([1, 1, 0]);
  });

  it("carries the participant's contacts as each attendee's organisation may read them, within the one access record", async () => {
    const contacts = `${BOARD}/participants/${sharedWithNorth.participant.id}/contacts`;
    expect((await w.call(ada(), "GET", "/api/me")).status).toBe(200);
    expect((await w.call(ada(), "PUT", contacts, { kind: "member", memberId: ada().id })).status).toBe(200);
    const northName = "Zqx Nordkontakt";
    expect((await w.call(hugo(), "PUT", contacts, { kind: "external", name: northName, role: "Boendestödjare" })).status).toBe(200);
    await w.call(ada(), "POST", `${WT}/events`, { type: "moveTo", index: other });
    const people = [ada(), hugo(), lars()];
    const before = await Promise.all(people.map((m) => viewsLogged(m, sharedWithNorth.participant.id)));

    const moved = await w.call(ada(), "POST", `${WT}/events`, { type: "moveTo", index });
    const [north, south] = await Promise.all([hugo(), lars()].map((m) => w.call(m, "GET", `${WT}/current?meeting=morgonmote`)));
    // The north reads its own contact and the region's (its consent names the north), with Ada's chat name.
    expect(north!.body.current.contacts).toEqual([
      expect.objectContaining({ organisationId: ORG.north, kind: "external", name: northName }),
      expect.objectContaining({ organisationId: ORG.region, kind: "member", memberId: ada().id, chatUser: "ada.fiktiv@fact-demo.example" }),
    ]);
    // The region: its own only (the north's consent names nobody); the south: no details, no contacts.
    expect(moved.body.walkthrough.current.contacts.map((c: { organisationId: string }) => c.organisationId)).toEqual([ORG.region]);
    expect(textOf(moved)).not.toContain(northName);
    expect(south!.body.current).not.toHaveProperty("contacts");
    expect(textOf(south!)).not.toContain("ada.fiktiv@");
    const after = await Promise.all(people.map((m) => viewsLogged(m, sharedWithNorth.participant.id)));
    expect(after.map((n, i) => n - before[i]!)).toEqual([1, 1, 0]);
  });

  it("answers 404 for a meeting without a walkthrough today", async () => {
    expect((await w.call(hugo(), "GET", `${WT}/current?meeting=norrby`)).status).toBe(404);
  });
});

describe("the presenter's heartbeat", () => {
  it("counts only the presenter's stage, and tells attendees when it stops until someone takes over", async () => {
    expect((await w.call(ada(), "POST", `${WT}/presence?meeting=morgonmote`, {})).body).toEqual({ presenting: true });
    expect((await w.call(hugo(), "POST", `${WT}/presence?meeting=morgonmote`, {})).body).toEqual({ presenting: false });
    expect((await w.call(hugo(), "GET", WT)).body.walkthrough.presenterPresent).toBe(true);

    // No beat for longer than a stage ever waits between two: the presenter has gone.
    w.setNow(new Date(START.getTime() + 9_000));
    expect((await w.call(hugo(), "GET", WT)).body.walkthrough.presenterPresent).toBe(false);
    expect((await w.call(lars(), "GET", `${WT}/current?meeting=morgonmote`)).body.presenterPresent).toBe(false);

    const taken = await w.call(hugo(), "POST", `${WT}/events`, { type: "takeOver" });
    expect(taken.body.walkthrough).toMatchObject({ isPresenter: true, presenterPresent: true });
    expect((await w.call(lars(), "GET", WT)).body.walkthrough).toMatchObject({
      presenter: { memberId: hugo().id },
      presenterPresent: true,
    });
  });
});
