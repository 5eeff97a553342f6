import fs from "node:fs";
import type { LogReviewersView } from "@fact-board/contract";
import { readCsv } from "../../bot/src/use-cases/csv-test-support";
import { api, DEMO_BOARD_ID } from "../support/app";
import { browserSuite, layoutDefects, people, screenshot, screenshotOf, seriousAxeViolations } from "./browser";

// Loggkontroll in the manager overview, through Chromium: the region's manager names herself log
// reviewer, downloads the statistics for research, opens this month's sample, assesses one record as to follow up with a note, reloads and
// finds it kept, and downloads the report; then opens a participant's log extract from the drawer,
// prints it (print media) and downloads it as CSV.

const suite = browserSuite();

it("names a reviewer, assesses a sampled record with a note that survives a reload, and downloads the report", async () => {
  // A night-time read by the region's coordinator: the rule "outside meeting times" puts it in the
  // sample for certain (the random share alone could draw only the reviewer's own accesses).
  const { board } = await suite.boardAs(people.coordinator);
  const participant = board.rows[0]!.participant;
  await suite.app.storage.audit.append([
    {
      boardId: DEMO_BOARD_ID,
      at: `${board.today}T01:00:00.000Z`,
      actor: { ...people.coordinator, organisationId: board.viewer.organisationId, role: board.viewer.role },
      what: "viewedDetails",
      participantId: participant.id,
      participantCode: participant.code,
      channel: "tab",
      outcome: "allowed",
    },
  ]);

  const { context, page } = await suite.openBoardAs(people.manager, "?view=channel", { viewport: { width: 994, height: 1200 } });
  await page.getByRole("tab", { name: "Översikt" }).click();
  // The de-identified statistics for research, beside the fidelity indicators.
  const statistics = page.waitForEvent("download");
  await page.getByRole("button", { name: "Ladda ner statistik för forskning (CSV)" }).click();
  // The tab fetches the form that opens by double-click in Swedish Excel: BOM, semicolons, Swedish headers, the rule at the head.
  const statisticsCsv = fs.readFileSync((await (await statistics).path())!, "utf8");
  expect(statisticsCsv.startsWith("\uFEFF# FACT Board – avidentifierad statistik")).toBe(true);
  expect(readCsv(statisticsCsv, "excel")[0]).toEqual(["Månad", "Organisationstyper", "Mått", "Antal"]);
  expect(statisticsCsv).not.toContain(participant.code);
  // A small board counts per quarter too (issue 28): the first column says so.
  await page.getByRole("combobox", { name: "Räkna per" }).selectOption("quarter");
  const quarterly = page.waitForEvent("download");
  await page.getByRole("button", { name: "Ladda ner statistik för forskning (CSV)" }).click();
  const quarterlyCsv = fs.readFileSync((await (await quarterly).path())!, "utf8");
  expect(readCsv(quarterlyCsv, "excel")[0]).toEqual(["Kvartal", "Organisationstyper", "Mått", "Antal"]);
  expect(readCsv(quarterlyCsv, "excel")[1]![0]).toMatch(/^\d{4}-Q[1-4]$/);

  const section = page.getByRole("group", { name: /^Loggkontroll: granskning av urval/ });
  await section.getByText("Du är inte utsedd till logggranskare", { exact: false }).waitFor();
  await section.getByRole("checkbox", { name: "Eva Testsson (Chef)" }).check();
  await section.getByRole("button", { name: "Spara granskare" }).click();
  await section.getByRole("button", { name: "Öppna urvalet" }).click();

  const sample = section.getByRole("table", { name: /^Urval för / });
  const night = sample.getByRole("row").filter({ hasText: "Ada Fiktiv" }).filter({ hasText: "Utanför mötestid" }).first();
  await night.waitFor();
  // The reviewer's own accesses (opening the board just now) are in the month's log too; none of them offers an assessment.
  for (const own of await sample.getByRole("row").filter({ hasText: "Din egen åtkomst" }).all())
    expect(await own.getByRole("button").count()).toBe(0);
  const before = (await section.getByText(/poster? granskade?, \d+ att följa upp/).textContent()) ?? "";
  expect(before).toMatch(/^0 av \d+/);

  await night.getByRole("button", { name: "Bedöm" }).click();
  const dialog = page.getByRole("dialog", { name: /^Bedöm åtkomsten till / });
  await dialog.getByRole("radio", { name: "Att följa upp" }).check();
  expect(await dialog.getByRole("button", { name: "Spara bedömning" }).isDisabled()).toBe(true);
  await dialog.getByRole("textbox", { name: /Anteckning/ }).fill("Fråga Ada om läsningen kl. 02");
  await dialog.getByRole("button", { name: "Spara bedömning" }).click();
  await section.getByText(/^1 av \d+ poster granskade, 1 att följa upp$/).waitFor();
  // The saved toast says so, then fades out by itself; axe judges the page without a half-faded toast.
  const toast = page.locator(".fui-ToastTitle", { hasText: "Bedömningen sparades." });
  await toast.waitFor();
  await toast.waitFor({ state: "detached" });
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await layoutDefects(page)).toEqual([]);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, "channel-log-review-994");

  // Kept on the server: a fresh page shows the same sample with the assessment and its note.
  await page.reload();
  await page.waitForSelector("body[data-board-ready='true']");
  await page.getByRole("tab", { name: "Översikt" }).click();
  await section.getByRole("button", { name: "Öppna urvalet" }).click();
  const kept = sample.getByRole("row").filter({ hasText: "Fråga Ada om läsningen kl. 02" });
  await kept.waitFor();
  expect(await kept.textContent()).toContain("Att följa upp");
  await section.getByText(/^1 av \d+ poster granskade, 1 att följa upp$/).waitFor();

  const download = page.waitForEvent("download");
  await section.getByRole("button", { name: "Ladda ner rapport (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^loggkontroll-\d{4}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await file.path())!, "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(csv).toContain("Att följa upp;Fråga Ada om läsningen kl. 02");
  await context.close();
});

