import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../scripts/chromium.cjs";
import { AGENTS_PLAYGROUND_USER, demoTeam } from "../../bot/src/demo/demo-team";
import { startApp, type RunningApp } from "../support/app";

// End to end with the Microsoft 365 Agents Playground (a Teams-like client, offline) driven in
// headless Chromium: send a command, receive a card, click a button, see the card refresh.
// The bot runs with empty credentials and accepts any tenant: local development only.
// Everything it needs starts here: the app, the playground (from node_modules) on a port it picks
// itself, and Debian's Chromium (which Jest's global setup installs when it is missing).

const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/playground");

/**
 * Starts the playground and resolves with the port it listens on (`-p 0`: one the system gives it,
 * so no other process can take it in between). Offline and headless: no telemetry, no attempt to
 * open a desktop browser. If it exits or stays silent, the error carries its exit and its last output.
 */
function startPlayground(botPort: number): Promise<{ child: ChildProcess; port: number }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const bin = path.resolve(__dirname, "../../node_modules/@microsoft/m365agentsplayground/cli.js");
  const child = spawn(
    process.execPath,
    [bin, "-e", `http://127.0.0.1:${botPort}/api/messages`, "-c", "msteams", "-p", "0", "--disable-telemetry"],
    {
      cwd: ARTIFACTS,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none", M365_AGENTS_PLAYGROUND_LOGFILE: path.join(ARTIFACTS, "playground.log") },
    },
  );
  let output = "";
  const tail = () => output.trim().split("\n").slice(-15).join("\n");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`The Agents Playground did not start listening within 30 s. Its last output:\n${tail()}`));
    }, 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Listening on (\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve({ child, port: Number(listening[1]) });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The Agents Playground exited (${signal ?? `code ${code}`}) before listening. Its last output:\n${tail()}`));
    });
  });
}

let app: RunningApp;
let playground: ChildProcess | undefined;
let browser: Browser;
let uiPort: number;

beforeAll(async () => {
  // The real app (bot + API + demo team), started as `npm start` does, without bot credentials.
  app = await startApp({ env: { NODE_ENV: "development" } });
  const started = await startPlayground(app.port);
  playground = started.child;
  uiPort = started.port;
  // The playground's page asks Microsoft's CDN for fonts and a script: offline these fail at once (CHROMIUM_ARGS), cosmetic.
  browser = await launchChromium();
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
});
