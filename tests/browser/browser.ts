// Shared set-up for the tab's browser tests: Debian's Chromium through playwright-core (no browser
// download), the app from tests/support/app.ts, and the development sign-in as the demo does it.
import fs from "node:fs";
import path from "node:path";
import type { BoardView } from "@fact-board/contract";
import { type Browser, type BrowserContext, type BrowserContextOptions, type Frame, type Locator, type Page } from "playwright-core";
import { launchChromium } from "../../scripts/chromium.cjs";
import { api, DEMO_BOARD_ID, demoPerson, signIn, startApp, type RunningApp } from "../support/app";
import type { TeamsHost } from "../support/teams-host.cjs";

/**
 * How long a browser test waits for a state to appear before it counts as missing: long enough that
 * a loaded machine is never mistaken for a broken tab (tests wait for states, never measure time).
 */
export const WAIT_MS = 60_000;

export const SCREENSHOT_DIR = path.resolve(__dirname, "../../test-artifacts/screenshots");
export const AXE_PATH = require.resolve("axe-core/axe.min.js");

/** Headless Debian Chromium (`CHROMIUM_PATH` for another); a missing one fails with what to do. */
export { launchChromium };

export type Person = ReturnType<typeof demoPerson>;

/** Demo people the tests act as (see bot/src/demo/demo-team.ts). */
export const people = {
  /** Region psychiatry coordinator: leads the morning check-in. */
  coordinator: demoPerson("region", 1),
  /** Region psychiatry manager: overview and access log. */
  manager: demoPerson("region", 5),
  /** Norrby social services coordinator: another organisation, sees what consent allows. */
  northCoordinator: demoPerson("north", 8),
  /** Västra municipal care coordinator. */
  westCoordinator: demoPerson("west", 16),
};

