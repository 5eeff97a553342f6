import { startApp, type RunningApp } from "../support/app";

// The bench script the lead's `npm run bench` calls: it must measure what issue 3 promises.
let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
}, 60_000);
afterAll(async () => {
  await app?.stop();
});

it("keeps the initial JS within 250 KB gzipped and a board of 40 interactive within 1 s", async () => {
  const { benchTab } = (await import("../../scripts/bench-tab.mjs")) as {
    benchTab: (o: { baseUrl: string }) => Promise<{ initialJsGzipKb: number; boardInteractiveMs: number; entries: number; chunks: { file: string; gzipKb: number }[] }>;
  };
  const result = await benchTab({ baseUrl: app.baseUrl });
  expect(result.entries).toBeGreaterThanOrEqual(40);
  expect(result.initialJsGzipKb).toBeLessThanOrEqual(250);
  expect(result.boardInteractiveMs).toBeLessThanOrEqual(1000);
  expect(result.chunks.length).toBeGreaterThan(1);
}, 60_000);
