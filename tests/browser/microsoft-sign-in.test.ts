import type { MeResponse } from "@fact-board/contract";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_TENANTS, startApp, type RunningApp } from "../support/app";
import { freePort, startTestOidcProvider, type TestOidcProvider } from "../support/oidc";
import { launchChromium } from "./browser";

// The plain-browser board as it runs in production (no development sign-in): "Logga in med
// Microsoft" goes through MSAL's whole authorization code + PKCE redirect flow against a real
// OpenID Connect provider on 127.0.0.1 standing in for Entra, and the server validates its tokens
// with Entra's rules (audience, scp, tid/oid, tenant allow-list) through the test-only issuer setting.

const CLIENT_ID = "00000000-0000-4000-c000-00000000c11e";
const APP_ID_URI = `api://127.0.0.1/${CLIENT_ID}`;
const HUGO = { tid: DEMO_TENANTS.north, oid: "00000000-0000-4000-a000-000000000008" };
const STRANGER = { tid: "00000000-0000-4000-8000-0000000000ff", oid: "00000000-0000-4000-a000-0000000000ff" };

let oidc: TestOidcProvider;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  oidc = await startTestOidcProvider({
    clientId: CLIENT_ID,
    redirectUri: `http://127.0.0.1:${port}/tab/`,
    scope: `${APP_ID_URI}/access_as_user`,
    accounts: { hugo: HUGO, stranger: STRANGER },
  });
  [app, browser] = await Promise.all([
    startApp({
      env: {
        PORT: String(port),
        DEV_SIGN_IN: "false",
        ENTRA_CLIENT_ID: CLIENT_ID,
        ENTRA_APP_ID_URI: APP_ID_URI,
        TEST_OIDC_ISSUER: oidc.issuer,
        TEST_OIDC_JWKS_URL: oidc.jwksUrl,
      },
    }),
    launchChromium(),
  ]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await oidc?.stop();
});

async function signInAs(login: string): Promise<{ context: BrowserContext; page: Page; me: Promise<MeResponse> }> {
  // The provider's certificate is self-signed; MSAL requires an https authority.
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  if (process.env.DEBUG_SIGN_IN) {
    page.on("console", (m) => console.error("console", m.type(), m.text()));
    page.on("framenavigated", (f) => f === page.mainFrame() && console.error("nav", f.url()));
    page.on("requestfailed", (r) => console.error("failed", r.url(), r.failure()?.errorText));
  }
  await page.goto(`${app.baseUrl}/tab/?view=channel`);
  await page.getByRole("button", { name: "Logga in med Microsoft" }).click();
  // The provider's own pages: sign in, then allow the app.
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("anything");
  const me = page
    .waitForResponse((r) => r.url().endsWith("/api/me"))
    .then(async (r) => (r.ok() ? ((await r.json()) as MeResponse) : Promise.reject(new Error(`/api/me ${r.status()}`))));
  me.catch(() => undefined);
  await page.locator("button[type=submit]").click();
  await page.locator("button[type=submit]", { hasText: /continue/i }).click();
  return { context, page, me };
}

it("signs a partner in with their own organisation's account and shows the board as that member", async () => {
  const { context, page, me } = await signInAs("hugo");
  await page.waitForSelector("body[data-board-ready='true']", { timeout: 25_000 });
  expect(new URL(page.url()).searchParams.get("view")).toBe("channel");
  const answer = await me;
  expect(answer).toMatchObject({ tenantId: HUGO.tid, objectId: HUGO.oid });
  expect(answer.boards).toEqual([
    expect.objectContaining({ memberId: `${HUGO.tid}.${HUGO.oid}`, organisationId: "norrby-soc", role: "coordinator" }),
  ]);
  await page.getByRole("table", { name: "På tavlan" }).waitFor();

  // Signing out ends the session at the provider too, and the tab offers the sign-in again.
  await page.getByRole("button", { name: "Logga ut" }).click();
  await page.locator("button[type=submit]", { hasText: /yes/i }).click();
  await page.getByRole("button", { name: "Logga in med Microsoft" }).waitFor();
  await context.close();
});

it("refuses an account from a tenant that is on no board, and says so", async () => {
  const { context, page } = await signInAs("stranger");
  await page.getByRole("alert").filter({ hasText: "hör inte till någon organisation" }).waitFor();
  await expect(page.locator("body[data-board-ready='true']").count()).resolves.toBe(0);
  await expect(page.getByRole("button", { name: "Logga ut" }).isVisible()).resolves.toBe(true);
  await context.close();
});
