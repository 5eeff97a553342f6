import type { CheckInView } from "@fact-board/contract";
import type { Page } from "playwright-core";
import { addDays } from "../../bot/src/domain/dates";
import { api, DEMO_BOARD_ID } from "../support/app";
import { browserSuite, people, screenshot, seriousAxeViolations } from "./browser";

// The morning check-in on the meeting stage as a coordinator runs it, keyboard only: start, review
// ten entries with the shortcuts shown on screen, agree an action and take one participant off
// with choices the person made (nothing is pre-selected), finish — and the server's check-in says so.

const suite = browserSuite();

const currentIndex = (page: Page) => page.locator("[data-current-index]").getAttribute("data-current-index").then(Number);
/** How far below the window's bottom edge the element ends (≤ 0: visible without scrolling). */
const belowFold = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => el.getBoundingClientRect().bottom - window.innerHeight);

it("offers no pre-selected participant, reason, priority, outcome, owner or date", async () => {
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=stage", { viewport: { width: 1280, height: 720 } });
  await page.getByRole("button", { name: "Starta genomgång" }).click();
  await page.locator("[data-current-index='0']").waitFor();

  await page.getByRole("button", { name: "Ta upp på tavlan" }).click();
  const putOn = page.getByRole("dialog", { name: "Ta upp en deltagare på tavlan" });
  await putOn.getByRole("combobox", { name: "Anledning" }).waitFor();
  expect(await putOn.getByRole("combobox", { name: "Anledning" }).inputValue()).toBe("");
  expect(await putOn.getByRole("radio", { checked: true }).count()).toBe(0);
  // Where a default only saves clicks it is there and visible (issue 24): the next evaluation a week ahead.
  const { board } = await suite.boardAs(people.coordinator);
  expect(await putOn.getByLabel("Nästa uppföljning").inputValue()).toBe(addDays(board.today, 7));
  const participant = putOn.getByRole("combobox", { name: "Deltagare" });
  if (await participant.count()) expect(await participant.inputValue()).toBe("");
  expect(await putOn.getByRole("button", { name: "Ta upp på tavlan" }).isDisabled()).toBe(true);
  await page.keyboard.press("Escape");
  await putOn.waitFor({ state: "hidden" });

  await page.getByRole("button", { name: "Ta bort från tavlan" }).click();
  const takeOff = page.getByRole("dialog", { name: /^Ta bort .* från tavlan$/ });
  await takeOff.getByRole("radio").first().waitFor();
  expect(await takeOff.getByRole("radio", { checked: true }).count()).toBe(0);
  expect(await takeOff.getByRole("button", { name: "Ta bort från tavlan" }).isDisabled()).toBe(true);
  await page.keyboard.press("Escape");
  await takeOff.waitFor({ state: "hidden" });

  expect(await page.getByRole("combobox", { name: "Ansvarig" }).inputValue()).toBe("");
  expect(await page.getByRole("textbox", { name: "Senast", exact: true }).inputValue()).toBe("");
  await context.close();
});

it.each([
  [1280, 720],
  [1920, 1080],
])(
  "shows the current participant's goal, plan, evaluation, plans, interventions, consent and signals without scrolling at %d×%d",
  async (width, height) => {
    const { context, page } = await suite.openBoardAs(people.coordinator, "?view=stage", { viewport: { width, height } });
    // The walkthrough the first test started: the presenter lands where it is.
    await page.locator("[data-current-index]").waitFor();
    while (!(await page.locator("[data-current-participant]").count())) {
      const i = await currentIndex(page);
      await page.keyboard.press("n");
      await page.locator(`[data-current-index='${i + 1}']`).waitFor();
    }
    // Taken first, so a stage that does not fit leaves its picture.
    await screenshot(page, `stage-${width}x${height}`);
    for (const part of [
      "text=Anledning",
      "text=Nästa uppföljning",
      "text=Krisplan",
      "text=SIP",
      "section[aria-label='Dagens plan']",
      // Issue 26: every demo entry has the participant's goal and ongoing interventions.
      "section[aria-label='Deltagarens mål'] [data-goal-text]",
      "section[aria-label='Pågående insatser'] [data-intervention-of]",
      "button:has-text('Nästa deltagare')",
    ]) {
      expect(`${part}: ${await belowFold(page, part)}`).toMatch(/: (-\d|0)/);
    }
    await context.close();
  },
);

