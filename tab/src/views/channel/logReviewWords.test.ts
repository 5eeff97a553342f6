import "../../i18n/both";
import { i18nextFor } from "../../i18n";
import { markWords, periodLabel, recentPeriods, ruleWords } from "./logReviewWords";

it("offers the months that have begun, newest first, across a new year", () => {
  expect(recentPeriods("2027-02-03", 4)).toEqual(["2027-02", "2027-01", "2026-12", "2026-11"]);
  expect(recentPeriods("2026-11-30")).toHaveLength(12);
});

it("names periods, rules and marks in the viewer's language, and an unknown rule as it is", () => {
  const sv = { t: i18nextFor("sv-SE").t };
  expect(periodLabel("sv-SE", "2026-12")).toBe("december 2026");
  expect(periodLabel("en-GB", "2026-12")).toBe("December 2026");
  expect(ruleWords(sv, "noRelation")).toBe("Utan relation");
  expect(ruleWords(sv, "someNewRule")).toBe("someNewRule");
  expect(markWords(sv, { status: "followUp", note: "Fråga Ada" })).toBe("Att följa upp: Fråga Ada");
  expect(markWords(sv, undefined)).toBe("Inte granskad");
});
