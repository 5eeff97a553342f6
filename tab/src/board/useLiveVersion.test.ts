import { backoffDelay } from "./useLiveVersion";

describe("reconnecting to the live stream", () => {
  it("backs off exponentially with jitter, up to 30 seconds", () => {
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(3, () => 1)).toBe(4000);
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
  });
});
