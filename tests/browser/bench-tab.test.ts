import { watch } from "node:fs";
import path from "node:path";
import { DEMO_BOARD_ID, demoPerson, signIn, startApp, type RunningApp } from "../support/app";

// The bench script the lead's `npm run bench` calls: it must measure what issue 3 promises.

/** min, median and max of a single round's ratio, rounded as the bench rounds them (to within the ms rounding of the times). */
const sameRatio = (ratio: number) => {
  const close = expect.closeTo(ratio, 1);
  return { min: close, median: close, max: close };
};
let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

it("measures the initial JS (within 170 KB gzipped), its floor, and the time to an interactive channel board and side panel of 40", async () => {
  const { benchTab } = await import("../../scripts/bench-tab.mjs");
  // The floor and the Teams-like host are served from tests/fixtures: nothing is written into the tab that ships.
  const written: string[] = [];
  const watcher = watch(path.join(__dirname, "../../tab/dist"), { recursive: true }, (_event, file) => written.push(String(file)));
  // One measured run (after the warm-up) proves the measurement works; the bench takes five.
  const result = await benchTab({ baseUrl: app.baseUrl, runs: 1 }).finally(() => watcher.close());
  expect(written).toEqual([]);
  expect(result.entries).toBeGreaterThanOrEqual(40);
  expect(result.initialJsGzipKb).toBeLessThanOrEqual(170);
  // The times themselves are goals for `npm run bench`, not test assertions; here: each was measured.
  expect(result.floorMs).toBeGreaterThan(0);
  expect(result.boardInteractiveMs).toBeGreaterThan(0);
  expect(result.sidePanelInteractiveMs).toBeGreaterThan(0);
  expect(result.boardInteractiveRatio).toBeCloseTo(result.boardInteractiveMs / result.floorMs, 1);
  expect(result.sidePanelInteractiveRatio).toBeCloseTo(result.sidePanelInteractiveMs / result.floorMs, 1);
  // The goal is judged per round, against the floors taken right before and after each surface: with
  // one round, that round's ratio.
  const { boardMs, floorAroundBoardMs, sidePanelMs, floorAroundSidePanelMs } = result.rounds;
  expect([boardMs.length, floorAroundBoardMs.length, sidePanelMs.length, floorAroundSidePanelMs.length]).toEqual([1, 1, 1, 1]);
  expect(result.boardInteractiveRatios).toEqual({ ...sameRatio(boardMs[0]! / floorAroundBoardMs[0]!), rounds: 1 });
  expect(result.sidePanelInteractiveRatios).toEqual({ ...sameRatio(sidePanelMs[0]! / floorAroundSidePanelMs[0]!), rounds: 1 });
  expect(result.chunks.length).toBeGreaterThan(1);
}, 180_000);

it("measures how long one person's change takes to show in another person's open board", async () => {
  const { benchLiveUpdate } = await import("../../scripts/bench-live.mjs");
  const signInAs = async (person: ReturnType<typeof demoPerson>) => ({
    token: await signIn(app.baseUrl, person),
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  const result = await benchLiveUpdate({
    baseUrl: app.baseUrl,
    boardId: DEMO_BOARD_ID,
    writer: await signInAs(demoPerson("region", 1)),
    writerOrganisationId: "region-psykiatri",
    viewer: await signInAs(demoPerson("region", 5)),
    runs: 2,
  });
  // Every change arrived (waitFor would have thrown otherwise); how fast is the bench's business.
  expect(result.runs).toBe(2);
  expect(result.p50Ms).toBeGreaterThan(0);
}, 180_000);
