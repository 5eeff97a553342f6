import { createTestStorage } from "./test-support";

describe("board versions", () => {
  it("starts at 0 and counts each change", async () => {
    const storage = await createTestStorage();
    expect(await storage.boardVersions.current("b1")).toBe(0);
    expect(await storage.boardVersions.bump("b1")).toBe(1);
    expect(await storage.boardVersions.bump("b1")).toBe(2);
    expect(await storage.boardVersions.current("b1")).toBe(2);
    expect(await storage.boardVersions.current("b2")).toBe(0);
  });

  it("counts every one of several concurrent bumps, including the very first", async () => {
    const storage = await createTestStorage();
    const results = await Promise.all(Array.from({ length: 6 }, () => storage.boardVersions.bump("b1")));
    expect([...results].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await storage.boardVersions.current("b1")).toBe(6);
  });
});
