import type { WalkthroughResponse } from "@fact-board/contract";
import type { Frame } from "playwright-core";
import { api, DEMO_BOARD_ID, signIn } from "../support/app";
import { browserSuite, people, screenshot, seriousAxeViolations, WAIT_MS, type Person, waitForBoard } from "./browser";
import { openInTeamsHost, type FrameContext, type TeamsHost } from "../support/teams-host.cjs";

// The morning meeting as Teams runs it: the tab inside a Teams-like host, with the URL the
// configuration page really saves, in the side panel (280 px) and on the stage, where every
// attendee's client renders the walkthrough itself and follows the presenter through their own consent.

const suite = browserSuite();
/** The tab is in a meeting of the team's channel (what the side panel, the stage and the meeting's configuration page get). */
const IN_MEETING = { meetingId: "meeting-1", teamId: "team-1", channelId: "channel-1" };
const WALKTHROUGH = `/api/boards/${DEMO_BOARD_ID}/walkthrough?meeting=morgonmote`;

async function inTeams(
  person: Person,
  frameContext: FrameContext,
  url: string,
  size: { width: number; height: number },
  extra: { shareFails?: string } = {},
): Promise<TeamsHost> {
  const token = await signIn(suite.app.baseUrl, person);
  const context = await suite.browser.newContext({ viewport: { width: Math.max(size.width, 320), height: size.height } });
  context.setDefaultTimeout(WAIT_MS);
  return openInTeamsHost(context, suite.app.baseUrl, { frameContext, url, token, person, context: IN_MEETING, ...size, ...extra });
}

const close = (host: TeamsHost) => host.page.context().close();
const sideways = (frame: Frame) => frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** What the configuration page saves (the first test checks it and keeps what it really saved). */
let savedUrl = `/tab/?board=${DEMO_BOARD_ID}&meeting=morgonmote`;

it("saves a content URL that lets the frame context decide, which opens the compact side panel at 280 px and the walkthrough on the stage", async () => {
  const config = await inTeams(people.coordinator, "settings", "/tab/?view=config", { width: 800, height: 600 });
  await config.frame.getByRole("radio").first().check();
  // In a meeting the tab is linked to one of the board's recurring meetings; nothing is pre-selected.
  const daily = config.frame.getByRole("radio", { name: /^Morgonmöte, alla/ });
  expect(await daily.isChecked()).toBe(false);
  await daily.check();
  await config.save();
  const settings = (await config.waitForCall("settings.setSettings")).args[0] as { contentUrl: string };
  await close(config);
  expect(settings.contentUrl).not.toContain("view=");
  expect(new URL(settings.contentUrl).searchParams.get("meeting")).toBe("morgonmote");
  savedUrl = new URL(settings.contentUrl).pathname + new URL(settings.contentUrl).search;

  const panel = await inTeams(people.coordinator, "sidePanel", savedUrl, { width: 280, height: 700 });
  await waitForBoard(panel);
  await panel.frame.getByRole("list", { name: "På tavlan" }).waitFor();
  expect(await sideways(panel.frame)).toBeLessThanOrEqual(0);
  // The first participant shows without scrolling.
  const first = panel.frame.getByRole("button", { name: /^FIK-/ }).first();
  const box = await first.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(700);
  expect(await seriousAxeViolations(panel.frame)).toEqual([]);
  await panel.frame.getByRole("button", { name: "Dela till mötesskärmen" }).click();
  await panel.frame.getByText("Delad till mötesskärmen").waitFor();
  const shared = (await panel.calls()).find((c) => c.func === "meeting.shareAppContentToStage")!;
  const stageUrl = shared.args.find((a): a is string => typeof a === "string" && a.includes("/tab/"))!;
  expect(stageUrl).not.toContain("view=");
  expect(new URL(stageUrl).searchParams.get("meeting")).toBe("morgonmote");
  await screenshot(panel.page, "teams-sidePanel-280");
  await close(panel);

  const stage = await inTeams(people.coordinator, "meetingStage", new URL(stageUrl).pathname + new URL(stageUrl).search, {
    width: 1280,
    height: 720,
  });
  await waitForBoard(stage);
  await stage.frame.getByRole("heading", { name: "Morgonmöte" }).waitFor();
  await stage.frame.getByRole("button", { name: "Starta genomgång" }).waitFor();
  expect(await seriousAxeViolations(stage.frame)).toEqual([]);
  await close(stage);
});

