import type { CheckInView, WalkthroughResponse } from "@fact-board/contract";
import { addDays, workingDaysBetween } from "../../bot/src/domain/dates";
import { isScheduledOn, meetingCovers } from "../../bot/src/domain/meeting-schedule";
import { DEMO_MEETINGS } from "../../bot/src/demo/demo-team";
import { api, DEMO_BOARD_ID, signIn } from "../support/app";
import { browserSuite, people, screenshot, WAIT_MS, type Person, waitForBoard } from "./browser";
import { openInTeamsHost, type FrameContext, type TeamsHost } from "../support/teams-host.cjs";

// The board's meeting schedule (issue 18) as Teams runs it: the demo team meets every working day
// with all partners ("Morgonmöte, alla") and with Norrby alone on Tuesdays and Thursdays. A tab in
// Norrby's meeting is linked to that meeting, its walkthrough covers only participants involving
// Norrby, the check-in names the meeting, and the overview measures the board against its schedule.

const suite = browserSuite();
/** The tab is in a meeting of the team's channel (what the side panel, the stage and the meeting's configuration page get). */
const IN_MEETING = { meetingId: "meeting-1", teamId: "team-1", channelId: "channel-1" };
const NORRBY = DEMO_MEETINGS.find((m) => m.id === "norrby")!;

async function inTeams(
  person: Person,
  frameContext: FrameContext,
  url: string,
  size: { width: number; height: number },
): Promise<TeamsHost> {
  const token = await signIn(suite.app.baseUrl, person);
  const context = await suite.browser.newContext({ viewport: { width: Math.max(size.width, 320), height: size.height } });
  context.setDefaultTimeout(WAIT_MS);
  return openInTeamsHost(context, suite.app.baseUrl, { frameContext, url, token, person, context: IN_MEETING, ...size });
}
const close = (host: TeamsHost) => host.page.context().close();

it("links a meeting's tab to the partner's own meeting, whose walkthrough shows only participants involving that partner and whose check-in names the meeting", async () => {
  const hugo = people.northCoordinator;
  const config = await inTeams(hugo, "settings", "/tab/?view=config", { width: 800, height: 600 });
  await config.frame.getByRole("radio").first().check();
  await config.frame.getByRole("radio", { name: /^Norrby tisdag och torsdag \(tis, tor kl\. 13:00\)/ }).check();
  await config.save();
  const saved = (await config.waitForCall("settings.setSettings")).args[0] as {
    contentUrl: string;
    suggestedDisplayName: string;
  };
  await close(config);
  const url = new URL(saved.contentUrl);
  expect(url.searchParams.get("meeting")).toBe("norrby");
  expect(saved.suggestedDisplayName).toContain("Norrby tisdag och torsdag");

  const stage = await inTeams(hugo, "meetingStage", url.pathname + url.search, { width: 1280, height: 720 });
  await waitForBoard(stage);
  await stage.frame.getByRole("button", { name: "Starta genomgång" }).click();
  await stage.frame.locator("[data-current-index='0']").waitFor();
  await stage.frame.locator("[data-meeting-name]").filter({ hasText: "Norrby tisdag och torsdag" }).waitFor();

  // What the walkthrough should cover, from storage: the entries on the board whose participant involves Norrby.
  const [entries, participants] = await Promise.all([
    suite.app.storage.entries.listCurrent(DEMO_BOARD_ID),
    suite.app.storage.participants.listForBoard(DEMO_BOARD_ID),
  ]);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const covered = new Set(entries.filter((e) => meetingCovers(NORRBY, byId.get(e.participantId)!)).map((e) => e.participantId));
  expect(covered.size).toBeGreaterThan(0);
  expect(covered.size).toBeLessThan(entries.length);
  const token = await signIn(suite.app.baseUrl, hugo);
  const view = (await api<WalkthroughResponse>(suite.app.baseUrl, token, "GET", `/api/boards/${DEMO_BOARD_ID}/walkthrough?meeting=norrby`))
    .body.walkthrough!;
  expect(view.total).toBe(covered.size);

  // Every participant the stage shows, position by position, involves Norrby.
  const codeToId = new Map(participants.map((p) => [p.code, p.id]));
  const shown: string[] = [];
  for (let i = 0; i < view.total; i++) {
    if (i > 0) {
      await stage.frame.locator("[data-current-index] h2").press("n");
      await stage.frame.locator(`[data-current-index='${i}']`).waitFor();
    }
    const code = await stage.frame
      .locator("[data-current-participant]")
      .getAttribute("data-current-participant", { timeout: 500 })
      .catch(() => null);
    if (code) shown.push(code);
  }
  expect(shown.length).toBeGreaterThan(0);
  for (const code of shown) expect(covered.has(codeToId.get(code)!)).toBe(true);
  await screenshot(stage.page, "teams-stage-partner-meeting");

  await stage.frame.getByRole("button", { name: "Avsluta morgonmötet" }).click();
  await stage.frame.getByText("Dagens morgonmöte är sparat.").waitFor();
  await close(stage);
  const today = (await suite.board(token)).today;
  const checkIn = await api<CheckInView>(suite.app.baseUrl, token, "GET", `/api/boards/${DEMO_BOARD_ID}/check-ins/${today}?meeting=norrby`);
  expect(checkIn.status).toBe(200);
  expect(checkIn.body).toMatchObject({ meetingId: "norrby", meetingName: "Norrby tisdag och torsdag" });
  expect(checkIn.body.attendeeIds).toContain(`${hugo.tenantId}.${hugo.objectId}`);
});

it("counts a missed scheduled occurrence as missed and a day without a scheduled meeting as not expected in the overview", async () => {
  // The board meets with Norrby only from now on: Mondays, Wednesdays and Fridays are not expected.
  const board = (await suite.app.storage.boards.get(DEMO_BOARD_ID))!;
  await suite.app.storage.boards.update({ ...board, settings: { ...board.settings!, meetings: [NORRBY] } }, { expectedEtag: board.etag! });

  const { page, context } = await suite.openBoardAs(people.manager, "?view=channel");
  const today = (await suite.boardAs(people.manager)).board.today;
  await page.getByRole("tab", { name: "Översikt" }).click();
  const strip = page.getByRole("list", { name: "Genomgången varje arbetsdag" });
  await strip.waitFor();

  // The demo held Norrby's meeting on its days of the last four weeks except the third (demo-team.ts).
  const norrbyDays = workingDaysBetween(addDays(today, -28), addDays(today, -1)).filter((d) => isScheduledOn(NORRBY, d));
  const missed = norrbyDays[2]!;
  const held = norrbyDays[1]!;
  const unscheduled = workingDaysBetween(addDays(today, -28), addDays(today, -1)).find((d) => !isScheduledOn(NORRBY, d))!;
  const stateOf = (date: string) => page.locator(`[data-date='${date}']`).getAttribute("data-reviewed");
  expect(await stateOf(missed)).toBe("none");
  expect(await stateOf(unscheduled)).toBe("notExpected");
  expect(["all", "some"]).toContain(await stateOf(held));
  await strip
    .getByRole("img", { name: /Inget möte planerat/ })
    .first()
    .waitFor();
  // The headline figure counts only the days a meeting was scheduled.
  const scheduledDays = workingDaysBetween(addDays(today, -28), today).filter((d) => isScheduledOn(NORRBY, d)).length;
  await page
    .getByText(new RegExp(` av ${scheduledDays} arbetsdag(ar)?$`))
    .first()
    .waitFor();
  await screenshot(page, "overview-against-schedule");
  await context.close();
});
