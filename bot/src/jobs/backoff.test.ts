import { MAX_BACKOFF_SECONDS, nextPassDelayMs } from "./index";

// Storage down: the due-item poller waits longer after each failed pass instead of spinning.
describe("the poller's pause between passes", () => {
  it("is the poll interval while passes succeed, doubles with each failure in a row, and stops growing at five minutes", () => {
    expect(nextPassDelayMs(30, 0)).toBe(30_000);
    expect([1, 2, 3].map((f) => nextPassDelayMs(30, f))).toEqual([60_000, 120_000, 240_000]);
    expect(nextPassDelayMs(30, 4)).toBe(MAX_BACKOFF_SECONDS * 1000);
    expect(nextPassDelayMs(30, 1000)).toBe(MAX_BACKOFF_SECONDS * 1000);
  });

  it("never waits less than the configured interval, even when that is longer than the cap", () => {
    expect(nextPassDelayMs(3600, 5)).toBe(3_600_000);
  });
});