async function devToken(baseUrl: string, person: Person): Promise<{ token: string; expiresAt: string }> {
  const res = await fetch(`${baseUrl}/api/dev/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(person),
  });
  if (!res.ok) throw new Error(`dev sign-in failed: ${res.status}`);
  return (await res.json()) as { token: string; expiresAt: string };
}

/** A browser context already signed in as `person` (the token the picker would have stored). */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  person: Person,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const token = await devToken(baseUrl, person);
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  context.setDefaultTimeout(WAIT_MS);
  await context.addInitScript((stored) => sessionStorage.setItem("factBoard.devToken", JSON.stringify(stored)), token);
  return context;
}

/** Waits until the tab inside a Teams-like host (tests/support/teams-host.cjs) shows its board. */
export async function waitForBoard(host: TeamsHost): Promise<void> {
  await host.frame.waitForSelector("body[data-board-ready='true']", { timeout: WAIT_MS });
}

/**
 * Serves the app at `origin` (an https origin Playwright answers itself, relaying to `baseUrl`):
 * teams-js refuses some calls, authentication.authenticate among them, from a page that is not https.
 * The live stream is refused (a relayed stream would never end); the tab copes with that by itself.
 */
export async function serveOverHttps(context: BrowserContext, origin: string, baseUrl: string): Promise<void> {
  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith("/events")) return route.abort();
    const headers = { ...route.request().headers() };
    delete headers["origin"];
    const response = await route.fetch({ url: `${baseUrl}${url.pathname}${url.search}`, headers });
    return route.fulfill({ response });
  });
}

/**
 * Closes a context whose requests may be relayed by a route (serveOverHttps): the route is taken off
 * first, without waiting for callbacks still running, so a request the tab started just before the
 * close (a poll, the inbox) does not fail the test with "Request context disposed".
 */
export async function closeContext(context: BrowserContext): Promise<void> {
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await context.close();
}

export async function openBoard(page: Page, baseUrl: string, query = ""): Promise<void> {
  await page.goto(`${baseUrl}/tab/${query}`);
  await page.waitForSelector("body[data-board-ready='true']", { timeout: WAIT_MS });
}

export interface BrowserSuite {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** A new signed-in context for `person` with one page on the board at `query`; close the context at the end. */
  openBoardAs(person: Person, query: string, options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** The demo board as the API gives it to `token`. */
  board(token: string): Promise<BoardView>;
  /** Signs `person` in and reads the demo board as they see it. */
  boardAs(person: Person): Promise<{ token: string; board: BoardView }>;
}

/**
 * The app and Chromium for one test file: started before its tests, stopped after them. Call it at
 * the top of the file; `app` and `browser` are there once the tests run.
 */
export function browserSuite(): BrowserSuite {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const running = () => {
    if (!app || !browser) throw new Error("browserSuite() is used before its beforeAll ran");
    return { app, browser };
  };
  const board = async (token: string) => (await api<BoardView>(running().app.baseUrl, token, "GET", `/api/boards/${DEMO_BOARD_ID}`)).body;
  return {
    get app() {
      return running().app;
    },
    get browser() {
      return running().browser;
    },
    async openBoardAs(person, query, options = {}) {
      const { app, browser } = running();
      const context = await signedInContext(browser, app.baseUrl, person, options);
      const page = await context.newPage();
      await openBoard(page, app.baseUrl, query);
      return { context, page };
    },
    board,
    async boardAs(person) {
      const token = await signIn(running().app.baseUrl, person);
      return { token, board: await board(token) };
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** One element only (a drawer or dialog): a full-page shot of a fixed drawer shows the page behind it. */
export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await locator.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * What covers the middle of `locator` (tag and classes of the topmost element there), or undefined
 * when the element itself, or something inside it, is on top: a screenshot of it shows it.
 */
export async function coveredBy(locator: Locator): Promise<string | undefined> {
  await locator.scrollIntoViewIfNeeded();
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = el.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (top && el.contains(top)) return undefined;
    return top ? `${top.tagName.toLowerCase()}.${Array.from(top.classList).slice(0, 2).join(".")}` : "nothing (outside the window)";
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** failureSummary: axe's own words on why (contrast figures, colours), so a failure can be acted on. */
  nodes: { target: string[]; why?: string }[];
}

/** Runs axe-core in the page (or a tab's frame inside a Teams-like host); returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page | Frame): Promise<AxeViolation[]> {
  // The app's CSP (script-src 'self') refuses an injected <script>, as it should; evaluating the
  // source through the DevTools protocol is not subject to CSP, so the policy stays on under test.
  // A toast or dialog fading in is half transparent, and axe would judge its contrast mid-fade:
  // judge what comes to rest, as layoutDefects does.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await page.evaluate(fs.readFileSync(AXE_PATH, "utf8"));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // Every rule on the whole document, aria-hidden-focus included: the tab runs Fluent's tabster so
    // that it needs no focusable, hidden focus sentinels (tab/src/shell/keyboardNavigation.ts).
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, why: (n as { failureSummary?: string }).failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * What a demanding reader would see as broken layout inside `scope`: a table cell whose content runs
 * into the next one, a table (or anything else) that has to be scrolled or is cut off sideways, a
 * badge whose text wraps or is cut (drawn across its pill), or a badge that sticks out of its cell,
 * list item or card. Each finding names the element and its text.
 */
export async function layoutDefects(page: Page | Frame, scope = "main"): Promise<string[]> {
  // Drawers and dialogs slide in: judge the layout they come to rest in.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  return page.evaluate((scopeSelector) => {
    const found: string[] = [];
    const root = document.querySelector(scopeSelector);
    if (!root) return [`no ${scopeSelector}`];
    const label = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 60)}"`;
    // One pixel of sub-pixel rounding is not a defect.
    const overflows = (el: Element) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    const visible = (el: Element) => el.getClientRects().length > 0;
    for (const el of Array.from(root.querySelectorAll("*"))) {
      const { overflowX } = getComputedStyle(el);
      if (overflowX !== "visible" && visible(el) && !el.closest(".fui-Badge") && el.scrollWidth > el.clientWidth + 1) {
        found.push(`${label(el)} is cut off or scrolls sideways (${el.scrollWidth} > ${el.clientWidth} px)`);
      }
    }
    for (const dialog of Array.from(document.querySelectorAll("[role='dialog']"))) {
      const d = dialog.getBoundingClientRect();
      if (d.left < -1 || d.right > document.documentElement.clientWidth + 1)
        found.push(`${label(dialog)} does not fit the window (${Math.round(d.left)}–${Math.round(d.right)} px)`);
    }
    for (const cell of Array.from(root.querySelectorAll("td, th"))) {
      if (visible(cell) && cell.scrollWidth > cell.clientWidth + 1)
        found.push(`${label(cell)} overflows its cell (${cell.scrollWidth} > ${cell.clientWidth} px)`);
    }
    for (const badge of Array.from(root.querySelectorAll(".fui-Badge"))) {
      if (!visible(badge)) continue;
      for (const el of [badge, ...Array.from(badge.querySelectorAll("*"))]) {
        if (overflows(el))
          found.push(
            `${label(badge)} does not fit its pill (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight} px)`,
          );
      }
      // Text on one line: every piece of it starts at the same height.
      const walker = document.createTreeWalker(badge, NodeFilter.SHOW_TEXT);
      const tops = new Set<number>();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.add(Math.round(r.top / 4));
      }
      if (tops.size > 1) found.push(`${label(badge)} wraps onto ${tops.size} lines`);
      const container = badge.closest("td, th, li, button, [role='dialog']") ?? root;
      const b = badge.getBoundingClientRect();
      const c = container.getBoundingClientRect();
      if (b.left < c.left - 1 || b.right > c.right + 1 || b.top < c.top - 1 || b.bottom > c.bottom + 1) {
        found.push(`${label(badge)} sticks out of ${label(container)}`);
      }
    }
    return found;
  }, scope);
}
