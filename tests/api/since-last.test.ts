// Since yesterday (Sedan sist, issue 26 item 1) through HTTP on Azurite. The region writes the
// participant and their entry; its consent names Norrby and Västra. Norrby's own consent names only
// the region. Each organisation writes one note per meeting day; a second write the same day edits
// it under its ETag (never a silent overwrite); Västra sees the region's note but nothing of Norrby's;
// every read and write is in the access log.
import { addDays } from "../../bot/src/domain/dates";
import type { AuditEvent, Member } from "../../bot/src/domain/types";
import { aFreshParticipant, BOARD, DEMO_BOARD_ID, ORG, startWorld, textOf, type Fixture, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const hugo = () => w.byName("Hugo Fiktivsson"); // Norrby coordinator
const karin = () => w.byName("Karin Exempeldotter"); // Norrby manager
const per = () => w.byName("Per Påhittsson"); // Västra coordinator
const RANGE = { fromMonth: "2026-01", toMonth: "2026-12" };

let counter = 0;
const words = (who: string) => `ZQX${who}${++counter}`;

async function theRegionsEntry(): Promise<Fixture> {
  return aFreshParticipant(w, {
    caseManagerId: ada().id,
    onBoard: true,
    consents: [
      { from: ORG.region, to: [ORG.north, ORG.west] },
      { from: ORG.north, to: [ORG.region] },
    ],
  });
}

const notePath = (f: Fixture) => `${BOARD}/entries/${f.participant.id}/since-last`;

async function rowOf(member: Member, f: Fixture) {
  const board = await w.call(member, "GET", BOARD);
  expect(board.status).toBe(200);
  return board.body.rows.find((r: { participant: { id: string } }) => r.participant.id === f.participant.id);
}

/** The access records `act` wrote for `member` about the fixture's participant (a fresh participant: none before). */
async function recordsOf(member: Member, f: Fixture, act: () => Promise<unknown>): Promise<string[]> {
  const list = async () =>
    (await w.app.storage.audit.listForMember(DEMO_BOARD_ID, member.tenantId, member.objectId, RANGE)).filter(
      (e: AuditEvent) => e.participantId === f.participant.id,
    );
  const before = (await list()).map((e) => e.what);
  await act();
  const after = (await list()).map((e) => e.what);
  for (const what of before) after.splice(after.indexOf(what), 1);
  return after;
}

describe("writing today's note", () => {
  it("shows the municipality's note on the region's board with Norrby named, and nothing of it to Västra", async () => {
    const f = await theRegionsEntry();
    const text = words("NORRBY");
    const written = await w.call(hugo(), "PUT", notePath(f), { text });
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({ text, organisationId: ORG.north, on: w.today(), participantId: f.participant.id });
    expect(written.body.etag).toEqual(expect.any(String));

    const forAda = await rowOf(ada(), f);
    expect(forAda.sinceLast).toEqual([expect.objectContaining({ text, organisationId: ORG.north, writtenBy: hugo().id })]);
    // The region reads Norrby's note but never gets Norrby's ETag: it cannot edit another organisation's note.
    expect(forAda.sinceLast[0].etag).toBeUndefined();

    // Västra sees the region's entry (the region's consent names it), but Norrby's words nowhere.
    const forPer = await rowOf(per(), f);
    expect(forPer).toBeDefined();
    expect(forPer.sinceLast).toEqual([]);
    const history = await w.call(per(), "GET", `${BOARD}/participants/${f.participant.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.sinceLast).toEqual([]);
    const list = await w.call(per(), "GET", `${BOARD}/participants?q=ZQX`);
    for (const r of [history, list]) expect(textOf(r)).not.toContain(text);
    expect(textOf(await w.call(per(), "GET", BOARD))).not.toContain(text);
  });

  it("edits the same note on a second write the same day, only with the ETag of the note one saw", async () => {
    const f = await theRegionsEntry();
    const first = await w.call(hugo(), "PUT", notePath(f), { text: words("FIRST") });
    expect(first.status).toBe(200);

    // A colleague of the same organisation, without the ETag: refused with what is stored now.
    const blind = await w.call(karin(), "PUT", notePath(f), { text: words("BLIND") });
    expect(blind.status).toBe(409);
    expect(blind.body.error.code).toBe("Conflict");
    expect(blind.body.error.current).toMatchObject({ text: first.body.text, etag: first.body.etag });

    const edited = await w.call(karin(), "PUT", notePath(f), { text: words("EDIT"), etag: first.body.etag });
    expect(edited.status).toBe(200);
    expect(edited.body.etag).not.toBe(first.body.etag);

    // Hugo still holds the first ETag: his edit would overwrite Karin's unseen, so it is refused.
    const stale = await w.call(hugo(), "PUT", notePath(f), { text: words("STALE"), etag: first.body.etag });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ text: edited.body.text, writtenBy: karin().id });

    // One note for Norrby today, with Karin's words.
    const row = await rowOf(ada(), f);
    expect(row.sinceLast.map((n: { text: string }) => n.text)).toEqual([edited.body.text]);
  });

  it("answers a retried first write with the note it made, not a conflict", async () => {
    const f = await theRegionsEntry();
    const text = words("RETRY");
    const first = await w.call(hugo(), "PUT", notePath(f), { text });
    const again = await w.call(hugo(), "PUT", notePath(f), { text });
    expect(again.status).toBe(200);
    expect(again.body.etag).toBe(first.body.etag);
  });

  it("keeps each organisation's note its own: the region's and Norrby's side by side", async () => {
    const f = await theRegionsEntry();
    const norrby = await w.call(hugo(), "PUT", notePath(f), { text: words("N") });
    const region = await w.call(ada(), "PUT", notePath(f), { text: words("R") });
    expect([norrby.status, region.status]).toEqual([200, 200]);
    const forAda = await rowOf(ada(), f);
    expect(forAda.sinceLast.map((n: { organisationId: string }) => n.organisationId).sort()).toEqual([ORG.north, ORG.region].sort());
    const forPer = await rowOf(per(), f);
    expect(forPer.sinceLast).toEqual([expect.objectContaining({ organisationId: ORG.region, text: region.body.text })]);
  });

  it("refuses a personal identity number and a note over 300 characters, storing nothing", async () => {
    const f = await theRegionsEntry();
    const pnr = await w.call(hugo(), "PUT", notePath(f), { text: "Ringde 19121212-1212 i går" });
    expect(pnr.status).toBe(400);
    expect(pnr.body.error.reason).toBe("PersonalIdentityNumber");
    const long = await w.call(hugo(), "PUT", notePath(f), { text: "x".repeat(301) });
    expect(long.status).toBe(400);
    expect((await rowOf(ada(), f)).sinceLast).toEqual([]);
  });

  it("answers NotFound to an organisation that may not see the participant", async () => {
    const f = await aFreshParticipant(w, { caseManagerId: ada().id, onBoard: true, consents: [{ from: ORG.region, to: [ORG.north] }] });
    const res = await w.call(per(), "PUT", notePath(f), { text: words("WEST") });
    expect(res.status).toBe(404);
  });
});

describe("the access log", () => {
  it("logs the write as a change and each board read as one view of the participant", async () => {
    const f = await theRegionsEntry();
    expect(await recordsOf(hugo(), f, () => w.call(hugo(), "PUT", notePath(f), { text: words("LOG") }))).toEqual(["changed"]);
    expect(await recordsOf(ada(), f, () => w.call(ada(), "GET", BOARD))).toEqual(["viewedDetails"]);
    expect(await recordsOf(per(), f, () => w.call(per(), "GET", BOARD))).toEqual(["viewedDetails"]);
    expect(await recordsOf(ada(), f, () => w.call(ada(), "GET", `${BOARD}/participants/${f.participant.id}/history`))).toEqual([
      "viewedHistory",
    ]);
  });
});

describe("since the last meeting", () => {
  it("shows yesterday's note the next meeting day, and keeps older ones in the history only", async () => {
    const f = await theRegionsEntry();
    const text = words("OLD");
    await w.call(hugo(), "PUT", notePath(f), { text });
    const day = w.today();
    // The demo board meets every working day: tomorrow's meeting shows it, the one after only in the history.
    w.setNow(new Date(`${nextWorkingDay(day)}T07:00:00.000Z`));
    expect((await rowOf(ada(), f)).sinceLast.map((n: { text: string }) => n.text)).toEqual([text]);
    w.setNow(new Date(`${nextWorkingDay(nextWorkingDay(day))}T07:00:00.000Z`));
    expect((await rowOf(ada(), f)).sinceLast).toEqual([]);
    const history = await w.call(ada(), "GET", `${BOARD}/participants/${f.participant.id}/history`);
    expect(history.body.sinceLast).toEqual([expect.objectContaining({ text, on: day, organisationId: ORG.north })]);
  });
});

function nextWorkingDay(date: string): string {
  let d = addDays(date, 1);
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}
