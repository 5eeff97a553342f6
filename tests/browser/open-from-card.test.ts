import { teamDay } from "../support/team-calendar";
import { type AbsenceView, type BoardView, openItemId } from "@fact-board/contract";
import { api, DEMO_BOARD_ID, signIn } from "../support/app";
import { openInTeamsHost } from "../support/teams-host.cjs";
import { browserSuite, people, waitForBoard, WAIT_MS } from "./browser";

// Issue 27, item 3: a card's "Öppna i FACT-tavlan" opens the same item in the tab, where the card's
// own action can be taken (Action.Execute does nothing in Teams on phones): in Teams through the
// entity deep link's subEntityId (app.getContext() page.subPageId, answered by the Teams-like
// host), in a plain browser through `open=`.

const suite = browserSuite();

/** An open signal to the viewer's organisation about someone on the board: the card that asks them to answer. */
function signalToAnswer(board: BoardView) {
  const mine = board.organisations.find((o) => board.members.some((m) => m.id === board.viewer.memberId && m.organisationId === o.id));
  const signal = board.signals.find(
    (s) => s.state === "open" && s.may?.acknowledge && board.rows.some((r) => r.participant.id === s.participantId),
  );
  if (!signal) throw new Error(`the demo board has no open signal to ${mine?.id} about someone on the board`);
  return { signal, row: board.rows.find((r) => r.participant.id === signal.participantId)! };
}

it("opens the signal in its participant's drawer with the card's answers, in a plain browser", async () => {
  const { board } = await suite.boardAs(people.northCoordinator);
  const { signal, row } = signalToAnswer(board);
  const open = openItemId({ item: "signal", signalId: signal.id });
  const { context, page } = await suite.openBoardAs(people.northCoordinator, `?view=channel&board=${DEMO_BOARD_ID}&open=${open}`);
  const drawer = page.getByRole("dialog");
  await drawer.getByText(row.participant.code, { exact: false }).first().waitFor({ timeout: WAIT_MS });
  // The same answer the card offers, here in the tab.
  await drawer.getByRole("button", { name: "Kvittera" }).first().waitFor({ timeout: WAIT_MS });
  await context.close();
});

it("opens a consent in its participant's drawer from a Teams deep link (subEntityId → page.subPageId)", async () => {
  const token = await signIn(suite.app.baseUrl, people.coordinator);
  const board = (await api<BoardView>(suite.app.baseUrl, token, "GET", `/api/boards/${DEMO_BOARD_ID}`)).body;
  const row = board.rows[0]!;
  const me = board.members.find((m) => m.id === board.viewer.memberId)!;
  const subEntityId = openItemId({ item: "consent", participantId: row.participant.id, organisationId: me.organisationId });
  const context = await suite.browser.newContext({ viewport: { width: 1200, height: 860 } });
  context.setDefaultTimeout(WAIT_MS);
  // The channel tab as Teams opens it from https://teams.microsoft.com/l/entity/<app>/board-<id>?context={"subEntityId":…}.
  const host = await openInTeamsHost(context, suite.app.baseUrl, {
    frameContext: "content",
    url: `/tab/?board=${DEMO_BOARD_ID}`,
    token,
    person: people.coordinator,
    context: { teamId: "team-1", channelId: "channel-1", subEntityId },
  });
  await waitForBoard(host);
  const drawer = host.frame.getByRole("dialog");
  await drawer.getByText(row.participant.code, { exact: false }).first().waitFor();
  await drawer.getByRole("button", { name: "Registrera samtycke" }).first().waitFor();
  await context.close();
});

it("marks and focuses the absence a cover card names, and says so when a link's item is gone", async () => {
  const token = await signIn(suite.app.baseUrl, people.westCoordinator);
  const today = teamDay();
  const registered = await api<AbsenceView>(suite.app.baseUrl, token, "POST", `/api/boards/${DEMO_BOARD_ID}/absences`, {
    from: today,
    to: today,
    reason: "vacation",
  });
  expect(registered.status).toBe(201);
  const absenceId = registered.body.id;
  const open = openItemId({ item: "cover", absenceId });
  const { context, page } = await suite.openBoardAs(people.westCoordinator, `?view=channel&board=${DEMO_BOARD_ID}&open=${open}`);
  const item = page.locator(`[data-absence="${absenceId}"]`);
  await item.waitFor();
  expect(await item.getAttribute("aria-current")).toBe("true");
  await page.waitForFunction((id) => document.activeElement?.getAttribute("data-absence") === id, absenceId);
  await context.close();

  const gone = openItemId({ item: "signal", signalId: "no-such-signal" });
  const second = await suite.openBoardAs(people.westCoordinator, `?view=channel&board=${DEMO_BOARD_ID}&open=${gone}`);
  await second.page.getByRole("status").filter({ hasText: "finns inte längre på tavlan" }).waitFor();
  await second.context.close();
});

it("opens the form a card names: Registrera frånvaro, Skicka signal (choosing the participant), and the viewer's own participants", async () => {
  const absence = await suite.openBoardAs(
    people.northCoordinator,
    `?view=channel&board=${DEMO_BOARD_ID}&open=${openItemId({ item: "absenceForm" })}`,
  );
  const absenceForm = absence.page.getByRole("dialog");
  await absenceForm.getByRole("button", { name: "Registrera" }).first().waitFor();
  await absenceForm.getByRole("heading", { name: "Registrera frånvaro" }).waitFor();
  expect(await absenceForm.getByRole("radiogroup", { name: /Orsak/ }).count()).toBe(1);
  await absence.context.close();

  const { board } = await suite.boardAs(people.northCoordinator);
  const signalable = board.rows.filter(
    (r) => r.may.raiseSignal && r.participant.organisationIds.some((o) => o !== board.viewer.organisationId),
  );
  expect(signalable.length).toBeGreaterThan(1);
  const signal = await suite.openBoardAs(
    people.northCoordinator,
    `?view=channel&board=${DEMO_BOARD_ID}&open=${openItemId({ item: "signalForm" })}`,
  );
  const signalForm = signal.page.getByRole("dialog");
  const chooser = signalForm.getByRole("combobox", { name: /Deltagare/ });
  await chooser.waitFor();
  // Every participant the viewer may signal about, and nobody else, is offered.
  const offered = await chooser.locator("option").allTextContents();
  expect(offered.map((o) => o.split(" ")[0])).toEqual(signalable.map((r) => r.participant.code));
  await signal.context.close();

  const mine = board.rows.filter(
    (r) => r.participant.caseManagerId === board.viewer.memberId || r.participant.caseManagerStandInId === board.viewer.memberId,
  );
  expect(mine.length).toBeGreaterThan(0);
  expect(mine.length).toBeLessThan(board.rows.length);
  const own = await suite.openBoardAs(
    people.northCoordinator,
    `?view=channel&board=${DEMO_BOARD_ID}&open=${openItemId({ item: "myParticipants" })}`,
  );
  await own.page
    .getByRole("status")
    .filter({ hasText: `${mine.length} av ${board.rows.length}` })
    .waitFor();
  await own.context.close();
});
