import type { MeResponse } from "@fact-board/contract";
import type { Browser, BrowserContext } from "playwright-core";
import {
  CLIENT_ID,
  entraClaims,
  makeSigningKey,
  signToken,
  startJwksServer,
  type JwksServer,
  type SigningKey,
} from "../../bot/src/auth/test-support";
import { DEMO_GUEST_IDENTITY } from "../../bot/src/demo/demo-team";
import { TEAMS_JS_VALID_DOMAINS_URL } from "../../bot/src/api/security";
import { DEMO_TENANTS, startApp, type RunningApp } from "../support/app";
import { openInTeamsHost, type TeamsHostOptions } from "../support/teams-host.cjs";
import { closeContext, launchChromium, serveOverHttps } from "./browser";

// The tab inside a Teams-like host page that answers teams-js: its CSP lets teams-js fetch what it
// needs, a failed getAuthToken is recoverable with "Logga in", and in a shared channel an external
// member signs in with their home tenant and is their own organisation's member. Teams' tokens are
// stood in for by tokens of the tests' issuer (TEST_OIDC_ISSUER), checked with Entra's rules.

const ISSUER = "https://teams-sso.test/issuer";
const ADA = { tid: DEMO_TENANTS.region, oid: "00000000-0000-4000-a000-000000000001" };
const HUGO_HOME = { tid: DEMO_TENANTS.north, oid: "00000000-0000-4000-a000-000000000008" };
const HUGO_GUEST = { tid: DEMO_GUEST_IDENTITY.tenantId, oid: DEMO_GUEST_IDENTITY.objectId };
const HUGO_MEMBER_ID = `${HUGO_HOME.tid}.${HUGO_HOME.oid}`;

let key: SigningKey;
let jwks: JwksServer;
let app: RunningApp;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  key = await makeSigningKey("teams-sso");
  jwks = await startJwksServer([key]);
  [app, browser] = await Promise.all([
    startApp({
      env: {
        ENTRA_CLIENT_ID: CLIENT_ID,
        ENTRA_APP_ID_URI: `api://127.0.0.1/${CLIENT_ID}`,
        TEST_OIDC_ISSUER: ISSUER,
        TEST_OIDC_JWKS_URL: jwks.url,
      },
    }),
    launchChromium(),
  ]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await jwks?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1240, height: 900 } });
});
afterEach(() => closeContext(context));

const tokenFor = (person: { tid: string; oid: string }) =>
  signToken(key, entraClaims({ iss: ISSUER, aud: CLIENT_ID, tid: person.tid, oid: person.oid }));

/** A channel tab (frame context "content") as `user`, with what the channel adds. */
const inChannel = (user: { tid: string; oid: string }, extra: Record<string, unknown> = {}) => ({
  frameContext: "content" as const,
  person: { tenantId: user.tid, objectId: user.oid },
  context: { entityId: "board-demo", teamId: "19:team@thread.tacv2", channelId: "19:channel@thread.tacv2", ...extra },
});

async function openTab(options: Omit<TeamsHostOptions, "url">, baseUrl = app.baseUrl) {
  const host = await openInTeamsHost(context, baseUrl, {
    ...options,
    url: "/tab/?view=channel&board=demo-fact-exempelstad",
    validDomainsUrl: TEAMS_JS_VALID_DOMAINS_URL,
  });
  const tab = host.page.frameLocator("#tab");
  return { host, tab };
}

it("loads in Teams with no Content Security Policy violation, teams-js fetching its valid-domains list", async () => {
  const fetched: string[] = [];
  context.on("request", (r) => {
    if (r.url().includes("validDomains")) fetched.push(r.url());
  });
  const { host, tab } = await openTab({ ...inChannel(ADA), tokens: { "": await tokenFor(ADA) } });
  await tab.locator("body[data-board-ready='true']").waitFor({ timeout: 25_000 });
  await tab.getByRole("table", { name: "På tavlan" }).waitFor();
  expect(fetched).toEqual(["https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json"]);
  expect(host.console.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
});

it("recovers from a failed getAuthToken: Logga in runs Teams' sign-in popup, then the board opens", async () => {
  // authentication.authenticate accepts only https pages, as the tab is in production.
  const origin = "https://fact-board.test";
  await serveOverHttps(context, origin, app.baseUrl);
  const { host, tab } = await openTab(
    { ...inChannel(ADA), tokens: { "": await tokenFor(ADA) }, failUntilAuthenticated: "resourceRequiresConsent" },
    origin,
  );
  await tab.getByRole("alert").filter({ hasText: "Teams kunde inte logga in dig" }).waitFor();
  await tab.getByRole("button", { name: "Logga in" }).click();
  await tab.locator("body[data-board-ready='true']").waitFor({ timeout: 25_000 });
  const calls = await host.calls();
  const authenticate = calls.find((c) => c.func === "authentication.authenticate");
  expect(String(authenticate?.args[0])).toBe(`${origin}/tab/?signIn=popup`);
  const tokenCalls = calls.filter((c) => c.func === "authentication.getAuthToken");
  expect(calls.indexOf(tokenCalls.at(-1)!)).toBeGreaterThan(calls.indexOf(authenticate!));
});

it("in a shared channel asks Teams for the external member's home-tenant token and shows their own organisation's view", async () => {
  // Only a token for Hugo's home tenant exists: asking without the tenant id would fail.
  const sharedChannel = inChannel(HUGO_HOME, { channelType: "Shared", hostTeamTenantId: DEMO_TENANTS.region });
  const me = context.waitForEvent("response", (r) => r.url().endsWith("/api/me"));
  const { host, tab } = await openTab({ ...sharedChannel, tokens: { [HUGO_HOME.tid]: await tokenFor(HUGO_HOME) } });
  await tab.locator("body[data-board-ready='true']").waitFor({ timeout: 25_000 });
  const answer = (await (await me).json()) as MeResponse;
  expect(answer.boards).toEqual([expect.objectContaining({ memberId: HUGO_MEMBER_ID, organisationId: "norrby-soc" })]);
  const tokenCalls = (await host.calls()).filter((c) => c.func === "authentication.getAuthToken");
  expect(tokenCalls.map((c) => c.args[3])).toContain(HUGO_HOME.tid);
});

it("recognises the same member behind their guest account in the hosting tenant's own channel", async () => {
  const me = context.waitForEvent("response", (r) => r.url().endsWith("/api/me"));
  const { tab } = await openTab({ ...inChannel(HUGO_GUEST), tokens: { "": await tokenFor(HUGO_GUEST) } });
  await tab.locator("body[data-board-ready='true']").waitFor({ timeout: 25_000 });
  const answer = (await (await me).json()) as MeResponse;
  expect(answer).toMatchObject({ tenantId: HUGO_GUEST.tid, objectId: HUGO_GUEST.oid });
  expect(answer.boards).toEqual([expect.objectContaining({ memberId: HUGO_MEMBER_ID, organisationId: "norrby-soc" })]);
});
