import { isUpn, upnOfClaims, withSignInUpn } from "./upn";

describe("a signed-in person's principal name", () => {
  it("is the token's upn, else its preferred_username, trimmed", () => {
    expect(upnOfClaims({ upn: "ada@region.example", preferred_username: "x@y.example" })).toBe("ada@region.example");
    expect(upnOfClaims({ preferred_username: " hugo@norrby.example " })).toBe("hugo@norrby.example");
    expect(upnOfClaims({ upn: "not a name", preferred_username: "hugo@norrby.example" })).toBe("hugo@norrby.example");
  });

  it("is nothing when no claim is shaped like one", () => {
    expect(upnOfClaims({})).toBeUndefined();
    expect(upnOfClaims({ preferred_username: "Hugo Fiktivsson" })).toBeUndefined();
    expect(isUpn(`${"a".repeat(300)}@x.example`)).toBe(false);
    expect(isUpn(["a@b.example"])).toBe(false);
  });

  it("is written to the member record only when it changed", () => {
    const member = { id: "m1", upn: "old@norrby.example" };
    expect(withSignInUpn(member, "old@norrby.example")).toBeUndefined();
    expect(withSignInUpn(member, undefined)).toBeUndefined();
    expect(withSignInUpn(member, "new@norrby.example")).toEqual({ id: "m1", upn: "new@norrby.example" });
    const never: { id: string; upn?: string } = { id: "m2" };
    expect(withSignInUpn(never, "first@norrby.example")).toEqual({ id: "m2", upn: "first@norrby.example" });
  });
});
