import type { BoardView, SignalView, MemberView } from "@fact-board/contract";
import type { Page } from "playwright-core";
import { api, DEMO_BOARD_ID, signIn } from "../support/app";
import { browserSuite, coveredBy, layoutDefects, people, screenshot, screenshotOf, seriousAxeViolations, type Person } from "./browser";

// What the bot's cards do in chat, done from the tab: a signal raised by one organisation and
// acknowledged by another, a consent that lets a partner see a participant, an absence covered by
// the substitute asked. The server decides who may; the tab shows what it answered.

const suite = browserSuite();

const REGION = "region-psykiatri";
const orgName = (board: BoardView, id: string) => board.organisations.find((o) => o.id === id)!.name;
/** Demo member ids are `tenantId.objectId`. */
const personOf = (member: MemberView): Person => {
  const dot = member.id.indexOf(".");
  return { tenantId: member.id.slice(0, dot) as Person["tenantId"], objectId: member.id.slice(dot + 1) };
};

/** Dialogs fade in: axe measures contrast on what comes to rest, not on a half-transparent frame. */
async function settled(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  return seriousAxeViolations(page);
}

async function openDetail(page: Page, code: string) {
  await page.getByRole("button", { name: new RegExp(`^${code} `) }).click();
  const drawer = page.getByRole("dialog", { name: new RegExp(`^${code} ·`) });
  await drawer.getByRole("heading", { name: "Signaler" }).waitFor();
  return drawer;
}

