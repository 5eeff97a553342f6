// Issue 29: abuse limits. Anyone of an allowed tenant may ask to join a board, and anyone at all may
// read the sign-in configuration: asking is limited per client address and per tenant, pending
// requests per tenant are capped, and the sign-in configuration is limited per address. Low limits
// here (the defaults are in config.ts); every client of this test shares one address, 127.0.0.1.
import { api, signIn, startApp, type RunningApp } from "../support/app";

const HOST = "11111111-1111-4111-8111-111111111111";
const NORTH = "22222222-2222-4222-8222-222222222222";
const SOUTH = "44444444-4444-4444-8444-444444444444";
type Person = { tenantId: string; objectId: string };
const person = (tenant: string, n: number): Person => ({
  tenantId: tenant,
  objectId: `cccccccc-0000-4000-a000-${String(n).padStart(12, "0")}`,
});

let app: RunningApp;
let boardId = "";
const admin = person(HOST, 1);
const tokens = new Map<string, string>();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call<T = any>(who: Person, method: string, path: string, body?: unknown) {
  const key = `${who.tenantId}.${who.objectId}`;
  let token = tokens.get(key);
  if (!token) {
    token = await signIn(app.baseUrl, who);
    tokens.set(key, token);
  }
  return api<T>(app.baseUrl, token, method, path, body);
}
const idOf = (p: Person) => `${p.tenantId}.${p.objectId}`;
const ask = (who: Person, displayName = "Greta Provberg (admin)") =>
  call(who, "POST", `/api/boards/${boardId}/join-requests`, { displayName });

beforeAll(async () => {
  app = await startApp({
    seed: false,
    env: {
      BOARD_CREATOR_TENANT_IDS: HOST,
      PENDING_JOIN_REQUESTS_PER_TENANT: "2",
      JOIN_REQUESTS_PER_HOUR_PER_TENANT: "4",
      JOIN_REQUESTS_PER_HOUR_PER_ADDRESS: "7",
      SIGN_IN_CONFIG_REQUESTS_PER_MINUTE: "5",
    },
  });
  const created = await call(admin, "POST", "/api/boards", {
    name: "FACT Gränsstad",
    displayName: "Anna Admin",
    organisation: { name: "Psykiatri Gränsstad", kind: "regionPsychiatry", retentionDays: 3650 },
  });
  boardId = created.body.boards[0].id;
  for (const [name, tenant] of [
    ["Norrby socialtjänst", NORTH],
    ["Södervik socialtjänst", SOUTH],
  ])
    expect(
      (
        await call(admin, "POST", `/api/boards/${boardId}/organisations`, {
          name,
          kind: "municipalSocialServices",
          tenantIds: [tenant],
          retentionDays: 1,
        })
      ).status,
    ).toBe(201);
  // Tokens first: signing in is limited apart (/api/dev), and only the requests below count here.
  for (const p of [1, 2, 3, 4].map((n) => person(NORTH, n)).concat([1, 2, 3].map((n) => person(SOUTH, n))))
    await signIn(app.baseUrl, p).then((t) => tokens.set(`${p.tenantId}.${p.objectId}`, t));
});
afterAll(() => app?.stop());

describe("join requests", () => {
  // One sequence: the counts carry from each step to the next (address: all steps; tenant: per tenant).
  it("caps pending requests per tenant, then limits asking per tenant, then per address", async () => {
    // 1–2: two people of the north ask (address 2, north 2).
    expect((await ask(person(NORTH, 1))).status).toBe(202);
    expect((await ask(person(NORTH, 2))).status).toBe(202);
    // 3: a third while two are pending: the cap (address 3, north 3).
    const capped = await ask(person(NORTH, 3));
    expect(capped.status).toBe(429);
    expect(capped.body.error).toMatchObject({ code: "TooManyRequests", reason: "PendingJoinRequestsCapped" });
    const pending = (await call(admin, "GET", `/api/boards/${boardId}/admin`)).body.joinRequests;
    expect(pending.map((r: { memberId: string }) => r.memberId).sort()).toEqual([idOf(person(NORTH, 1)), idOf(person(NORTH, 2))]);
    // Deciding one frees a place (deciding is not limited).
    const second = pending.find((r: { memberId: string }) => r.memberId === idOf(person(NORTH, 2)));
    expect(
      (
        await call(admin, "POST", `/api/boards/${boardId}/join-requests/${second.memberId}/decide`, {
          decision: "decline",
          etag: second.etag,
        })
      ).status,
    ).toBe(200);
    // 4: now the third may ask (address 4, north 4).
    expect((await ask(person(NORTH, 3))).status).toBe(202);
    // 5: the north's fifth request in the hour: the per-tenant limit, whatever the cap (address 5, north 5).
    const perTenant = await ask(person(NORTH, 4));
    expect(perTenant.status).toBe(429);
    expect(perTenant.body.error.code).toBe("TooManyRequests");
    expect(perTenant.body.error.reason).toBeUndefined();
    // 6–7: the south is another tenant: not held back by the north (address 7, south 2).
    expect((await ask(person(SOUTH, 1))).status).toBe(202);
    expect((await ask(person(SOUTH, 2))).status).toBe(202);
    // 8: the south has asked only twice, but this address eight times: the per-address limit.
    const perAddress = await ask(person(SOUTH, 3));
    expect(perAddress.status).toBe(429);
    expect(perAddress.body.error.code).toBe("TooManyRequests");
    // Refused requests were not stored.
    const after = (await call(admin, "GET", `/api/boards/${boardId}/admin`)).body.joinRequests.map((r: { memberId: string }) => r.memberId);
    expect(after.sort()).toEqual([person(NORTH, 1), person(NORTH, 3), person(SOUTH, 1), person(SOUTH, 2)].map(idOf).sort());
  });
});

describe("the sign-in configuration", () => {
  it("is limited per client address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${app.baseUrl}/api/sign-in/config`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
