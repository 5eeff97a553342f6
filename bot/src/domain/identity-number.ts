// A participant is known by a pseudonymous code, never by a personal identity number
// (personnummer) or coordination number (samordningsnummer, day + 60). Anything that looks like
// one is refused wherever free text is taken in: code, initials, names, notes, CSV cells.
// No Luhn check on purpose: a mistyped number is still a number, and refusing it is the point.

// YYMMDD or YYYYMMDD, an optional separator (-, +, space), four digits; not inside a longer digit run.
const CANDIDATE = /(?<!\d)((?:19|20)?\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)/g;

const plausibleDate = (month: number, day: number): boolean => {
  if (month < 1 || month > 12) return false;
  const d = day > 60 ? day - 60 : day;
  return d >= 1 && d <= 31;
};

/** True when the text contains something shaped like a Swedish personal identity or coordination number. */
export function looksLikePersonalIdentityNumber(text: string): boolean {
  for (const m of text.matchAll(CANDIDATE)) {
    if (plausibleDate(Number(m[2]), Number(m[3]))) return true;
  }
  return false;
}

export const PERSONAL_IDENTITY_NUMBER_REFUSED =
  "Looks like a personal identity number (personnummer/samordningsnummer): use the pseudonymous code only.";
