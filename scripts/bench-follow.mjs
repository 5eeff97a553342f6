// The follow figure for `npm run bench`: the presenter moves the shared walkthrough on, another
// attendee's stage shows that participant. Measured from the moment the presenter's move is sent
// to the moment the attendee's browser renders the new position, in headless Debian Chromium. The
// browser tests only check that attendees follow, never how fast (a timed test fails by chance).
import { call, launchChromium, percentile } from "./bench-support.mjs";

/** `presenter` (a coordinator) drives, `attendee` follows on the stage; both `{ token, expiresAt }`. */
export async function benchFollow({ baseUrl, boardId, presenter, attendee, runs = 10 }) {
  const started = await call(baseUrl, presenter.token, "POST", `/api/boards/${boardId}/walkthrough`, {});
  const total = started.walkthrough.total;
  if (total < 2) throw new Error("bench-follow: the walkthrough needs at least two participants");

  const browser = await launchChromium();
  const times = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript((t) => sessionStorage.setItem("factBoard.devToken", JSON.stringify(t)), attendee);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/tab/?view=stage&board=${encodeURIComponent(boardId)}`);
    await page.waitForSelector("body[data-board-ready='true']", { timeout: 30_000 });
    await page.locator("[data-live='live']").waitFor({ timeout: 30_000 });
    let index = started.walkthrough.current?.index ?? 0;
    await page.locator(`[data-current-index='${index}']`).waitFor({ timeout: 30_000 });
    for (let i = 0; i <= runs; i++) {
      index = (index + 1) % total;
      const shown = page.locator(`[data-current-index='${index}']`);
      const t0 = performance.now();
      await call(baseUrl, presenter.token, "POST", `/api/boards/${boardId}/walkthrough/events`, { type: "moveTo", index });
      await shown.waitFor({ timeout: 30_000 });
      // The first run warms the stream and the page's code paths.
      if (i > 0) times.push(performance.now() - t0);
    }
    await context.close();
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  return { p50Ms: Math.round(percentile(times, 50)), p95Ms: Math.round(percentile(times, 95)), runs: times.length };
}
