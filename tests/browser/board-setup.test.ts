import { teamDay } from "../support/team-calendar";
// Issue 11, done when: on an empty store a person signs in, creates a board from the configuration
// page, adds two partner organisations, adds members (one from the Teams roster the bot reads through
// the stand-in connector, one by approving a join request made in a second browser), sets
// substitutes, imports 200 participants from CSV with bad lines reported, puts one on the board — and
// a member of the partner organisation then sees exactly what consent allows.
import type { BoardView, MeResponse, ParticipantList } from "@fact-board/contract";
import type { Browser, Page } from "playwright-core";
import { startConnector, type Connector } from "../../bot/src/test-support/teams-connector";
import { api, signIn, startApp, type RunningApp } from "../support/app";
import { launchChromium, layoutDefects, screenshot, seriousAxeViolations, WAIT_MS } from "./browser";

const HOST = "11111111-1111-4111-8111-111111111111";
const MUNI = "22222222-2222-4222-8222-222222222222";
const LABOUR = "33333333-3333-4333-8333-333333333333";
const person = (tenantId: string, n: number) => ({ tenantId, objectId: `aaaaaaaa-0000-4000-a000-${String(n).padStart(12, "0")}` });
const admin = person(HOST, 1);
const rita = person(HOST, 2);
const maja = person(MUNI, 3);
const CHANNEL = "19:fact-nordstad@thread.tacv2";

