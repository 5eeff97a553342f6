import { teamDay } from "../support/team-calendar";
// Issue 29: board administration is no door into everything. On a board set up from an empty store
// (a region hosting it, two municipal partners), through the API: roles are granted only up to one's
// own reach and a refused grant is audited; the board keeps an admin on every path; join requests
// are decided by the organisation they name; a case manager's organisation must see the
// participant; an import never overwrites by accident and is audited per participant.
import { api, signIn, startApp, type RunningApp } from "../support/app";

const HOST = "11111111-1111-4111-8111-111111111111";
const NORTH = "22222222-2222-4222-8222-222222222222";
const SOUTH = "44444444-4444-4444-8444-444444444444";
type Person = { tenantId: string; objectId: string };
const person = (tenant: string, n: number): Person => ({
  tenantId: tenant,
  objectId: `bbbbbbbb-0000-4000-a000-${String(n).padStart(12, "0")}`,
});
const idOf = (p: Person) => `${p.tenantId}.${p.objectId}`;

let app: RunningApp;
const tokens = new Map<string, string>();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call<T = any>(who: Person, method: string, path: string, body?: unknown) {
  let token = tokens.get(idOf(who));
  if (!token) {
    token = await signIn(app.baseUrl, who);
    tokens.set(idOf(who), token);
  }
  return api<T>(app.baseUrl, token, method, path, body);
}
async function importCsv(who: Person, csv: string, dryRun = false) {
  const token = tokens.get(idOf(who)) ?? (await signIn(app.baseUrl, who));
  const res = await fetch(`${app.baseUrl}${B()}/participants/import${dryRun ? "?dryRun=true" : ""}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: csv,
  });
  return { status: res.status, body: await res.json() };
}

const admin = person(HOST, 1);
const regionStaff = person(HOST, 2);
const regionCoordinator = person(HOST, 3);
const northManager = person(NORTH, 10);
const northStaff = person(NORTH, 11);
const northCoordinator = person(NORTH, 12);
const southManager = person(SOUTH, 20);

let boardId = "";
let regionOrg = "";
let northOrg = "";
let southOrg = "";
const B = () => `/api/boards/${boardId}`;
const today = () => teamDay();
const inDays = (n: number) => teamDay(n);

interface AuditEvent {
  what: string;
  actor: { memberId: string; tenantId: string; displayName: string; organisationId: string };
  subject: { kind: string; id: string; name?: string };
  fields?: string[];
  detail?: string;
}
/** The whole admin audit, newest first (every page). */
async function auditTrail(): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(admin, "GET", `${B()}/admin-audit${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(page.status).toBe(200);
    events.push(...page.body.events);
    cursor = page.body.cursor;
  } while (cursor);
  return events;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const overviewOf = async (who: Person) => (await call(who, "GET", `${B()}/admin`)).body as any;
const memberView = async (who: Person, of: Person) =>
  (await overviewOf(who)).members.find((m: { id: string }) => m.id === idOf(of)) as {
    id: string;
    etag: string;
    role: string;
    leftAt?: string;
  };
const activeAdmins = async () =>
  (await overviewOf(admin)).members
    .filter((m: { role: string; leftAt?: string }) => m.role === "admin" && !m.leftAt)
    .map((m: { id: string }) => m.id);

async function addMember(by: Person, who: Person, organisationId: string, role: string, displayName = `Person ${who.objectId.slice(-3)}`) {
  return call(by, "POST", `${B()}/members`, { ...who, displayName, organisationId, role });
}

beforeAll(async () => {
  app = await startApp({ seed: false, env: { BOARD_CREATOR_TENANT_IDS: HOST } });
  const created = await call(admin, "POST", "/api/boards", {
    name: "FACT Provstad",
    displayName: "Anna Admin",
    organisation: { name: "Psykiatri Provstad", kind: "regionPsychiatry", retentionDays: 3650 },
  });
  expect(created.status).toBe(201);
  boardId = created.body.boards[0].id;
  regionOrg = created.body.boards[0].organisationId;
  for (const [name, tenant] of [
    ["Norrby socialtjänst", NORTH],
    ["Södervik socialtjänst", SOUTH],
  ] as const) {
    const res = await call(admin, "POST", `${B()}/organisations`, {
      name,
      kind: "municipalSocialServices",
      tenantIds: [tenant],
      retentionDays: 1825,
    });
    expect(res.status).toBe(201);
    if (tenant === NORTH) northOrg = res.body.id;
    else southOrg = res.body.id;
  }
  for (const [who, org, role] of [
    [regionStaff, regionOrg, "staff"],
    [regionCoordinator, regionOrg, "coordinator"],
    [northManager, northOrg, "manager"],
    [northStaff, northOrg, "staff"],
    [northCoordinator, northOrg, "coordinator"],
    [southManager, southOrg, "manager"],
  ] as const)
    expect((await addMember(admin, who, org, role)).status).toBe(201);
});
afterAll(() => app?.stop());

describe("who may grant what", () => {
  it("a partner manager granting admin or manager is refused (403), and the refusal is in the admin audit", async () => {
    for (const [n, role] of [
      [13, "admin"],
      [14, "manager"],
    ] as const) {
      const res = await addMember(northManager, person(NORTH, n), northOrg, role, "Greta Provberg (admin)");
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: "Forbidden", reason: "RoleBeyondReach" });
      const refused = (await auditTrail()).find((e) => e.what === "roleGrantRefused" && e.subject.id === idOf(person(NORTH, n)));
      expect(refused).toMatchObject({
        actor: { memberId: idOf(northManager), tenantId: NORTH, organisationId: northOrg },
        detail: `→ ${role}`,
      });
      expect((await overviewOf(admin)).members.map((m: { id: string }) => m.id)).not.toContain(idOf(person(NORTH, n)));
    }
  });

  it("a partner manager grants staff and coordinator in their own organisation only", async () => {
    expect((await addMember(northManager, person(NORTH, 15), northOrg, "staff")).status).toBe(201);
    expect((await addMember(northManager, person(NORTH, 16), northOrg, "coordinator")).status).toBe(201);
    const elsewhere = await addMember(northManager, person(SOUTH, 21), southOrg, "staff");
    expect(elsewhere.status).toBe(403);
    expect((await auditTrail()).some((e) => e.what === "roleGrantRefused" && e.subject.id === idOf(person(SOUTH, 21)))).toBe(true);
  });

  it("staff and coordinators grant nothing", async () => {
    expect((await addMember(northStaff, person(NORTH, 17), northOrg, "staff")).status).toBe(403);
    expect((await addMember(northCoordinator, person(NORTH, 17), northOrg, "staff")).status).toBe(403);
  });

  it("a manager changes their own people's role within reach, never up to manager or admin", async () => {
    let m = await memberView(northManager, northStaff);
    const up = await call(northManager, "PATCH", `${B()}/members/${m.id}`, { etag: m.etag, role: "coordinator" });
    expect(up.status).toBe(200);
    for (const role of ["manager", "admin"]) {
      m = await memberView(northManager, northStaff);
      const res = await call(northManager, "PATCH", `${B()}/members/${m.id}`, { etag: m.etag, role });
      expect(res.status).toBe(403);
      expect(res.body.error.reason).toBe("RoleBeyondReach");
    }
    const trail = await auditTrail();
    expect(trail.find((e) => e.what === "roleGrantRefused" && e.subject.id === idOf(northStaff))).toMatchObject({
      detail: "coordinator → admin",
    });
    m = await memberView(northManager, northStaff);
    expect((await call(northManager, "PATCH", `${B()}/members/${m.id}`, { etag: m.etag, role: "staff" })).status).toBe(200);
  });

  it("changes to admins are admin-only: a manager may not change, demote or remove an admin of their own organisation", async () => {
    const northAdmin = person(NORTH, 18);
    expect((await addMember(admin, northAdmin, northOrg, "admin")).status).toBe(201);
    const m = await memberView(northManager, northAdmin);
    expect((await call(northManager, "PATCH", `${B()}/members/${m.id}`, { etag: m.etag, role: "staff" })).status).toBe(403);
    expect((await call(northManager, "PATCH", `${B()}/members/${m.id}`, { etag: m.etag, substituteIds: [idOf(northStaff)] })).status).toBe(
      403,
    );
    const removed = await call(northManager, "POST", `${B()}/members/${m.id}/leave`, { etag: m.etag, handOver: [], reason: "Slutat" });
    expect(removed.status).toBe(403);
    expect((await auditTrail()).find((e) => e.what === "roleGrantRefused" && e.subject.id === idOf(northAdmin))).toMatchObject({
      detail: "admin → left",
    });
    expect(await activeAdmins()).toContain(idOf(northAdmin));
    // An admin may: the board keeps its first admin.
    expect((await call(admin, "PATCH", `${B()}/members/${m.id}`, { etag: m.etag, role: "staff" })).status).toBe(200);
  });

  it("a manager may not change or remove another manager", async () => {
    const second = person(NORTH, 19);
    expect((await addMember(admin, second, northOrg, "manager")).status).toBe(201);
    const m = await memberView(northManager, second);
    expect((await call(northManager, "PATCH", `${B()}/members/${m.id}`, { etag: m.etag, role: "staff" })).status).toBe(403);
    expect(
      (await call(northManager, "POST", `${B()}/members/${m.id}/leave`, { etag: m.etag, handOver: [], reason: "Slutat" })).status,
    ).toBe(403);
  });

  it("a manager keeps their own substitutes, but not their own role", async () => {
    const me = await memberView(northManager, northManager);
    const subs = await call(northManager, "PATCH", `${B()}/members/${me.id}`, { etag: me.etag, substituteIds: [idOf(northCoordinator)] });
    expect(subs.status).toBe(200);
    expect((await call(northManager, "PATCH", `${B()}/members/${me.id}`, { etag: subs.body.etag, role: "admin" })).status).toBe(403);
  });

  it("organisations' tenants are admin-only", async () => {
    const north = (await overviewOf(admin)).organisations.find((o: { id: string }) => o.id === northOrg);
    const res = await call(northManager, "PATCH", `${B()}/organisations/${northOrg}`, { etag: north.etag, tenantIds: [NORTH, HOST] });
    expect(res.status).toBe(403);
    expect((await overviewOf(admin)).board.allowedTenantIds).toEqual([HOST, NORTH, SOUTH].sort());
  });

  it("the admin pages say what the viewer may grant, from the server", async () => {
    const manager = await overviewOf(northManager);
    expect(manager.grantable).toEqual([{ organisationId: northOrg, roles: ["staff", "coordinator"] }]);
    const byId = (id: string) => manager.members.find((m: { id: string }) => m.id === id);
    expect(byId(idOf(northStaff)).may).toEqual({ edit: true, roles: ["staff", "coordinator"], leave: true });
    expect(byId(idOf(admin)).may).toEqual({ edit: false, roles: [], leave: false });
    expect(byId(idOf(regionStaff)).may).toEqual({ edit: false, roles: [], leave: false });
    const all = ["staff", "coordinator", "manager", "admin"];
    expect((await overviewOf(admin)).grantable).toEqual(
      expect.arrayContaining([
        { organisationId: regionOrg, roles: all },
        { organisationId: northOrg, roles: all },
      ]),
    );
    expect((await overviewOf(regionStaff)).grantable).toEqual([]);
  });
});

