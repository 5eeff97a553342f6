import type { BoardView } from "@fact-board/contract";
import type { Browser, Page } from "playwright-core";
import { DEFAULT_STORAGE_TIMEOUT_MS } from "../../bot/src/config";
import { api, DEMO_BOARD_ID, signIn, startApp, type RunningApp } from "../support/app";
import { type StorageLink, storageLink } from "../support/storage-link";
import { launchChromium, openBoard, people, signedInContext, WAIT_MS } from "./browser";

// Storage going away under an open board, as a person at the morning meeting meets it: the tab says
// in Swedish what happened and what to do next, and never shows the server's or the browser's own
// English ("Failed to fetch", "The board cannot be reached…"). The server reaches the Jest run's
// Azurite through a TCP link the test cuts and restores (as tests/faults/storage-outage.test.ts does).

const UNAVAILABLE = "Tavlan kan inte nås just nu och inget har ändrats. Försök igen om en stund.";
const NO_ANSWER = "FACT-tavlan svarar inte. Kontrollera din anslutning och försök igen om en stund.";
const RAW_WORDS = /Failed to fetch|NetworkError|The board cannot be reached|Något gick fel:|StorageUnavailable/;

let link: StorageLink;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  const connectionString = process.env.FACT_TEST_STORAGE_CONNECTION!;
  const target = Number(/TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(connectionString)![1]);
  link = await storageLink(target);
  [app, browser] = await Promise.all([
    startApp({
      connectionString: connectionString.replace(`127.0.0.1:${target}`, `127.0.0.1:${link.port}`),
      // The production budget: a 503 within seconds, as a person would meet it.
      env: { STORAGE_TIMEOUT_MS: String(DEFAULT_STORAGE_TIMEOUT_MS) },
    }),
    launchChromium(),
  ]);
  // With the production storage budget, a first board read on a loaded test machine can run out
  // of it (503, and the tab's retries back off for tens of seconds). Read the board through the
  // link until it answers before any page opens, so the tests start from a server that has read it.
  const token = await signIn(app.baseUrl, people.coordinator);
  const readyBy = Date.now() + 120_000;
  while ((await api<BoardView>(app.baseUrl, token, "GET", `/api/boards/${DEMO_BOARD_ID}`)).status !== 200) {
    if (Date.now() > readyBy) throw new Error("the board was not readable through the storage link within two minutes");
    await new Promise((r) => setTimeout(r, 1000));
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop().catch(() => undefined);
  await link?.cut();
});

afterEach(async () => {
  await link.restore();
});

/** An entry the coordinator may edit, and its edit form opened with another priority chosen. */
async function startEditing(page: Page): Promise<{ code: string }> {
  const token = await signIn(app.baseUrl, people.coordinator);
  const board = (await api<BoardView>(app.baseUrl, token, "GET", `/api/boards/${DEMO_BOARD_ID}`)).body;
  const row = board.rows.find((r) => r.entry.mayEdit)!;
  const code = row.participant.code;
  await page.getByRole("button", { name: new RegExp(`^${code} `) }).click();
  await page
    .getByRole("dialog", { name: new RegExp(code) })
    .getByRole("button", { name: "Ändra", exact: true })
    .click();
  const edit = page.getByRole("dialog", { name: `Ändra ${code}` });
  await edit.getByRole("radio", { name: row.entry.priority === "high" ? "Låg" : "Hög" }).check();
  return { code };
}

const pageText = (page: Page) => page.locator("body").innerText();

it("tells a person whose change meets storage gone that nothing was changed and to try again, in Swedish", async () => {
  const context = await signedInContext(browser, app.baseUrl, people.coordinator);
  const page = await context.newPage();
  await openBoard(page, app.baseUrl, `?view=channel&board=${DEMO_BOARD_ID}`);
  const { code } = await startEditing(page);

  await link.cut();
  const refused = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/entries/"), { timeout: WAIT_MS });
  await page
    .getByRole("dialog", { name: `Ändra ${code}` })
    .getByRole("button", { name: "Spara" })
    .click();
  expect((await refused).status()).toBe(503);
  await page.getByText(UNAVAILABLE).first().waitFor();
  expect(await pageText(page)).not.toMatch(RAW_WORDS);
  await context.close();
});

it("tells a person whose browser cannot reach the server that it does not answer and to check the connection, never 'Failed to fetch'", async () => {
  const context = await signedInContext(browser, app.baseUrl, people.coordinator);
  const page = await context.newPage();
  await openBoard(page, app.baseUrl, `?view=channel&board=${DEMO_BOARD_ID}`);
  const { code } = await startEditing(page);

  await context.setOffline(true);
  await page
    .getByRole("dialog", { name: `Ändra ${code}` })
    .getByRole("button", { name: "Spara" })
    .click();
  await page.getByText(NO_ANSWER).first().waitFor();
  expect(await pageText(page)).not.toMatch(RAW_WORDS);
  await context.close();
});

it("opens on storage gone with what to do, and the board once storage is back and the person tries again", async () => {
  const context = await signedInContext(browser, app.baseUrl, people.coordinator);
  await link.cut();
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/tab/?view=channel&board=${DEMO_BOARD_ID}`);
  const alert = page.getByRole("alert").filter({ hasText: UNAVAILABLE });
  await alert.waitFor({ timeout: WAIT_MS });
  expect(await pageText(page)).not.toMatch(RAW_WORDS);

  await link.restore();
  await alert.getByRole("button", { name: "Försök igen" }).click();
  await page.waitForSelector("body[data-board-ready='true']", { timeout: WAIT_MS });
  await context.close();
});
