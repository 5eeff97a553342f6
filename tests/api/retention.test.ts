// Retention through the API: "leave the team" starts the writing organisation's retention period;
// once it has passed, the erasure run removes the details, and the access log still answers the
// organisations that were involved (it survives erasure), while nobody sees the participant.
import { addDays } from "../../bot/src/domain/dates";
import { silentNotifier } from "../../bot/src/use-cases/notification";
import { eraseAfterRetention } from "../../bot/src/use-cases/retention";
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, START, startWorld, TIME_ZONE, textOf, type Fixture, type World } from "./world";

let w: World;
let leaving: Fixture;
const ada = () => w.byName("Ada Fiktiv");

beforeAll(async () => {
  w = await startWorld();
  // Written by the north (social services: five years), shared with the region.
  leaving = await aFreshParticipant(w, {
    writtenBy: ORG.north,
    caseManagerId: w.byName("Hugo Fiktivsson").id,
    onBoard: true,
    consents: [
      { from: ORG.north, to: [ORG.region] },
      { from: ORG.region, to: [ORG.north] },
    ],
  });
});
afterAll(async () => {
  await w?.stop();
});

const erase = () =>
  eraseAfterRetention(
    {
      storage: w.app.storage,
      clock: () => new Date(`${w.today()}T12:00:00Z`),
      timeZone: TIME_ZONE,
      newId: () => "x",
      notifier: silentNotifier,
    },
    DEMO_BOARD_ID,
  );

it("a staff member who is not the case manager may not take someone out of the team", async () => {
  const res = await w.call(w.byName("Ines Påhitt"), "POST", `${BOARD}/participants/${leaving.participant.id}/leave`, {});
  expect([res.status, res.body.error.code]).toEqual([403, "Forbidden"]);
});

it("leaving takes them off the board and out of the lists, but keeps them until the retention period ends", async () => {
  const hugo = w.byName("Hugo Fiktivsson");
  const res = await w.call(hugo, "POST", `${BOARD}/participants/${leaving.participant.id}/leave`, {});
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ code: leaving.participant.code, onBoard: false });
  const board = await w.call(hugo, "GET", BOARD);
  expect(board.body.rows.some((r: { participant: { id: string } }) => r.participant.id === leaving.participant.id)).toBe(false);
  expect(textOf(await w.call(hugo, "GET", `${BOARD}/participants?q=ZQX`))).not.toContain(leaving.participant.code);
  const history = await w.call(hugo, "GET", `${BOARD}/participants/${leaving.participant.id}/history`);
  expect(history.body.closed[0]).toMatchObject({ outcome: "leftFact" });
  // Five years less a day later, they are still there.
  w.setNow(new Date(`${addDays(addDays(w.today(), 1825), -1)}T12:00:00Z`));
  expect(await erase()).toMatchObject({ erased: 0 });
  expect((await w.call(hugo, "GET", `${BOARD}/participants/${leaving.participant.id}/history`)).status).toBe(200);
});

it("after the retention period the details are erased; the access log still answers the involved organisations", async () => {
  w.setNow(new Date(START.getTime() + 1825 * 86_400_000));
  expect(await erase()).toMatchObject({ erased: 1 });

  const karin = w.byName("Karin Exempeldotter"); // north manager
  const eva = w.byName("Eva Testsson"); // region manager
  for (const who of [w.byName("Hugo Fiktivsson"), ada()]) {
    const res = await w.call(who, "GET", `${BOARD}/participants/${leaving.participant.id}/history`);
    expect([res.status, res.body.error.code]).toEqual([404, "NotFound"]);
  }
  for (const manager of [karin, eva]) {
    // Page through the five years (one page per month with records).
    const records: Array<{ what: string; participantCode: string }> = [];
    let cursor: string | undefined;
    do {
      const log = await w.call(
        manager,
        "GET",
        `${BOARD}/audit?participantId=${leaving.participant.id}&fromMonth=2026-01&toMonth=${w.today().slice(0, 7)}${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(log.status).toBe(200);
      records.push(...log.body.records);
      cursor = log.body.cursor;
    } while (cursor);
    const whats = records.map((r) => r.what);
    expect(whats).toContain("erased");
    expect(whats).toContain("changed");
    expect(records.filter((r) => r.participantCode !== leaving.participant.code)).toEqual([]);
  }
  // An organisation never involved with them gets nothing, as before.
  const west = await w.call(w.byName("Sven Exempelsson"), "GET", `${BOARD}/audit?participantId=${leaving.participant.id}`);
  expect(west.status).toBe(404);
  // The de-identified row is still counted in the caseload's storage.
  const stored = await w.app.storage.participants.get(DEMO_BOARD_ID, leaving.participant.id);
  expect(stored).toMatchObject({ code: "", initials: "", organisationIds: [ORG.north, ORG.region] });
  expect(await w.app.storage.consents.listForParticipant(DEMO_BOARD_ID, leaving.participant.id)).toEqual([]);
});