it("walks ten entries with the keyboard alone, agrees an action, takes one off and records the check-in on the server", async () => {
  const { token, board: before } = await suite.boardAs(people.coordinator);
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=stage", { viewport: { width: 1280, height: 720 } });
  // Started by the first test today: "Starta genomgång" joins it where it is (it was never ended).
  await page.locator("[data-current-index]").waitFor();
  const start = await currentIndex(page);
  const total = Number((await page.locator("[data-progress]").getAttribute("data-progress"))!.split("/")[1]);
  expect(total).toBeGreaterThanOrEqual(11);

  // Back to the first participant with the shortcut for "Föregående".
  for (let i = start; i > 0; i--) {
    await page.keyboard.press("f");
    await page.locator(`[data-current-index='${i - 1}']`).waitFor();
  }
  // Focus is on the participant: the shortcuts work from there without a single Tab.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H2");
  expect(await page.getByRole("button", { name: "Nästa deltagare (N)" }).isVisible()).toBe(true);

  const reviewed: string[] = [];
  // The order holds participants this coordinator's organisation may not see: those show a
  // placeholder, and the presenter moves on past them.
  for (let i = 0; reviewed.length < 10; i++) {
    expect(i).toBeLessThan(total - 1);
    // "Nästa deltagare" is in view without scrolling.
    expect(await belowFold(page, "button:has-text('Nästa deltagare')")).toBeLessThanOrEqual(0);
    // The card carries its index and either the participant or the placeholder, in one render.
    const shown = page.locator(`[data-current-index='${i}'] [data-current-participant]`);
    const code = (await shown.count()) ? await shown.getAttribute("data-current-participant") : null;
    if (code) {
      reviewed.push(code);
      await page.keyboard.press("g");
      await page.locator(`[data-progress='${reviewed.length}/${total}']`).waitFor();
    }
    await page.keyboard.press("n");
    await page.locator(`[data-current-index='${i + 1}']`).waitFor();
    // The live region announces the new participant.
    await page.locator("[data-announcement]", { hasText: `Deltagare ${i + 2} av ${total}` }).waitFor();
  }
  // Move on to the next participant this organisation may see.
  while (!(await page.locator("[data-current-participant]").count())) {
    const i = await currentIndex(page);
    await page.keyboard.press("n");
    await page.locator(`[data-current-index='${i + 1}']`).waitFor();
  }
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, "stage-walkthrough-1280");

  // The eleventh: agree an action, choosing owner and date.
  await page.getByRole("textbox", { name: "Åtgärd" }).fill("Ringa boendestödet om nyckel");
  const owner = page.getByRole("combobox", { name: "Ansvarig" });
  const ownerId = await owner.locator("option:not([disabled])").first().getAttribute("value");
  await owner.selectOption(ownerId!);
  await page.getByRole("textbox", { name: "Senast", exact: true }).fill(before.today);
  await page.getByRole("button", { name: "Lägg till åtgärd" }).click();
  await page.getByRole("checkbox", { name: /Ringa boendestödet om nyckel/ }).waitFor();

  // ... and take them off the board with an outcome chosen.
  const removed = await page.locator("[data-current-participant]").getAttribute("data-current-participant");
  await page.getByRole("button", { name: "Ta bort från tavlan" }).click();
  const dialog = page.getByRole("dialog", { name: `Ta bort ${removed} från tavlan` });
  await dialog.getByRole("radio", { name: "Stabil, tillbaka till vård- och stödsamordnare (case manager)" }).check();
  await dialog.getByRole("button", { name: "Ta bort från tavlan" }).click();
  await page.locator("[data-current-placeholder]").waitFor();
  await page.locator(`[data-progress='11/${total}']`).waitFor();

  await page.getByRole("button", { name: "Avsluta morgonmötet" }).click();
  await page.getByText("Dagens morgonmöte är sparat.").waitFor();
  // The button pressed is gone with the walkthrough: focus is on what replaced it, not lost to the page.
  await page.waitForFunction(() => document.activeElement?.tagName === "H2");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Sammanfattning");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, "stage-summary");

  const checkIn = await api<CheckInView>(
    suite.app.baseUrl,
    token,
    "GET",
    `/api/boards/${DEMO_BOARD_ID}/check-ins/${before.today}?meeting=morgonmote`,
  );
  expect(checkIn.status).toBe(200);
  const idOf = (code: string) => before.rows.find((r) => r.participant.code === code)!.participant.id;
  expect(checkIn.body.reviewedParticipantIds).toEqual(expect.arrayContaining(reviewed.map(idOf)));
  expect(checkIn.body.removedParticipantIds).toEqual([idOf(removed!)]);
  expect(checkIn.body.actionsAgreed).toBe(1);
  await context.close();
});
