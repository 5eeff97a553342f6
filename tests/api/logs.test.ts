// Application logs carry no personal data. The real server runs a full flow at LOG_LEVEL=info —
// sign-ins, board reads, changes, consents, signals, absences, the access log, bad requests and
// server errors — with pino's output captured (the logger's own options, redaction included, are
// untouched; only the destination is ours). Then the logs are searched for every demo name, code,
// initials, note and signed-in principal name: none may appear, nor any token.
import type { Writable } from "node:stream";

const lines: string[] = [];

// Keep the app's logger exactly as configured, but write into `lines` instead of stdout.
jest.doMock("pino", () => {
  const real = jest.requireActual("pino");
  const { Writable: W } = jest.requireActual("node:stream") as { Writable: typeof Writable };
  const sink = new W({
    write(chunk: Buffer, _enc: string, done: () => void) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  const wrapped = (options: unknown) => real(options, sink);
  return Object.assign(wrapped, real, { default: wrapped, pino: wrapped });
});

type WorldModule = typeof import("./world");
let world: WorldModule;
let w: import("./world").World;

beforeAll(async () => {
  // Loaded only now, so the app's logger is built over the mocked pino (requireActual: the world
  // itself is not mocked; its own imports still see the mock).
  world = jest.requireActual<WorldModule>("./world");
  w = await world.startWorld({ env: { LOG_LEVEL: "info" } });
});
afterAll(async () => {
  await w?.stop();
});

it("a full flow at LOG_LEVEL=info logs no names, codes, initials, notes or tokens", async () => {
  const { BOARD, ORG } = world;
  const { addDays } = jest.requireActual<typeof import("../../bot/src/domain/dates")>("../../bot/src/domain/dates");
  const ada = w.byName("Ada Fiktiv");
  const eva = w.byName("Eva Testsson");
  const hugo = w.byName("Hugo Fiktivsson");
  const tokens = await Promise.all(w.members.map((m) => w.token(m)));

  // Everyone signs in (their principal name is stored) and opens the board; people of every organisation read history and consents.
  for (const m of w.members) expect((await w.call(m, "GET", "/api/me")).status).toBe(200);
  for (const m of w.members) expect((await w.call(m, "GET", BOARD)).status).toBe(200);
  const board = (await w.call(ada, "GET", BOARD)).body;
  for (const row of board.rows.slice(0, 10)) {
    await w.call(hugo, "GET", `${BOARD}/participants/${row.participant.id}/history`);
    await w.call(ada, "GET", `${BOARD}/participants/${row.participant.id}/consents`);
  }
  await w.call(ada, "GET", `${BOARD}/participants?q=FIK`);
  await w.call(eva, "GET", `${BOARD}/overview`);

  // Changes: a new participant, on the board, edited, an action, reviewed, consent, a signal, taken off, leaves.
  const created = await w.call(ada, "POST", `${BOARD}/participants`, {
    code: "LOGG-0001",
    initials: "Q.X.",
    caseManagerId: ada.id,
    organisationIds: [ORG.region, ORG.north],
  });
  expect(created.status).toBe(201);
  const p = created.body.id;
  const put = await w.call(ada, "POST", `${BOARD}/entries`, {
    participantId: p,
    reason: "crisis",
    reasonNote: "LOGGANTECKNING",
    priority: "high",
    nextEvaluationOn: addDays(w.today(), 3),
  });
  const edited = await w.call(ada, "PATCH", `${BOARD}/entries/${p}`, { etag: put.body.etag, priority: "medium" });
  const acted = await w.call(ada, "POST", `${BOARD}/entries/${p}/actions`, {
    etag: edited.body.etag,
    what: "LOGGÅTGÄRD",
    responsibleId: ada.id,
    byWhen: addDays(w.today(), 1),
  });
  const reviewed = await w.call(ada, "POST", `${BOARD}/entries/${p}/review`, { etag: acted.body.etag });
  await w.call(ada, "PUT", `${BOARD}/participants/${p}/consents/${ORG.region}`, {
    status: "given",
    receivingOrganisationIds: [ORG.north],
    givenOn: w.today(),
    validUntil: addDays(w.today(), 90),
  });
  const signal = await w.call(ada, "POST", `${BOARD}/signals`, {
    participantId: p,
    toOrganisationId: ORG.north,
    kind: "concern",
    urgency: "today",
    note: "LOGGSIGNAL",
  });
  await w.call(hugo, "POST", `${BOARD}/signals/${signal.body.id}/answer`, {
    answer: "decline",
    etag: signal.body.etag,
    reason: "LOGGSKÄL",
  });
  await w.call(ada, "POST", `${BOARD}/entries/${p}/take-off`, { etag: reviewed.body.etag, outcome: "stable", note: "LOGGUTFALL" });
  await w.call(ada, "POST", `${BOARD}/participants/${p}/leave`, {});
  const absence = await w.call(hugo, "POST", `${BOARD}/absences`, {
    from: addDays(w.today(), 40),
    to: addDays(w.today(), 41),
    reason: "sick",
  });
  await w.call(hugo, "POST", `${BOARD}/absences/${absence.body.id}/cancel`, { etag: absence.body.etag });
  await w.call(eva, "GET", `${BOARD}/audit.csv?participantId=${p}`);
  await w.call(eva, "GET", `${BOARD}/audit?memberId=${encodeURIComponent(ada.id)}`);

  // Bad requests and refusals.
  await w.call(ada, "POST", `${BOARD}/participants`, { code: "19800101-1234", initials: "Q.", caseManagerId: ada.id, organisationIds: [] });
  await w.call(hugo, "GET", `${BOARD}/participants/p001/history`);
  await w.call(undefined, "GET", BOARD);
  await w.call(ada, "GET", `/api/boards/no-such-board`);

  // Server errors: the access log is gone, so reads fail and are logged as failures.
  await w.tables.tables.auditLog.deleteTable();
  for (const m of [ada, hugo]) expect((await w.call(m, "GET", BOARD)).status).toBe(500);
  expect((await w.call(ada, "GET", `${BOARD}/participants/${p}/history`)).status).toBe(500);

  // The logs said something (start-up, listening, the failures)...
  const text = lines.join("\n");
  expect(lines.length).toBeGreaterThan(2);
  expect(lines.every((l) => JSON.parse(l) && true)).toBe(true);
  expect(text).toContain("request failed");

  // ...and nothing personal.
  const participants = await w.app.storage.participants.listForBoard(world.DEMO_BOARD_ID);
  const upns = (await w.app.storage.members.listForBoard(world.DEMO_BOARD_ID)).flatMap((m) => (m.upn ? [m.upn] : []));
  expect(upns.length).toBeGreaterThanOrEqual(w.members.length);
  const secrets = new Set<string>([
    ...w.members.map((m) => m.displayName),
    ...w.members.flatMap((m) => m.displayName.split(" ")),
    ...participants.flatMap((x) => [x.code, x.initials]).filter((s) => s.length > 0),
    "LOGG-0001",
    "Q.X.",
    "LOGGANTECKNING",
    "LOGGÅTGÄRD",
    "LOGGSIGNAL",
    "LOGGSKÄL",
    "LOGGUTFALL",
    "Fiktiv signal för demo",
    "Hembesök",
    ...upns,
    ...tokens,
  ]);
  const found = [...secrets].filter((s) => text.includes(s));
  expect(found).toEqual([]);
});
