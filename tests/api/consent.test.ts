// Consent gates details, checked at each request: grant, expiry, withdrawal and re-grant change
// what a partner organisation's members see in board reads, the participant list, history and the
// access log export. While their organisation may see nothing, nothing identifying reaches them:
// the whole text of every response is scanned for the participant's code, initials and notes.
import { addDays } from "../../bot/src/domain/dates";
import type { Member } from "../../bot/src/domain/types";
import {
  aFreshParticipant,
  anOpenSignal,
  BOARD,
  DEMO_BOARD_ID,
  identifying,
  ORG,
  START,
  startWorld,
  textOf,
  type Fixture,
  type World,
} from "./world";

let w: World;
let hidden: Fixture;
const NOTE = "ZQXANTECKNING";
const ACTION = "ZQXÅTGÄRD";

const ada = () => w.byName("Ada Fiktiv"); // region coordinator, case manager of the participant
const karin = () => w.byName("Karin Exempeldotter"); // north manager: reads the board and the access log
const hugo = () => w.byName("Hugo Fiktivsson"); // north coordinator
const day = (n: number) => new Date(START.getTime() + n * 86_400_000);

beforeAll(async () => {
  w = await startWorld();
  hidden = await aFreshParticipant(w, { caseManagerId: ada().id, onBoard: true, organisationIds: [ORG.region, ORG.north] });
  // Region writes a note and an action; an earlier stay on the board is in the history; a signal is open.
  const edited = await w.call(ada(), "PATCH", `${BOARD}/entries/${hidden.participant.id}`, { etag: hidden.entry!.etag, reasonNote: NOTE });
  expect(edited.status).toBe(200);
  const added = await w.call(ada(), "POST", `${BOARD}/entries/${hidden.participant.id}/actions`, {
    etag: edited.body.etag,
    what: ACTION,
    responsibleId: ada().id,
    byWhen: addDays(w.today(), 2),
  });
  expect(added.status).toBe(201);
  await anOpenSignal(w, hidden.participant.id, ORG.region, ORG.west, ada().id);
});
afterAll(async () => {
  await w?.stop();
});

/** Everything a north member can ask about the participant, and what each answer says. */
async function whatTheNorthSees(member: Member = karin()) {
  const p = hidden.participant;
  const responses = {
    board: await w.call(member, "GET", BOARD),
    list: await w.call(member, "GET", `${BOARD}/participants?q=ZQX`),
    history: await w.call(member, "GET", `${BOARD}/participants/${p.id}/history`),
    consents: await w.call(member, "GET", `${BOARD}/participants/${p.id}/consents`),
    overview: await w.call(member, "GET", `${BOARD}/overview`),
    auditCsv: await w.call(member, "GET", `${BOARD}/audit.csv?participantId=${p.id}`),
    auditOfMember: await w.call(member, "GET", `${BOARD}/audit.csv?memberId=${encodeURIComponent(hugo().id)}`),
  };
  const onBoard = responses.board.body.rows.some((r: { participant: { id: string } }) => r.participant.id === p.id);
  const listed = responses.list.body.participants.some((x: { id: string }) => x.id === p.id);
  return {
    responses,
    summary: {
      board: onBoard,
      list: listed,
      history: responses.history.status,
      consents: responses.consents.status,
      auditCsv: responses.auditCsv.status,
    },
  };
}

const SEES = { board: true, list: true, history: 200, consents: 200, auditCsv: 200 };
const SEES_NOTHING = { board: false, list: false, history: 404, consents: 404, auditCsv: 404 };

function expectNoTrace(responses: Record<string, { body: unknown; status: number; headers: Headers }>) {
  for (const [name, res] of Object.entries(responses)) {
    const text = textOf(res);
    for (const secret of [...identifying(hidden.participant), NOTE, ACTION]) {
      expect(`${name} contains ${secret}: ${text.includes(secret)}`).toBe(`${name} contains ${secret}: false`);
    }
  }
}

async function recordRegionConsent(body: Record<string, unknown>) {
  const current = await w.call(ada(), "GET", `${BOARD}/participants/${hidden.participant.id}/consents`);
  const etag = current.body.consents.find((c: { disclosingOrganisationId: string }) => c.disclosingOrganisationId === ORG.region)?.etag;
  const res = await w.call(ada(), "PUT", `${BOARD}/participants/${hidden.participant.id}/consents/${ORG.region}`, {
    ...(etag ? { etag } : {}),
    ...body,
  });
  expect([res.status, res.body.error]).toEqual([200, undefined]);
  return res.body;
}

