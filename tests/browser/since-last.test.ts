import type { WalkthroughResponse } from "@fact-board/contract";
import { api, DEMO_BOARD_ID, signIn } from "../support/app";
import { browserSuite, people, screenshot, seriousAxeViolations } from "./browser";
import { aParticipantOnBoard, onMorningStage } from "./meeting-scene";

// Sedan sist on the meeting stage (issue 26 item 1), in the Teams-like host: during the
// walkthrough the municipality (Norrby) writes its since-yesterday note on the stage without leaving
// it; the region's attendee sees it with Norrby named, and Västra, whose organisation no consent
// names for this participant, sees only the placeholder and none of the words.

const suite = browserSuite();
const WALKTHROUGH = `/api/boards/${DEMO_BOARD_ID}/walkthrough?meeting=morgonmote`;
const NORRBY = "norrby-soc";
const REGION = "region-psykiatri";
const NORRBYS_NAME = "Norrby kommun, socialförvaltningen (fiktiv)";

it("lets the municipality write its note on the stage during the walkthrough; the region sees it with Norrby named, Västra sees nothing of it", async () => {
  const ada = people.coordinator; // region, presents
  const hugo = people.northCoordinator; // Norrby
  const per = people.westCoordinator; // Västra: no consent names it for this participant
  const { board } = await suite.boardAs(ada);
  const target = await aParticipantOnBoard(suite, board.today, {
    codePrefix: "ZQS",
    initials: "QZ",
    organisationIds: [REGION, NORRBY],
    consents: [
      [REGION, [NORRBY]],
      [NORRBY, [REGION]],
    ],
  });

  const presenter = await onMorningStage(suite, ada);
  await presenter.frame.getByRole("button", { name: "Starta genomgång" }).click();
  await presenter.frame.getByRole("button", { name: /Nästa deltagare/ }).waitFor();
  const asAda = (await api<WalkthroughResponse>(suite.app.baseUrl, await signIn(suite.app.baseUrl, ada), "GET", WALKTHROUGH)).body
    .walkthrough!;
  const index = asAda.visible.find((v) => v.participantId === target.id)!.index;

  const municipality = await onMorningStage(suite, hugo);
  const west = await onMorningStage(suite, per);
  for (let i = 1; i <= index; i++) {
    await presenter.frame.locator("[data-current-index] h2").press("n");
    await presenter.frame.locator(`[data-current-index='${i}']`).waitFor();
  }
  await presenter.frame.locator(`[data-current-participant='${target.code}']`).waitFor();
  await municipality.frame.locator(`[data-current-participant='${target.code}']`).waitFor();
  await west.frame.locator(`[data-current-index='${index}'] [data-current-placeholder]`).waitFor();

  // Norrby writes on the stage, following the presenter: no dialog, no other view.
  const text = "Påhittad testnotering: flyttade till jourboende i natt, ny kontakt bokad.";
  const note = municipality.frame.getByRole("region", { name: "Sedan sist" });
  await note.getByRole("textbox", { name: "Vår anteckning i dag" }).fill(text);
  await note.getByRole("button", { name: "Spara anteckning" }).click();
  await note.locator(`[data-since-last-note='${NORRBY}']`, { hasText: text }).waitFor();
  expect(await municipality.frame.locator(`[data-current-participant='${target.code}']`).count()).toBe(1);

  // The region's attendee sees it on the stage, with the writing organisation named.
  const seen = presenter.frame.getByRole("region", { name: "Sedan sist" }).locator(`[data-since-last-note='${NORRBY}']`);
  await seen.filter({ hasText: text }).waitFor();
  expect(await seen.innerText()).toContain(NORRBYS_NAME);
  // The region cannot edit Norrby's note: its own field is empty, for its own note.
  expect(await presenter.frame.getByRole("textbox", { name: "Vår anteckning i dag" }).inputValue()).toBe("");
  expect(await seriousAxeViolations(presenter.frame)).toEqual([]);
  await screenshot(presenter.page, "stage-since-last-region");

  // Västra: the placeholder only, none of the words, and the API agrees.
  await west.frame.locator(`[data-current-index='${index}'] [data-current-placeholder]`).waitFor();
  expect(await west.frame.locator("main").innerText()).not.toContain(text);
  const westBoard = await suite.board(await signIn(suite.app.baseUrl, per));
  expect(JSON.stringify(westBoard)).not.toContain(text);
  const regionBoard = await suite.board(await signIn(suite.app.baseUrl, ada));
  expect(regionBoard.rows.find((r) => r.participant.id === target.id)!.sinceLast).toEqual([
    expect.objectContaining({ text, organisationId: NORRBY }),
  ]);

  await Promise.all([presenter, municipality, west].map((h) => h.page.context().close()));
});
