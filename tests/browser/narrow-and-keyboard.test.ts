import type { Frame, Page } from "playwright-core";
import { DEMO_BOARD_ID, signIn } from "../support/app";
import { openInTeamsHost, type TeamsHost } from "../support/teams-host.cjs";
import { browserSuite, layoutDefects, people, screenshotOf, seriousAxeViolations, WAIT_MS, waitForBoard } from "./browser";

// Issue 27, "Narrow and touch": the channel tab on a phone, inside the Teams-like host — the compact
// board below 600 px with the first participant on the first screen, no sideways scroll, targets of
// at least 44 px on a touch screen, axe clean with every rule (Fluent's focus sentinels included) —
// and the keyboard still going where it should now that tabster moves focus on Tab itself.

const suite = browserSuite();
const PHONE_HEIGHT = 667;

async function channelTabOnPhone(width: number): Promise<TeamsHost> {
  const token = await signIn(suite.app.baseUrl, people.manager);
  // A touch screen: Chromium then answers (pointer: coarse), in the tab's frame too.
  const context = await suite.browser.newContext({ viewport: { width, height: PHONE_HEIGHT }, hasTouch: true, isMobile: true });
  context.setDefaultTimeout(WAIT_MS);
  const host = await openInTeamsHost(context, suite.app.baseUrl, {
    frameContext: "content",
    url: `/tab/?board=${DEMO_BOARD_ID}`,
    token,
    person: people.manager,
    context: { teamId: "team-1", channelId: "channel-1" },
    width,
    height: PHONE_HEIGHT,
  });
  await waitForBoard(host);
  return host;
}

/** How far the frame's page scrolls sideways (0: not at all). */
const sideways = (frame: Frame) => frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Every control one can press that is smaller than 44 × 44 px (a checkbox or radio counts with its label, a text field with its frame). */
function smallTargets(frame: Frame | Page) {
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("button, a[href], select, input, textarea, summary, [role='tab']"))
      .filter((el) => el.getClientRects().length > 0 && !el.closest("[aria-hidden='true']"))
      .map((el) => {
        const target = el.closest(".fui-Checkbox, .fui-Radio, .fui-Input, .fui-Textarea") ?? el;
        const r = target.getBoundingClientRect();
        return {
          what: `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30)}"`,
          w: r.width,
          h: r.height,
        };
      })
      .filter((t) => t.w < 44 - 0.5 || t.h < 44 - 0.5)
      .map((t) => `${t.what} ${Math.round(t.w)}×${Math.round(t.h)}`),
  );
}

describe.each([320, 375])("the channel tab on a %i px phone", (width) => {
  it("shows the compact board with the first participant on the first screen, no sideways scroll, 44 px targets, axe clean", async () => {
    const host = await channelTabOnPhone(width);
    const { frame } = host;
    expect(await frame.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
    // Below 600 px: one card per participant, not the eight-column table.
    const board = frame.getByRole("list", { name: "På tavlan" });
    await board.waitFor();
    expect(await frame.getByRole("table", { name: "På tavlan" }).count()).toBe(0);
    const first = board.getByRole("button", { name: /^FIK-/ }).first();
    const box = (await first.boundingBox())!;
    // The whole first card is on the first screen, within the width.
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE_HEIGHT);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await sideways(frame)).toBeLessThanOrEqual(0);
    expect(await layoutDefects(frame)).toEqual([]);
    expect(await smallTargets(frame)).toEqual([]);
    expect(await seriousAxeViolations(frame)).toEqual([]);
    await screenshotOf(host.page.locator("iframe#tab"), `channel-phone-${width}`);

    // The filters wait behind one button; opened, they fit the screen as well.
    await frame.getByRole("button", { name: "Filter" }).click();
    await frame.getByRole("group", { name: "Filter" }).getByRole("combobox", { name: "Prioritet" }).selectOption({ label: "Hög" });
    await frame.getByRole("button", { name: "Filter (1 valt)" }).waitFor();
    expect(await sideways(frame)).toBeLessThanOrEqual(0);
    expect(await smallTargets(frame)).toEqual([]);

    // The participant opens full screen, every control in reach of a thumb.
    await board.getByRole("button", { name: /^FIK-/ }).first().click();
    const drawer = frame.getByRole("dialog");
    await drawer.getByRole("heading", { name: /^FIK-/ }).waitFor();
    // Kontakter loads on its own: the checks run on the drawer as it ends up, call and chat links included.
    const contacts = drawer.getByRole("region", { name: "Kontakter" });
    await contacts.waitFor();
    await contacts.getByText("Hämtar kontakter …").waitFor({ state: "detached" });
    expect(await contacts.getByText("Kontakterna kunde inte hämtas.").count()).toBe(0);
    expect(await contacts.locator("[data-contact]").count()).toBeGreaterThan(0);
    expect(await sideways(frame)).toBeLessThanOrEqual(0);
    expect(await smallTargets(frame)).toEqual([]);
    expect(await seriousAxeViolations(frame)).toEqual([]);
    await drawer.getByRole("button", { name: "Stäng" }).click();
    await drawer.waitFor({ state: "detached" });

    // The manager's other views: never wider than the phone (a wide table scrolls in its own region), axe clean.
    for (const [tab, ready] of [
      ["Översikt", () => frame.getByRole("heading", { name: "Antal på tavlan över tid" }).waitFor()],
      ["Loggkontroll", () => frame.getByRole("table", { name: "Loggkontroll" }).getByRole("row").nth(1).waitFor()],
      ["Inställningar", () => frame.getByRole("table", { name: "Medlemmar" }).waitFor()],
    ] as const) {
      await frame.getByRole("tab", { name: tab }).click();
      await ready();
      expect([tab, await sideways(frame)]).toEqual([tab, 0]);
      expect([tab, await smallTargets(frame)]).toEqual([tab, []]);
      expect([tab, await seriousAxeViolations(frame)]).toEqual([tab, []]);
    }
    await host.page.context().close();
  });
});