describe("the board always keeps an admin", () => {
  const second = person(HOST, 5);

  it("the last admin can neither demote themselves nor leave", async () => {
    expect(await activeAdmins()).toEqual([idOf(admin)]);
    const me = await memberView(admin, admin);
    const demoted = await call(admin, "PATCH", `${B()}/members/${me.id}`, { etag: me.etag, role: "manager" });
    expect(demoted.status).toBe(400);
    expect(demoted.body.error.reason).toBe("LastAdmin");
    const left = await call(admin, "POST", `${B()}/members/${me.id}/leave`, { etag: me.etag, handOver: [], reason: "Slutar" });
    expect(left.status).toBe(400);
    expect(left.body.error.reason).toBe("LastAdmin");
    expect(await activeAdmins()).toEqual([idOf(admin)]);
  });

  it("a manager can neither demote nor remove the last admin", async () => {
    // The region's own manager: even in the admin's organisation, an admin is beyond a manager's reach.
    const regionManager = person(HOST, 6);
    expect((await addMember(admin, regionManager, regionOrg, "manager")).status).toBe(201);
    const a = await memberView(regionManager, admin);
    expect((await call(regionManager, "PATCH", `${B()}/members/${a.id}`, { etag: a.etag, role: "staff" })).status).toBe(403);
    expect((await call(regionManager, "POST", `${B()}/members/${a.id}/leave`, { etag: a.etag, handOver: [], reason: "x" })).status).toBe(
      403,
    );
    expect(await activeAdmins()).toEqual([idOf(admin)]);
  });

  it("another admin may demote or remove the first, and is then the last: they can neither demote themselves nor leave", async () => {
    expect((await addMember(admin, second, regionOrg, "admin", "Bea Admin")).status).toBe(201);
    let a = await memberView(second, admin);
    expect((await call(second, "PATCH", `${B()}/members/${a.id}`, { etag: a.etag, role: "manager" })).status).toBe(200);
    const me = await memberView(second, second);
    expect((await call(second, "PATCH", `${B()}/members/${me.id}`, { etag: me.etag, role: "staff" })).body.error.reason).toBe("LastAdmin");
    expect(
      (await call(second, "POST", `${B()}/members/${me.id}/leave`, { etag: me.etag, handOver: [], reason: "x" })).body.error.reason,
    ).toBe("LastAdmin");
    a = await memberView(second, admin);
    expect((await call(second, "PATCH", `${B()}/members/${a.id}`, { etag: a.etag, role: "admin" })).status).toBe(200);
    // Removal by an admin: the first admin lets the second go; the first is then the last again.
    const s = await memberView(admin, second);
    expect((await call(admin, "POST", `${B()}/members/${s.id}/leave`, { etag: s.etag, handOver: [], reason: "Bytt tjänst" })).status).toBe(
      200,
    );
    expect(await activeAdmins()).toEqual([idOf(admin)]);
    const me2 = await memberView(admin, admin);
    expect((await call(admin, "POST", `${B()}/members/${me2.id}/leave`, { etag: me2.etag, handOver: [], reason: "x" })).status).toBe(400);
  });

  it("two admins demoting each other at the same moment: never both, the board keeps an admin", async () => {
    // The second admin comes back (the same member id: their history stays theirs).
    expect((await addMember(admin, second, regionOrg, "admin", "Bea Admin")).status).toBe(201);
    for (let round = 0; round < 4; round++) {
      const [a, b] = await Promise.all([memberView(admin, admin), memberView(admin, second)]);
      const results = await Promise.all([
        call(admin, "PATCH", `${B()}/members/${b.id}`, { etag: b.etag, role: "manager" }),
        call(second, "PATCH", `${B()}/members/${a.id}`, { etag: a.etag, role: "manager" }),
      ]);
      expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
      const admins = await activeAdmins();
      expect(admins.length).toBeGreaterThanOrEqual(1);
      // Make both admins again for the next round.
      const remaining = admins.includes(idOf(admin)) ? admin : second;
      for (const p of [admin, second]) {
        const m = await memberView(remaining, p);
        if (m.role !== "admin")
          expect((await call(remaining, "PATCH", `${B()}/members/${m.id}`, { etag: m.etag, role: "admin" })).status).toBe(200);
      }
    }
  });

  it("a join request cannot touch an admin: an active member cannot ask to join", async () => {
    const res = await call(admin, "POST", `${B()}/join-requests`, { displayName: "Anna Admin" });
    expect(res.status).toBe(409);
    expect(await activeAdmins()).toContain(idOf(admin));
  });
});

