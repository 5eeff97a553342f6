import type { CheckInView } from "@fact-board/contract";
import { api, DEMO_BOARD_ID } from "../support/app";
import { browserSuite, people, screenshot } from "./browser";

// The morning check-in on the meeting stage, as a coordinator runs it: review three entries, agree
// an action and take off the next participant the region put on the board, finish — and the day's
// check-in is stored.

const suite = browserSuite();

it("walks the board, records an action and a take-off, and stores the check-in", async () => {
  const { token, board: before } = await suite.boardAs(people.coordinator);
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=stage", { viewport: { width: 994, height: 900 } });

  await page.getByRole("button", { name: "Starta genomgång" }).click();
  const total = before.rows.length;
  await page.getByText(`0 av ${total} genomgångna`).first().waitFor();

  const reviewed: string[] = [];
  for (let i = 0; i < 3; i++) {
    const code = await page.locator("[data-current-participant]").getAttribute("data-current-participant");
    reviewed.push(code!);
    await page.getByRole("button", { name: "Markera som genomgången" }).click();
    await page.getByRole("button", { name: "✓ Genomgången idag" }).waitFor();
    await page.getByText(`${i + 1} av ${total} genomgångna`).first().waitFor();
    await page.getByRole("button", { name: "Nästa deltagare" }).click();
    await page.waitForFunction((previous) => document.querySelector("[data-current-participant]")?.getAttribute("data-current-participant") !== previous, code);
  }

  // Go on to the next entry the region put on the board: only its writer takes an entry off (authorship).
  const theRegions = new Set(before.rows.filter((r) => r.entry.mayEdit).map((r) => r.participant.code));
  for (;;) {
    const code = await page.locator("[data-current-participant]").getAttribute("data-current-participant");
    if (theRegions.has(code!)) break;
    await page.getByRole("button", { name: "Nästa deltagare" }).click();
    await page.waitForFunction((previous) => document.querySelector("[data-current-participant]")?.getAttribute("data-current-participant") !== previous, code);
  }

  // Agree an action for that participant.
  await page.getByRole("textbox", { name: "Åtgärd" }).fill("Ringa boendestödet om nyckel");
  await page.getByRole("button", { name: "Lägg till åtgärd" }).click();
  await page.getByRole("checkbox", { name: /Ringa boendestödet om nyckel/ }).waitFor();

  // Take that participant off the board.
  const removed = await page.locator("[data-current-participant]").getAttribute("data-current-participant");
  await page.getByRole("button", { name: "Ta bort från tavlan" }).click();
  const dialog = page.getByRole("dialog", { name: `Ta bort ${removed} från tavlan` });
  await dialog.getByRole("radio", { name: "Stabil, tillbaka till case manager" }).check();
  await dialog.getByRole("button", { name: "Ta bort från tavlan" }).click();
  await page.waitForFunction((code) => document.querySelector("[data-current-participant]")?.getAttribute("data-current-participant") !== code, removed);
  await page.getByText(`4 av ${total} genomgångna`).first().waitFor();

  await page.getByRole("button", { name: "Avsluta morgonmötet" }).first().click();
  await page.getByRole("heading", { name: "Sammanfattning" }).waitFor();
  await page.getByRole("button", { name: "Spara morgonmötet" }).click();
  await page.getByText("Dagens morgonmöte är sparat.").waitFor();
  await screenshot(page, "stage-summary");

  const checkIn = await api<CheckInView>(suite.app.baseUrl, token, "GET", `/api/boards/${DEMO_BOARD_ID}/check-ins/${before.today}`);
  expect(checkIn.status).toBe(200);
  const idOf = (code: string) => before.rows.find((r) => r.participant.code === code)!.participant.id;
  expect(checkIn.body.reviewedParticipantIds).toEqual(expect.arrayContaining(reviewed.map(idOf)));
  expect(checkIn.body.removedParticipantIds).toEqual([idOf(removed!)]);
  expect(checkIn.body.actionsAgreed).toBe(1);
  const after = await suite.board(token);
  expect(after.rows.map((r) => r.participant.code)).not.toContain(removed);
  await context.close();
});
