import type { Overview } from "@fact-board/contract";
import fs from "node:fs";
import { readCsv } from "../../bot/src/use-cases/csv-test-support";
import { api, DEMO_BOARD_ID } from "../support/app";
import { browserSuite, layoutDefects, people, screenshot, seriousAxeViolations } from "./browser";

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
  expect(await layoutDefects(page)).toEqual([]);

  await page.getByRole("tab", { name: "Loggkontroll" }).click();
  // Opening the board wrote one access record per participant shown.
  await page.getByRole("table", { name: "Loggkontroll" }).getByRole("row").nth(1).waitFor();
  // In words, not the stored codes.
  const log = (await page.getByRole("table", { name: "Loggkontroll" }).textContent()) ?? "";
  expect(log).toContain("Visade uppgifter");
  expect(log).not.toMatch(/viewedDetails|allowed/);
  expect(await layoutDefects(page)).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, "channel-audit");
  // The export opens right in Swedish Excel: BOM, semicolons, the same words, logged as from the tab.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Exportera CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^loggkontroll-.+\.csv$/);
  const csv = fs.readFileSync((await file.path())!, "utf8");
  const [header, ...rows] = readCsv(csv, "excel");
  expect(csv.startsWith("\uFEFFTid;")).toBe(true);
  expect(header).toContain("Vad");
  expect(rows.map((r) => r[header!.indexOf("Vad")])).toContain("Visade uppgifter");
  expect(rows.map((r) => r[header!.indexOf("Kanal")])).toContain("Flik i Teams");
  await context.close();
});

it("shows whether the board was reviewed each working day as a compact strip with symbols, dates and a legend at 994 px", async () => {
  const { token } = await suite.boardAs(people.manager);
  const { body: overview } = await api<Overview>(suite.app.baseUrl, token, "GET", `/api/boards/${DEMO_BOARD_ID}/overview`);
  const { context, page } = await suite.openBoardAs(people.manager, "?view=channel", { viewport: { width: 994, height: 900 } });
  await page.getByRole("tab", { name: "Översikt" }).click();
  const strip = page.getByRole("list", { name: "Genomgången varje arbetsdag" });
  await strip.waitFor();

  // One cell per working day, named by its date and whether the board was reviewed.
  const days = strip.getByRole("img");
  expect(await days.count()).toBe(overview.reviewedDays.length);
  const names = await days.evaluateAll((cells) => cells.map((c) => c.getAttribute("aria-label") ?? ""));
  for (const name of names)
    expect(name).toMatch(
      /^\d{1,2} [a-zåäö]+\.? \d{4}: (Genomgången, alla deltagare|Genomgången, inte alla deltagare|Inte genomgången|Idag, inte genomgången än)$/,
    );
  // Not colour alone: every cell shows a symbol as well.
  const symbols = await days.evaluateAll((cells) => cells.map((c) => c.textContent?.trim().charAt(0)));
  expect(symbols.every((s) => s && "✓◐✕–".includes(s))).toBe(true);
  const legend = page.getByRole("list", { name: "Förklaring" });
  for (const text of ["Genomgången, alla deltagare", "Genomgången, inte alla deltagare", "Inte genomgången"])
    await legend.getByText(text, { exact: true }).waitFor();

  // Compact: a month of working days fits in two rows of small cells, not a wall of chips.
  const box = (await strip.boundingBox())!;
  expect(box.height).toBeLessThan(100);
  expect(await layoutDefects(page)).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshot(page, "channel-overview-994");
  await context.close();
});

it("keeps the overview readable in the dark theme (contrast checked by axe)", async () => {
  const { context, page } = await suite.openBoardAs(people.manager, "?view=channel&theme=dark", {
    colorScheme: "dark",
    viewport: { width: 994, height: 900 },
  });
  await page.getByRole("tab", { name: "Översikt" }).click();
  await page.getByRole("list", { name: "Genomgången varje arbetsdag" }).waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await layoutDefects(page)).toEqual([]);
  await screenshot(page, "channel-overview-dark");
  await context.close();
});

it("shows a coordinator neither the overview's access log tab nor the audit", async () => {
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=channel");
  expect(await page.getByRole("tab", { name: "Loggkontroll" }).count()).toBe(0);
  await context.close();
});
