// The live-update figure for `npm run bench`: one person changes an entry, another person's open
// channel board shows the change. Measured from the moment the change is sent (the PATCH starts)
// to the moment the other browser renders the new priority, in headless Debian Chromium; the
// browser tests only check that the change arrives, never how fast (a timed test fails by chance).
import { call, launchChromium, percentile } from "./bench-support.mjs";

const PRIORITIES = ["high", "medium", "low"];

/**
 * `writer` changes, `viewer` watches (both `{ token, expiresAt }` from the development sign-in);
 * the entry changed is one `writer`'s organisation put on the board, so the change is theirs to make.
 */
export async function benchLiveUpdate({ baseUrl, boardId, writer, writerOrganisationId, viewer, runs = 10 }) {
  const board = await call(baseUrl, writer.token, "GET", `/api/boards/${boardId}`);
  const row = board.rows.find((r) => r.entry.writtenBy === writerOrganisationId);
  if (!row) throw new Error("bench-live: the writer's organisation has no entry on the board");
  const participantId = row.participant.id;
  const code = row.participant.code;
  let etag = row.entry.etag;
  let priority = row.entry.priority;

  const browser = await launchChromium();
  const times = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.addInitScript((t) => sessionStorage.setItem("factBoard.devToken", JSON.stringify(t)), viewer);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/tab/?view=channel&board=${encodeURIComponent(boardId)}`);
    await page.waitForSelector("body[data-board-ready='true']", { timeout: 30_000 });
    await page.locator("[data-live='live']").waitFor({ timeout: 30_000 });
    for (let i = 0; i <= runs; i++) {
      priority = PRIORITIES[(PRIORITIES.indexOf(priority) + 1) % PRIORITIES.length];
      const shown = page.locator(`tr[data-participant='${code}'] [data-priority='${priority}']`);
      const started = performance.now();
      const changed = await call(baseUrl, writer.token, "PATCH", `/api/boards/${boardId}/entries/${participantId}`, { etag, priority });
      etag = changed.etag;
      await shown.waitFor({ timeout: 30_000 });
      // The first run warms the stream and the page's code paths.
      if (i > 0) times.push(performance.now() - started);
    }
    await context.close();
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  return { p50Ms: Math.round(percentile(times, 50)), p95Ms: Math.round(percentile(times, 95)), runs: times.length };
}
