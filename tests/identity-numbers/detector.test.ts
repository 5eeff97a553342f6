// The one normaliser and detector of personal identity and coordination numbers (contract/src/
// identity-number.ts): every way of writing a number is refused, ordinary text is not.
import { looksLikePersonalIdentityNumber, normaliseForDetection } from "@fact-board/contract";
import fc from "fast-check";
import {
  DIGIT_ZEROS,
  GENERATED_VARIANTS,
  INVISIBLES,
  NAMED_VARIANTS,
  ORDINARY_TEXT,
  SEPARATORS,
  VARIANTS,
  asciiNumber,
  birthArb,
  ordinaryTextArb,
  variantArb,
} from "../support/identity-numbers";

describe("the normaliser", () => {
  it("reads the digits of every decimal digit script as ASCII", () => {
    expect(DIGIT_ZEROS.length).toBeGreaterThan(60);
    for (const zero of DIGIT_ZEROS) {
      const digits = Array.from({ length: 10 }, (_, d) => String.fromCodePoint(zero + d)).join("");
      expect(`U+${zero.toString(16)} ${normaliseForDetection(digits)}`).toBe(`U+${zero.toString(16)} 0123456789`);
    }
  });

  it("agrees with the platform's own numbering systems (an oracle independent of the normaliser)", () => {
    let checked = 0;
    for (const system of Intl.supportedValuesOf("numberingSystem")) {
      const formatted = new Intl.NumberFormat("en", { numberingSystem: system, useGrouping: false }).format(1234567890);
      // Only the decimal systems (Intl falls back to latn for the rest, and some are not digits at all).
      if ([...formatted].length !== 10 || !/^\p{Nd}+$/u.test(formatted)) continue;
      expect(`${system} ${normaliseForDetection(formatted)}`).toBe(`${system} 1234567890`);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("removes invisible characters, folds dashes and minus signs to '-', and spaces, tabs and line breaks to one space", () => {
    for (const c of INVISIBLES) expect(normaliseForDetection(`85${c}01`)).toBe("8501");
    for (const dash of ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uFE63", "\uFF0D", "\u2796", "\u02D7"])
      expect(normaliseForDetection(`a${dash}b`)).toBe("a-b");
    for (const space of ["\u00A0", "\u202F", "\u2007", "\u3000", "\u1680", "\t", "\n", "\r\n", "\u2028", " \n\t "])
      expect(normaliseForDetection(`a${space}b`)).toBe("a b");
    // NFKC composes Swedish letters first, so only stray combining marks go.
    expect(normaliseForDetection("Åsa Öberg, vård- och omsorgsförvaltningen")).toBe("Åsa Öberg, vård- och omsorgsförvaltningen");
    expect(normaliseForDetection("8\u03325\u0332")).toBe("85");
  });
});

describe("the detector refuses every way of writing a number", () => {
  it(`has ${VARIANTS.length} fixed variants (${NAMED_VARIANTS.length} named, ${GENERATED_VARIANTS.length} generated), all different`, () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(VARIANTS).size).toBe(VARIANTS.length);
  });

  it.each(NAMED_VARIANTS)("refuses %s", (_kind, text) => {
    expect(looksLikePersonalIdentityNumber(text)).toBe(true);
  });

  it("refuses the numbers of the earlier detector's tests", () => {
    for (const text of [
      "19811218-9876",
      "198112189876",
      "811218-9876",
      "811218+9876",
      "8112189876",
      "811218 9876",
      "samordningsnummer 811278-9876",
      "Deltagare 20011231-1234 ringde",
    ])
      expect(`${text}: ${looksLikePersonalIdentityNumber(text)}`).toBe(`${text}: true`);
  });

  it("refuses generated variants: any birth date, any script, separator and invisible characters, century or not, right or wrong check digit", () => {
    fc.assert(
      fc.property(variantArb, (v) => looksLikePersonalIdentityNumber(v.text)),
      { numRuns: 3000 },
    );
  });

  it("refuses every separator with every birth date, with and without century", () => {
    fc.assert(
      fc.property(birthArb, fc.constantFrom(...SEPARATORS), fc.boolean(), (b, sep, century) =>
        looksLikePersonalIdentityNumber(`Anteckning ${asciiNumber(b, century, sep)} slut`),
      ),
      { numRuns: 1000 },
    );
  });
});

describe("ordinary text passes", () => {
  it.each(ORDINARY_TEXT.map((t) => [JSON.stringify(t)]))("accepts %s", (quoted) => {
    expect(looksLikePersonalIdentityNumber(JSON.parse(quoted) as string)).toBe(false);
  });

  it("accepts generated dates, times, grouped phone numbers, codes and small numbers", () => {
    fc.assert(
      fc.property(ordinaryTextArb, (text) => !looksLikePersonalIdentityNumber(text)),
      { numRuns: 2000 },
    );
  });

  it("accepts dates that do not exist, and digits that are not a date", () => {
    for (const text of [
      "851301-1234",
      "850230-1234",
      "19850229-1234",
      "850100-1234",
      "850132-1234",
      "850192-1234",
      "850160-1234",
      "123",
      "12345678901234",
    ])
      expect(`${text}: ${looksLikePersonalIdentityNumber(text)}`).toBe(`${text}: false`);
  });

  // The trade-off (identity-number.ts): ten digits with no separator at all whose digits 3–6 make a
  // date are refused even when they are a phone number; written the usual way they pass (above).
  it("refuses a 070 number or landline written as ten bare digits, on purpose", () => {
    for (const text of ["0701234567", "Ring 0701234567", "0311234567"]) expect(looksLikePersonalIdentityNumber(text)).toBe(true);
  });
});
