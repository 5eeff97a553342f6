import type { WalkthroughResponse } from "@fact-board/contract";
import { addDays } from "../../bot/src/domain/dates";
import { api, DEMO_BOARD_ID, signIn } from "../support/app";
import { aConsent, anEntry, aParticipant, uniqueId } from "../support/storage";
import { openInTeamsHost, type TeamsHost } from "../support/teams-host.cjs";
import { browserSuite, people, screenshot, seriousAxeViolations, WAIT_MS, type Person, waitForBoard } from "./browser";

// Sedan sist on the meeting stage (issue 26 item 1), in the Teams-like host: during the
// walkthrough the municipality (Norrby) writes its since-yesterday note on the stage without leaving
// it; the region's attendee sees it with Norrby named, and Västra, whose organisation no consent
// names for this participant, sees only the placeholder and none of the words.

const suite = browserSuite();
const IN_MEETING = { meetingId: "meeting-1", teamId: "team-1", channelId: "channel-1" };
const STAGE_URL = `/tab/?board=${DEMO_BOARD_ID}&meeting=morgonmote`;
const WALKTHROUGH = `/api/boards/${DEMO_BOARD_ID}/walkthrough?meeting=morgonmote`;
const NORRBY = "norrby-soc";
const REGION = "region-psykiatri";
const NORRBYS_NAME = "Norrby kommun, socialförvaltningen (fiktiv)";

async function onStage(person: Person): Promise<TeamsHost> {
  const token = await signIn(suite.app.baseUrl, person);
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 720 } });
  context.setDefaultTimeout(WAIT_MS);
  const host = await openInTeamsHost(context, suite.app.baseUrl, {
    frameContext: "meetingStage",
    url: STAGE_URL,
    token,
    person,
    context: IN_MEETING,
    width: 1280,
    height: 720,
  });
  await waitForBoard(host);
  return host;
}

/** A fictitious participant the region wrote, on the board; consents: region → Norrby, Norrby → region. Västra is not involved. */
async function aParticipantOfRegionAndNorrby(today: string): Promise<{ id: string; code: string }> {
  const storage = suite.app.storage;
  const caseManagerId = `${people.coordinator.tenantId}.${people.coordinator.objectId}`;
  const code = `ZQS-${String(Date.now() % 10_000).padStart(4, "0")}`;
  const participant = await storage.participants.create(
    aParticipant(DEMO_BOARD_ID, {
      code,
      initials: "QZ",
      caseManagerId,
      writtenBy: REGION,
      organisationIds: [REGION, NORRBY],
      onBoard: true,
      createdAt: `${today}T06:00:00.000Z`,
    }),
  );
  for (const [from, to] of [
    [REGION, NORRBY],
    [NORRBY, REGION],
  ] as const) {
    await storage.consents.save(
      aConsent(DEMO_BOARD_ID, participant.id, {
        disclosingOrganisationId: from,
        receivingOrganisationIds: [to],
        status: "given",
        givenOn: addDays(today, -10),
        validUntil: addDays(today, 300),
        recordedBy: caseManagerId,
        recordedAt: `${today}T06:00:00.000Z`,
      }),
    );
  }
  await storage.entries.create(
    anEntry(DEMO_BOARD_ID, participant.id, {
      id: uniqueId("e"),
      writtenBy: REGION,
      priority: "high",
      putOnOn: addDays(today, -2),
      putOnBy: caseManagerId,
      nextEvaluationOn: addDays(today, 3),
      actions: [],
      updatedAt: `${today}T06:00:00.000Z`,
      updatedBy: caseManagerId,
    }),
  );
  return { id: participant.id, code };
}

it("lets the municipality write its note on the stage during the walkthrough; the region sees it with Norrby named, Västra sees nothing of it", async () => {
  const ada = people.coordinator; // region, presents
  const hugo = people.northCoordinator; // Norrby
  const per = people.westCoordinator; // Västra: no consent names it for this participant
  const { board } = await suite.boardAs(ada);
  const target = await aParticipantOfRegionAndNorrby(board.today);

  const presenter = await onStage(ada);
  await presenter.frame.getByRole("button", { name: "Starta genomgång" }).click();
  await presenter.frame.getByRole("button", { name: /Nästa deltagare/ }).waitFor();
  const asAda = (await api<WalkthroughResponse>(suite.app.baseUrl, await signIn(suite.app.baseUrl, ada), "GET", WALKTHROUGH)).body
    .walkthrough!;
  const index = asAda.visible.find((v) => v.participantId === target.id)!.index;

  const municipality = await onStage(hugo);
  const west = await onStage(per);
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
