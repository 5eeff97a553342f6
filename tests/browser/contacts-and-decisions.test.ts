import { api, DEMO_BOARD_ID, signIn } from "../support/app";
import { openInTeamsHost } from "../support/teams-host.cjs";
import { browserSuite, people, screenshot, seriousAxeViolations, type Person, waitForBoard } from "./browser";
import { aParticipantOnBoard } from "./meeting-scene";

// Kontakter and Dagens beslut (issue 26 items 3 and 8) in Chromium. Kontakter: in the drawer, each
// organisation's contact the viewer may read, grouped by organisation, with click-to-call tel: links
// and, for a board member, a Teams chat handed to Teams (app.openLink) inside the Teams-like host;
// Västra, whom Norrby's consent does not name, never sees Norrby's contact. Dagens beslut: Norrby's
// own items of today as a list, as copied plain text and as a print view, axe clean on screen and on paper.

const suite = browserSuite();
const NORRBY = "norrby-soc";
const REGION = "region-psykiatri";
const WEST = "vastra-vo";
const BOARD = `/api/boards/${DEMO_BOARD_ID}`;
const memberId = (p: Person) => `${p.tenantId}.${p.objectId}`;

async function openDrawer(person: Person, code: string) {
  const token = await signIn(suite.app.baseUrl, person);
  const context = await suite.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const host = await openInTeamsHost(context, suite.app.baseUrl, {
    frameContext: "content",
    url: `/tab/?board=${DEMO_BOARD_ID}`,
    token,
    person,
    context: { teamId: "team-1", channelId: "channel-1" },
  });
  await waitForBoard(host);
  await host.frame
    .getByRole("button", { name: new RegExp(`^${code}`) })
    .first()
    .click();
  return { context, host, contacts: host.frame.getByRole("dialog").getByRole("region", { name: "Kontakter" }) };
}

/** Both tests' participant: involving three organisations; Norrby's consent does not name Västra. */
const THREE_ORGANISATIONS = {
  codePrefix: "ZQK",
  initials: "QK",
  organisationIds: [REGION, NORRBY, WEST],
  consents: [
    [REGION, [NORRBY, WEST]],
    [NORRBY, [REGION]],
  ],
} satisfies Parameters<typeof aParticipantOnBoard>[2];

it("shows Kontakter by organisation with tel: links and a Teams chat, and hides Norrby's contact from Västra", async () => {
  const { board } = await suite.boardAs(people.coordinator);
  const target = await aParticipantOnBoard(suite, board.today, THREE_ORGANISATIONS);
  const hugoToken = await signIn(suite.app.baseUrl, people.northCoordinator);
  const adaToken = await signIn(suite.app.baseUrl, people.coordinator);
  const contactsPath = `${BOARD}/participants/${target.id}/contacts`;
  const norrby = await api(suite.app.baseUrl, hugoToken, "PUT", contactsPath, {
    kind: "external",
    name: "Fia Påhittad",
    role: "Boendestödjare",
    phone: "070-174 06 60",
  });
  expect(norrby.status).toBe(200);
  expect(
    (await api(suite.app.baseUrl, adaToken, "PUT", contactsPath, { kind: "member", memberId: memberId(people.coordinator) })).status,
  ).toBe(200);
  const adaPhone = (await api<{ phone?: string }>(suite.app.baseUrl, adaToken, "GET", `${BOARD}/me/work-phone`)).body.phone!;
  // Ada has signed in: her member record holds the principal name her token carried, which the chat link names.
  expect((await api(suite.app.baseUrl, adaToken, "GET", "/api/me")).status).toBe(200);

  // The region: both contacts, each under its organisation, with numbers to call.
  const region = await openDrawer(people.coordinator, target.code);
  await region.contacts.locator(`[data-contact='${NORRBY}']`).waitFor();
  const norrbyItem = region.contacts.locator(`[data-contact='${NORRBY}']`);
  expect(await norrbyItem.innerText()).toContain("Norrby kommun, socialförvaltningen (fiktiv)");
  expect(await norrbyItem.innerText()).toContain("Fia Påhittad · Boendestödjare");
  expect(await norrbyItem.getByRole("link", { name: "Ring Fia Påhittad på 070-174 06 60" }).getAttribute("href")).toBe("tel:0701740660");
  const regionItem = region.contacts.locator(`[data-contact='${REGION}']`);
  expect(await regionItem.innerText()).toContain("Ada Fiktiv · Medlem på tavlan");
  expect(await regionItem.getByRole("link", { name: `Ring Ada Fiktiv på ${adaPhone}` }).getAttribute("href")).toBe(
    `tel:${adaPhone.replace(/[^\d+]/g, "")}`,
  );
  // Someone outside the board has no Teams chat; a member does, handed to Teams rather than opened in the frame.
  expect(await norrbyItem.getByRole("link", { name: /Chatta/ }).count()).toBe(0);
  const chat = regionItem.getByRole("link", { name: "Chatta i Teams med Ada Fiktiv" });
  expect(await chat.getAttribute("href")).toBe(
    `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent("ada.fiktiv@fact-demo.example")}`,
  );
  await chat.click();
  const call = await region.host.waitForCall("executeDeepLink");
  expect(JSON.stringify(call)).toContain("teams.microsoft.com/l/chat/0/0");
  expect(region.host.frame.url()).toContain("/tab/");
  expect(await seriousAxeViolations(region.host.frame)).toEqual([]);
  await screenshot(region.host.page, "drawer-contacts-region");
  await region.context.close();

  // Västra: the region's contact (its consent names Västra), nothing of Norrby's.
  const west = await openDrawer(people.westCoordinator, target.code);
  await west.contacts.locator(`[data-contact='${REGION}']`).waitFor();
  expect(await west.contacts.locator(`[data-contact='${NORRBY}']`).count()).toBe(0);
  expect(await west.contacts.innerText()).not.toContain("Fia Påhittad");
  await west.context.close();
});

