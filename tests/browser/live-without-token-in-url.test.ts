import type { Request } from "playwright-core";
import { api, DEMO_BOARD_ID } from "../support/app";
import { browserSuite, openBoard, people, signedInContext } from "./browser";

// App Service and Application Insights record request URLs, so no token may ever be in one. The
// tab reads its live stream with fetch and the Authorization header; this records every request
// the tab makes while the board is open and live updates arrive, and after the stream drops.

const suite = browserSuite();

/** Anything in a URL that looks like a bearer token: the parameter names, or a JWT's encoded header. */
const TOKEN_IN_URL = /access_token|[?&](token|auth|authorization|bearer)=|eyJ[\w-]{10,}\./i;

it("keeps every token out of every URL the tab requests, and live updates still arrive and come back after a drop", async () => {
  const { app, browser } = suite;
  const { token, board } = await suite.boardAs(people.manager);
  const row = board.rows[0]!;
  const code = row.participant.code;

  const context = await signedInContext(browser, app.baseUrl, people.coordinator);
  const requests: Request[] = [];
  context.on("request", (r) => requests.push(r));
  // The first stream the tab opens is cut off: it must reconnect by itself (backoff, fresh token).
  let streamsOpened = 0;
  await context.route("**/api/boards/*/events", (route) => (++streamsOpened === 1 ? route.abort("connectionreset") : route.continue()));
  const page = await context.newPage();
  await openBoard(page, app.baseUrl, "?view=channel");
  await page.locator("[data-live='live']").waitFor({ timeout: 10_000 });
  expect(streamsOpened).toBeGreaterThanOrEqual(2);

  // Someone else changes an entry; the change reaches this page through the live stream.
  const newPriority = row.entry.priority === "high" ? "low" : "high";
  const boardFetchesBefore = requests.filter(
    (r) => r.method() === "GET" && new URL(r.url()).pathname === `/api/boards/${DEMO_BOARD_ID}`,
  ).length;
  const changed = await api(app.baseUrl, token, "PATCH", `/api/boards/${DEMO_BOARD_ID}/entries/${row.participant.id}`, {
    etag: row.entry.etag,
    priority: newPriority,
  });
  expect(changed.status).toBe(200);
  await page.locator(`tr[data-participant='${code}'] [data-priority='${newPriority}']`).waitFor({ timeout: 5000 });
  const boardFetches = requests.filter((r) => r.method() === "GET" && new URL(r.url()).pathname === `/api/boards/${DEMO_BOARD_ID}`).length;
  expect(boardFetches).toBeGreaterThan(boardFetchesBefore);

  const apiRequests = requests.filter((r) => new URL(r.url()).pathname.startsWith("/api/"));
  expect(apiRequests.length).toBeGreaterThan(0);
  expect(requests.map((r) => r.url()).filter((u) => TOKEN_IN_URL.test(u))).toEqual([]);
  // The stream carries the token where every API call does: in the Authorization header.
  const streams = requests.filter((r) => new URL(r.url()).pathname.endsWith("/events"));
  expect(streams.length).toBeGreaterThanOrEqual(2);
  for (const s of streams) expect(s.headers()["authorization"]).toMatch(/^Bearer \S+$/);
  await context.close();
});
