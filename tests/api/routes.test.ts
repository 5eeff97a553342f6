// Every route with good and bad input, through HTTP against Azurite: bodies are parsed strictly
// (unknown fields refused, no mass assignment), size-limited and must be JSON; path ids are
// checked; callers without a valid token get 401; unknown ids and other boards get 404.
import {
  AuditPage,
  BoardView,
  EntryView,
  MeResponse,
  Overview,
  ParticipantHistory,
  ParticipantList,
  ConsentView,
  SignalView,
  CheckInView,
  FollowUpView,
  ParticipantStudies,
  StudyList,
  ContactsResponse,
  TodaysDecisions,
  WorkPhoneView,
} from "@fact-board/contract";
import type { z } from "zod";
import { addDays } from "../../bot/src/domain/dates";
import { aBoard, aCheckIn, aMember, aParticipant, anOrganisation } from "../support/storage";
import { aFreshParticipant, anOpenSignal, BOARD, DEMO_BOARD_ID, ORG, registeredRoutes, startWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const ada = () => w.byName("Ada Fiktiv"); // region coordinator
const eva = () => w.byName("Eva Testsson"); // region manager

/** Fills a route template with well-formed ids (that need not exist). */
const fill = (template: string, ids: Record<string, string> = {}) =>
  template.replace(
    /:(\w+)/g,
    (_m, name: string) =>
      ids[name] ??
      (name === "boardId" ? DEMO_BOARD_ID : name === "date" ? "2026-03-04" : name === "period" ? "2026-03" : `no-such-${name}`),
  );

const routes = registeredRoutes().map((r) => {
  const [method, template] = r.split(" ") as [string, string];
  return { route: r, method, template };
});

/** A body each route accepts as to its shape, and one field made wrong. */
const BODIES: Record<string, { valid: Record<string, unknown>; wrong: Record<string, unknown>; field: string }> = {
  "POST /api/boards/:boardId/participants": {
    valid: { code: "ZQX-9001", initials: "Q.Z.", caseManagerId: "someone", organisationIds: [ORG.region] },
    // A personal identity number is refused where a pseudonymous code belongs.
    wrong: { code: "19800101-1234" },
    field: "code",
  },
  "PUT /api/boards/:boardId/participants/:participantId/consents/:organisationId": {
    valid: { status: "given", receivingOrganisationIds: [ORG.north], givenOn: "2026-03-01", validUntil: "2026-09-01" },
    // "expired" is derived at read time, never recorded.
    wrong: { status: "expired" },
    field: "status",
  },
  "POST /api/boards/:boardId/participants/:participantId/leave": { valid: {}, wrong: { leftTeamOn: "2020-01-01" }, field: "" },
  "PUT /api/boards/:boardId/participants/:participantId/plans": {
    valid: { etag: "x", crisisPlan: "yes", sip: { held: "yes", heldOn: "2026-03-01", nextFollowUpOn: "2026-09-01" } },
    // "Ingen" is not a plan status: not stated is "notSet", never read as no.
    wrong: { crisisPlan: false },
    field: "crisisPlan",
  },
  "POST /api/boards/:boardId/entries": {
    valid: { participantId: "p001", reason: "crisis", priority: "high", nextEvaluationOn: "2026-03-10" },
    wrong: { priority: "urgent" },
    field: "priority",
  },
  "PATCH /api/boards/:boardId/entries/:participantId": {
    valid: { etag: "x", priority: "low" },
    wrong: { reasonNote: "x".repeat(201) },
    field: "reasonNote",
  },
  "POST /api/boards/:boardId/entries/:participantId/actions": {
    valid: { etag: "x", what: "Ringa boendestödet", responsibleId: "someone", byWhen: "2026-03-05" },
    wrong: { byWhen: "tomorrow" },
    field: "byWhen",
  },
  "POST /api/boards/:boardId/participants/:participantId/raise-today": {
    valid: { reason: "Påhittad: missade depåinjektionen" },
    wrong: { reason: "x".repeat(201) },
    field: "reason",
  },
  "PUT /api/boards/:boardId/entries/:participantId/since-last": {
    valid: { text: "Inlagd i natt, påhittad testtext" },
    wrong: { text: "x".repeat(301) },
    field: "text",
  },
  "PUT /api/boards/:boardId/participants/:participantId/contacts": {
    valid: { kind: "external", name: "Fia Påhittad", role: "Boendestödjare", phone: "070-174 06 50" },
    // A phone number is digits, spaces and dashes: words are refused.
    wrong: { phone: "ring växeln" },
    field: "phone",
  },
  "PUT /api/boards/:boardId/me/work-phone": { valid: { etag: "x", phone: "+46 70 123 45 67" }, wrong: { phone: "070--1" }, field: "phone" },
  "POST /api/boards/:boardId/participants/:participantId/interventions": {
    valid: { kind: "housingSupport", label: "Två gånger i veckan", startedOn: "2026-03-01" },
    wrong: { kind: "metadon" },
    field: "kind",
  },
  "PUT /api/boards/:boardId/participants/:participantId/interventions/:interventionId": {
    valid: { etag: "x", label: null, startedOn: "2026-03-01" },
    wrong: { label: "x".repeat(61) },
    field: "label",
  },
  "POST /api/boards/:boardId/participants/:participantId/interventions/:interventionId/end": {
    valid: { etag: "x", endedOn: "2026-03-05" },
    wrong: { endedOn: "igår" },
    field: "endedOn",
  },
  "PUT /api/boards/:boardId/participants/:participantId/goal": {
    valid: { etag: "x", text: "Börja praktik i vår" },
    wrong: { text: "x".repeat(201) },
    field: "text",
  },
  "PATCH /api/boards/:boardId/entries/:participantId/actions/:actionId": {
    valid: { etag: "x", done: true },
    wrong: { done: "yes" },
    field: "done",
  },
  "POST /api/boards/:boardId/entries/:participantId/review": { valid: { etag: "x" }, wrong: { etag: "" }, field: "etag" },
  "POST /api/boards/:boardId/entries/:participantId/take-off": {
    valid: { etag: "x", outcome: "stable" },
    wrong: { outcome: "cured" },
    field: "outcome",
  },
  "POST /api/boards/:boardId/signals": {
    valid: { participantId: "p001", toOrganisationId: ORG.north, kind: "concern", urgency: "today" },
    wrong: { urgency: "now" },
    field: "urgency",
  },
  "POST /api/boards/:boardId/signals/:signalId/answer": {
    valid: { answer: "decline", etag: "x", reason: "Inte vårt ansvar" },
    wrong: { reason: " " },
    field: "reason",
  },
  "POST /api/boards/:boardId/absences": {
    valid: { from: "2026-04-01", to: "2026-04-02", reason: "sick" },
    wrong: { from: "2026-02-30" },
    field: "from",
  },
  "POST /api/boards/:boardId/absences/:absenceId/cover": {
    valid: { etag: "x", answer: "accept" },
    wrong: { answer: "maybe" },
    field: "answer",
  },
  "POST /api/boards/:boardId/absences/:absenceId/cancel": { valid: { etag: "x" }, wrong: { etag: 123 }, field: "etag" },
  "POST /api/boards/:boardId/walkthrough": { valid: {}, wrong: { presenterId: "someone" }, field: "" },
  "POST /api/boards/:boardId/walkthrough/join": { valid: {}, wrong: { organisationId: ORG.north }, field: "" },
  "POST /api/boards/:boardId/walkthrough/presence": { valid: {}, wrong: { memberId: "someone" }, field: "" },
  "POST /api/boards/:boardId/walkthrough/events": { valid: { type: "moveTo", index: 0 }, wrong: { index: -1 }, field: "index" },
  "PUT /api/boards/:boardId/log-reviewers/:organisationId": { valid: { memberIds: [] }, wrong: { memberIds: "all" }, field: "memberIds" },
  "POST /api/boards/:boardId/log-reviews/:period/items/:itemId": {
    valid: { status: "inOrder", etag: "x" },
    wrong: { status: "fine" },
    field: "status",
  },
  "POST /api/boards/:boardId/studies": {
    valid: {
      name: "Fiktiv studie",
      ethicsApprovalReference: "Dnr 2019-01234",
      from: "2026-01-01",
      to: "2026-12-31",
      dataManagerIds: ["someone"],
    },
    // A study names at least one data manager: nobody could export it otherwise.
    wrong: { dataManagerIds: [] },
    field: "dataManagerIds",
  },
  "PATCH /api/boards/:boardId/studies/:studyId": { valid: { etag: "x", name: "Ny" }, wrong: { to: "2026-12-32" }, field: "to" },
  "PUT /api/boards/:boardId/studies/:studyId/participants/:participantId/research-consent": {
    valid: { givenOn: "2026-02-01" },
    wrong: { givenOn: "igår" },
    field: "givenOn",
  },
  "POST /api/boards/:boardId/studies/:studyId/participants/:participantId/enrol": {
    valid: { studyParticipantId: "LU-0042", etag: "x" },
    // The research team's id, never a personal identity number.
    wrong: { studyParticipantId: "19800101-1234" },
    field: "studyParticipantId",
  },
  "POST /api/boards/:boardId/studies/:studyId/participants/:participantId/withdraw": {
    valid: { withdrawnOn: "2026-03-01", etag: "x" },
    wrong: { withdrawnOn: "2026-02-30" },
    field: "withdrawnOn",
  },
};
const bodyRoutes = routes.filter((r) => r.method !== "GET");

async function raw(method: string, path: string, init: { body?: string; contentType?: string; token?: string } = {}) {
  const res = await fetch(`${w.app.baseUrl}${path}`, {
    method,
    headers: {
      ...(init.contentType ? { "content-type": init.contentType } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as { error: { code: string; message: string; field?: string } } };
}

describe("good input", () => {
  it("has a body example for every route that takes one", () => {
    expect(Object.keys(BODIES).sort()).toEqual(bodyRoutes.map((r) => r.route).sort());
  });

  it("answers reads in the shape of the shared contract", async () => {
    const { participant } = await aFreshParticipant(w, { onBoard: true, caseManagerId: ada().id });
    const signal = await anOpenSignal(w, participant.id, ORG.region, ORG.north, ada().id);
    await w.app.storage.checkIns.save(aCheckIn(DEMO_BOARD_ID, "2026-03-04", { reviewedParticipantIds: [], recordedBy: ada().id }));
    const reads: Array<[string, z.ZodType, typeof ada]> = [
      ["/api/me", MeResponse, ada],
      [BOARD, BoardView, ada],
      [`${BOARD}/overview`, Overview, ada],
      [`${BOARD}/participants`, ParticipantList, ada],
      [`${BOARD}/participants?mine=true&offBoard=false&q=zqx`, ParticipantList, ada],
      [`${BOARD}/participants/${participant.id}/history`, ParticipantHistory, ada],
      [`${BOARD}/participants/${participant.id}/consents`, ConsentView.array(), ada],
      [`${BOARD}/participants/${participant.id}/contacts`, ContactsResponse, ada],
      [`${BOARD}/me/work-phone`, WorkPhoneView, ada],
      [`${BOARD}/todays-decisions`, TodaysDecisions, ada],
      [`${BOARD}/signals/${signal.id}`, SignalView, ada],
      [`${BOARD}/check-ins/2026-03-04`, CheckInView, ada],
      [`${BOARD}/audit?participantId=${participant.id}`, AuditPage, eva],
      [`${BOARD}/audit?memberId=${ada().id}&fromMonth=2026-01&toMonth=2026-03`, AuditPage, eva],
      [`${BOARD}/follow-up?year=2026`, FollowUpView, eva],
      [`${BOARD}/studies`, StudyList, ada],
      [`${BOARD}/participants/${participant.id}/studies`, ParticipantStudies, ada],
    ];
    for (const [path, schema, who] of reads) {
      const res = await w.call(who(), "GET", path);
      expect(`${path} → ${res.status}`).toBe(`${path} → 200`);
      const body = path.endsWith("/consents") ? res.body.consents : res.body;
      const parsed = schema.safeParse(body);
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
    const csv = await w.call(eva(), "GET", `${BOARD}/audit.csv?participantId=${participant.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(String(csv.body).split("\r\n")[0]).toBe(
      "at,tenantId,objectId,organisationId,role,what,participantCode,channel,outcome,lastAt,count",
    );
  });

  it("answers the signal paths a tab loaded before signals were called signals asks (…/escalations)", async () => {
    const { participant } = await aFreshParticipant(w, { writtenBy: ORG.north, consents: [{ from: ORG.north, to: [ORG.region] }] });
    const signal = await anOpenSignal(w, participant.id, ORG.north, ORG.region, w.byName("Hugo Fiktivsson").id);
    const now = await w.call(ada(), "GET", `${BOARD}/signals/${signal.id}`);
    const before = await w.call(ada(), "GET", `${BOARD}/escalations/${signal.id}`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual(now.body);
    const answered = await w.call(ada(), "POST", `${BOARD}/escalations/${signal.id}/answer`, { answer: "acknowledge", etag: signal.etag });
    expect(answered.status).toBe(200);
    expect(SignalView.parse(answered.body).state).toBe("acknowledged");
  });

  it("answers a change with the changed thing", async () => {
    const { participant, entry } = await aFreshParticipant(w, { onBoard: true, caseManagerId: ada().id });
    const res = await w.call(ada(), "PATCH", `${BOARD}/entries/${participant.id}`, {
      etag: entry!.etag,
      priority: "low",
      reasonNote: "Kort anteckning",
    });
    expect(res.status).toBe(200);
    expect(EntryView.parse(res.body)).toMatchObject({ priority: "low", reasonNote: "Kort anteckning" });
    expect(res.body.etag).not.toBe(entry!.etag);
    const cleared = await w.call(ada(), "PATCH", `${BOARD}/entries/${participant.id}`, { etag: res.body.etag, reasonNote: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.reasonNote).toBeUndefined();
  });
});

describe("bad input", () => {
  describe.each(bodyRoutes)("$route", ({ route, method, template }) => {
    const path = () => fill(template);
    const example = () => BODIES[route]!;

    it("answers 400 naming the wrong field", async () => {
      const res = await w.call(ada(), method, path(), { ...example().valid, ...example().wrong });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "BadRequest", message: expect.any(String) });
      if (example().field) expect(res.body.error.field).toBe(example().field);
    });

    it("refuses fields nobody may set (no mass assignment)", async () => {
      const res = await w.call(ada(), method, path(), { ...example().valid, writtenBy: ORG.north });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("BadRequest");
      expect(res.body.error.message).toContain("writtenBy");
    });

    it("refuses a body that is not JSON, or not an object", async () => {
      const token = await w.token(ada());
      const broken = await raw(method, path(), { body: "{not json", contentType: "application/json", token });
      expect([broken.status, broken.json.error.code]).toEqual([400, "BadRequest"]);
      const list = await raw(method, path(), { body: "[1,2,3]", contentType: "application/json", token });
      expect([list.status, list.json.error.code]).toEqual([400, "BadRequest"]);
    });

    it("answers 413 to a body over the size limit", async () => {
      const token = await w.token(ada());
      const big = JSON.stringify({ ...example().valid, padding: "x".repeat(40 * 1024) });
      const res = await raw(method, path(), { body: big, contentType: "application/json", token });
      expect([res.status, res.json.error.code]).toEqual([413, "PayloadTooLarge"]);
    });
  });

  it("refuses a body sent as something other than JSON", async () => {
    const token = await w.token(ada());
    const res = await raw("POST", `${BOARD}/entries`, {
      body: JSON.stringify(BODIES["POST /api/boards/:boardId/entries"]!.valid),
      contentType: "text/plain",
      token,
    });
    expect([res.status, res.json.error.code]).toEqual([400, "BadRequest"]);
  });

  it("refuses an edit that changes nothing", async () => {
    const res = await w.call(ada(), "PATCH", `${BOARD}/entries/p001`, { etag: "x" });
    expect([res.status, res.body.error.code]).toEqual([400, "BadRequest"]);
  });

  it("refuses unknown and oversized query parameters", async () => {
    for (const [path, field] of [
      [`${BOARD}/participants?role=admin`, ""],
      [`${BOARD}/participants?q=${"x".repeat(41)}`, "q"],
      [`${BOARD}/participants?mine=yes`, "mine"],
      [`${BOARD}/audit?participantId=p001&fromMonth=2026-13`, "fromMonth"],
    ] as const) {
      const res = await w.call(eva(), "GET", path);
      expect(`${path} → ${res.status} ${res.body.error?.code}`).toBe(`${path} → 400 BadRequest`);
      if (field) expect(res.body.error.field).toBe(field);
    }
  });

  it.each(routes)("$route: a malformed path id answers 400 naming it", async ({ method, template }) => {
    const params = [...template.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    for (const param of params) {
      const res = await w.call(
        ada(),
        method,
        fill(template, { [param]: param === "date" ? "2026-13-45" : param === "period" ? "2026-13" : "inte%20ett%20id" }),
        BODIES[`${method} ${template}`]?.valid,
      );
      expect(`${param} → ${res.status} ${res.body.error?.code} ${res.body.error?.field}`).toBe(`${param} → 400 BadRequest ${param}`);
    }
  });
});

describe("who is calling", () => {
  it.each(routes)("$route: 401 without a token, with a malformed one and with a forged one", async ({ method, template }) => {
    const genuine = await w.token(ada());
    const [head, payload, signature] = genuine.split(".") as [string, string, string];
    const forged = `${head}.${payload}.${signature.slice(0, -4)}${signature.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    for (const token of [undefined, "not-a-token", forged]) {
      const res = await raw(method, fill(template), {
        token,
        ...(method === "GET" ? {} : { body: JSON.stringify(BODIES[`${method} ${template}`]?.valid), contentType: "application/json" }),
      });
      expect(`${String(token).slice(0, 12)} → ${res.status} ${res.json.error.code}`).toBe(
        `${String(token).slice(0, 12)} → 401 Unauthenticated`,
      );
      expect(res.text).not.toMatch(/ada|fiktiv|region-psykiatri|FIK-/i);
    }
  });

  it("gives the development sign-in's token only to people of the demo team", async () => {
    const res = await fetch(`${w.app.baseUrl}/api/dev/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenantId: ada().tenantId, objectId: "00000000-0000-4000-a000-000000009999" }),
    });
    expect(res.status).toBe(404);
  });
});

describe("unknown ids and other boards", () => {
  let secondBoard: string;
  let otherBoard: string;
  beforeAll(async () => {
    // A second board Ada belongs to (with its own participant), and one she does not belong to.
    secondBoard = aBoard({ id: "second-board" }).id;
    otherBoard = aBoard({ id: "other-board" }).id;
    for (const id of [secondBoard, otherBoard]) {
      await w.app.storage.boards.create(aBoard({ id, allowedTenantIds: [ada().tenantId] }));
      await w.app.storage.organisations.create(anOrganisation(id, { id: ORG.region, tenantId: ada().tenantId }));
      await w.app.storage.participants.create(
        aParticipant(id, { id: "p001", code: "ZQX-0999", writtenBy: ORG.region, organisationIds: [ORG.region] }),
      );
    }
    await w.app.storage.members.create(
      aMember(secondBoard, { tenantId: ada().tenantId, objectId: ada().objectId, organisationId: ORG.region, role: "admin" }),
    );
  });

  it.each(routes.filter((r) => r.template !== "/api/me"))(
    "$route: 404 on a board that does not exist or that the caller is not a member of",
    async ({ method, template }) => {
      for (const boardId of ["no-such-board", "other-board"]) {
        const res = await w.call(ada(), method, fill(template, { boardId, participantId: "p001" }), BODIES[`${method} ${template}`]?.valid);
        expect(`${boardId} → ${res.status} ${res.body.error?.code}`).toBe(`${boardId} → 404 NotFound`);
        // The same answer for both: board ids reveal nothing to outsiders.
        expect(res.body.error.message).toBe("The board was not found.");
      }
    },
  );

  it("404s a participant, entry, action, signal, absence or check-in that does not exist", async () => {
    const { participant, entry } = await aFreshParticipant(w, { onBoard: true, caseManagerId: ada().id });
    const calls: Array<[string, string, unknown?]> = [
      ["GET", `${BOARD}/participants/no-such-participant/history`],
      ["GET", `${BOARD}/participants/no-such-participant/consents`],
      [
        "PUT",
        `${BOARD}/participants/no-such-participant/consents/${ORG.region}`,
        BODIES["PUT /api/boards/:boardId/participants/:participantId/consents/:organisationId"]!.valid,
      ],
      ["POST", `${BOARD}/participants/no-such-participant/leave`, {}],
      ["POST", `${BOARD}/entries`, { ...BODIES["POST /api/boards/:boardId/entries"]!.valid, participantId: "no-such-participant" }],
      ["PATCH", `${BOARD}/entries/no-such-participant`, { etag: "x", priority: "low" }],
      ["PATCH", `${BOARD}/entries/${participant.id}/actions/no-such-action`, { etag: entry!.etag, done: true }],
      ["POST", `${BOARD}/signals/no-such-signal/answer`, { answer: "acknowledge", etag: "x" }],
      ["GET", `${BOARD}/signals/no-such-signal`],
      ["POST", `${BOARD}/absences/no-such-absence/cover`, { etag: "x", answer: "accept" }],
      ["POST", `${BOARD}/absences/no-such-absence/cancel`, { etag: "x" }],
      ["GET", `${BOARD}/check-ins/2020-01-01`],
      ["POST", `${BOARD}/absences`, { memberId: "no-such-member", from: addDays(w.today(), 1), to: addDays(w.today(), 2), reason: "sick" }],
      [
        "POST",
        `${BOARD}/participants`,
        { code: "ZQX-8001", initials: "Q.", caseManagerId: "no-such-member", organisationIds: [ORG.region] },
      ],
    ];
    for (const [method, path, body] of calls) {
      const res = await w.call(ada(), method, path, body);
      expect(`${method} ${path} → ${res.status} ${res.body.error?.code}`).toBe(`${method} ${path} → 404 NotFound`);
    }
  });

  it("404s a participant of another board, even to a member of both", async () => {
    // p001 exists on the demo board and on second-board; ZQX-0999 lives only on second-board.
    const res = await w.call(ada(), "GET", `/api/boards/${secondBoard}/participants/p001/history`);
    expect(res.status).toBe(200);
    expect(res.body.participant.code).toBe("ZQX-0999");
    const demo = await w.call(ada(), "GET", `${BOARD}/participants/p001/history`);
    expect(demo.body.participant.code).not.toBe("ZQX-0999");
    const onDemo = (await w.app.storage.participants.listForBoard(DEMO_BOARD_ID)).find((p) => p.id === "p180")!;
    const cross = await w.call(ada(), "GET", `/api/boards/${secondBoard}/participants/${onDemo.id}/history`);
    expect([cross.status, cross.body.error.code]).toEqual([404, "NotFound"]);
  });
});
