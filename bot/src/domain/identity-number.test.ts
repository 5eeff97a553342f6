import { looksLikePersonalIdentityNumber } from "./identity-number";

describe("personal identity numbers are recognised in any free text", () => {
  it.each([
    "19811218-9876",
    "198112189876",
    "811218-9876",
    "811218+9876",
    "8112189876",
    "811218 9876",
    "samordningsnummer 811278-9876",
    "Deltagare 20011231-1234 ringde",
  ])("refuses %s", (text) => {
    expect(looksLikePersonalIdentityNumber(text)).toBe(true);
  });

  it.each(["HBG-017", "FIK-200", "A.B.", "2026-03-04", "Tel 042-123456", "811318-9876", "123", "12345678901234"])("accepts %s", (text) => {
    expect(looksLikePersonalIdentityNumber(text)).toBe(false);
  });
});
