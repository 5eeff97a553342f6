import fs from "node:fs";
import type { Page } from "playwright-core";
import { studyMonths } from "../../bot/src/domain/study-export";
import { readCsv } from "../../bot/src/use-cases/csv-test-support";
import { demoPerson } from "../support/app";
import { browserSuite, layoutDefects, people, seriousAxeViolations } from "./browser";

// A research study through Chromium (issue 28, item 3): the admin registers a study under
// Inställningar → Studier with its approval reference and data manager, then records a participant's
// research consent and enrols them under the study's own id (Inställningar → Deltagare); the data manager
// downloads the export (Swedish Excel form) and finds the study id and no board code in it.

const suite = browserSuite();
const admin = demoPerson("region", 7); // Greta Provberg

async function openStudies(page: Page, section = "Studier") {
  await page.getByRole("tab", { name: "Inställningar", exact: true }).click();
  await page.getByRole("tab", { name: section, exact: true }).click();
}

it("registers a study, enrols a participant under research consent and exports the study's data", async () => {
  const { context, page } = await suite.openBoardAs(admin, "?view=channel", { viewport: { width: 1280, height: 1000 } });
  await openStudies(page);
  await page.getByRole("button", { name: "Registrera studie" }).click();
  const dialog = page.getByRole("dialog", { name: "Registrera studie" });
  await dialog.getByRole("textbox", { name: /Studiens namn/ }).fill("Fiktiv FACT-studie");
  await dialog.getByRole("textbox", { name: /Etikgodkännande/ }).fill("Dnr 2019-01234");
  await dialog.getByLabel(/^Från/).fill("2026-01-01");
  await dialog.getByLabel(/^Till/).fill("2026-12-31");
  await dialog.getByRole("checkbox", { name: "Eva Testsson" }).check();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Registrera", exact: true }).click();
  await page.getByRole("status").filter({ hasText: "Studien Fiktiv FACT-studie är registrerad." }).waitFor();
  const row = page.getByRole("table", { name: "Studier" }).getByRole("row").filter({ hasText: "Fiktiv FACT-studie" });
  await row.getByText("Dnr 2019-01234").waitFor();
  await row.getByText("Eva Testsson").waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await layoutDefects(page)).toEqual([]);

  // In the participant admin area (Inställningar → Deltagare): research consent first, then the study's own id.
  const { board } = await suite.boardAs(admin);
  const participant = board.rows[0]!.participant;
  await page.getByRole("tab", { name: "Deltagare", exact: true }).click();
  await page.getByRole("button", { name: `${participant.code} i forskningsstudie` }).click();
  const enrolment = page.getByRole("dialog", { name: `${participant.code} i forskningsstudie` });
  await enrolment.getByLabel(/^Forskningssamtycke givet/).fill("2026-02-01");
  await enrolment.getByRole("button", { name: "Registrera samtycke" }).click();
  await enrolment.getByRole("status").filter({ hasText: "Forskningssamtycket är registrerat." }).waitFor();
  await enrolment.getByRole("textbox", { name: /Studiens deltagar-id/ }).fill("LU-0042");
  await enrolment.getByRole("button", { name: "Skriv in" }).click();
  await enrolment.getByText("Inskriven som LU-0042.", { exact: false }).waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await context.close();

  // The data manager's export: the Excel form, the study id, no code of the board.
  const manager = await suite.openBoardAs(people.manager, "?view=channel", { viewport: { width: 1280, height: 1000 } });
  await openStudies(manager.page);
  const download = manager.page.waitForEvent("download");
  await manager.page.getByRole("button", { name: "Exportera data för studien Fiktiv FACT-studie" }).click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8");
  expect(csv.startsWith("\uFEFF# FACT Board – en studies data")).toBe(true);
  const rows = readCsv(csv, "excel");
  const header = rows.find((r) => r[0] === "Studie-id")!;
  expect(header.slice(0, 3)).toEqual(["Studie-id", "Månad", "Dagar på tavlan"]);
  // One row a month of the study's period begun by the demo board's today (the months are unit-tested in the domain).
  expect(rows.filter((r) => r[0] === "LU-0042").map((r) => r[1])).toEqual(
    studyMonths({ from: "2026-01-01", to: "2026-12-31" }, board.today),
  );
  expect(csv).not.toContain(participant.code);
  await manager.context.close();
});
