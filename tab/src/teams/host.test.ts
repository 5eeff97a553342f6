import { viewFor } from "./host";

describe("which surface a page shows", () => {
  it("follows Teams' frame context inside Teams, whatever view the URL names", () => {
    expect(viewFor("sidePanel", "channel")).toBe("sidePanel");
    expect(viewFor("meetingStage", "channel")).toBe("stage");
    expect(viewFor("content", "stage")).toBe("channel");
    expect(viewFor("settings", null)).toBe("config");
    expect(viewFor("content", null)).toBe("channel");
  });
  it("keeps the static personal tab personal", () => {
    expect(viewFor("content", "personal")).toBe("personal");
  });
  it("uses the URL's view only in the plain browser", () => {
    expect(viewFor(undefined, "stage")).toBe("stage");
    expect(viewFor(undefined, "nonsense")).toBe("channel");
  });
});