it("says so when sharing to the stage fails, and lets one try again", async () => {
  const panel = await inTeams(people.coordinator, "sidePanel", savedUrl, { width: 280, height: 700 }, { shareFails: "Stage is busy" });
  await waitForBoard(panel);
  const share = panel.frame.getByRole("button", { name: "Dela till mötesskärmen" });
  await share.click();
  // In the viewer's words with what to do next; Teams' own (English) message is not shown.
  const alert = panel.frame.getByRole("alert").filter({ hasText: "Det gick inte att dela till mötesskärmen. Försök igen om en stund." });
  await alert.waitFor();
  expect(await alert.innerText()).not.toContain("Stage is busy");
  expect(await share.isEnabled()).toBe(true);
  await close(panel);
});

it("follows Teams when it switches the theme, without reloading the panel", async () => {
  const panel = await inTeams(people.coordinator, "sidePanel", savedUrl, { width: 280, height: 700 });
  await waitForBoard(panel);
  await panel.frame.locator("[data-theme='default']").waitFor();
  // A mark on the page that a reload would wipe.
  await panel.frame.evaluate(() => (document.body.dataset.beforeThemeChange = "yes"));
  await panel.changeTheme("dark");
  await panel.frame.locator("[data-theme='dark']").waitFor();
  expect(await panel.frame.evaluate(() => document.body.dataset.beforeThemeChange)).toBe("yes");
  await close(panel);
});

it("lets three organisations follow one presenter, each through their own consent, across a reload, a late joiner and a hand-over", async () => {
  const ada = people.coordinator; // region
  const hugo = people.northCoordinator; // north
  const per = people.westCoordinator; // west
  const stageSize = { width: 1280, height: 720 };

  const presenter = await inTeams(ada, "meetingStage", savedUrl, stageSize);
  await waitForBoard(presenter);
  await presenter.frame.getByRole("button", { name: "Starta genomgång" }).click();
  await presenter.frame.getByRole("button", { name: /Nästa deltagare/ }).waitFor();

  // A position Ada and Hugo may see but Per's organisation may not.
  const viewOf = async (p: Person) =>
    (await api<WalkthroughResponse>(suite.app.baseUrl, await signIn(suite.app.baseUrl, p), "GET", WALKTHROUGH)).body.walkthrough!;
  const [asAda, asHugo, asPer] = await Promise.all([viewOf(ada), viewOf(hugo), viewOf(per)]);
  const perSees = new Set(asPer.visible.map((v) => v.index));
  const hugoSees = new Set(asHugo.visible.map((v) => v.index));
  const target = asAda.visible.find((v) => v.index > 0 && hugoSees.has(v.index) && !perSees.has(v.index));
  expect(target).toBeDefined();
  const index = target!.index;

  const follower = await inTeams(hugo, "meetingStage", savedUrl, stageSize);
  await waitForBoard(follower);
  await follower.frame.locator("[data-current-index='0']").waitFor();

  // The presenter moves on with the keyboard shortcut until the target participant.
  for (let i = 1; i <= index; i++) {
    await presenter.frame.locator("[data-current-index] h2").press("n");
    await presenter.frame.locator(`[data-current-index='${i}']`).waitFor();
  }
  const code = await presenter.frame.locator("[data-current-participant]").getAttribute("data-current-participant");
  await follower.frame.locator(`[data-current-participant='${code}']`).waitFor();

  // Per joins late and lands on the same position, shown as a placeholder naming nothing.
  const late = await inTeams(per, "meetingStage", savedUrl, stageSize);
  await waitForBoard(late);
  await late.frame.locator(`[data-current-index='${index}'] [data-current-placeholder]`).waitFor();
  await late.frame
    .getByRole("heading", { name: `Deltagare ${index + 1} av ${asAda.total} · inga uppgifter för din organisation` })
    .waitFor();
  const perText = await late.frame.locator("main").innerText();
  expect(perText).not.toContain(code!);
  expect(await late.frame.locator("[data-current-participant]").count()).toBe(0);
  expect(await seriousAxeViolations(late.frame)).toEqual([]);
  await screenshot(late.page, "teams-stage-placeholder");

  // A reload lands on the current participant.
  await follower.frame.evaluate(() => location.reload());
  await follower.frame.waitForSelector("body[data-board-ready='true']");
  await follower.frame.locator(`[data-current-participant='${code}']`).waitFor();

  // Hugo takes over and moves on; Ada and Per follow.
  await follower.frame.getByRole("button", { name: "Ta över" }).click();
  await follower.frame.getByRole("button", { name: /Nästa deltagare/ }).click();
  await presenter.frame.locator(`[data-current-index='${index + 1}']`).waitFor();
  await late.frame.locator(`[data-current-index='${index + 1}']`).waitFor();
  await presenter.frame.getByRole("button", { name: "Ta över" }).waitFor();

  await follower.frame.getByRole("button", { name: "Avsluta morgonmötet" }).click();
  await follower.frame.getByText("Dagens morgonmöte är sparat.").waitFor();
  await presenter.frame.getByText("Dagens morgonmöte är sparat.").waitFor();

  const token = await signIn(suite.app.baseUrl, ada);
  const board = await suite.board(token);
  const checkIn = await api<{ attendeeIds: string[]; meetingId: string }>(
    suite.app.baseUrl,
    token,
    "GET",
    `/api/boards/${DEMO_BOARD_ID}/check-ins/${board.today}?meeting=morgonmote`,
  );
  expect(checkIn.body.meetingId).toBe("morgonmote");
  const memberId = (p: Person) => `${p.tenantId}.${p.objectId}`;
  expect(checkIn.body.attendeeIds).toEqual(expect.arrayContaining([memberId(ada), memberId(hugo), memberId(per)]));
  await Promise.all([close(presenter), close(follower), close(late)]);
});

