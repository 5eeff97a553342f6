import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import express from "express";
import type http from "node:http";
import { chromium, type Browser } from "playwright-core";
import { createBot } from "../../bot/src/bot";
import { createTestStorage, testStorageOptions, aBoard, aMember, aParticipant, anOrganisation } from "../../bot/src/storage/test-support";

// End to end with the Microsoft 365 Agents Playground (a Teams-like client, offline) driven in
// headless Chromium: send a command, receive a card, click a button, see the card refresh.
// The bot runs with empty credentials and accepts any tenant: local development only.

const PLAYGROUND_TENANT = "00000000-0000-0000-0000-0000000000001";
const PLAYGROUND_USER = "00000000-0000-0000-0000-0000000000020";

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

let server: http.Server;
let playground: ChildProcess;
let browser: Browser;
let uiPort: number;
let stopBot: () => Promise<void>;

beforeAll(async () => {
  const storage = await createTestStorage();
  const board = await storage.boards.create(aBoard({ allowedTenantIds: [PLAYGROUND_TENANT] }));
  const org = await storage.organisations.create(anOrganisation(board.id, { id: `org${board.id}`, name: "Psykiatrin", tenantId: PLAYGROUND_TENANT }));
  const me = await storage.members.create(aMember(board.id, { tenantId: PLAYGROUND_TENANT, objectId: PLAYGROUND_USER, organisationId: org.id, role: "coordinator", displayName: "Alex Wilber" }));
  await storage.participants.create(aParticipant(board.id, { code: "HBG-017", initials: "A.B.", caseManagerId: me.id, writtenBy: org.id, organisationIds: [org.id] }));

  const bot = createBot({ storage, clock: () => new Date(), timeZone: "Europe/Stockholm", tables: testStorageOptions(), credentials: { botType: "MultiTenant" }, allowAnyTenant: true });
  await bot.ensureTables();
  stopBot = () => bot.idle();
  const app = express();
  app.post("/api/messages", bot.endpoint);
  const botPort = await freePort();
  server = await new Promise((r) => {
    const s = app.listen(botPort, "127.0.0.1", () => r(s));
  });

  uiPort = await freePort();
  const bin = path.resolve(__dirname, "../../node_modules/.bin/agentsplayground");
  playground = spawn(bin, ["-e", `http://127.0.0.1:${botPort}/api/messages`, "-c", "msteams", "-p", String(uiPort)], {
    cwd: path.resolve(__dirname, "../../test-artifacts"),
    stdio: "ignore",
    detached: false,
  });
  await waitFor(`http://127.0.0.1:${uiPort}/_internal/v1/config`, 20_000);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  playground?.kill("SIGTERM");
  await stopBot?.();
  await new Promise((r) => server?.close(r));
});

it("help card in the playground: clicking 'Mina deltagare' refreshes it into the list", async () => {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${uiPort}/`);
  const box = page.locator("[data-lexical-editor]").first();
  await box.waitFor({ timeout: 20_000 });
  await box.click();
  await page.keyboard.type("hjälp");
  await page.keyboard.press("Enter");
  await page.getByText("FACT-tavlan: vad jag kan").first().waitFor({ timeout: 20_000 });
  await page.getByRole("button", { name: "Mina deltagare" }).first().click();
  await page.getByText("HBG-017").first().waitFor({ timeout: 20_000 });
  expect(await page.getByText("A.B.").count()).toBeGreaterThan(0);
}, 90_000);
