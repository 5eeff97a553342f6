// The README's screenshots, taken from the running demo: `npm run build && node scripts/docs-screenshots.mjs`.
// Starts its own in-memory Azurite and server on free ports (never the ones `npm start` uses), signs
// in as a fictitious region coordinator, and writes docs/images/stage.png (the morning check-in's
// walkthrough on the meeting stage) and docs/images/channel-board.png (the channel tab).
// Needs Chromium at /usr/bin/chromium; downloads no browser.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { freePort, startAzurite } from "./azurite.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const out = path.join(root, "docs/images");
// The demo team's region coordinator (bot/src/demo/demo-team.ts): leads the morning check-in.
const coordinator = { tenantId: "00000000-0000-4000-8000-000000000001", objectId: "00000000-0000-4000-a000-000000000001" };

const azurite = await startAzurite();
const { loadConfig } = require(path.join(root, "bot/dist/config.js"));
const { startServer } = require(path.join(root, "bot/dist/main.js"));
const port = await freePort();
const server = await startServer(
  loadConfig({
    NODE_ENV: "development",
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    DEV_SIGN_IN: "true",
    SEED_DEMO_DATA: "true",
    LOG_LEVEL: "warn",
    TAB_DIST_DIR: path.join(root, "tab/dist"),
  }),
);
const baseUrl = `http://localhost:${server.port}`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

try {
  const signedIn = await fetch(`${baseUrl}/api/dev/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(coordinator),
  });
  if (!signedIn.ok) throw new Error(`the development sign-in answered ${signedIn.status}`);
  const token = await signedIn.json();
  mkdirSync(out, { recursive: true });

  /** A page signed in as the coordinator (the token the sign-in picker would have stored). */
  const open = async (query, viewport) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: "sv-SE", timezoneId: "Europe/Stockholm" });
    context.setDefaultTimeout(60_000);
    await context.addInitScript((stored) => sessionStorage.setItem("factBoard.devToken", JSON.stringify(stored)), token);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/tab/${query}`);
    await page.waitForSelector("body[data-board-ready='true']");
    return { context, page };
  };

  const channel = await open("?view=channel", { width: 1280, height: 800 });
  await channel.page.screenshot({ path: path.join(out, "channel-board.png") });
  await channel.context.close();

  // The stage as Teams gives it to a meeting app on a laptop, one participant into the walkthrough.
  const stage = await open("?view=stage", { width: 1280, height: 720 });
  await stage.page.getByRole("button", { name: "Starta genomgång" }).click();
  await stage.page.locator("[data-current-index='0']").waitFor();
  await stage.page.screenshot({ path: path.join(out, "stage.png") });
  await stage.context.close();
  console.log(`Wrote ${path.relative(root, path.join(out, "channel-board.png"))} and ${path.relative(root, path.join(out, "stage.png"))}.`);
} finally {
  await browser.close();
  await server.stop();
  await azurite.stop();
}