describe("a partner organisation and one participant's consent over time", () => {
  it("without any consent the north sees nothing of the participant, anywhere, and only a count on the board", async () => {
    const { responses, summary } = await whatTheNorthSees();
    expect(summary).toEqual(SEES_NOTHING);
    expectNoTrace(responses);
    const before = responses.board.body.hiddenCount;
    expect(before).toBeGreaterThan(0);
    // The count says how many entries are hidden; it is the only sign of them.
    const region = await w.call(ada(), "GET", BOARD);
    expect(region.body.rows.length + region.body.hiddenCount).toBe(responses.board.body.rows.length + before);
    // The signal about them is no answer to the north either.
    const signalId = (await w.app.storage.signals.listForParticipant(DEMO_BOARD_ID, hidden.participant.id))[0]!.id;
    const signal = await w.call(hugo(), "GET", `${BOARD}/signals/${signalId}`);
    expect(signal.status).toBe(404);
    expectNoTrace({ signal });
  });

  it("a given consent naming the north shows the participant, the note and the action to the north", async () => {
    await recordRegionConsent({
      status: "given",
      receivingOrganisationIds: [ORG.north],
      givenOn: w.today(),
      validUntil: addDays(w.today(), 5),
    });
    const { responses, summary } = await whatTheNorthSees();
    expect(summary).toEqual(SEES);
    const row = responses.board.body.rows.find((r: { participant: { id: string } }) => r.participant.id === hidden.participant.id);
    expect(row.participant).toMatchObject({ code: hidden.participant.code, initials: hidden.participant.initials });
    expect(row.entry.reasonNote).toBe(NOTE);
    expect(row.entry.actions.map((a: { what: string }) => a.what)).toContain(ACTION);
    expect(responses.auditCsv.body).toContain(hidden.participant.code);
  });

  it("what the north writes stays with the north until the north's own consent names the region", async () => {
    const board = await w.call(hugo(), "GET", BOARD);
    const row = board.body.rows.find((r: { participant: { id: string } }) => r.participant.id === hidden.participant.id);
    const added = await w.call(hugo(), "POST", `${BOARD}/entries/${hidden.participant.id}/actions`, {
      etag: row.entry.etag,
      what: "ZQXNORRBY",
      responsibleId: hugo().id,
      byWhen: addDays(w.today(), 1),
    });
    expect(added.status).toBe(201);
    const regionSees = async () =>
      JSON.stringify((await w.call(ada(), "GET", `${BOARD}/participants/${hidden.participant.id}/history`)).body).includes("ZQXNORRBY");
    expect(await regionSees()).toBe(false);
    const res = await w.call(hugo(), "PUT", `${BOARD}/participants/${hidden.participant.id}/consents/${ORG.north}`, {
      status: "given",
      receivingOrganisationIds: [ORG.region],
      givenOn: w.today(),
      validUntil: addDays(w.today(), 300),
    });
    expect(res.status).toBe(200);
    expect(await regionSees()).toBe(true);
  });

  it("the day after 'valid until' the consent has expired and the north sees nothing again", async () => {
    w.setNow(day(5));
    expect((await whatTheNorthSees()).summary).toEqual(SEES);
    w.setNow(day(6));
    const { responses, summary } = await whatTheNorthSees();
    expect(summary).toEqual(SEES_NOTHING);
    expectNoTrace(responses);
    const region = await w.call(ada(), "GET", `${BOARD}/participants/${hidden.participant.id}/consents`);
    expect(region.body.consents.find((c: { disclosingOrganisationId: string }) => c.disclosingOrganisationId === ORG.region).status).toBe(
      "expired",
    );
  });

  it("a renewed consent shows them again", async () => {
    await recordRegionConsent({
      status: "given",
      receivingOrganisationIds: [ORG.north],
      givenOn: w.today(),
      validUntil: addDays(w.today(), 365),
    });
    expect((await whatTheNorthSees()).summary).toEqual(SEES);
  });

  it("a withdrawn consent hides them at once, for every member of the north", async () => {
    await recordRegionConsent({ status: "withdrawn", receivingOrganisationIds: [ORG.north] });
    for (const member of [karin(), hugo(), w.byName("Ines Påhitt")]) {
      const { responses, summary } = await whatTheNorthSees(member);
      expect(member.role === "manager" ? summary : { ...summary, auditCsv: 404 }).toEqual(SEES_NOTHING);
      expectNoTrace(responses);
    }
  });

  it("the access log of a north member keeps its rows about the participant but masks the code while the north may not see them", async () => {
    const log = await w.call(karin(), "GET", `${BOARD}/audit?memberId=${encodeURIComponent(hugo().id)}`);
    expect(log.status).toBe(200);
    const masked = log.body.records.filter((r: { participantCode: string }) => r.participantCode === "—");
    expect(masked.length).toBeGreaterThan(0);
    expectNoTrace({ log });
  });

  it("a consent given again shows them again, with the whole history", async () => {
    await recordRegionConsent({
      status: "given",
      receivingOrganisationIds: [ORG.north],
      givenOn: w.today(),
      validUntil: addDays(w.today(), 200),
    });
    const { responses, summary } = await whatTheNorthSees();
    expect(summary).toEqual(SEES);
    expect(textOf(responses.history)).toContain(NOTE);
    expect(textOf(responses.auditOfMember)).toContain(hidden.participant.code);
  });

  it("a consent naming only another organisation shows nothing to the north", async () => {
    await recordRegionConsent({
      status: "given",
      receivingOrganisationIds: [ORG.west],
      givenOn: w.today(),
      validUntil: addDays(w.today(), 200),
    });
    const { responses, summary } = await whatTheNorthSees();
    expect(summary).toEqual(SEES_NOTHING);
    expectNoTrace(responses);
  });
});