it("opens a participant's log extract from the drawer: per organisation, printable and as CSV", async () => {
  const { board } = await suite.boardAs(people.manager);
  const code = board.rows[0]!.participant.code;
  const { context, page } = await suite.openBoardAs(people.manager, "?view=channel", { viewport: { width: 994, height: 900 } });
  await page
    .getByRole("button", { name: new RegExp(`^${code}`) })
    .first()
    .click();
  await page.getByRole("button", { name: "Visa registerutdrag" }).click();
  const dialog = page.getByRole("dialog", { name: `Registerutdrag (logg) för ${code}` });
  // Opening the board just now is an access by the manager's own organisation.
  const own = dialog.getByRole("table", { name: "Åtkomster från Psykiatrimottagning Exempelstad (fiktiv)" });
  await own.waitFor();
  expect(await own.textContent()).toContain("Visade uppgifter");
  expect(await dialog.textContent()).not.toContain("Eva Testsson");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshotOf(dialog, "channel-log-extract-994");

  // On paper: the extract alone, not the board behind it nor the dialog's buttons.
  await page.emulateMedia({ media: "print" });
  const printed = page.locator("[data-fact-print]");
  expect(await printed.isVisible()).toBe(true);
  // (By tag: the open dialog's modalizer keeps everything outside it aria-hidden while on screen.)
  expect(await printed.locator("h1").textContent()).toBe(`Registerutdrag (logg) för ${code}`);
  expect(await printed.locator("table").first().isVisible()).toBe(true);
  expect(await page.getByRole("main").isVisible()).toBe(false);
  expect(await page.getByRole("button", { name: "Skriv ut" }).isVisible()).toBe(false);
  await screenshot(page, "channel-log-extract-print");
  await page.emulateMedia({ media: "screen" });

  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Ladda ner CSV" }).click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("\uFEFFDeltagare;Organisation;Enhet;Första gången;Senast;Antal;Vad;Kanal");
  expect(csv).toContain(`${code};Psykiatrimottagning Exempelstad (fiktiv);Regionpsykiatri;`);
  await context.close();
});

it("keeps the sample readable in the dark theme at 994 px (contrast checked by axe)", async () => {
  // Named through the API, so this test stands on its own whatever ran before it.
  const { token, board } = await suite.boardAs(people.manager);
  const path = `/api/boards/${DEMO_BOARD_ID}/log-reviewers/${board.viewer.organisationId}`;
  const { body: named } = await api<LogReviewersView>(suite.app.baseUrl, token, "GET", path);
  if (!named.mayReview) {
    const saved = await api(suite.app.baseUrl, token, "PUT", path, {
      memberIds: [...named.memberIds, board.viewer.memberId],
      ...(named.etag ? { etag: named.etag } : {}),
    });
    expect(saved.status).toBe(200);
  }
  const { context, page } = await suite.openBoardAs(people.manager, "?view=channel&theme=dark", {
    colorScheme: "dark",
    viewport: { width: 994, height: 1200 },
  });
  await page.getByRole("tab", { name: "Översikt" }).click();
  const section = page.getByRole("group", { name: /^Loggkontroll: granskning av urval/ });
  await section.getByRole("button", { name: "Öppna urvalet" }).click();
  await section
    .getByRole("table", { name: /^Urval för / })
    .getByRole("row")
    .nth(1)
    .waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await layoutDefects(page)).toEqual([]);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, "channel-log-review-994-dark");
  await context.close();
});