it("raises a signal from the region to a municipality, which acknowledges it in its own tab", async () => {
  const region = (await suite.boardAs(people.coordinator)).board;
  const north = await suite.boardAs(people.northCoordinator);
  const northOrg = north.board.viewer.organisationId;
  // A participant both may see, whose region consent lets the municipality read what the region writes.
  const row = region.rows.find(
    (r) =>
      north.board.rows.some((n) => n.participant.id === r.participant.id) &&
      r.participant.consents.some(
        (c) => c.disclosingOrganisationId === REGION && c.status === "given" && c.receivingOrganisationIds.includes(northOrg),
      ),
  )!;
  expect(row).toBeDefined();
  const code = row.participant.code;

  const { context: ada, page: adaPage } = await suite.openBoardAs(people.coordinator, "?view=channel");
  const drawer = await openDetail(adaPage, code);
  await drawer.getByRole("button", { name: "Skicka signal" }).click();
  const form = adaPage.getByRole("dialog", { name: `Skicka signal om ${code}` });
  await form.getByLabel("Till organisation").selectOption({ label: orgName(region, northOrg) });
  await form.getByLabel("Typ av signal").selectOption({ label: "Behov av mer kommunalt stöd" });
  await form.getByRole("radio", { name: "Idag" }).check();
  await form.getByLabel(/Kort kommentar/).fill("Boendestödet behöver ses över (test)");
  await form.getByRole("checkbox", { name: /Föreslå/ }).check();
  expect(await settled(adaPage)).toEqual([]);
  expect(await layoutDefects(adaPage, ".fui-DialogSurface")).toEqual([]);
  await screenshotOf(form, "signal-raise-dialog");
  const raised = adaPage.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/signals"));
  await form.getByRole("button", { name: "Skicka", exact: true }).click();
  const response = await raised;
  expect(response.status()).toBe(201);
  const signal = (await response.json()) as SignalView;
  await drawer.locator(`[data-signal='${signal.id}']`).getByText("Behov av mer kommunalt stöd").waitFor();
  // The region sent it, so the region is not offered to answer it.
  expect(await drawer.locator(`[data-signal='${signal.id}']`).getByRole("button", { name: "Kvittera" }).count()).toBe(0);
  await screenshotOf(drawer, "signal-raised-detail");
  await ada.close();

  const { context: hugo, page: hugoPage } = await suite.openBoardAs(people.northCoordinator, "?view=channel");
  const northDrawer = await openDetail(hugoPage, code);
  const item = northDrawer.locator(`[data-signal='${signal.id}']`);
  await item.getByText("Idag", { exact: true }).waitFor();
  await item.getByText(/Boendestödet behöver ses över/).waitFor();
  await item.getByRole("button", { name: "Avböj" }).click();
  const decline = hugoPage.getByRole("dialog", { name: /Avböj signalen/ });
  await decline.getByRole("button", { name: "Avböj" }).waitFor();
  // Declining needs a reason: the button stays off until one is written.
  expect(await decline.getByRole("button", { name: "Avböj" }).isDisabled()).toBe(true);
  expect(await settled(hugoPage)).toEqual([]);
  await decline.getByRole("button", { name: "Avbryt" }).click();
  await screenshotOf(northDrawer, "signal-to-acknowledge");
  const answered = hugoPage.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/signals/${signal.id}/answer`));
  await item.getByRole("button", { name: "Kvittera" }).click();
  expect((await answered).status()).toBe(200);
  await northDrawer.locator(`[data-signal='${signal.id}'][data-state='acknowledged']`).waitFor();
  await screenshotOf(northDrawer, "signal-acknowledged");
  await hugo.close();

  const after = await suite.board(north.token);
  expect(after.signals.find((e) => e.id === signal.id)?.state).toBe("acknowledged");
});

it("records the region's consent for a partner, and the partner's tab gains the participant", async () => {
  const region = (await suite.boardAs(people.coordinator)).board;
  let partner: { person: Person; board: BoardView } | undefined;
  let code = "";
  for (const person of [people.westCoordinator, people.northCoordinator]) {
    const { board } = await suite.boardAs(person);
    const org = board.viewer.organisationId;
    // Written by the region, involving the partner, not visible to the partner now.
    const hidden = region.rows.find(
      (r) =>
        r.participant.writtenBy === REGION &&
        r.participant.organisationIds.includes(org) &&
        !board.rows.some((b) => b.participant.id === r.participant.id),
    );
    if (hidden) {
      partner = { person, board };
      code = hidden.participant.code;
      break;
    }
  }
  expect(partner).toBeDefined();
  const partnerOrg = partner!.board.viewer.organisationId;

  const { context: theirs, page: theirPage } = await suite.openBoardAs(partner!.person, "?view=channel");
  await theirPage.locator("[data-live='live']").waitFor();
  expect(await theirPage.locator(`tr[data-participant='${code}']`).count()).toBe(0);

  const { context: ada, page: adaPage } = await suite.openBoardAs(people.coordinator, "?view=channel");
  const drawer = await openDetail(adaPage, code);
  const own = drawer.locator(`[data-consent='${REGION}']`);
  await own.getByRole("button", { name: "Registrera samtycke" }).click();
  const form = adaPage.getByRole("dialog", { name: new RegExp(`Registrera samtycke för ${code}`) });
  await form.getByRole("radio", { name: "Givet" }).check();
  await form.getByRole("checkbox", { name: orgName(region, partnerOrg) }).check();
  await form.getByRole("button", { name: /Avancerat/ }).click();
  await form.getByRole("radio", { name: /lagstöd/ }).waitFor();
  expect(await settled(adaPage)).toEqual([]);
  expect(await layoutDefects(adaPage, ".fui-DialogSurface")).toEqual([]);
  await screenshotOf(form, "consent-record-dialog");
  const saved = adaPage.waitForResponse((r) => r.request().method() === "PUT" && r.url().includes(`/consents/${REGION}`));
  await form.getByRole("button", { name: "Spara" }).click();
  expect((await saved).status()).toBe(200);
  await adaPage.locator(`[data-consent='${REGION}'][data-status='given']`).waitFor();
  await screenshotOf(drawer, "consent-recorded-detail");
  await ada.close();

  // The board refetches live; the server's consent rule now lets the partner see the participant.
  await theirPage.locator(`tr[data-participant='${code}']`).waitFor();
  await screenshot(theirPage, "consent-partner-gains-participant");
  await theirs.close();
});

it("registers an absence, and the substitute asked accepts cover in the tab and is shown as stand-in", async () => {
  const filip = { tenantId: people.coordinator.tenantId, objectId: "00000000-0000-4000-a000-000000000006" };
  const { context: own, page: ownPage } = await suite.openBoardAs(filip, "?view=channel");
  await ownPage.getByRole("button", { name: "Registrera frånvaro" }).click();
  const form = ownPage.getByRole("dialog", { name: "Registrera frånvaro" });
  await form.getByRole("radio", { name: "Semester" }).check();
  expect(await settled(ownPage)).toEqual([]);
  await screenshotOf(form, "absence-register-dialog");
  const registered = ownPage.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/absences"));
  await form.getByRole("button", { name: "Registrera frånvaro" }).click();
  expect((await registered).status()).toBe(201);
  await own.close();

  const token = await signIn(suite.app.baseUrl, filip);
  const board = await suite.board(token);
  const absence = board.absences.find((a) => a.memberId === `${filip.tenantId}.${filip.objectId}` && a.coverState === "requesting")!;
  expect(absence?.askedSubstituteId).toBeDefined();
  const substitute = board.members.find((m) => m.id === absence.askedSubstituteId)!;

  const { context: theirs, page } = await suite.openBoardAs(personOf(substitute), "?view=channel");
  const item = page.locator(`[data-absence='${absence.id}']`);
  await item.getByText("Ersättare tillfrågas").waitFor();
  expect(await settled(page)).toEqual([]);
  await screenshotOf(page.getByRole("region", { name: "Frånvaro" }), "absence-cover-asked");
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/absences/${absence.id}/cover`));
  await item.getByRole("button", { name: "Jag täcker" }).click();
  expect((await answered).status()).toBe(200);
  await page.locator(`[data-absence='${absence.id}'][data-cover='covered']`).getByText(`Ersättare: ${substitute.displayName}`).waitFor();
  // While the saved toast shows, nothing may paint over the board (the toast's portal once hid the whole page).
  const panel = page.getByRole("region", { name: "Frånvaro" });
  await page.locator(".fui-ToastTitle", { hasText: "Du täcker för kollegan" }).waitFor();
  expect(await coveredBy(panel)).toBeUndefined();
  expect(await item.getByRole("button", { name: "Jag täcker" }).count()).toBe(0);
  expect(await layoutDefects(page)).toEqual([]);
  await screenshotOf(panel, "absence-covered");
  await theirs.close();

  const after = (await api<BoardView>(suite.app.baseUrl, token, "GET", `/api/boards/${DEMO_BOARD_ID}`)).body;
  const stored = after.absences.find((a) => a.id === absence.id)!;
  expect(stored.coverState).toBe("covered");
  expect(stored.coveredBy).toBe(substitute.id);
});