it("tells every attendee when the presenter's stage closes, stops the timers, and a leader takes over", async () => {
  const ada = people.coordinator; // region
  const hugo = people.northCoordinator; // north
  const per = people.westCoordinator; // west
  const stageSize = { width: 1280, height: 720 };
  // Ada starts (or starts again) today's walkthrough: she presents.
  const started = await api<WalkthroughResponse>(suite.app.baseUrl, await signIn(suite.app.baseUrl, ada), "POST", WALKTHROUGH, {});
  expect(started.body.walkthrough?.isPresenter).toBe(true);

  const presenter = await inTeams(ada, "meetingStage", savedUrl, stageSize);
  const beat = presenter.page.waitForResponse((r) => r.url().includes("/walkthrough/presence") && r.ok());
  await waitForBoard(presenter);
  await presenter.frame.getByRole("button", { name: /Nästa deltagare/ }).waitFor();
  expect(await (await beat).json()).toEqual({ presenting: true });

  const attendees = [await inTeams(hugo, "meetingStage", savedUrl, stageSize), await inTeams(per, "meetingStage", savedUrl, stageSize)];
  for (const a of attendees) {
    await waitForBoard(a);
    await a.frame.getByText(/^Du följer /).waitFor();
  }

  // The presenter's stage closes (the meeting window shut, or the laptop lid).
  await close(presenter);
  for (const a of attendees) {
    await a.frame.getByRole("alert").filter({ hasText: "Presentatören har lämnat" }).waitFor();
    await a.frame.getByRole("button", { name: "Ta över" }).waitFor();
  }
  // The timers stand still until someone takes over.
  const timer = attendees[0]!.frame.getByRole("timer");
  const before = await timer.innerText();
  await attendees[0]!.frame.waitForTimeout(2_100);
  expect(await timer.innerText()).toBe(before);

  // Hugo takes over and moves on; Per follows him, and nobody is told the presenter left any more.
  const [hugoStage, perStage] = attendees as [TeamsHost, TeamsHost];
  const at = Number(await perStage.frame.locator("[data-current-index]").getAttribute("data-current-index"));
  await hugoStage.frame.getByRole("button", { name: "Ta över" }).click();
  await hugoStage.frame.getByRole("button", { name: /Nästa deltagare/ }).click();
  await perStage.frame.locator(`[data-current-index='${at + 1}']`).waitFor();
  await perStage.frame.getByText(/^Du följer Hugo/).waitFor();
  expect(await perStage.frame.getByText("Presentatören har lämnat").count()).toBe(0);
  await screenshot(perStage.page, "teams-stage-presenter-took-over");
  await Promise.all(attendees.map(close));
});
