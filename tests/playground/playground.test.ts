import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { AGENTS_PLAYGROUND_USER, demoTeam } from "../../bot/src/demo/demo-team";
import { startApp, type RunningApp } from "../support/app";

// End to end with the Microsoft 365 Agents Playground (a Teams-like client, offline) driven in
// headless Chromium: send a command, receive a card, click a button, see the card refresh.
// The bot runs with empty credentials and accepts any tenant: local development only.

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

let app: RunningApp;
let playground: ChildProcess;
let browser: Browser;
let uiPort: number;

beforeAll(async () => {
  // The real app (bot + API + demo team), started as `npm start` does, without bot credentials.
  app = await startApp({ env: { NODE_ENV: "development" } });
  uiPort = await freePort();
  const bin = path.resolve(__dirname, "../../node_modules/.bin/agentsplayground");
  const logs = path.resolve(__dirname, "../../test-artifacts/playground");
  mkdirSync(logs, { recursive: true });
  playground = spawn(bin, ["-e", `http://127.0.0.1:${app.port}/api/messages`, "-c", "msteams", "-p", String(uiPort)], {
    cwd: logs,
    stdio: "ignore",
    detached: false,
  });
  await waitFor(`http://127.0.0.1:${uiPort}/_internal/v1/config`, 20_000);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  playground?.kill("SIGTERM");
  await app?.stop();
});

it("help card in the playground: clicking 'Mina deltagare' refreshes it into the list", async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`http://127.0.0.1:${uiPort}/`);
  const box = page.locator("[data-lexical-editor]").first();
  await box.waitFor({ timeout: 60_000 });
  await box.click();
  // The playground's client says en-US: the person chooses Swedish once, and every card follows.
  await page.keyboard.type("språk svenska");
  await page.keyboard.press("Enter");
  await page.getByText("Korten visas nu på svenska").first().waitFor({ timeout: 60_000 });
  await box.click();
  await page.keyboard.type("hjälp");
  await page.keyboard.press("Enter");
  await page.getByText("FACT-tavlan: vad jag kan").first().waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: "Mina deltagare" }).first().click();
  // The playground user is the case manager of three demo participants (bot/src/demo/demo-team.ts).
  const mine = demoTeam({ today: "2026-01-01", now: "2026-01-01T00:00:00.000Z", withAgentsPlaygroundUser: true }).participants.filter((p) =>
    p.caseManagerId.endsWith(AGENTS_PLAYGROUND_USER.objectId),
  );
  expect(mine).toHaveLength(3);
  await page.getByText(mine[0]!.code).first().waitFor({ timeout: 60_000 });
  expect(await page.getByText(mine[2]!.code).count()).toBeGreaterThan(0);
}, 90_000);
