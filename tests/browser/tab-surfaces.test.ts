import type { AbsenceView } from "@fact-board/contract";
import type { Page } from "playwright-core";
import { api, DEMO_BOARD_ID, signIn } from "../support/app";
import { browserSuite, layoutDefects, people, screenshot, seriousAxeViolations, WAIT_MS } from "./browser";

// The tab in a real browser against the real server (Azurite, demo team): each surface renders at
// the widths Teams gives it, in Swedish and English, light and dark, with no serious axe findings.

const suite = browserSuite();

it("offers the development sign-in outside Teams and shows the board after picking a person", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(WAIT_MS);
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
  ["channel", "channel", 918],
  ["channel", "channel", 994],
])("renders the %s (?view=%s) at %d px without horizontal overflow, overlapping cells or broken badges", async (_name, view, width) => {
  const { context, page } = await suite.openBoardAs(people.coordinator, `?view=${view}`, {
    viewport: { width: width as number, height: 800 },
  });
  if (view === "sidePanel") {
    await page.getByRole("list", { name: "På tavlan" }).waitFor();
    const first = page.getByRole("button", { name: /^FIK-/ }).first();
    // Priority is written, not only coloured.
    await expect(first.textContent()).resolves.toMatch(/Hög|Medel|Låg/);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await layoutDefects(page)).toEqual([]);
  await screenshot(page, `${view}-${width}`);
  await context.close();
});

it("renders in English when the locale is English, with dates in that locale", async () => {
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=channel&lang=en-GB", { locale: "en-GB" });
  await page.getByRole("table", { name: "On the board" }).waitFor();
  await page.getByRole("button", { name: "Put on the board" }).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  expect(await layoutDefects(page)).toEqual([]);
  await screenshot(page, "channel-en");
  await context.close();
});

it("renders the dark theme", async () => {
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=sidePanel&theme=dark", { colorScheme: "dark" });
  const background = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r! + g! + b!).toBeLessThan(3 * 80);
  expect(await layoutDefects(page)).toEqual([]);
  await screenshot(page, "sidePanel-dark");
  await context.close();
});

it("renders the channel board in the dark theme at 994 px", async () => {
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=channel&theme=dark", {
    colorScheme: "dark",
    viewport: { width: 994, height: 800 },
  });
  await page.getByRole("table", { name: "På tavlan" }).waitFor();
  expect(await layoutDefects(page)).toEqual([]);
  await screenshot(page, "channel-dark");
  await context.close();
});

it.each([
  ["sidePanel", 280],
  ["channel", 994],
])("opens the participant detail in the %s at %d px without anything cut off", async (view, width) => {
  const { board } = await suite.boardAs(people.coordinator);
  const code = board.rows.find((r) => r.participant.caseManagerAbsent)!.participant.code;
  const { context, page } = await suite.openBoardAs(people.coordinator, `?view=${view}`, { viewport: { width, height: 800 } });
  await page
    .getByRole("button", { name: new RegExp(`^${code}`) })
    .first()
    .click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("heading", { name: "Historik" }).waitFor();
  await expect(dialog.textContent()).resolves.toContain("Ersättare tillfrågas");
  expect(await layoutDefects(page, "[role='dialog']")).toEqual([]);
  await screenshot(page, `${view}-detail-${width}`);
  await context.close();
});

describe("an absent case manager's cover reads the same on every surface", () => {
  const views = [
    ["side panel", "?view=sidePanel", 280],
    ["stage", "?view=stage", 918],
    ["channel", "?view=channel", 994],
  ] as const;
  const rowText = (page: Page, code: string) => page.locator(`[data-participant="${code}"]`).first().textContent();

  async function absentCaseManagerRows(state: AbsenceView["coverState"]) {
    const { token, board } = await suite.boardAs(people.coordinator);
    const absences = board.absences.filter((a) => a.coverState === state && a.from <= board.today && board.today <= a.to);
    const codes = board.rows.filter((r) => absences.some((a) => a.memberId === r.participant.caseManagerId)).map((r) => r.participant.code);
    return { token, board, absences, codes };
  }

  it("says a substitute is being asked while one is, never that there is none", async () => {
    // The demo registers a case manager's sickness today; the first substitute has been asked.
    const { absences, codes } = await absentCaseManagerRows("requesting");
    expect(absences.every((a) => a.askedSubstituteId)).toBe(true);
    expect(codes.length).toBeGreaterThan(0);
    for (const [, query, width] of views) {
      const { context, page } = await suite.openBoardAs(people.coordinator, query, { viewport: { width, height: 800 } });
      for (const code of codes) {
        const text = await rowText(page, code);
        expect([code, text]).toEqual([code, expect.stringContaining("Ersättare tillfrågas")]);
        expect(text).not.toContain("Ingen ersättare");
      }
      await context.close();
    }
  });

  it("names the substitute once they accept, as the contact in the channel's case manager column", async () => {
    const { board, absences, codes } = await absentCaseManagerRows("requesting");
    const absence = absences[0]!;
    const substitute = board.members.find((m) => m.id === absence.askedSubstituteId)!;
    const [tenantId, objectId] = [substitute.id.slice(0, substitute.id.indexOf(".")), substitute.id.slice(substitute.id.indexOf(".") + 1)];
    const token = await signIn(suite.app.baseUrl, { tenantId, objectId });
    const accepted = await api(suite.app.baseUrl, token, "POST", `/api/boards/${DEMO_BOARD_ID}/absences/${absence.id}/cover`, {
      etag: absence.etag,
      answer: "accept",
    });
    expect(accepted.status).toBe(200);
    const covered = codes.filter((code) =>
      board.rows.some((r) => r.participant.code === code && r.participant.caseManagerId === absence.memberId),
    );
    for (const [, query, width] of views) {
      const { context, page } = await suite.openBoardAs(people.coordinator, query, { viewport: { width, height: 800 } });
      for (const code of covered) {
        const text = await rowText(page, code);
        expect([code, text]).toEqual([code, expect.stringContaining(`Ersättare: ${substitute.displayName}`)]);
        expect(text).not.toContain("Ersättare tillfrågas");
      }
      if (query === "?view=channel") {
        const caseManagerCell = page.locator(`tr[data-participant="${covered[0]}"] td`).nth(5);
        await expect(caseManagerCell.textContent()).resolves.toBe(substitute.displayName);
      }
      expect(await layoutDefects(page)).toEqual([]);
      await context.close();
    }
  });
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
