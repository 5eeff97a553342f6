import en from "./en.json";
import sv from "./sv.json";
import { createI18n, languageFor, translate } from "./index";

describe("language and strings", () => {
  it("speaks Swedish by default and English when Teams' locale is English", () => {
    expect(languageFor("sv-SE")).toBe("sv");
    expect(languageFor("fi-FI")).toBe("sv");
    expect(languageFor(undefined)).toBe("sv");
    expect(languageFor("en-US")).toBe("en");
    expect(languageFor("en-GB")).toBe("en");
  });

  it("has every string in both languages, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) expect([key, placeholders(en[key])]).toEqual([key, placeholders(sv[key])]);
  });

  it("fills in placeholders", () => {
    expect(translate("sv", "stage.progress", { reviewed: 7, total: 12 })).toBe("7 av 12 genomgångna");
    expect(translate("en", "stage.progress", { reviewed: 7, total: 12 })).toBe("7 of 12 reviewed");
  });

  it("formats calendar dates as local dates in the viewer's locale", () => {
    expect(createI18n("sv-SE").formatDate("2026-11-24")).toMatch(/24 nov\.? 2026/);
    expect(createI18n("en-US").formatDate("2026-11-24")).toBe("Nov 24, 2026");
    expect(createI18n("en-GB").formatDate("2026-11-24")).toBe("24 Nov 2026");
  });
});
