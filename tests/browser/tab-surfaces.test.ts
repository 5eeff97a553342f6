import { browserSuite, people, screenshot, seriousAxeViolations } from "./browser";

// The tab in a real browser against the real server (Azurite, demo team): each surface renders at
// the widths Teams gives it, in Swedish and English, light and dark, with no serious axe findings.

const suite = browserSuite();

it("offers the development sign-in outside Teams and shows the board after picking a person", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${suite.app.baseUrl}/tab/`);
  await page.getByRole("heading", { name: "Logga in som…" }).waitFor();
  await page.getByRole("button", { name: "Logga in som Ada Fiktiv" }).click();
  await page.waitForSelector("body[data-board-ready='true']");
  await page.getByRole("table", { name: "På tavlan" }).waitFor();
  await context.close();
});

it.each([
  ["side panel", "sidePanel", 280],
  ["stage", "stage", 918],
  ["stage", "stage", 994],
  ["channel", "channel", 994],
])("renders the %s at %s px without horizontal overflow", async (_name, view, width) => {
  const { context, page } = await suite.openBoardAs(people.coordinator, `?view=${view}`, { viewport: { width: width as number, height: 800 } });
  if (view === "sidePanel") {
    await page.getByRole("list", { name: "På tavlan" }).waitFor();
    const first = page.getByRole("button", { name: /^FIK-/ }).first();
    // Priority is written, not only coloured.
    await expect(first.textContent()).resolves.toMatch(/Hög|Medel|Låg/);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, `${view}-${width}`);
  await context.close();
});

it("renders in English when the locale is English, with dates in that locale", async () => {
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=channel&lang=en-GB", { locale: "en-GB" });
  await page.getByRole("table", { name: "On the board" }).waitFor();
  await page.getByRole("button", { name: "Put on the board" }).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  await screenshot(page, "channel-en");
  await context.close();
});

it("renders the dark theme", async () => {
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=sidePanel&theme=dark", { colorScheme: "dark" });
  const background = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r! + g! + b!).toBeLessThan(3 * 80);
  await screenshot(page, "sidePanel-dark");
  await context.close();
});

describe("accessibility (axe-core): no serious or critical violations", () => {
  it.each([
    ["channel board", "?view=channel", people.manager],
    ["side panel", "?view=sidePanel", people.coordinator],
    ["stage", "?view=stage", people.coordinator],
    ["personal tab", "?view=personal", people.coordinator],
  ])("%s", async (_name, query, person) => {
    const { context, page } = await suite.openBoardAs(person, query);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("dark theme and the participant detail", async () => {
    const { context, page } = await suite.openBoardAs(people.coordinator, "?view=channel&theme=dark");
    await page.getByRole("button", { name: /^FIK-/ }).first().click();
    await page.getByRole("dialog").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
