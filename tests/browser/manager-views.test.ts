import { browserSuite, people, screenshot, seriousAxeViolations } from "./browser";

// The manager's channel tab: the overview with its charts (loaded on demand) and the access log.

const suite = browserSuite();

it("shows the manager overview with charts and the access log for a participant", async () => {
  const { context, page } = await suite.openBoardAs(people.manager, "?view=channel");

  await page.getByRole("tab", { name: "Översikt" }).click();
  await page.getByRole("heading", { name: "Antal på tavlan över tid" }).waitFor();
  await page.getByRole("heading", { name: "Dagar på tavlan per deltagare" }).waitFor();
  await page.getByText("Genomgången varje arbetsdag").first().waitFor();
  expect(await page.locator("svg").count()).toBeGreaterThan(1);
  await screenshot(page, "channel-overview");
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByRole("tab", { name: "Loggkontroll" }).click();
  // Opening the board wrote one access record per participant shown.
  await page.getByRole("table", { name: "Loggkontroll" }).getByRole("row").nth(1).waitFor();
  await screenshot(page, "channel-audit");
  await context.close();
});

it("shows a coordinator neither the overview's access log tab nor the audit", async () => {
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=channel");
  expect(await page.getByRole("tab", { name: "Loggkontroll" }).count()).toBe(0);
  await context.close();
});
