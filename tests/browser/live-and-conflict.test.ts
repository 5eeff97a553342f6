import type { EntryView } from "@fact-board/contract";
import type { Page } from "playwright-core";
import { browserSuite, people, screenshot } from "./browser";

// Two people on the same board in two browsers: a change by one reaches the other live, and two
// edits of the same entry never silently overwrite each other. How fast the change arrives is a
// goal for `npm run bench` (tab.liveUpdateMs), not an assertion here: a test that times itself fails
// by chance on a loaded machine.

const suite = browserSuite();

const priorityText = { high: "Hög", medium: "Medel", low: "Låg" } as const;

async function openEdit(page: Page, code: string) {
  await page.getByRole("button", { name: new RegExp(`^${code} `) }).click();
  await page
    .getByRole("dialog", { name: new RegExp(code) })
    .getByRole("button", { name: "Ändra", exact: true })
    .click();
  return page.getByRole("dialog", { name: `Ändra ${code}` });
}

it("shows one person's change to another without a reload", async () => {
  const { board } = await suite.boardAs(people.manager);
  // An entry the region put on the board: only its writer edits the shared fields (authorship).
  const row = board.rows.filter((r) => r.entry.mayEdit)[0]!;
  const code = row.participant.code;
  const newPriority = row.entry.priority === "high" ? "low" : "high";

  const [{ context: ada, page: adaPage }, { context: eva, page: evaPage }] = await Promise.all([
    suite.openBoardAs(people.coordinator, "?view=channel"),
    suite.openBoardAs(people.manager, "?view=channel"),
  ]);
  await evaPage.locator("[data-live='live']").waitFor();

  const edit = await openEdit(adaPage, code);
  await edit.getByRole("radio", { name: priorityText[newPriority] }).check();
  const saved = adaPage.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes(`/entries/${row.participant.id}`));
  await edit.getByRole("button", { name: "Spara" }).click();
  expect((await saved).status()).toBe(200);
  await evaPage.locator(`tr[data-participant='${code}'] [data-priority='${newPriority}']`).waitFor();
  await Promise.all([ada.close(), eva.close()]);
});

it("starts the edit form afresh each time it opens, reachable by role every time", async () => {
  const { board } = await suite.boardAs(people.coordinator);
  const row = board.rows.filter((r) => r.entry.mayEdit)[2]!;
  const code = row.participant.code;
  const other = row.entry.priority === "high" ? "low" : "high";
  const { context, page } = await suite.openBoardAs(people.coordinator, "?view=channel");
  const edit = await openEdit(page, code);
  await edit.getByRole("radio", { name: priorityText[other] }).check();
  await edit.getByRole("button", { name: "Avbryt" }).click();
  await edit.waitFor({ state: "detached" });
  // Opened again from the participant's drawer: the stored priority, not the choice abandoned a moment ago.
  await page
    .getByRole("dialog", { name: new RegExp(code) })
    .getByRole("button", { name: "Ändra", exact: true })
    .click();
  const again = page.getByRole("dialog", { name: `Ändra ${code}` });
  expect(await again.getByRole("radio", { name: priorityText[row.entry.priority!] }).isChecked()).toBe(true);
  expect(await again.getByRole("radio", { name: priorityText[other] }).isChecked()).toBe(false);
  await context.close();
});

it("detects a conflicting edit and re-applies it on top of the other change without loss", async () => {
  const { token, board } = await suite.boardAs(people.manager);
  const row = board.rows.filter((r) => r.entry.mayEdit)[1]!;
  const code = row.participant.code;
  const adaPriority = row.entry.priority === "low" ? "medium" : "low";
  const evaDate = new Date(Date.parse(`${row.entry.nextEvaluationOn}T12:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);

  const [{ context: ada, page: adaPage }, { context: eva, page: evaPage }] = await Promise.all([
    suite.openBoardAs(people.coordinator, "?view=channel"),
    suite.openBoardAs(people.manager, "?view=channel"),
  ]);

  // Both open the same entry's edit form on the same version.
  const adaEdit = await openEdit(adaPage, code);
  const evaEdit = await openEdit(evaPage, code);

  await evaEdit.getByLabel("Nästa uppföljning").fill(evaDate);
  await evaEdit.getByRole("button", { name: "Spara" }).click();
  await evaPage.getByText("Sparat").first().waitFor();

  await adaEdit.getByRole("radio", { name: priorityText[adaPriority] }).check();
  await adaEdit.getByRole("button", { name: "Spara" }).click();

  const conflict = adaPage.getByRole("alertdialog", { name: `Någon annan ändrade ${code} samtidigt` });
  await conflict.waitFor();
  // The dialog shows what the other person changed and what Ada tried to change.
  await conflict.getByRole("row", { name: /Nästa uppföljning/ }).waitFor();
  await conflict.getByRole("row", { name: /Prioritet/ }).waitFor();
  await screenshot(adaPage, "conflict-dialog");
  await conflict.getByRole("button", { name: "Använd min ändring igen" }).click();
  await adaPage.getByText("Sparat").first().waitFor();

  const entry = (await suite.board(token)).rows.find((r) => r.participant.id === row.participant.id)!.entry as EntryView;
  expect(entry.nextEvaluationOn).toBe(evaDate);
  expect(entry.priority).toBe(adaPriority);
  await Promise.all([ada.close(), eva.close()]);
});