it("lists Dagens beslut for Norrby only, copies it as text and prints it, axe clean on screen and on paper", async () => {
  const { board } = await suite.boardAs(people.coordinator);
  const target = await aParticipantOnBoard(suite, board.today, THREE_ORGANISATIONS);
  const hugoToken = await signIn(suite.app.baseUrl, people.northCoordinator);
  const adaToken = await signIn(suite.app.baseUrl, people.coordinator);
  const notePath = `${BOARD}/entries/${target.id}/since-last`;
  const norrbysNote = "Påhittad: Norrby bokade nytt bostadsmöte.";
  const regionsNote = "Påhittad: regionens egen anteckning.";
  expect((await api(suite.app.baseUrl, hugoToken, "PUT", notePath, { text: norrbysNote })).status).toBe(200);
  expect((await api(suite.app.baseUrl, adaToken, "PUT", notePath, { text: regionsNote })).status).toBe(200);

  const { context, page } = await suite.openBoardAs(people.northCoordinator, "?view=channel", { viewport: { width: 1200, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.app.baseUrl });
  await page.getByRole("button", { name: "Dagens beslut" }).click();
  const dialog = page.getByRole("dialog", { name: "Dagens beslut för Norrby kommun, socialförvaltningen (fiktiv)" });
  const mine = dialog.locator(`[data-decisions-for='${target.code}']`);
  await mine.waitFor();
  expect(await mine.innerText()).toContain(`Sedan sist: ${norrbysNote}`);
  expect(await dialog.innerText()).not.toContain(regionsNote);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, "channel-todays-decisions");

  await dialog.getByRole("button", { name: "Kopiera" }).click();
  await page.getByText("Texten kopierades.").first().waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^Dagens beslut för Norrby kommun, socialförvaltningen \(fiktiv\), /);
  expect(copied).toContain(`${target.code}\n- Sedan sist: ${norrbysNote}`);
  expect(copied).not.toContain(regionsNote);

  // On paper: the list alone, not the board nor the dialog's buttons.
  await page.emulateMedia({ media: "print" });
  const printed = page.locator("[data-fact-print]");
  expect(await printed.isVisible()).toBe(true);
  expect(await printed.locator("h1").textContent()).toMatch(/^Dagens beslut för Norrby kommun/);
  expect(await printed.locator(`[data-decisions-for='${target.code}']`).innerText()).toContain(norrbysNote);
  expect(await page.getByRole("button", { name: "Skriv ut" }).isVisible()).toBe(false);
  await screenshot(page, "channel-todays-decisions-print");
  // The print view on its own page, with the page's styles, in print media: the open dialog keeps it
  // aria-hidden on screen, so axe judges it where nothing hides it.
  const printHtml = await page.evaluate(
    () =>
      `<!doctype html><html lang="sv"><head><title>Dagens beslut</title>${document.head.innerHTML}</head><body>${document.querySelector("[data-fact-print]")!.outerHTML}</body></html>`,
  );
  const paper = await context.newPage();
  await paper.emulateMedia({ media: "print" });
  await paper.setContent(printHtml.replace(/<script[\s\S]*?<\/script>/g, ""));
  expect(await paper.locator("h1").isVisible()).toBe(true);
  expect(await seriousAxeViolations(paper)).toEqual([]);
  await context.close();
});

it("offers Dagens beslut on the stage and in the side panel once the walkthrough has ended", async () => {
  const ada = people.coordinator;
  const token = await signIn(suite.app.baseUrl, ada);
  const walkthrough = `${BOARD}/walkthrough?meeting=morgonmote`;
  expect((await api(suite.app.baseUrl, token, "POST", walkthrough, {})).status).toBeLessThan(300);
  expect((await api(suite.app.baseUrl, token, "POST", `${BOARD}/walkthrough/events?meeting=morgonmote`, { type: "end" })).status).toBe(200);
  for (const [frameContext, width, height] of [
    ["meetingStage", 1280, 720],
    ["sidePanel", 280, 720],
  ] as const) {
    const context = await suite.browser.newContext({ viewport: { width, height } });
    const host = await openInTeamsHost(context, suite.app.baseUrl, {
      frameContext,
      url: `/tab/?board=${DEMO_BOARD_ID}&meeting=morgonmote`,
      token,
      person: ada,
      context: { meetingId: "meeting-1", teamId: "team-1", channelId: "channel-1" },
      width,
      height,
    });
    await waitForBoard(host);
    await host.frame.getByRole("button", { name: "Dagens beslut" }).click();
    const dialog = host.frame.getByRole("dialog", { name: "Dagens beslut för Psykiatrimottagning Exempelstad (fiktiv)" });
    await dialog.getByRole("button", { name: "Kopiera" }).waitFor();
    await dialog.locator("[data-decisions-for], :text('Ni har inte skrivit något på tavlan i dag.')").first().waitFor();
    expect(await seriousAxeViolations(host.frame)).toEqual([]);
    await screenshot(host.page, `${frameContext}-todays-decisions`);
    await context.close();
  }
});