describe("join requests are decided by the organisation they name", () => {
  const joiner = person(NORTH, 30);
  const pendingOf = async (who: Person) =>
    (await overviewOf(who)).joinRequests as Array<{ memberId: string; etag: string; tenantId: string; organisationIds: string[] }>;

  it("a request names the organisations of the tenant the person signed in from, whatever name they give", async () => {
    expect((await call(joiner, "POST", `${B()}/join-requests`, { displayName: "Greta Provberg (admin)" })).status).toBe(202);
    const [request] = (await pendingOf(admin)).filter((r) => r.memberId === idOf(joiner));
    expect(request).toMatchObject({ tenantId: NORTH, organisationIds: [northOrg], displayName: "Greta Provberg (admin)" });
    expect((await pendingOf(northManager)).map((r) => r.memberId)).toContain(idOf(joiner));
    expect((await pendingOf(southManager)).map((r) => r.memberId)).not.toContain(idOf(joiner));
    expect((await pendingOf(northManager)).find((r) => r.memberId === idOf(joiner))).toMatchObject({
      may: { decline: true, approveInto: [{ organisationId: northOrg, roles: ["staff", "coordinator"] }] },
    });
  });

  it("a manager of another organisation may neither decline nor approve it", async () => {
    const [request] = (await pendingOf(admin)).filter((r) => r.memberId === idOf(joiner));
    const declined = await call(southManager, "POST", `${B()}/join-requests/${request!.memberId}/decide`, {
      decision: "decline",
      etag: request!.etag,
    });
    expect(declined.status).toBe(403);
    expect(declined.body.error.reason).toBe("JoinRequestOfAnotherOrganisation");
    const approved = await call(southManager, "POST", `${B()}/join-requests/${request!.memberId}/decide`, {
      decision: "approve",
      etag: request!.etag,
      organisationId: southOrg,
      role: "staff",
    });
    expect(approved.status).toBe(403);
    expect(await pendingOf(admin)).toContainEqual(expect.objectContaining({ memberId: idOf(joiner) }));
  });

  it("its own manager may not approve it as manager (refused and audited), but as staff", async () => {
    const [request] = (await pendingOf(northManager)).filter((r) => r.memberId === idOf(joiner));
    const decide = (role: string) =>
      call(northManager, "POST", `${B()}/join-requests/${request!.memberId}/decide`, {
        decision: "approve",
        etag: request!.etag,
        organisationId: northOrg,
        role,
      });
    const asManager = await decide("manager");
    expect(asManager.status).toBe(403);
    expect((await auditTrail()).find((e) => e.what === "roleGrantRefused" && e.subject.id === idOf(joiner))).toMatchObject({
      actor: { memberId: idOf(northManager) },
      detail: "→ manager",
    });
    expect((await decide("staff")).status).toBe(200);
    expect((await memberView(admin, joiner)).role).toBe("staff");
  });

  it("its own manager may decline it; a request from the hosting tenant is the region's and the admins'", async () => {
    const other = person(NORTH, 31);
    expect((await call(other, "POST", `${B()}/join-requests`, { displayName: "Olle Okänd" })).status).toBe(202);
    const [r] = (await pendingOf(northManager)).filter((x) => x.memberId === idOf(other));
    expect(
      (await call(northManager, "POST", `${B()}/join-requests/${r!.memberId}/decide`, { decision: "decline", etag: r!.etag })).status,
    ).toBe(200);

    const host = person(HOST, 32);
    expect((await call(host, "POST", `${B()}/join-requests`, { displayName: "Hanna Host" })).status).toBe(202);
    const [h] = (await pendingOf(admin)).filter((x) => x.memberId === idOf(host));
    expect(h!.organisationIds).toEqual([regionOrg]);
    expect(
      (await call(northManager, "POST", `${B()}/join-requests/${h!.memberId}/decide`, { decision: "decline", etag: h!.etag })).status,
    ).toBe(403);
    expect(
      (await call(regionStaff, "POST", `${B()}/join-requests/${h!.memberId}/decide`, { decision: "decline", etag: h!.etag })).status,
    ).toBe(403);
    expect((await call(admin, "POST", `${B()}/join-requests/${h!.memberId}/decide`, { decision: "decline", etag: h!.etag })).status).toBe(
      200,
    );
  });

  it("the admin audit gives every actor's tenant beside their free display name", async () => {
    const asked = (await auditTrail()).find((e) => e.what === "joinRequested" && e.subject.id === idOf(joiner));
    expect(asked).toMatchObject({ actor: { displayName: "Greta Provberg (admin)", tenantId: NORTH, organisationId: "" } });
  });
});

