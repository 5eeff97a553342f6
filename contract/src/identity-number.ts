// A participant is known by a pseudonymous code, never by a personal identity number (personnummer)
// or coordination number (samordningsnummer, day + 60). Anything that looks like one is refused
// wherever a person types text: every free-text field of every request and card (common.ts builds
// them all from one guarded schema) and every cell of a participant import. This is the one
// implementation; the server's domain imports it from here.
//
// Two steps: `normaliseForDetection` makes every way of writing the same number look alike, then
// `looksLikePersonalIdentityNumber` looks for the number's shapes in the result. The normalised text is
// only looked at, never stored.

/** Dashes and minus signs that are not Pd (hyphen, en dash, em dash … are): minus, heavy minus, modifier minus, hyphen bullet. */
const OTHER_DASHES = /[\u2212\u2796\u02D7\u2043]/gu;
/** Plus signs NFKC leaves alone (full-width, small, superscript plus become "+" already). */
const OTHER_PLUSES = /[\u2795]/gu;
/** Characters that show nothing: format characters (ZWSP, ZWNJ, ZWJ, word joiner, soft hyphen, BOM, bidi marks), combining marks, variation selectors, and control characters that are not line breaks or tabs. */
const INVISIBLE = /[\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}]|(?![\t\n\v\f\r\u0085])\p{Cc}/gu;
const SPACES = /[\s\p{Zs}\p{Zl}\p{Zp}\u0085]+/gu;
const DASHES = /\p{Pd}/gu;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const DIGIT = /\p{Nd}/u;

/**
 * A decimal digit of any script as its ASCII digit. Unicode encodes every script's digits (Nd) as
 * an unbroken run of ten from zero (some scripts' runs follow each other), so a digit's value is
 * its distance from the start of its run, modulo ten.
 */
function asciiDigit(digit: string): string {
  const cp = digit.codePointAt(0)!;
  let start = cp;
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((cp - start) % 10);
}

/**
 * The text as the detector reads it: Unicode NFKC (full-width and mathematical digits, compatibility
 * spaces and hyphens become plain ones), every decimal digit as ASCII, invisible characters removed,
 * every dash and minus sign as "-", every run of spaces, tabs and line breaks as one space.
 */
export function normaliseForDetection(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(NON_ASCII_DIGIT, asciiDigit)
    .replace(DASHES, "-")
    .replace(OTHER_DASHES, "-")
    .replace(OTHER_PLUSES, "+")
    .replace(SPACES, " ");
}

// YYMMDD or YYYYMMDD, then an optional "-" or "+" with or without a space around it (or just a
// space), then four digits (three and the check digit); not part of a longer run of digits.
const CANDIDATE = /(?<!\d)((?:18|19|20)?\d{2})(\d{2})(\d{2}) ?[-+]? ?\d{4}(?!\d)/g;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A birth date that exists: the day may carry +60 (samordningsnummer); without a century, 29 February may be any leap year's. */
function plausibleDate(year: string, month: number, day: number): boolean {
  if (month < 1 || month > 12) return false;
  const d = day > 60 ? day - 60 : day;
  const last = month === 2 && year.length === 4 && !isLeap(Number(year)) ? 28 : DAYS_IN_MONTH[month - 1]!;
  return d >= 1 && d <= last;
}

/**
 * True when the text contains something shaped like a Swedish personal identity or coordination
 * number: 10 or 12 digits (with or without century), with "-", "+", a space or nothing before the
 * last four, a date that exists (day + 60 for a coordination number), whether or not the check digit
 * is right: a mistyped number is still a number, and refusing it is the point.
 *
 * The price: ten digits written without any separator whose digits 3–6 happen to make a date are
 * refused too — some 070 mobile numbers ("0701234567") and landlines ("0311234567"). Written the
 * usual way ("070-123 45 67", "031-12 34 56", "+46 70 123 45 67") they pass. Exempting them would let
 * through the numbers of everyone born 1900–1909 or 2000–2009, so the detector does not.
 */
export function looksLikePersonalIdentityNumber(text: string): boolean {
  const normalised = normaliseForDetection(text);
  const candidate = new RegExp(CANDIDATE.source, "g");
  for (let m = candidate.exec(normalised); m !== null; m = candidate.exec(normalised)) {
    if (plausibleDate(m[1]!, Number(m[2]), Number(m[3]))) return true;
    // Not a date here: look again from the next character, so no overlapping candidate is skipped.
    candidate.lastIndex = m.index + 1;
  }
  return false;
}

/** The stable code of the refusal (in an API error's `reason`, in a zod issue's `params.reason`). */
export const PERSONAL_IDENTITY_NUMBER = "PersonalIdentityNumber" as const;

export const PERSONAL_IDENTITY_NUMBER_REFUSED =
  "Looks like a personal identity number (personnummer/samordningsnummer): use the pseudonymous code only.";

/** Whether a zod issue is this refusal (the field is the issue's path). */
export const isPersonalIdentityNumberIssue = (issue: { code: string; params?: unknown }): boolean =>
  issue.code === "custom" && (issue.params as { reason?: unknown } | undefined)?.reason === PERSONAL_IDENTITY_NUMBER;
