import en from "./en.json";
import enAdmin from "./en-admin.json";
import sv from "./sv.json";
import svAdmin from "./sv-admin.json";
import { enTerms, enWords, svTerms, svWords, type Vocabulary } from "@fact-board/contract";
import "./both";
import { formatsFor, i18nextFor, languageFor } from "./index";
import { termsCatalogue, vocabularyCatalogue } from "./vocabulary";

describe("language and strings", () => {
  const svT = i18nextFor("sv-SE").t;
  const enT = i18nextFor("en-GB").t;

  it("speaks Swedish by default and English when Teams' locale is English", () => {
    expect(languageFor("sv-SE")).toBe("sv");
    expect(languageFor("fi-FI")).toBe("sv");
    expect(languageFor(undefined)).toBe("sv");
    expect(languageFor("en-US")).toBe("en");
    expect(languageFor("en-GB")).toBe("en");
    expect(i18nextFor("fi-FI").t("app.retry")).toBe("Försök igen");
    expect(i18nextFor("en-US").t("app.retry")).toBe("Try again");
  });

  it("has every string in both languages, with the same placeholders", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [svCatalogue, enCatalogue] of [
      [sv, en],
      [svAdmin, enAdmin],
    ] as Array<[Record<string, string>, Record<string, string>]>) {
      expect(Object.keys(enCatalogue).sort()).toEqual(Object.keys(svCatalogue).sort());
      for (const key of Object.keys(svCatalogue))
        expect([key, placeholders(enCatalogue[key]!)]).toEqual([key, placeholders(svCatalogue[key]!)]);
    }
  });

  it("keeps the admin pages' words apart from the first screen's, each key in one of them", () => {
    expect(Object.keys(svAdmin).length).toBeGreaterThan(100);
    expect(Object.keys(svAdmin).filter((key) => key in sv)).toEqual([]);
    // Loaded with those pages (both.ts here), they are words like any other.
    expect(svT("admin.page.studies")).toBe(svAdmin["admin.page.studies"]);
  });

  it("writes placeholders the i18next way and gives every count its plural forms", () => {
    for (const catalog of [sv, en, svAdmin, enAdmin] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(catalog)) {
        // A leftover single-brace {name} would show literally.
        expect([key, /[{}]/.test(text.replace(/\{\{\w+\}\}/g, ""))]).toEqual([key, false]);
        if (text.includes("{{count}}")) expect(key).toMatch(/_(one|other)$/);
        const base = key.match(/^(.*)_(one|other)$/)?.[1];
        if (base) expect([key, `${base}_one` in catalog && `${base}_other` in catalog]).toEqual([key, true]);
      }
    }
  });

  it("fills in placeholders", () => {
    expect(svT("stage.progress", { reviewed: 7, count: 12 })).toBe("7 av 12 genomgångna");
    expect(enT("stage.progress", { reviewed: 7, count: 12 })).toBe("7 of 12 reviewed");
  });

  it("chooses the plural form by the count", () => {
    expect(svT("board.hidden", { count: 1 })).toMatch(/^1 deltagare på tavlan visas inte/);
    expect(svT("board.hidden", { count: 3 })).toMatch(/^3 deltagare på tavlan visas inte/);
    expect(enT("board.hidden", { count: 1 })).toMatch(/^1 participant on the board is not shown/);
    expect(enT("board.hidden", { count: 3 })).toMatch(/^3 participants on the board are not shown/);
    expect(svT("stage.progress", { reviewed: 1, count: 1 })).toBe("1 av 1 genomgången");
    expect(svT("board.actionsCount", { done: 0, count: 1 })).toBe("0 av 1 åtgärd klar");
    expect(svT("badge.openSignals", { count: 1 })).toBe("Öppen signal");
    expect(svT("badge.openSignals", { count: 2 })).toBe("2 öppna signaler");
    expect(enT("overview.reviewedDaysValue", { reviewed: 4, count: 5 })).toBe("4 of 5 working days");
  });

  it("leaves HTML escaping to React", () => {
    expect(svT("signIn.button", { name: "Ågren & <Söner>" })).toBe("Logga in som Ågren & <Söner>");
  });

  it("knows every key at compile time", () => {
    // @ts-expect-error -- a key that is not in sv.json does not compile (i18next.d.ts)
    expect(svT("unknown.key")).toBe("unknown.key");
  });

  it("formats calendar dates as local dates in the viewer's locale", () => {
    expect(formatsFor("sv-SE").formatDate("2026-11-24")).toMatch(/24 nov\.? 2026/);
    expect(formatsFor("en-US").formatDate("2026-11-24")).toBe("Nov 24, 2026");
    expect(formatsFor("en-GB").formatDate("2026-11-24")).toBe("24 Nov 2026");
  });

  it("formats instants with the month in words, never as an ISO-like 2026-11-25 04:22", () => {
    // Minutes past a whole hour survive any whole-hour time zone the tests run in.
    const instant = "2026-11-25T12:22:00Z";
    expect(formatsFor("sv-SE").formatDateTime(instant)).toMatch(/^25 nov\.? 2026 \d\d:22$/);
    expect(formatsFor("en-GB").formatDateTime(instant)).toMatch(/^25 Nov 2026, \d\d:22$/);
    expect(formatsFor("en-US").formatDateTime(instant)).toMatch(/^Nov 25, 2026, \d{1,2}:22\s[AP]M$/);
    for (const locale of ["sv-SE", "sv", "fi-FI", "en-GB", "en-US"])
      expect(formatsFor(locale).formatDateTime(instant)).not.toMatch(/\d{4}-\d\d-\d\d/);
  });

  it("shows the shared vocabulary's words (the cards' words), every code in both languages", () => {
    const groups = Object.keys(svWords) as (keyof Vocabulary)[];
    expect(groups.length).toBeGreaterThanOrEqual(9);
    for (const [words, t] of [
      [svWords, svT],
      [enWords, enT],
    ] as const) {
      const catalogue = Object.entries(vocabularyCatalogue(words));
      expect(catalogue.length).toBe(groups.reduce((n, g) => n + Object.keys(words[g]).length, 0));
      for (const [key, word] of catalogue) expect([key, t(key as never)]).toEqual([key, word]);
    }
    expect(svT("reason.coordinationNeed")).toBe(svWords.boardReason.coordinationNeed);
    expect(enT("signal.concern")).toBe("Concern");
  });

  it("keeps the vocabulary out of the tab's own catalogues, so each word has one source", () => {
    for (const words of [svWords, enWords])
      for (const key of Object.keys(vocabularyCatalogue(words))) expect([key, key in sv || key in en]).toEqual([key, false]);
  });

  it("shows the domain's terms the cards show too, from the one catalogue and nowhere else", () => {
    for (const [terms, t] of [
      [svTerms, svT],
      [enTerms, enT],
    ] as const) {
      for (const [key, word] of Object.entries(termsCatalogue(terms))) {
        expect([key, t(key as never)]).toEqual([key, word]);
        expect([key, key in sv || key in en]).toEqual([key, false]);
      }
    }
    // Issue 24: the seeds' word for the participant's case manager, with the FACT model's beside it.
    expect(svT("term.caseManager")).toBe("Vård- och stödsamordnare (case manager)");
    expect(enT("term.caseManager")).toBe("Case manager");
  });

  it("never calls the case manager by the English word alone, nor by the staff role's word, in Swedish", () => {
    const swedish = { ...sv, ...vocabularyCatalogue(svWords), ...termsCatalogue(svTerms) } as Record<string, string>;
    for (const [key, text] of Object.entries(swedish)) {
      // "case manager" only ever in parentheses after the Swedish word.
      expect([key, /case manager/i.test(text.replace(/vård- och stödsamordnare \((case manager)[^)]*\)/gi, ""))]).toEqual([key, false]);
      if (/caseManager|handOver/i.test(key)) expect([key, /handläggar/i.test(text)]).toEqual([key, false]);
    }
  });
});
