import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { DEMO_BOARD_ID, signIn } from "../support/app";
import { TEAMS_JS_VALID_DOMAINS_URL } from "../../bot/src/api/security";
import { openInTeamsHost } from "../support/teams-host.cjs";
import { browserSuite, people, signedInContext, WAIT_MS } from "./browser";

// Issue 16: each surface downloads only what it shows. The chunk names come from the modules Vite
// splits at (ChannelView.tsx → assets/ChannelView-<hash>.js), so a static import that pulls a
// dialog or the other surface into a page shows up here by name.

const suite = browserSuite();

/** The tab's scripts a context downloads (file names under /tab/assets/). */
function scriptsOf(context: BrowserContext): string[] {
  const files: string[] = [];
  context.on("request", (r) => {
    const match = new URL(r.url()).pathname.match(/^\/tab\/assets\/([^/]+\.js)$/);
    if (match?.[1]) files.push(match[1]);
  });
  return files;
}

const named = (files: string[], pattern: RegExp) => files.filter((f) => pattern.test(f));

/**
 * The scripts among `files` that carry zod: the contract's schemas are the server's, the tab takes
 * only its types (and zod-free modules such as the words). Evaluating the schemas cost the side panel
 * about a tenth of a second before it could even ask Teams for a token.
 */
const withZod = (files: string[]) =>
  files.filter((f) => readFileSync(path.join(__dirname, "../../tab/dist/assets", f), "utf8").includes("ZodError"));

it("opens the meeting side panel in Teams without the channel view, any dialog, the drawer, the development sign-in, another language or theme", async () => {
  const token = await signIn(suite.app.baseUrl, people.coordinator);
  const context = await suite.browser.newContext({ viewport: { width: 280, height: 800 } });
  context.setDefaultTimeout(WAIT_MS);
  const scripts = scriptsOf(context);
  try {
    const host = await openInTeamsHost(context, suite.app.baseUrl, {
      frameContext: "sidePanel",
      url: `/tab/?board=${DEMO_BOARD_ID}`,
      person: people.coordinator,
      context: { meetingId: "m1" },
      tokens: { "": token, [people.coordinator.tenantId]: token },
      validDomainsUrl: TEAMS_JS_VALID_DOMAINS_URL,
    });
    const tab = host.page.frameLocator("#tab");
    await tab.locator("body[data-board-ready='true']").waitFor();
    await tab.getByRole("list", { name: "På tavlan" }).waitFor();
    // What the page did load: its own surface, the Swedish catalogue and teams-js.
    expect(named(scripts, /^SidePanelView-/)).toHaveLength(1);
    expect(named(scripts, /^sv-/).length).toBeGreaterThan(0);
    expect(named(scripts, /^teams-/)).toHaveLength(1);
    expect(named(scripts, /ChannelView|StageView|Dialog|ParticipantDetail|DevSignIn|microsoftSignIn|^en-|darkTheme/)).toEqual([]);
    expect(withZod(scripts)).toEqual([]);

    // The drawer comes when a row asks for it (hover prefetches it).
    const drawer = context.waitForEvent("request", (r) => /\/ParticipantDetail-[^/]+\.js$/.test(r.url()));
    await tab.getByRole("button", { name: /^FIK-/ }).first().hover();
    await drawer;
  } finally {
    await context.close();
  }
});

it("opens the channel board without the side panel, a dialog or the development sign-in, and English without Swedish; a dialog loads when wanted", async () => {
  const context = await signedInContext(suite.browser, suite.app.baseUrl, people.coordinator);
  const scripts = scriptsOf(context);
  try {
    const page = await context.newPage();
    await page.goto(`${suite.app.baseUrl}/tab/?view=channel&board=${DEMO_BOARD_ID}&lang=en-GB`);
    await page.waitForSelector("body[data-board-ready='true']", { timeout: WAIT_MS });
    await page.getByRole("table", { name: "On the board" }).waitFor();
    expect(named(scripts, /^ChannelView-/)).toHaveLength(1);
    expect(named(scripts, /^en-/).length).toBeGreaterThan(0);
    expect(named(scripts, /SidePanelView|StageView|Dialog|ParticipantDetail|DevSignIn|microsoftSignIn|^sv-|darkTheme/)).toEqual([]);
    expect(withZod(scripts)).toEqual([]);

    // A dialog comes when its button asks for it (hover prefetches it), and opens on the first press.
    const putOn = page.getByRole("button", { name: "Put on the board" });
    const dialog = context.waitForEvent("request", (r) => /\/PutOnBoardDialog-[^/]+\.js$/.test(r.url()));
    await putOn.hover();
    await dialog;
    await putOn.click();
    await page.getByRole("dialog").waitFor();
  } finally {
    await context.close();
  }
});

it("downloads the dark theme only when the viewer's theme is dark", async () => {
  const context = await signedInContext(suite.browser, suite.app.baseUrl, people.coordinator, { colorScheme: "dark" });
  const scripts = scriptsOf(context);
  try {
    const page = await context.newPage();
    await page.goto(`${suite.app.baseUrl}/tab/?view=sidePanel&board=${DEMO_BOARD_ID}&theme=dark`);
    await page.waitForSelector("body[data-board-ready='true']", { timeout: WAIT_MS });
    expect(named(scripts, /^darkTheme-/)).toHaveLength(1);
  } finally {
    await context.close();
  }
});
