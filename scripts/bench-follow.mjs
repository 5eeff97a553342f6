// The follow figures for `npm run bench`: the presenter moves the shared walkthrough on, an
// attendee's stage shows that position — on the presenter's own instance (pushed in-process) and
// on a second instance sharing the store (carried by that instance's poll). Measured from the
// moment the presenter's move is sent to the moment the attendee's browser renders the new
// position, in headless Debian Chromium. Then what a move costs: storage reads and access-log
// records per attendee per move, counted at the storage layer. The browser tests only check that
// attendees follow, never how fast (a timed test fails by chance).
import { TableClient } from "@azure/data-tables";
import http from "node:http";
import { call, launchChromium, percentile } from "./bench-support.mjs";

const summary = (times) => {
  times.sort((a, b) => a - b);
  return { p50Ms: Math.round(percentile(times, 50)), p95Ms: Math.round(percentile(times, 95)), runs: times.length };
};

/**
 * `presenter` (a coordinator) drives through `baseUrl`; `attendee` follows on the stage, opened on
 * `attendeeBaseUrl` (another instance on the same store) or the same instance. Both `{ token, expiresAt }`.
 */
export async function benchFollow({ baseUrl, attendeeBaseUrl = baseUrl, boardId, presenter, attendee, runs = 30 }) {
  const started = await call(baseUrl, presenter.token, "POST", `/api/boards/${boardId}/walkthrough`, {});
  const total = started.walkthrough.total;
  if (total < 2) throw new Error("bench-follow: the walkthrough needs at least two participants");

  const browser = await launchChromium();
  const times = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript((t) => sessionStorage.setItem("factBoard.devToken", JSON.stringify(t)), attendee);
    const page = await context.newPage();
    await page.goto(`${attendeeBaseUrl}/tab/?view=stage&board=${encodeURIComponent(boardId)}`);
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
  return summary(times);
}

/**
 * A proxy in front of Azurite that counts what passes: reads (GET: point reads and query pages)
 * and writes, per table. Give an instance `connectionString` to count what it asks of storage.
 */
export async function countingStorageLink(azuriteConnectionString) {
  const target = new URL(/TableEndpoint=([^;]+)/.exec(azuriteConnectionString)[1]);
  const counts = { reads: 0, writes: 0, readsByTable: {} };
  const server = http.createServer((req, res) => {
    const table = /\/[^/]+\/([A-Za-z0-9]+)/.exec(req.url ?? "")?.[1] ?? "?";
    if (req.method === "GET") {
      counts.reads++;
      counts.readsByTable[table] = (counts.readsByTable[table] ?? 0) + 1;
    } else counts.writes++;
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;
  return {
    connectionString: azuriteConnectionString.replace(target.host, `127.0.0.1:${port}`),
    counts,
    reset() {
      counts.reads = 0;
      counts.writes = 0;
      counts.readsByTable = {};
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The attendees' access-log records of the board as stored: a folded row counts as the views it holds. */
async function accessRecords(connectionString, tablePrefix, boardId, objectIds) {
  const table = TableClient.fromConnectionString(connectionString, `${tablePrefix}AuditLog`, { allowInsecureConnection: true });
  let n = 0;
  for await (const e of table.listEntities()) {
    if (e.boardId === boardId && objectIds.has(e.actorObjectId)) n += typeof e.count === "number" ? e.count : 1;
  }
  return n;
}

/**
 * What one move costs each attendee, counted at the storage layer: `attendees` (of different
 * organisations) read what their tab reads on a move event (the move view) through `countedBaseUrl`,
 * an instance whose storage goes through `link`, and which has no live stream open (so its poll
 * is not counted: it reads one entity per watched board per interval, whatever the number of
 * attendees). The presenter moves through `baseUrl`.
 */
export async function benchMoveCost({
  baseUrl,
  countedBaseUrl,
  link,
  connectionString,
  tablePrefix,
  boardId,
  presenter,
  attendees,
  attendeeObjectIds,
  moves = 30,
}) {
  const ids = new Set(attendeeObjectIds);
  const started = await call(baseUrl, presenter.token, "POST", `/api/boards/${boardId}/walkthrough`, {});
  const { total, meetingId } = started.walkthrough;
  let index = started.walkthrough.current?.index ?? 0;
  const follow = () =>
    Promise.all(
      attendees.map((a) => call(countedBaseUrl, a.token, "GET", `/api/boards/${boardId}/walkthrough/current?meeting=${meetingId}`)),
    );
  // Warm: the instance reads the board's data at its current version once.
  await follow();
  link.reset();
  const before = await accessRecords(connectionString, tablePrefix, boardId, ids);
  let shownWithDetails = 0;
  for (let i = 0; i < moves; i++) {
    index = (index + 1) % total;
    await call(baseUrl, presenter.token, "POST", `/api/boards/${boardId}/walkthrough/events`, { type: "moveTo", index });
    const views = await follow();
    shownWithDetails += views.filter((v) => v.current?.shown === "details").length;
  }
  const reads = link.counts.reads;
  const records = (await accessRecords(connectionString, tablePrefix, boardId, ids)) - before;
  const per = moves * attendees.length;
  return {
    attendees: attendees.length,
    moves,
    readsPerAttendeePerMove: Math.round((reads / per) * 100) / 100,
    readsByTable: { ...link.counts.readsByTable },
    accessRecordsPerAttendeePerMove: Math.round((records / per) * 100) / 100,
    // The record is written when the participant is shown with details; a hidden one is not logged.
    accessRecordsPerDetailsShown: shownWithDetails ? Math.round((records / shownWithDetails) * 100) / 100 : 0,
    shownWithDetails,
  };
}