describe("a case manager's organisation may see the participant", () => {
  let participantId = "";

  it("registering: a case manager of another organisation is refused (nobody else sees a new participant)", async () => {
    const body = { code: "PRV-001", initials: "A.B.", organisationIds: [regionOrg, northOrg] };
    const refused = await call(regionCoordinator, "POST", `${B()}/participants`, { ...body, caseManagerId: idOf(northStaff) });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ reason: "CaseManagerMayNotSee", field: "caseManagerId" });
    const ok = await call(regionCoordinator, "POST", `${B()}/participants`, { ...body, caseManagerId: idOf(regionStaff) });
    expect(ok.status).toBe(201);
    participantId = ok.body.id;
  });

  it("editing: refused until the writer's consent names the case manager's organisation", async () => {
    const current = async () => (await call(regionCoordinator, "GET", `${B()}/participants?q=PRV-001`)).body.participants[0];
    let p = await current();
    const refused = await call(regionCoordinator, "PATCH", `${B()}/participants/${participantId}`, {
      etag: p.etag,
      caseManagerId: idOf(northStaff),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.reason).toBe("CaseManagerMayNotSee");
    const consent = await call(regionCoordinator, "PUT", `${B()}/participants/${participantId}/consents/${regionOrg}`, {
      status: "given",
      basis: "consent",
      receivingOrganisationIds: [northOrg],
      givenOn: today(),
      validUntil: inDays(200),
    });
    expect(consent.status).toBe(200);
    p = await current();
    const ok = await call(regionCoordinator, "PATCH", `${B()}/participants/${participantId}`, {
      etag: p.etag,
      caseManagerId: idOf(northStaff),
    });
    expect(ok.status).toBe(200);
  });

  it("handing over on leaving: refused to someone whose organisation may not see the participant", async () => {
    const south = person(SOUTH, 22);
    expect((await addMember(admin, south, southOrg, "staff")).status).toBe(201);
    const leaver = await memberView(admin, northStaff);
    const refused = await call(admin, "POST", `${B()}/members/${leaver.id}/leave`, {
      etag: leaver.etag,
      handOver: [],
      defaultCaseManagerId: idOf(south),
      reason: "Slutat",
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.reason).toBe("CaseManagerMayNotSee");
    // The admin's organisation (the region) wrote the participant and may see them: the refusal names them.
    expect(refused.body.error.field).toBe(`handOver.${participantId}`);
    expect((await memberView(admin, northStaff)).leftAt).toBeUndefined();
  });

  it("importing: a line naming a case manager of another organisation is refused", async () => {
    const res = await importCsv(admin, `PRV-002;A.B.;${idOf(northStaff)};Norrby socialtjänst`);
    expect(res.status).toBe(200);
    expect(res.body.refused).toEqual([{ line: 1, reason: expect.stringMatching(/may not see/) }]);
    expect(res.body.imported).toBe(0);
  });
});

