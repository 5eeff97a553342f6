import { teamDay } from "../support/team-calendar";
// Issue 11: a real team sets up and runs its own board, on an empty store, through the API —
// first run, organisations, members (roster and join request), substitutes, a CSV import with
// refusals, role changes taking effect at the next request, leaving with hand-over, refusing
// personal identity numbers, and the admin audit trail.
import { api, signIn, startApp, type RunningApp } from "../support/app";

const HOST = "11111111-1111-4111-8111-111111111111";
const MUNI = "22222222-2222-4222-8222-222222222222";
const OTHER = "33333333-3333-4333-8333-333333333333";
const person = (tenant: string, n: number) => ({ tenantId: tenant, objectId: `aaaaaaaa-0000-4000-a000-${String(n).padStart(12, "0")}` });
const idOf = (p: { tenantId: string; objectId: string }) => `${p.tenantId}.${p.objectId}`;

let app: RunningApp;
const tokens = new Map<string, string>();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call<T = any>(who: { tenantId: string; objectId: string }, method: string, path: string, body?: unknown) {
  let token = tokens.get(idOf(who));
  if (!token) {
    token = await signIn(app.baseUrl, who);
    tokens.set(idOf(who), token);
  }
  return api<T>(app.baseUrl, token, method, path, body);
}
async function importCsv(who: { tenantId: string; objectId: string }, boardId: string, csv: string, dryRun = false) {
  const token = tokens.get(idOf(who)) ?? (await signIn(app.baseUrl, who));
  const res = await fetch(`${app.baseUrl}/api/boards/${boardId}/participants/import${dryRun ? "?dryRun=true" : ""}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: csv,
  });
  return { status: res.status, body: await res.json() };
}

const admin = person(HOST, 1);
const regionStaff = person(HOST, 2);
const regionStaff2 = person(HOST, 3);
const muniManager = person(MUNI, 4);
const stranger = person(OTHER, 9);

let boardId = "";
let regionOrg = "";
let muniOrg = "";
const B = () => `/api/boards/${boardId}`;
const inDays = (n: number) => teamDay(n);

beforeAll(async () => {
  app = await startApp({ seed: false, env: { BOARD_CREATOR_TENANT_IDS: HOST } });
});
afterAll(() => app.stop());

describe("first run on an empty store", () => {
  it("someone of the hosting tenant has no board, creates one and becomes its admin", async () => {
    expect((await call(admin, "GET", "/api/me")).body.boards).toEqual([]);
    const created = await call(admin, "POST", "/api/boards", {
      name: "FACT Nordstad",
      displayName: "Anna Admin",
      organisation: { name: "Psykiatri Nordstad", kind: "regionPsychiatry", retentionDays: 3650 },
      briefChannelId: "19:team-channel@thread.tacv2",
      morningBriefAt: "08:15",
      codePattern: "NST-\\d{3}",
    });
    expect(created.status).toBe(201);
    expect(created.body.boards).toHaveLength(1);
    expect(created.body.boards[0].role).toBe("admin");
    boardId = created.body.boards[0].id;
    regionOrg = created.body.boards[0].organisationId;
  });

  it("nobody outside the hosting tenants may create a board, and is told why they have none", async () => {
    // The development sign-in "med valfri identitet" on an empty store lets any tenant in (issue 24), so a
    // person learns why they have no board instead of being refused without a word; Entra's tokens keep
    // the tenant allow-list (bot/src/auth/authenticate.test.ts).
    const token = await signIn(app.baseUrl, stranger);
    const res = await api(app.baseUrl, token, "POST", "/api/boards", {
      name: "X",
      displayName: "Y",
      organisation: { name: "Z", kind: "other", retentionDays: 1 },
    });
    expect(res.status).toBe(403);
    expect((await api(app.baseUrl, token, "GET", "/api/me")).body).toMatchObject({
      boards: [],
      mayCreateBoard: false,
      tenantOnABoard: false,
    });
    expect((await call(admin, "GET", "/api/me")).body).toMatchObject({ mayCreateBoard: true, tenantOnABoard: true });
  });
});

describe("organisations, members and substitutes", () => {
  it("adds a partner organisation; its tenant may then sign in", async () => {
    const res = await call(admin, "POST", `${B()}/organisations`, {
      name: "Norrby socialtjänst",
      kind: "municipalSocialServices",
      tenantIds: [MUNI],
      retentionDays: 1825,
    });
    expect(res.status).toBe(201);
    muniOrg = res.body.id;
    const overview = await call(admin, "GET", `${B()}/admin`);
    expect(overview.body.board.allowedTenantIds).toEqual([HOST, MUNI].sort());
    expect(overview.body.board.settings.morningBriefAt).toBe("08:15");
  });

  it("adds members; a person who is not a member asks to join and an admin approves", async () => {
    for (const [p, name] of [
      [regionStaff, "Bo Region"],
      [regionStaff2, "Cai Region"],
    ] as const) {
      expect(
        (await call(admin, "POST", `${B()}/members`, { ...p, displayName: name, organisationId: regionOrg, role: "staff" })).status,
      ).toBe(201);
    }
    expect((await call(muniManager, "GET", B())).status).toBe(404);
    expect((await call(muniManager, "POST", `${B()}/join-requests`, { displayName: "Disa Kommun", message: "Enhetschef" })).status).toBe(
      202,
    );
    const pending = (await call(admin, "GET", `${B()}/admin`)).body.joinRequests;
    expect(pending.map((r: { displayName: string }) => r.displayName)).toEqual(["Disa Kommun"]);
    const decided = await call(admin, "POST", `${B()}/join-requests/${idOf(muniManager)}/decide`, {
      decision: "approve",
      etag: pending[0].etag,
      organisationId: muniOrg,
      role: "manager",
    });
    expect(decided.status).toBe(200);
    expect((await call(muniManager, "GET", B())).status).toBe(200);
  });

  it("refuses a member whose tenant is not their organisation's", async () => {
    const res = await call(admin, "POST", `${B()}/members`, {
      ...person(MUNI, 5),
      displayName: "Fel Tenant",
      organisationId: regionOrg,
      role: "staff",
    });
    expect(res.status).toBe(400);
  });

  it("sets ordered substitutes; one from another organisation only as an admin pairing (issue 27), never oneself", async () => {
    const members = (await call(admin, "GET", `${B()}/admin`)).body.members;
    const bo = members.find((m: { id: string }) => m.id === idOf(regionStaff));
    const ok = await call(admin, "PATCH", `${B()}/members/${bo.id}`, { etag: bo.etag, substituteIds: [idOf(regionStaff2)] });
    expect(ok.status).toBe(200);
    expect(ok.body.substituteIds).toEqual([idOf(regionStaff2)]);
    const self = await call(admin, "PATCH", `${B()}/members/${bo.id}`, { etag: ok.body.etag, substituteIds: [idOf(regionStaff)] });
    expect(self.status).toBe(400);
    const across = await call(admin, "PATCH", `${B()}/members/${bo.id}`, {
      etag: ok.body.etag,
      substituteIds: [idOf(regionStaff2), idOf(muniManager)],
    });
    expect(across.status).toBe(200);
    expect(across.body.substituteIds).toEqual([idOf(regionStaff2), idOf(muniManager)]);
  });

  it("a municipal manager manages their own people, not the region's", async () => {
    const members = (await call(muniManager, "GET", `${B()}/admin`)).body.members;
    const bo = members.find((m: { id: string }) => m.id === idOf(regionStaff));
    expect((await call(muniManager, "PATCH", `${B()}/members/${bo.id}`, { etag: bo.etag, role: "coordinator" })).status).toBe(403);
  });
});

describe("participants: CSV import and personal identity numbers", () => {
  const line = (i: number, cm = "Bo Region") => `NST-${String(i).padStart(3, "0")};A.B.;${cm};Norrby socialtjänst`;

  it("imports 200 participants and reports every refused line with its number and why", async () => {
    const rows = ["kod;initialer;handläggare;organisationer", ...Array.from({ length: 200 }, (_, i) => line(i + 1))];
    rows.push("NST-201;A.B.;Ingen Alls;Norrby socialtjänst"); // line 202: unknown case manager
    rows.push("19811218-9876;A.B.;Bo Region;Norrby socialtjänst"); // line 203: a personal identity number
    rows.push("HBG-001;A.B.;Bo Region;Norrby socialtjänst"); // line 204: not the board's code scheme
    rows.push(line(5)); // line 205: twice in the file
    rows.push("NST-206;A.B.;Bo Region;Norrby socialtjänst;811218-9876"); // line 206: a number in an extra cell
    const csv = rows.join("\n");
    const check = await importCsv(admin, boardId, csv, true);
    expect(check.body.imported).toBe(0);
    const res = await importCsv(admin, boardId, csv);
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(200);
    expect(res.body.refused.map((r: { line: number }) => r.line)).toEqual([202, 203, 204, 205, 206]);
    expect(res.body.refused[1].reason).toMatch(/personal identity number/);
    // The same file again (a retry after a failure midway): nothing is doubled.
    const again = await importCsv(admin, boardId, csv);
    expect(again.body).toMatchObject({ imported: 0, alreadyThere: 200 });
  });

  it("only an admin imports", async () => {
    expect((await importCsv(regionStaff, boardId, line(300))).status).toBe(403);
  });

  it("refuses a personal identity number anywhere in free text", async () => {
    for (const text of ["19811218-9876", "8112189876", "811278+9876"]) {
      const res = await call(admin, "POST", `${B()}/members`, {
        ...person(HOST, 7),
        displayName: `Namn ${text}`,
        organisationId: regionOrg,
        role: "staff",
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/personal identity number/);
    }
  });

  it("puts an imported participant on the board; the municipality sees them only once the region's consent names it", async () => {
    const list = (await call(regionStaff, "GET", `${B()}/participants?q=NST-001`)).body.participants;
    const p = list[0];
    expect(
      (
        await call(regionStaff, "POST", `${B()}/entries`, {
          participantId: p.id,
          reason: "crisis",
          priority: "high",
          nextEvaluationOn: inDays(7),
        })
      ).status,
    ).toBe(201);
    const before = await call(muniManager, "GET", B());
    expect(JSON.stringify(before.body)).not.toContain("NST-001");
    expect(before.body.hiddenCount).toBe(1);
    const today = teamDay();
    expect(
      (
        await call(regionStaff, "PUT", `${B()}/participants/${p.id}/consents/${regionOrg}`, {
          status: "given",
          basis: "consent",
          receivingOrganisationIds: [muniOrg],
          givenOn: today,
          validUntil: inDays(200),
        })
      ).status,
    ).toBe(200);
    const after = await call(muniManager, "GET", B());
    expect(JSON.stringify(after.body)).toContain("NST-001");
  });
});

describe("role changes and leaving", () => {
  it("a role change takes effect at the member's next request", async () => {
    expect((await call(regionStaff2, "GET", `${B()}/overview`)).status).toBe(403);
    const m = (await call(admin, "GET", `${B()}/admin`)).body.members.find((x: { id: string }) => x.id === idOf(regionStaff2));
    expect((await call(admin, "PATCH", `${B()}/members/${m.id}`, { etag: m.etag, role: "coordinator" })).status).toBe(200);
    expect((await call(regionStaff2, "GET", `${B()}/overview`)).status).toBe(200);
  });

  it("a member who leaves must hand over every participant first; then their name stays and they are out", async () => {
    const overview = (await call(admin, "GET", `${B()}/admin`)).body;
    const bo = overview.members.find((x: { id: string }) => x.id === idOf(regionStaff));
    expect(bo.caseManagerFor.length + bo.caseManagerForHidden).toBe(200);
    const refused = await call(admin, "POST", `${B()}/members/${bo.id}/leave`, {
      etag: bo.etag,
      handOver: [{ participantId: bo.caseManagerFor[0].participantId, caseManagerId: idOf(regionStaff2) }],
      reason: "Slutat",
    });
    expect(refused.status).toBe(400);
    const toSelf = await call(admin, "POST", `${B()}/members/${bo.id}/leave`, {
      etag: bo.etag,
      handOver: [],
      defaultCaseManagerId: bo.id,
      reason: "Slutat",
    });
    expect(toSelf.status).toBe(400);
    const left = await call(admin, "POST", `${B()}/members/${bo.id}/leave`, {
      etag: bo.etag,
      handOver: [],
      defaultCaseManagerId: idOf(regionStaff2),
      reason: "Slutat",
    });
    expect(left.status).toBe(200);
    expect(left.body.leftAt).toBeDefined();
    expect((await call(regionStaff, "GET", B())).status).toBe(404);
    const after = (await call(admin, "GET", `${B()}/admin`)).body.members;
    expect(after.find((x: { id: string }) => x.id === idOf(regionStaff2)).caseManagerFor).toHaveLength(200);
    expect(after.find((x: { id: string }) => x.id === idOf(regionStaff)).displayName).toBe("Bo Region");
  });
});

describe("the admin audit trail", () => {
  it("records who changed which member, organisation or setting, newest first, for admins only", async () => {
    const trail = await call(admin, "GET", `${B()}/admin-audit`);
    expect(trail.status).toBe(200);
    // The import wrote a record per participant (issue 29): the older events are on later pages.
    const events = [...trail.body.events];
    for (let cursor = trail.body.cursor; cursor;) {
      const page = await call(admin, "GET", `${B()}/admin-audit?cursor=${encodeURIComponent(cursor)}`);
      events.push(...page.body.events);
      cursor = page.body.cursor;
    }
    const whats = events.map((e: { what: string }) => e.what);
    expect(whats[0]).toBe("memberLeft");
    expect(whats).toEqual(
      expect.arrayContaining([
        "boardCreated",
        "organisationAdded",
        "memberAdded",
        "joinRequested",
        "joinApproved",
        "memberChanged",
        "participantsImported",
      ]),
    );
    const roleChange = events.find((e: { what: string; fields?: string[] }) => e.what === "memberChanged" && e.fields?.includes("role"));
    expect(roleChange).toMatchObject({
      actor: { displayName: "Anna Admin" },
      subject: { id: idOf(regionStaff2) },
      detail: "staff → coordinator",
    });
    expect((await call(muniManager, "GET", `${B()}/admin-audit`)).status).toBe(403);
  });

  it("a settings change is audited with the fields it touched", async () => {
    const board = (await call(admin, "GET", `${B()}/admin`)).body.board;
    const res = await call(admin, "PATCH", `${B()}/settings`, {
      etag: board.etag,
      morningBriefAt: "08:30",
      botPosts: { morningBriefInChannel: false, signalCountsInChannel: true },
    });
    expect(res.status).toBe(200);
    const first = (await call(admin, "GET", `${B()}/admin-audit`)).body.events[0];
    expect(first).toMatchObject({ what: "boardSettingsChanged", fields: ["morningBriefAt", "botPosts"] });
    expect((await call(muniManager, "PATCH", `${B()}/settings`, { etag: res.body.etag, name: "X" })).status).toBe(403);
  });

  it("keeps the board's recurring meetings in its settings, with its own organisations only", async () => {
    let board = (await call(admin, "GET", `${B()}/admin`)).body.board;
    expect(board.settings.meetings).toEqual([]);
    const meetings = [
      { id: "morgonmote", name: "Morgonmöte, alla", days: "workingDays", time: "08:30", organisationIds: [regionOrg, muniOrg] },
      { id: "kommun-onsdag", name: "Kommunen onsdag", days: ["wed"], time: "13:00", organisationIds: [muniOrg] },
    ];
    const saved = await call(admin, "PATCH", `${B()}/settings`, { etag: board.etag, meetings });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.meetings).toEqual(meetings);
    expect((await call(admin, "GET", `${B()}/admin-audit`)).body.events[0]).toMatchObject({
      what: "boardSettingsChanged",
      fields: ["meetings"],
    });
    board = saved.body;

    const refused = async (bad: unknown) => (await call(admin, "PATCH", `${B()}/settings`, { etag: board.etag, meetings: [bad] })).status;
    expect(await refused({ ...meetings[1], organisationIds: ["no-such-org"] })).toBe(400);
    expect(await refused({ ...meetings[1], id: "all" })).toBe(400);
    expect(await refused({ ...meetings[1], days: ["sat"] })).toBe(400);
    expect(await refused({ ...meetings[1], days: ["wed", "wed"] })).toBe(400);
    expect(await refused({ ...meetings[1], time: "25:00" })).toBe(400);
    expect(await refused({ ...meetings[1], organisationIds: [] })).toBe(400);
    expect((await call(admin, "PATCH", `${B()}/settings`, { etag: board.etag, meetings: [meetings[1], meetings[1]] })).status).toBe(400);
    expect((await call(muniManager, "PATCH", `${B()}/settings`, { etag: board.etag, meetings: [] })).status).toBe(403);

    // An empty list: back to the implicit daily meeting with everyone.
    const cleared = await call(admin, "PATCH", `${B()}/settings`, { etag: board.etag, meetings: [] });
    expect(cleared.body.settings.meetings).toEqual([]);
  });
});

describe("nothing doubled on the first day (issue 27)", () => {
  async function postOnce(who: { tenantId: string; objectId: string }, path: string, body: unknown, key: string) {
    const token = tokens.get(idOf(who)) ?? (await signIn(app.baseUrl, who));
    const res = await fetch(`${app.baseUrl}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
      body: JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: (await res.json()) as any };
  }

  it("“Skapa tavla” sent three times at once with one form's key makes one board", async () => {
    const creator = person(HOST, 31);
    const body = {
      name: "FACT Dubbelklick",
      displayName: "Dora Dubbel",
      organisation: { name: "Psykiatri Dubbelby", kind: "regionPsychiatry", retentionDays: 3650 },
      morningBriefAt: "08:15",
    };
    const results = await Promise.all([1, 2, 3].map(() => postOnce(creator, "/api/boards", body, "create-board-form-1")));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    for (const r of results) expect(r.body.boards.map((b: { name: string }) => b.name)).toEqual(["FACT Dubbelklick"]);
    // Another form (a new key) is another board: the key, not the name, says it is the same request.
    const another = await postOnce(creator, "/api/boards", body, "create-board-form-2");
    expect(another.body.boards).toHaveLength(2);
  });

  it("“Lägg till organisation” sent three times at once makes one organisation, each answered with it", async () => {
    const body = { name: "Dubbelby socialtjänst", kind: "municipalSocialServices", tenantIds: [MUNI], retentionDays: 1825 };
    const results = await Promise.all([1, 2, 3].map(() => postOnce(admin, `${B()}/organisations`, body, "add-organisation-form-1")));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const overview = await call(admin, "GET", `${B()}/admin`);
    expect(overview.body.organisations.filter((o: { name: string }) => o.name === body.name)).toHaveLength(1);
  });
});
