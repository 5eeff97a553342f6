import type { BoardView, InboxView, SignalView } from "@fact-board/contract";
import { api, DEMO_BOARD_ID, signIn } from "../support/app";
import { openInTeamsHost, type TeamsHost } from "../support/teams-host.cjs";
import { browserSuite, people, screenshot, seriousAxeViolations, WAIT_MS, type Person, waitForBoard } from "./browser";

// Att göra in the Teams-like host: a signal from the region to Norrby waits in the Norrby
// coordinator's inbox (count and list), she answers it there with the card's buttons, and the
// signal's state changes on the server. In the side panel it fits 280 px.

const suite = browserSuite();
const BOARD = `/api/boards/${DEMO_BOARD_ID}`;
const NORRBY = "norrby-soc";

async function inTeams(person: Person, frameContext: "content" | "sidePanel", width: number): Promise<TeamsHost> {
  const token = await signIn(suite.app.baseUrl, person);
  const context = await suite.browser.newContext({ viewport: { width: Math.max(width, 320), height: 900 } });
  context.setDefaultTimeout(WAIT_MS);
  const host = await openInTeamsHost(context, suite.app.baseUrl, {
    frameContext,
    url: `/tab/?board=${DEMO_BOARD_ID}`,
    token,
    person,
    context: frameContext === "sidePanel" ? { meetingId: "meeting-1", teamId: "team-1", channelId: "channel-1" } : {},
    width,
    height: 860,
  });
  await waitForBoard(host);
  return host;
}

/** The region coordinator signals Norrby about the first participant whose consent lets Norrby read it. */
async function aSignalToNorrby(): Promise<{ signal: SignalView; code: string }> {
  const token = await signIn(suite.app.baseUrl, people.coordinator);
  const board = (await api<BoardView>(suite.app.baseUrl, token, "GET", BOARD)).body;
  for (const row of board.rows) {
    if (!row.may.raiseSignal || !row.participant.organisationIds.includes(NORRBY)) continue;
    const raised = await api<SignalView>(suite.app.baseUrl, token, "POST", `${BOARD}/signals`, {
      participantId: row.participant.id,
      toOrganisationId: NORRBY,
      kind: "concern",
      urgency: "thisWeek",
    });
    if (raised.status === 201) return { signal: raised.body, code: row.participant.code };
  }
  throw new Error("no participant the region may signal Norrby about");
}

it("lists the signal in Att göra with its count, and answering it there acknowledges it", async () => {
  const { signal, code } = await aSignalToNorrby();
  const northToken = await signIn(suite.app.baseUrl, people.northCoordinator);
  const before = (await api<InboxView>(suite.app.baseUrl, northToken, "GET", `${BOARD}/inbox`)).body;
  expect(before.items.some((i) => i.kind === "signal" && i.signal.id === signal.id)).toBe(true);

  const host = await inTeams(people.northCoordinator, "content", 994);
  const open = host.frame.getByRole("button", { name: /^Att göra/ });
  await open.waitFor();
  await host.frame.locator(`[data-inbox-count="${before.count}"]`).waitFor();
  await open.click();
  const list = host.frame.getByRole("list", { name: "Att göra" });
  const item = list.getByRole("listitem").filter({ hasText: `Signal om ${code}` });
  await item.waitFor();
  expect(await seriousAxeViolations(host.frame)).toEqual([]);
  await screenshot(host.page, "inbox-channel");

  await item.getByRole("button", { name: "Kvittera" }).click();
  await host.frame.getByText("Signalen är kvitterad").first().waitFor();
  const after = (await api<SignalView>(suite.app.baseUrl, northToken, "GET", `${BOARD}/signals/${signal.id}`)).body;
  expect(after.state).toBe("acknowledged");
  await host.page.context().close();
});

it("shows Att göra in the side panel at 280 px without sideways scrolling", async () => {
  const host = await inTeams(people.northCoordinator, "sidePanel", 280);
  const open = host.frame.getByRole("button", { name: /^Att göra/ });
  await open.click();
  await host.frame.getByRole("list", { name: "Att göra" }).or(host.frame.getByText("Inget väntar på dig just nu.")).waitFor();
  const sideways = await host.frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways).toBeLessThanOrEqual(0);
  expect(await seriousAxeViolations(host.frame)).toEqual([]);
  await host.page.context().close();
});
