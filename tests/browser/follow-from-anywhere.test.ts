import { type CheckInView, type WalkthroughResponse, browserItemUrl } from "@fact-board/contract";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { api, DEMO_BOARD_ID, DEMO_TENANTS, demoPerson, startApp, type RunningApp } from "../support/app";
import { freePort, startTestOidcProvider, type TestOidcProvider } from "../support/oidc";
import { launchChromium } from "./browser";

// Issue 27, item 1: a municipal coordinator joins the region's Teams meeting from her own tenant (a
// federated attendee: no side panel, no stage). The meeting chat's "Följ genomgången" opens the
// stage in her browser; she signs in with her own organisation's account (the local OpenID provider
// standing in for Entra), follows three moves of the presenter, sees each participant only as her
// organisation's consent allows, and the check-in lists her as attending.

const CLIENT_ID = "00000000-0000-4000-c000-00000000c11e";
const APP_ID_URI = `api://127.0.0.1/${CLIENT_ID}`;
const MEETING = "morgonmote";
const presenterId = demoPerson("region", 1);
const attendeeId = demoPerson("north", 8);
const ACCOUNTS = {
  rita: { tid: presenterId.tenantId, oid: presenterId.objectId },
  hugo: { tid: attendeeId.tenantId, oid: attendeeId.objectId },
};

let oidc: TestOidcProvider;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  oidc = await startTestOidcProvider({
    clientId: CLIENT_ID,
    redirectUri: `http://127.0.0.1:${port}/tab/`,
    scope: `${APP_ID_URI}/access_as_user`,
    accounts: ACCOUNTS,
  });
  [app, browser] = await Promise.all([
    startApp({
      env: {
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
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

/** Opens `url`, signs in with Microsoft (the provider's pages) as `login`; the bearer token the tab then sends. */
async function signInAt(url: string, login: keyof typeof ACCOUNTS): Promise<{ context: BrowserContext; page: Page; token: () => string }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(25_000);
  const page = await context.newPage();
  let token = "";
  page.on("request", (r) => {
    const auth = r.headers()["authorization"];
    if (r.url().startsWith(app.baseUrl) && auth?.startsWith("Bearer ")) token = auth.slice("Bearer ".length);
  });
  await page.goto(url);
  await page.getByRole("button", { name: "Logga in med Microsoft" }).click();
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("anything");
  await page.locator("button[type=submit]").click();
  await page.locator("button[type=submit]", { hasText: /continue/i }).click();
  await page.waitForSelector("body[data-board-ready='true']");
  return { context, page, token: () => token };
}

const walkthroughAs = async (token: string) =>
  (await api<WalkthroughResponse>(app.baseUrl, token, "GET", `/api/boards/${DEMO_BOARD_ID}/walkthrough?meeting=${MEETING}`)).body
    .walkthrough!;

it("follows the presenter from another tenant in the browser, through her own consent, and attends", async () => {
  expect(attendeeId.tenantId).toBe(DEMO_TENANTS.north);
  expect(attendeeId.tenantId).not.toBe(presenterId.tenantId);
  // What the meeting chat's card links to (render-card.ts builds it the same way).
  const follow = browserItemUrl(app.baseUrl, DEMO_BOARD_ID, undefined, { view: "stage", meeting: MEETING });

  const presenter = await signInAt(follow, "rita");
  await presenter.page.getByRole("heading", { name: "Morgonmöte" }).waitFor();
  await presenter.page.getByRole("button", { name: "Starta genomgång" }).click();
  await presenter.page.getByRole("button", { name: /Nästa deltagare/ }).waitFor();

  const attendee = await signInAt(follow, "hugo");
  // Back from her own organisation's sign-in, straight at that meeting's walkthrough.
  expect(Object.fromEntries(new URL(attendee.page.url()).searchParams)).toMatchObject({
    view: "stage",
    board: DEMO_BOARD_ID,
    meeting: MEETING,
  });
  await attendee.page.getByRole("heading", { name: "Morgonmöte" }).waitFor();
  expect((await walkthroughAs(presenter.token())).total).toBeGreaterThan(3);

  for (let move = 1; move <= 3; move++) {
    await presenter.page.getByRole("button", { name: /Nästa deltagare/ }).click();
    const position = `${move + 1} av`;
    // Her stage follows the presenter (the live stream), to the same position.
    await attendee.page
      .getByText(new RegExp(`Deltagare ${position}`))
      .first()
      .waitFor();
    const mine = await walkthroughAs(attendee.token());
    expect(mine.current?.index).toBe(move);
    const text = await attendee.page.locator("main").innerText();
    if (mine.current?.shown === "details") {
      expect(text).toContain(mine.current.row!.participant.code);
    } else {
      expect(text).toContain("inga uppgifter för din organisation");
    }
    // Where her organisation may see nothing, the presenter's participant is not on her screen.
    const theirs = await walkthroughAs(presenter.token());
    expect(theirs.current?.index).toBe(move);
    if (mine.current?.shown !== "details" && theirs.current?.row) expect(text).not.toContain(theirs.current.row.participant.code);
  }

  await presenter.page.getByRole("button", { name: /Avsluta morgonmötet/ }).click();
  await presenter.page.getByText("Dagens morgonmöte är sparat.").waitFor();
  const date = (await walkthroughAs(presenter.token())).date;
  const checkIn = await api<CheckInView>(
    app.baseUrl,
    presenter.token(),
    "GET",
    `/api/boards/${DEMO_BOARD_ID}/check-ins/${date}?meeting=${MEETING}`,
  );
  expect(checkIn.status).toBe(200);
  expect(checkIn.body.attendeeIds).toContain(`${attendeeId.tenantId}.${attendeeId.objectId}`);

  await presenter.context.close();
  await attendee.context.close();
});
