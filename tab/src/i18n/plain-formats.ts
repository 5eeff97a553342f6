// The board's first screen formats dozens of calendar dates and one share. The first Intl date or
// number formatter of a page loads its locale's data: about 40 ms on a quiet machine, 100–200 ms
// while a page loads on a busy one (docs/performance.md), on the way to the first row. For the
// locales the tab is written for, these give Intl's own text from Intl's own words, checked
// against Intl day by day and share by share (plain-formats.test.ts); any other locale uses Intl.
// Intl is still what formats times and other numbers, warmed once the board is on screen.

interface PlainLocale {
  /** "7 dec. 2026", "7 Sept 2026", "Sep 7, 2026": DATE_FORMAT's day, short month and year. */
  date: (day: number, monthIndex: number, year: number) => string;
  /** A whole percent: "6 %" (with a no-break space), "6%". */
  percent: (whole: number) => string;
}

const svMonths = ["jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."];
const gbMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];
const usMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const swedish: PlainLocale = { date: (d, m, y) => `${d} ${svMonths[m]} ${y}`, percent: (n) => `${n}\u00a0%` };
const british: PlainLocale = { date: (d, m, y) => `${d} ${gbMonths[m]} ${y}`, percent: (n) => `${n}%` };
const american: PlainLocale = { date: (d, m, y) => `${usMonths[m]} ${d}, ${y}`, percent: (n) => `${n}%` };

/** By the locale Intl would be asked for first (intlLocales); undefined: Intl formats it. */
const plainLocales: Record<string, PlainLocale> = { sv: swedish, "sv-SE": swedish, "en-GB": british, en: american, "en-US": american };

export function plainFormatsFor(locale: string): PlainLocale | undefined {
  return plainLocales[locale];
}

/** `part` of `whole` as a whole percent, rounded as Intl rounds `part / whole` (half away from zero). */
export function wholePercent(part: number, whole: number): number {
  // Multiplied before dividing: 29 / 200 * 100 is 14.499999999999998 in floating point, 29 * 100 / 200 is 14.5.
  return whole ? Math.round((part * 100) / whole) : 0;
}
