// The web surface: security headers (a CSP that lets only Teams and Microsoft 365 frame the app
// and allows no inline script), the API refuses cross-origin callers, errors carry no stack
// traces or internal details, and one caller cannot exhaust the service (per-person rate limit).
import type { AddressInfo } from "node:net";
import express from "express";
import { createApp, type AppParts } from "../../bot/src/api/app";
import { Unauthenticated } from "../../bot/src/auth";
import { createCore } from "../../bot/src/core";
import type { Storage } from "../../bot/src/storage";
import { createLogger } from "../../bot/src/logger";
import type { Caller } from "../../bot/src/domain/types";
import { BOARD, startWorld, textOf, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.stop();
});

const ada = () => w.byName("Ada Fiktiv");

function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("security headers", () => {
  it.each(["/healthz", "/api/me", `${BOARD}`, "/tab/"])(
    "%s carries a CSP framing only in Teams and Microsoft 365, with no inline script",
    async (path) => {
      const res = await fetch(`${w.app.baseUrl}${path}`, { headers: { authorization: `Bearer ${await w.token(ada())}` } });
      const csp = directives(res.headers.get("content-security-policy"));
      const ancestors = csp.get("frame-ancestors") ?? [];
      expect(ancestors).toEqual(
        expect.arrayContaining([
          "https://teams.microsoft.com",
          "https://*.teams.microsoft.com",
          "https://*.cloud.microsoft",
          "https://*.office.com",
        ]),
      );
      // Nothing but our own origin and Microsoft's Teams/365 hosts may frame the app.
      for (const a of ancestors)
        expect(a).toMatch(
          /^('self'|https:\/\/([*\w-]+\.)*(microsoft\.com|microsoft\.us|cloud\.microsoft|microsoft365\.com|office\.com|office365\.com))$/,
        );
      expect(csp.get("script-src")).toEqual(["'self'"]);
      expect(csp.get("default-src")).toEqual(["'self'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      // teams-js fetches Microsoft's list of valid host domains: that one file, not the whole CDN.
      expect(csp.get("connect-src")).toEqual(["'self'", "https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json"]);
      expect(res.headers.get("x-frame-options")).toBeNull();
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-powered-by")).toBeNull();
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    },
  );
});

describe("CORS: the API answers its own origin only", () => {
  it("refuses a cross-origin request before doing anything", async () => {
    const before = await w.app.storage.boardVersions.current("demo-fact-exempelstad");
    for (const origin of ["https://evil.example", "https://teams.microsoft.com", "http://127.0.0.1.evil.example"]) {
      const res = await fetch(`${w.app.baseUrl}${BOARD}/walkthrough`, {
        method: "POST",
        headers: { origin, authorization: `Bearer ${await w.token(ada())}`, "content-type": "application/json" },
        body: JSON.stringify({}),
      });
      expect([origin, res.status]).toEqual([origin, 403]);
      expect(await res.json()).toEqual({ error: { code: "Forbidden", message: expect.any(String) } });
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    }
    expect(await w.app.storage.boardVersions.current("demo-fact-exempelstad")).toBe(before);
  });

  it("refuses an opaque 'null' origin (sandboxed frames, files) with 403, not a server error", async () => {
    const res = await fetch(`${w.app.baseUrl}/api/me`, { headers: { origin: "null", authorization: `Bearer ${await w.token(ada())}` } });
    expect(res.status).toBe(403);
  });

  it("answers a preflight without allowing anything", async () => {
    const res = await fetch(`${w.app.baseUrl}/api/me`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("accepts its own origin", async () => {
    const res = await fetch(`${w.app.baseUrl}/api/me`, {
      headers: { origin: w.app.baseUrl, authorization: `Bearer ${await w.token(ada())}` },
    });
    expect(res.status).toBe(200);
  });
});

describe("the live channel", () => {
  it("needs a valid token in the Authorization header and membership like every other route", async () => {
    const open = (path: string, token?: string) =>
      fetch(`${w.app.baseUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    expect((await open(`${BOARD}/events`)).status).toBe(401);
    expect((await open(`${BOARD}/events`, "not-a-token")).status).toBe(401);
    expect((await open("/api/boards/no-such-board/events", await w.token(ada()))).status).toBe(404);
    const controller = new AbortController();
    const res = await fetch(`${w.app.baseUrl}${BOARD}/events`, {
      headers: { authorization: `Bearer ${await w.token(ada())}` },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("cache-control")).toMatch(/^no-store\b/);
    controller.abort();
  });

  it("does not read a token from the URL, where App Service and Application Insights would record it", async () => {
    const res = await fetch(`${w.app.baseUrl}${BOARD}/events?access_token=${encodeURIComponent(await w.token(ada()))}`);
    expect(res.status).toBe(401);
  });
});

describe("no copy of an API answer is kept", () => {
  it.each([
    ["an answer with participant details", `${BOARD}`, true],
    ["an error", "/api/no-such-route", true],
    ["a refused sign-in", `${BOARD}`, false],
    ["the development sign-in's list", "/api/dev/people", false],
  ])("%s carries Cache-Control: no-store", async (_what, path, withToken) => {
    const res = await fetch(`${w.app.baseUrl}${path}`, withToken ? { headers: { authorization: `Bearer ${await w.token(ada())}` } } : {});
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("a body too large and a body that is not JSON carry it too", async () => {
    for (const body of ["{not json", JSON.stringify({ padding: "x".repeat(40_000) })]) {
      const res = await fetch(`${w.app.baseUrl}${BOARD}/entries`, {
        method: "POST",
        headers: { authorization: `Bearer ${await w.token(ada())}`, "content-type": "application/json" },
        body,
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("errors carry no stack traces or internal details", () => {
  const STACK = /\n\s+at |\.ts:\d+|\.js:\d+|node_modules|Error:|TableNotFound|statusCode|RestError/;

  it.each([
    ["GET", "/api/no-such-route", undefined],
    ["GET", `${BOARD}/participants/inte%20ett%20id/history`, undefined],
    ["POST", `${BOARD}/entries`, "{not json"],
    [
      "POST",
      `${BOARD}/entries`,
      JSON.stringify({
        participantId: "p001",
        reason: "crisis",
        priority: "high",
        nextEvaluationOn: "2026-03-10",
        padding: "x".repeat(40_000),
      }),
    ],
    ["PATCH", `${BOARD}/entries/p001`, JSON.stringify({ etag: "stale", priority: "low" })],
    ["GET", `${BOARD}/audit?participantId=p001&cursor=bm90LWEtY3Vyc29y`, undefined],
  ])("%s %s", async (method, path, body) => {
    const manager = w.byName("Eva Testsson");
    const res = await fetch(`${w.app.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await w.token(manager)}`, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body } : {}),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(text).not.toMatch(STACK);
  });

  it("storage being unavailable answers a plain 503 and keeps its message to itself", async () => {
    const { app, close } = await miniApp({
      members: {
        get: async () => {
          throw Object.assign(new Error("connect ECONNREFUSED 10.0.0.7:10002 at TableClient.getEntity (/srv/app/node_modules/x.js:1:1)"), {
            statusCode: 503,
          });
        },
        findBySignIn: async () => {
          throw Object.assign(new Error("connect ECONNREFUSED 10.0.0.7:10002 at TableClient.getEntity (/srv/app/node_modules/x.js:1:1)"), {
            statusCode: 503,
          });
        },
      },
    });
    const res = await fetch(`${app}${BOARD}`, { headers: { "x-tenant": "t1", "x-object": "o1" } });
    const text = await res.text();
    expect([res.status, res.headers.get("retry-after")]).toEqual([503, "3"]);
    expect(JSON.parse(text)).toEqual({
      error: { code: "StorageUnavailable", message: "The board cannot be reached right now. Nothing was changed; try again in a moment." },
    });
    expect(text).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|node_modules/);
    await close();
  });

  it("an unexpected failure answers a plain 500 and keeps its message to itself", async () => {
    const { app, close } = await miniApp({
      members: {
        get: async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'etag') at mapping (/srv/app/node_modules/x.js:1:1) 10.0.0.7");
        },
      },
    });
    const res = await fetch(`${app}${BOARD}`, { headers: { "x-tenant": "t1", "x-object": "o1" } });
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: { code: "Internal", message: "Something went wrong on our side. Try again in a moment." } });
    expect(text).not.toMatch(/etag|10\.0\.0\.7|node_modules/);
    await close();
  });
});

/**
 * The API's express app alone, over a stub of storage, with a header-based identity: for what the
 * full server cannot be told to do (a small rate limit, a failing dependency).
 */
async function miniApp(
  storage: Record<string, unknown>,
  options: Partial<Pick<AppParts, "rateLimit" | "addressRateLimit" | "trustProxyHops" | "unauthenticatedRoutes">> = {},
) {
  const core = createCore({
    storage: { boardVersions: { current: async () => 0 }, ping: async () => undefined, ...storage } as unknown as Storage,
    clock: () => new Date("2026-03-04T08:00:00Z"),
    timeZone: "Europe/Stockholm",
    newId: () => "id",
  });
  const { app, watcher } = createApp({
    core,
    authenticate: async (req): Promise<Caller> => {
      if (req.headers["x-tenant"] === undefined) throw new Unauthenticated("missing");
      return { tenantId: String(req.headers["x-tenant"]), objectId: String(req.headers["x-object"]) };
    },
    log: createLogger("silent"),
    publicUrl: "http://127.0.0.1",
    ...options,
  });
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    app: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        watcher.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("per-person rate limit", () => {
  it("answers 429 with a JSON error once one person passes the limit, and counts each person apart", async () => {
    const { app, close } = await miniApp(
      { members: { get: async () => undefined, findBySignIn: async () => undefined } },
      { rateLimit: { windowMs: 60_000, limit: 3 } },
    );
    const as = (objectId: string) => fetch(`${app}${BOARD}`, { headers: { "x-tenant": "t1", "x-object": objectId } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await as("busy")).status);
    // Not a member of the board: 404 while under the limit, then 429.
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    const limited = await as("busy");
    expect(await limited.json()).toEqual({ error: { code: "TooManyRequests", message: expect.any(String) } });
    expect(limited.headers.get("ratelimit-policy")).toMatch(/3/);
    // Someone else of the same tenant is not held back by the busy one.
    expect((await as("calm")).status).toBe(404);
    await close();
  });

  it("counts opening live streams against the same limit", async () => {
    const { app, close } = await miniApp(
      { members: { get: async () => undefined, findBySignIn: async () => undefined } },
      { rateLimit: { windowMs: 60_000, limit: 2 } },
    );
    const open = () => fetch(`${app}${BOARD}/events`, { headers: { "x-tenant": "t1", "x-object": "streamer" } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await open()).status);
    expect(statuses).toEqual([404, 404, 429]);
    await close();
  });
});

describe("per-address rate limit before anyone is known", () => {
  it("answers 429 once one address passes the limit of failed authentications, counting addresses apart and never holding back a valid caller", async () => {
    const { app, close } = await miniApp(
      { members: { get: async () => undefined, findBySignIn: async () => undefined } },
      { addressRateLimit: { windowMs: 60_000, limit: 3 }, trustProxyHops: 1 },
    );
    // App Service's front end writes the client's address with a port, a new one per connection.
    const from = (address: string, headers: Record<string, string> = {}) =>
      fetch(`${app}${BOARD}`, { headers: { "x-forwarded-for": address, ...headers } });
    const statuses: number[] = [];
    for (let port = 50_000; port < 50_005; port++) statuses.push((await from(`203.0.113.5:${port}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await from("203.0.113.5:50010");
    expect(await limited.json()).toEqual({ error: { code: "TooManyRequests", message: expect.any(String) } });
    expect(limited.headers.get("cache-control")).toBe("no-store");
    // Another address is not held back, nor is someone signed in behind the busy address.
    expect((await from("198.51.100.7:50000")).status).toBe(401);
    expect((await from("203.0.113.5:50011", { "x-tenant": "t1", "x-object": "o1" })).status).toBe(404);
    await close();
  });

  it("limits the development routes per address too", async () => {
    const dev = express.Router().get("/api/dev/people", (_req, res) => {
      res.json({ people: [] });
    });
    const { app, close } = await miniApp(
      {},
      { addressRateLimit: { windowMs: 60_000, limit: 2 }, unauthenticatedRoutes: [{ path: "/", handler: dev }] },
    );
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${app}/api/dev/people`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    await close();
  });
});

describe("limits on what one request may carry", () => {
  it("refuses over-long text and over-long lists with 400 naming the field", async () => {
    const cases: Array<[string, string, unknown, string]> = [
      [
        "POST",
        `${BOARD}/signals`,
        { participantId: "p001", toOrganisationId: "norrby-soc", kind: "concern", urgency: "today", note: "x".repeat(301) },
        "note",
      ],
      [
        "POST",
        `${BOARD}/participants`,
        { code: "ZQX-0001", initials: "Q.", caseManagerId: "x", organisationIds: Array.from({ length: 11 }, (_, i) => `org${i}`) },
        "organisationIds",
      ],
      ["POST", `${BOARD}/walkthrough/join`, { teamsChatId: `19:${"x".repeat(300)}` }, "teamsChatId"],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await w.call(ada(), method, path, body);
      expect([res.status, res.body.error.code, res.body.error.field]).toEqual([400, "BadRequest", field]);
      expect(textOf(res).length).toBeLessThan(500);
    }
  });
});