describe("an import never overwrites by accident", () => {
  const file = (initials: string, action = "") =>
    ["kod;initialer;handläggare;organisationer;åtgärd", `PRV-101;${initials};${idOf(regionStaff)};Norrby socialtjänst;${action}`].join(
      "\n",
    );
  const find = async (code: string) => (await call(admin, "GET", `${B()}/participants?q=${code}`)).body.participants[0];

  it("creates, and audits what it created per participant", async () => {
    const dry = await importCsv(admin, file("A.B."), true);
    expect(dry.body).toMatchObject({ imported: 0, updated: 0, lines: [{ line: 2, outcome: "created" }] });
    expect(await find("PRV-101")).toBeUndefined();
    const res = await importCsv(admin, file("A.B."));
    expect(res.body).toMatchObject({ imported: 1, updated: 0, alreadyThere: 0, refused: [], lines: [{ line: 2, outcome: "created" }] });
    const p = await find("PRV-101");
    const trail = await auditTrail();
    expect(trail.find((e) => e.what === "participantImported" && e.subject.id === p.id)).toMatchObject({
      subject: { kind: "participant" },
      fields: ["code", "initials", "caseManagerId", "organisationIds"],
      detail: "line 2",
    });
    expect(trail.find((e) => e.what === "participantsImported")).toMatchObject({ detail: "1 imported, 0 updated, 0 refused" });
    // The same file again (a retry): nothing is written twice.
    expect((await importCsv(admin, file("A.B."))).body).toMatchObject({ imported: 0, alreadyThere: 1, lines: [{ outcome: "unchanged" }] });
  });

  it("refuses an existing code unless the line asks to update, and then changes only that participant, audited with the fields", async () => {
    const refused = await importCsv(admin, file("Q.Q."));
    expect(refused.body).toMatchObject({ imported: 0, updated: 0, refused: [{ line: 2, reason: expect.stringMatching(/action update/) }] });
    expect((await find("PRV-101")).initials).toBe("A.B.");
    const updated = await importCsv(admin, file("Q.Q.", "update"));
    expect(updated.body).toMatchObject({ imported: 0, updated: 1, lines: [{ line: 2, outcome: "updated", fields: ["initials"] }] });
    const p = await find("PRV-101");
    expect(p.initials).toBe("Q.Q.");
    expect((await auditTrail()).find((e) => e.what === "participantChanged" && e.subject.id === p.id)).toMatchObject({
      fields: ["initials"],
      detail: "import, line 2",
    });
  });

  it("refuses a re-imported code that belonged to a participant whose code was edited since, and leaves them as they are", async () => {
    const p = await find("PRV-101");
    const edited = await call(admin, "PATCH", `${B()}/participants/${p.id}`, { etag: p.etag, code: "PRV-151" });
    expect(edited.status).toBe(200);
    for (const action of ["", "update"]) {
      const res = await importCsv(admin, file("Z.Z.", action));
      expect(res.body.imported + res.body.updated).toBe(0);
      expect(res.body.refused).toEqual([
        { line: 2, reason: action === "" ? expect.stringMatching(/code has since changed/) : expect.stringMatching(/nothing to update/) },
      ]);
    }
    const after = await find("PRV-151");
    expect(after).toMatchObject({ id: p.id, code: "PRV-151", initials: "Q.Q.", caseManagerId: idOf(regionStaff) });
    expect(await find("PRV-101")).toBeUndefined();
  });

  it("keeps the four-column form without a header working, and refuses an unknown column by name", async () => {
    const res = await importCsv(admin, `PRV-102;A.B.;${idOf(regionStaff)};Norrby socialtjänst`);
    expect(res.body).toMatchObject({ imported: 1, refused: [] });
    const bad = await importCsv(admin, "kod;initialer;handläggare;organisationer;anteckning\nPRV-103;A.B.;x;y;z");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/header line/);
  });
});