let app: RunningApp;
let browser: Browser;
let connector: Connector;
beforeAll(async () => {
  [app, browser, connector] = await Promise.all([
    startApp({ seed: false, env: { BOARD_CREATOR_TENANT_IDS: HOST } }),
    launchChromium(),
    startConnector(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await connector?.close();
});

/** A fresh browser on the tab, signed in through the development sign-in's "any identity" form. */
async function signInThroughTheTab(who: { tenantId: string; objectId: string }, query: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/tab/${query}`);
  const form = page.getByRole("form", { name: "Logga in med valfri identitet" });
  await form.getByRole("textbox", { name: "Tenant-id" }).fill(who.tenantId);
  await form.getByRole("textbox", { name: "Objekt-id" }).fill(who.objectId);
  await form.getByRole("button", { name: "Logga in med valfri identitet" }).click();
  return page;
}

async function openSettings(page: Page, boardId: string, section: string): Promise<void> {
  if (!page.url().includes(`board=${boardId}`)) await page.goto(`${app.baseUrl}/tab/?board=${boardId}`);
  await page.waitForSelector("body[data-board-ready='true']");
  // Leaving and coming back reads the settings afresh (someone may have asked to join meanwhile).
  await page.getByRole("tab", { name: "Tavla", exact: true }).click();
  await page.getByRole("tab", { name: "Inställningar", exact: true }).click();
  await page.getByRole("tab", { name: section, exact: true }).click();
}

async function status(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole("status").filter({ hasText: text }).first().waitFor();
}

it("takes a team from an empty store to a board its partner sees through consent only", async () => {
  // First run: sign in as someone of the hosting tenant, create the board on the configuration page.
  const page = await signInThroughTheTab(admin, "?view=config");
  const create = page.getByRole("form", { name: "Skapa tavla" });
  await create.getByRole("textbox", { name: /Tavlans namn/ }).fill("FACT Nordstad");
  await create.getByRole("textbox", { name: /Ditt namn/ }).fill("Anna Admin");
  await create.getByRole("textbox", { name: /Din organisation/ }).fill("Psykiatri Nordstad");
  await create.getByRole("button", { name: "Skapa tavla" }).click();
  // Creating a board leads straight to it (issue 24), where "Kom igång" says what to set up next.
  await page.waitForSelector("body[data-board-ready='true']");
  await page.getByRole("region", { name: "Kom igång" }).waitFor();
  const adminToken = await signIn(app.baseUrl, admin);
  const me = (await api<MeResponse>(app.baseUrl, adminToken, "GET", "/api/me")).body;
  expect(me.boards.map((b) => [b.name, b.role])).toEqual([["FACT Nordstad", "admin"]]);
  const boardId = me.boards[0]!.id;

  // Two partner organisations.
  await openSettings(page, boardId, "Organisationer");
  for (const [name, kind, tenant] of [
    ["Socialtjänsten Norrby", "Kommunal socialtjänst", MUNI],
    ["Arbetsmarknad Norrby", "Arbetsmarknad", LABOUR],
  ] as const) {
    await page.getByRole("button", { name: "Lägg till organisation" }).click();
    const dialog = page.getByRole("dialog", { name: "Lägg till organisation" });
    await dialog.getByRole("textbox", { name: /Namn/ }).fill(name);
    await dialog.getByRole("combobox", { name: "Typ" }).click();
    await page.getByRole("option", { name: kind }).click();
    await dialog.getByRole("textbox", { name: /tenant-id/ }).fill(tenant);
    await dialog.getByRole("button", { name: "Lägg till" }).click();
    await status(page, `${name} har lagts till.`);
  }
  const organisations = page.getByRole("table", { name: "Organisationer" });
  await organisations.getByRole("row", { name: /Arbetsmarknad Norrby/ }).waitFor();
  expect(await organisations.getByRole("row").count()).toBe(4);
  await screenshot(page, "settings-organisations");

  // The morning brief goes to the team's channel; the bot is installed there and reads the roster.
  await page.getByRole("tab", { name: "Tavlans inställningar", exact: true }).click();
  await page.getByRole("textbox", { name: /Kanal för morgonsammanfattningen/ }).fill(CHANNEL);
  await page.getByRole("form", { name: "Tavlans inställningar" }).getByRole("button", { name: "Spara" }).click();
  await status(page, "Tavlans inställningar har sparats.");
  const installed = await fetch(`${app.baseUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: "installationUpdate",
      action: "add",
      id: "install-1",
      timestamp: new Date().toISOString(),
      channelId: "msteams",
      serviceUrl: connector.url,
      from: { id: `29:${admin.objectId}`, aadObjectId: admin.objectId, name: "Anna Admin" },
      recipient: { id: "28:fact-bot", name: "FACT" },
      conversation: { id: CHANNEL, conversationType: "channel", tenantId: HOST, isGroup: true },
      channelData: { tenant: { id: HOST }, channel: { id: CHANNEL } },
      locale: "sv-SE",
    }),
  });
  expect(installed.status).toBeLessThan(300);
  connector.setMembers([
    { id: "29:1", aadObjectId: admin.objectId, tenantId: HOST, name: "Anna Admin", userRole: "user" },
    { id: "29:2", aadObjectId: rita.objectId, tenantId: HOST, name: "Rita Region", userRole: "user" },
  ]);

  // A member from the roster: the admin is marked as one already.
  await page.getByRole("tab", { name: "Medlemmar", exact: true }).click();
  await page.getByRole("button", { name: "Lägg till från teamet" }).click();
  const roster = page.getByRole("dialog", { name: "Personer i Teams-teamet" });
  await roster.getByRole("row", { name: /Anna Admin.*Redan medlem/ }).waitFor();
  await roster.getByRole("button", { name: "Välj Rita Region" }).click();
  expect(await roster.getByRole("combobox", { name: /Organisation/ }).inputValue()).toBe(me.boards[0]!.organisationId);
  await roster.getByRole("button", { name: "Lägg till som medlem" }).click();
  await status(page, "Rita Region är nu medlem.");

  // A member by join request, from a second browser, signed in from the partner's tenant.
  const partner = await signInThroughTheTab(maja, `?board=${boardId}`);
  const join = partner.getByRole("form", { name: "Be om att gå med" });
  await join.getByRole("textbox", { name: /Ditt namn/ }).fill("Maja Kommun");
  await join.getByRole("textbox", { name: /Meddelande/ }).fill("Samordnare på socialtjänsten");
  await join.getByRole("button", { name: "Be om att gå med" }).click();
  await status(partner, /väntar på godkännande/);
  await screenshot(partner, "join-request-pending");

  await openSettings(page, boardId, "Medlemmar");
  // The name is Maja's own words; beside it, what the server knows: her tenant and the organisation it belongs to (issue 29).
  const request = page.getByRole("group", { name: "Maja Kommun" });
  await request.getByText(`Loggar in från Socialtjänsten Norrby · Tenant ${MUNI}`).waitFor();
  await request.getByText("namnet har personen själv angett").waitFor();
  await screenshot(page, "settings-join-request");
  await page.getByRole("button", { name: "Godkänn Maja Kommun" }).click();
  const approve = page.getByRole("dialog", { name: "Godkänn Maja Kommun som medlem" });
  const muniOrg = (
    await api<{ organisations: Array<{ id: string; name: string }> }>(app.baseUrl, adminToken, "GET", `/api/boards/${boardId}/admin`)
  ).body.organisations.find((o) => o.name === "Socialtjänsten Norrby")!.id;
  expect(await approve.getByRole("combobox", { name: /Organisation/ }).inputValue()).toBe(muniOrg);
  await approve.getByRole("combobox", { name: /Roll/ }).selectOption({ label: "Samordnare" });
  await approve.getByRole("button", { name: "Godkänn" }).click();
  await status(page, "Maja Kommun är nu medlem.");

  // Substitutes, from the same organisation.
  await page.getByRole("button", { name: "Ändra Anna Admin" }).click();
  const edit = page.getByRole("dialog", { name: "Ändra Anna Admin" });
  const candidates = await edit.getByRole("combobox", { name: "Ny ersättare" }).locator("option").allTextContents();
  expect(candidates).not.toContain("Maja Kommun");
  await edit.getByRole("combobox", { name: "Ny ersättare" }).selectOption({ label: "Rita Region" });
  await edit.getByRole("button", { name: "Lägg till ersättare" }).click();
  await edit.getByRole("list", { name: "Ersättare i ordning" }).getByText("Rita Region", { exact: true }).waitFor();
  await edit.getByRole("button", { name: "Spara" }).click();
  await status(page, "Anna Admin har sparats.");
  const members = page.getByRole("table", { name: "Medlemmar" });
  await members.getByRole("row", { name: /Anna Admin.*Rita Region/ }).waitFor();
  const majaRow = members.getByRole("row", { name: /Maja Kommun/ });
  await majaRow.getByText(`Tenant ${MUNI}`).waitFor();
  await majaRow.getByRole("cell", { name: "Socialtjänsten Norrby" }).waitFor();
  expect(await members.getByRole("row").count()).toBe(4);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await layoutDefects(page)).toEqual([]);
  await screenshot(page, "settings-members");

  // 200 participants from CSV; the bad lines are reported by number and none of them is written.
  const lines = ["kod;initialer;handläggare;organisationer"];
  for (let i = 1; i <= 200; i++)
    lines.push(
      `NST-${String(i).padStart(3, "0")};P${String.fromCharCode(65 + (i % 26))};${i % 2 ? "Rita Region" : "Anna Admin"};Psykiatri Nordstad${i === 1 ? "|Socialtjänsten Norrby" : ""}`,
    );
  lines.splice(51, 0, "NST-900;XY;Okänd Person;Psykiatri Nordstad");
  lines.splice(102, 0, "19850101-1234;XY;Rita Region;Psykiatri Nordstad");
  lines.splice(153, 0, "NST-901;XY;Rita Region;Okänd organisation");
  await page.getByRole("tab", { name: "Deltagare", exact: true }).click();
  await page
    .getByLabel("CSV-fil")
    .setInputFiles({ name: "deltagare.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n"), "utf8") });
  await page.getByRole("button", { name: "Kontrollera filen" }).click();
  await status(page, /Kontrollen är klar: 3 rader avvisas/);
  const refused = page.getByRole("table", { name: "Avvisade rader" });
  const refusedRows = (await refused.getByRole("row").allTextContents()).slice(1);
  expect(refusedRows.map((r) => Number(/^\d+/.exec(r)?.[0]))).toEqual([52, 103, 154]);
  expect(refusedRows).toEqual([
    "52Vård- och stödsamordnaren är inte medlem i tavlan.",
    "103Ser ut som ett personnummer eller samordningsnummer: använd bara den pseudonyma koden. (kolumn 1)",
    "154En organisation är inte med på tavlan.",
  ]);
  expect(
    (await api<ParticipantList>(app.baseUrl, adminToken, "GET", `/api/boards/${boardId}/participants`)).body.participants,
  ).toHaveLength(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await layoutDefects(page)).toEqual([]);
  await screenshot(page, "settings-import-checked");
  await page.getByRole("button", { name: "Importera" }).click();
  await status(page, "200 deltagare importerade, 3 rader avvisade, 0 fanns redan.");
  let imported = 0;
  let cursor: string | undefined;
  do {
    const list = (
      await api<ParticipantList>(
        app.baseUrl,
        adminToken,
        "GET",
        `/api/boards/${boardId}/participants${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
      )
    ).body;
    imported += list.participants.length;
    cursor = list.cursor;
  } while (cursor);
  expect(imported).toBe(200);

  // One participant on the board, put on by the region.
  await page.getByRole("tab", { name: "Tavla", exact: true }).click();
  await page.getByRole("button", { name: "Ta upp på tavlan" }).click();
  const putOn = page.getByRole("dialog", { name: "Ta upp en deltagare på tavlan" });
  await putOn.getByRole("searchbox", { name: "Sök deltagare (kod)" }).fill("NST-001");
  await putOn.getByRole("combobox", { name: /Deltagare/ }).selectOption({ label: "NST-001 · PB" });
  await putOn.getByRole("combobox", { name: /Anledning/ }).selectOption({ label: "Kris" });
  await putOn.getByRole("radio", { name: "Hög" }).check();
  await putOn.getByLabel(/Nästa uppföljning/).fill(teamDay(7));
  await putOn.getByRole("button", { name: "Ta upp på tavlan" }).click();
  await page.getByRole("table", { name: "På tavlan" }).getByText("NST-001").waitFor();

  // The partner's member: without the region's consent naming her organisation, nothing of NST-001.
  await partner.reload();
  await partner.waitForSelector("body[data-board-ready='true']");
  await partner.getByText("1 deltagare på tavlan visas inte för din organisation: inget giltigt samtycke nämner er.").waitFor();
  expect(await partner.getByText("NST-001").count()).toBe(0);
  const majaToken = await signIn(app.baseUrl, maja);
  const hidden = (await api<BoardView>(app.baseUrl, majaToken, "GET", `/api/boards/${boardId}`)).body;
  expect([hidden.rows.length, hidden.hiddenCount]).toEqual([0, 1]);
  await screenshot(partner, "partner-sees-nothing-without-consent");

  // With it, she sees the participant; the labour-market organisation, not named, still would not.
  const participantId = (await api<ParticipantList>(app.baseUrl, adminToken, "GET", `/api/boards/${boardId}/participants?q=NST-001`)).body
    .participants[0]!.id;
  const today = teamDay();
  const consent = await api(
    app.baseUrl,
    adminToken,
    "PUT",
    `/api/boards/${boardId}/participants/${participantId}/consents/${me.boards[0]!.organisationId}`,
    {
      status: "given",
      receivingOrganisationIds: [muniOrg],
      givenOn: today,
      validUntil: teamDay(180),
    },
  );
  expect(consent.status).toBeLessThan(300);
  await partner.reload();
  await partner.waitForSelector("body[data-board-ready='true']");
  await partner.getByRole("table", { name: "På tavlan" }).getByText("NST-001").waitFor();
  const shown = (await api<BoardView>(app.baseUrl, majaToken, "GET", `/api/boards/${boardId}`)).body;
  expect([shown.rows.map((r) => r.participant.code), shown.hiddenCount]).toEqual([["NST-001"], 0]);
  await screenshot(partner, "partner-sees-with-consent");

  await partner.context().close();
  await page.context().close();
});
