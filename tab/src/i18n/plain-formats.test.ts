import { formatsFor, toLocalDate } from "./index";
import { DATE_FORMAT, intlLocales } from "./language";
import { plainFormatsFor } from "./plain-formats";

// The first screen's dates and share are formatted without Intl (plain-formats.ts); Intl remains
// the truth they must equal, for every locale that has plain formats.

const LOCALES = ["sv-SE", "sv", "en-GB", "en-US", "en"];

function* days(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T12:00:00Z`); t <= Date.parse(`${to}T12:00:00Z`); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

describe.each(LOCALES)("plain formats in %s", (locale) => {
  it("has them", () => {
    expect(plainFormatsFor(locale)).toBeDefined();
  });

  it("writes every calendar date of a leap year and the next as Intl does", () => {
    const intl = new Intl.DateTimeFormat(intlLocales(locale), DATE_FORMAT);
    const { formatDate } = formatsFor(locale);
    const differing = [...days("2027-12-25", "2029-01-05")].filter((d) => formatDate(d) !== intl.format(toLocalDate(d)));
    expect(differing.map((d) => [d, formatDate(d), intl.format(toLocalDate(d))])).toEqual([]);
  });

  it("writes every share of a caseload up to 300 as Intl writes the fraction as a whole percent", () => {
    const intl = new Intl.NumberFormat(intlLocales(locale), { style: "percent", maximumFractionDigits: 0 });
    const { formatShare } = formatsFor(locale);
    const differing: string[] = [];
    for (let whole = 1; whole <= 300; whole++) {
      for (let part = 0; part <= whole; part++) {
        if (formatShare(part, whole) !== intl.format(part / whole)) differing.push(`${part}/${whole}`);
      }
    }
    expect(differing).toEqual([]);
    expect(formatShare(0, 0)).toBe(intl.format(0));
  });
});

it("leaves other locales to Intl", () => {
  expect(plainFormatsFor("en-AU")).toBeUndefined();
  expect(formatsFor("en-AU").formatDate("2026-09-07")).toBe(new Intl.DateTimeFormat("en-AU", DATE_FORMAT).format(new Date(2026, 8, 7)));
});