it("shows a chart's figures as a table a tap away, not only on hover", async () => {
  const { context, page } = await suite.openBoardAs(people.manager, "?view=channel", { viewport: { width: 994, height: 900 } });
  await page.getByRole("tab", { name: "Översikt" }).click();
  const chart = page.locator(".fui-Card", { has: page.getByRole("heading", { name: "Dagar på tavlan per deltagare" }) });
  await chart.getByText("Visa som tabell").click();
  const table = chart.getByRole("table", { name: "Dagar på tavlan per deltagare" });
  await table.waitFor();
  expect(await table.getByRole("row").count()).toBeGreaterThan(1);
  expect(await table.getByRole("row").nth(1).textContent()).toMatch(/^FIK-\d{3}\d+$/);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await context.close();
});

describe("the keyboard, with tabster moving focus on Tab", () => {
  const active = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.getAttribute("role") ?? el.tagName.toLowerCase()} ${(el.textContent ?? "").trim().slice(0, 40)}` : "none";
    });
  const sentinels = (page: Page) => page.evaluate(() => document.querySelectorAll("[data-tabster-dummy]").length);

  it("moves through the board, the view tabs as one stop, and keeps focus in a dialog until it closes, then returns it", async () => {
    const { context, page } = await suite.openBoardAs(people.manager, "?view=channel");
    // No focusable, hidden sentinel anywhere: not around the view tabs, not at the page's edges.
    expect(await sentinels(page)).toBe(0);

    // The view tabs are one Tab stop; the arrow keys move between them.
    await page.getByRole("tab", { name: "Tavla", exact: true }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await active(page)).toMatch(/^tab Översikt/);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Tab");
    expect(await active(page)).toMatch(/^select /);
    await page.keyboard.press("Shift+Tab");
    expect(await active(page)).toBe("tab Tavla");

    // A form dialog keeps focus inside while open; Escape closes it and focus is back on its button.
    await page.getByRole("button", { name: "Registrera frånvaro" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Registrera frånvaro" });
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.closest("[role='dialog']") !== null);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("[role='dialog']") !== null)).toBe(true);
    }
    expect(await sentinels(page)).toBe(0);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.textContent === "Registrera frånvaro");

    // The participant's drawer opens from its row and gives focus back to that row.
    const row = page.getByRole("table", { name: "På tavlan" }).getByRole("button", { name: /^FIK-/ }).first();
    const code = (await row.textContent())!;
    await row.focus();
    await page.keyboard.press("Enter");
    const drawer = page.getByRole("dialog");
    await drawer.getByRole("heading", { name: new RegExp(`^${code.split(" ")[0]}`) }).waitFor();
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });
    await page.waitForFunction((text) => document.activeElement?.textContent === text, code);

    // Past the last control, Tab leaves the page rather than being caught in it.
    await page.getByRole("button", { name: /^FIK-/ }).last().focus();
    for (let i = 0; i < 3 && (await active(page)).startsWith("button FIK-"); i++) await page.keyboard.press("Tab");
    expect(await active(page)).not.toMatch(/^button FIK-/);
    // A sentinel was once seen here for a moment in CI while focus left the page: let it settle (5 s at most), then none may be left.
    await page
      .waitForFunction(() => document.querySelectorAll("[data-tabster-dummy]").length === 0, null, { timeout: 5_000 })
      .catch(() => undefined);
    expect(await sentinels(page)).toBe(0);
    await context.close();
  });
});
