// The meeting surfaces' host page (frame contexts side panel and stage, share to stage); the sign-in tests use teams-host.ts.
// A Teams-like host for the tab: a parent page on the tab's own origin (teams-js accepts its own
// origin as parent) that iframes the tab and answers teams-js's postMessage requests the way the
// Teams client does — initialize with a frame context, getContext, getAuthToken, the stage-sharing
// calls and the configuration page's setSettings. See docs/testing.md#a-teams-like-host-for-tab-tests.
import type { BrowserContext, Frame, Page } from "playwright-core";
import { WAIT_MS } from "./browser";

export type FrameContext = "sidePanel" | "meetingStage" | "content" | "settings";

export interface TeamsHostOptions {
  frameContext: FrameContext;
  /** The tab URL as Teams would load it (a saved contentUrl, a shared stage URL), relative to the origin. */
  url: string;
  token: string;
  person: { tenantId: string; objectId: string };
  width: number;
  height: number;
  /** Make meeting.shareAppContentToStage fail with this message. */
  shareFails?: string;
}

export interface TeamsHost {
  page: Page;
  frame: Frame;
  /** What the tab asked the host to do, in order: saved settings, shared stage URLs. */
  calls(): Promise<Array<{ func: string; args: unknown[] }>>;
  /** The host asks the configuration page to save (the user pressed "Save"). */
  save(): Promise<void>;
}

const HOST_PATH = "/fakehost.html";

function hostPage(options: TeamsHostOptions): string {
  const config = {
    frameContext: options.frameContext,
    token: options.token,
    tid: options.person.tenantId,
    oid: options.person.objectId,
    shareFails: options.shareFails ?? null,
  };
  // The page is served by the test (page.route), so it carries no CSP of the app's.
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Teams-like host</title>
<style>html,body{margin:0;padding:0}iframe{border:0;display:block;width:${options.width}px;height:${options.height}px}</style></head>
<body><iframe id="tab" title="FACT Board" src="${options.url}"></iframe>
<script>
const cfg = ${JSON.stringify(config)};
window.hostCalls = [];
const runtime = { apiVersion: 4, isLegacyTeams: false, hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  supports: { appInstallDialog: {}, dialog: { card: {}, url: {} }, meeting: {}, pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, fullTrust: {}, tabs: {} }, sharing: {}, teamsCore: {}, stageView: {} } };
const context = () => ({ frameContext: cfg.frameContext, locale: "sv-SE", theme: "default", hostClientType: "web", meetingId: "meeting-1", teamId: "team-1", channelId: "channel-1",
  tid: cfg.tid, userObjectId: cfg.oid, entityId: "board", appSessionId: "session-1", isFullScreen: false, isMultiWindow: false, userPrincipalName: "user@example.test" });
const answers = {
  initialize: () => [cfg.frameContext, "web", JSON.stringify(runtime), "2.58.0"],
  getContext: () => [context()],
  "authentication.getAuthToken": () => [true, cfg.token],
  "meeting.getAppContentStageSharingCapabilities": () => [null, { doesAppHaveSharePermission: true }],
  "meeting.shareAppContentToStage": () => (cfg.shareFails ? [{ errorCode: 500, message: cfg.shareFails }, null] : [null, true]),
  "settings.setSettings": () => [true],
  "meeting.getAppContentStageSharingState": () => [null, { isAppSharing: false }],
};
window.addEventListener("message", (event) => {
  const msg = event.data;
  if (!msg || typeof msg !== "object" || typeof msg.func !== "string" || event.source === window) return;
  window.hostCalls.push({ func: msg.func, args: msg.args ?? [] });
  const answer = answers[msg.func];
  if (!answer) return;
  event.source.postMessage({ id: msg.id, uuidAsString: msg.uuidAsString, args: answer(msg.args ?? []) }, event.origin);
});
window.hostSave = () => document.getElementById("tab").contentWindow.postMessage({ func: "settings.save", args: [{}] }, location.origin);
</script></body></html>`;
}

/** Opens the tab inside the host page in a new page of `context`. */
export async function openInTeams(context: BrowserContext, baseUrl: string, options: TeamsHostOptions): Promise<TeamsHost> {
  const page = await context.newPage();
  await page.route(`${baseUrl}${HOST_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: hostPage(options) }),
  );
  await page.setViewportSize({ width: Math.max(options.width, 320), height: options.height });
  await page.goto(`${baseUrl}${HOST_PATH}`);
  const handle = await page.waitForSelector("iframe#tab");
  const frame = (await handle.contentFrame())!;
  return {
    page,
    frame,
    calls: () => page.evaluate(() => (window as unknown as { hostCalls: Array<{ func: string; args: unknown[] }> }).hostCalls),
    save: () => page.evaluate(() => (window as unknown as { hostSave: () => void }).hostSave()),
  };
}

/** Waits until the tab inside the host shows its board. */
export async function waitForBoard(host: TeamsHost): Promise<void> {
  await host.frame.waitForSelector("body[data-board-ready='true']", { timeout: WAIT_MS });
}
