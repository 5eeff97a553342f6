// Personal identity numbers (personnummer) and coordination numbers (samordningsnummer) written every
// way a person, a paste from another system or a determined insider might: any decimal digit script,
// any dash, minus sign or space, invisible characters anywhere, with or without century, with a right
// or wrong check digit, alone or inside a sentence. And ordinary text a Swedish FACT team writes,
// which must not be refused. Shared by the detector's, the schemas', the API's and the cards' tests.
import fc from "fast-check";
import type { z } from "zod";

/** The zero of every decimal digit script (Unicode Nd) this Node knows, found by scanning: not a hand list. */
export const DIGIT_ZEROS: readonly number[] = (() => {
  const nd = /\p{Nd}/u;
  const zeros: number[] = [];
  let run = 0;
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (nd.test(String.fromCodePoint(cp))) {
      if (run % 10 === 0) zeros.push(cp);
      run++;
    } else run = 0;
  }
  return zeros;
})();

const at = (zero: number) => (digit: number) => String.fromCodePoint(zero + digit);
export const SCRIPTS = {
  ascii: at(0x30),
  fullWidth: at(0xff10),
  arabicIndic: at(0x660),
  extendedArabicIndic: at(0x6f0),
  devanagari: at(0x966),
  bengali: at(0x9e6),
  thai: at(0xe50),
  mathematicalBold: at(0x1d7ce),
} as const;

/** Dashes, minus signs and spaces that may stand between the date and the last four digits. */
export const SEPARATORS = [
  "-",
  "+",
  " ",
  "",
  "\u2010", // hyphen
  "\u2011", // non-breaking hyphen
  "\u2012", // figure dash
  "\u2013", // en dash
  "\u2014", // em dash
  "\u2015", // horizontal bar
  "\u2212", // minus sign
  "\uFE63", // small hyphen-minus
  "\uFF0D", // full-width hyphen-minus
  "\uFF0B", // full-width plus
  "\u00A0", // no-break space
  "\u202F", // narrow no-break space
  "\u2007", // figure space
  "\u3000", // ideographic space
  "\t",
  "\n",
  "\r\n",
  " - ",
  "\u00A0\u2013\u00A0",
] as const;

/** Characters that show nothing, inserted anywhere in the number. */
export const INVISIBLES = [
  "\u200B", // zero-width space
  "\u200C", // zero-width non-joiner
  "\u200D", // zero-width joiner
  "\u2060", // word joiner
  "\u00AD", // soft hyphen
  "\uFEFF", // byte order mark / zero-width no-break space
  "\u200E", // left-to-right mark
  "\u200F", // right-to-left mark
  "\u2061", // function application
  "\u180E", // Mongolian vowel separator
  "\u034F", // combining grapheme joiner
  "\uFE0F", // variation selector
] as const;

export interface Birth {
  year: number;
  month: number;
  day: number;
  /** Three digits: the birth number. */
  serial: number;
  /** A coordination number: day + 60. */
  coordination: boolean;
  /** The last digit right by the Luhn check, or wrong. */
  validCheck: boolean;
}

export interface Writing {
  century: boolean;
  separator: string;
  /** A digit script for each of the (up to) twelve digits. */
  scripts: Array<keyof typeof SCRIPTS | number>;
  /** Inserted before the character at each position of the number. */
  invisibles: Array<{ at: number; char: string }>;
  before: string;
  after: string;
}

const two = (n: number) => String(n).padStart(2, "0");

function luhn(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The number in plain ASCII digits, as the tax agency writes it. */
export function asciiNumber(b: Birth, century: boolean, separator = "-"): string {
  const date = `${two(b.year % 100)}${two(b.month)}${two(b.day + (b.coordination ? 60 : 0))}`;
  const serial = String(b.serial).padStart(3, "0");
  const check = luhn(date + serial);
  const last = b.validCheck ? check : (check + 1 + (b.serial % 9)) % 10;
  return `${century ? String(b.year).slice(0, 2) : ""}${date}${separator}${serial}${last}`;
}

/** The number written one particular way. */
export function write(b: Birth, w: Writing): string {
  const plain = asciiNumber(b, w.century, "\u0000");
  let digitIndex = 0;
  const chars = [...plain].map((c) => {
    if (c === "\u0000") return w.separator;
    const script = w.scripts[digitIndex++ % w.scripts.length] ?? "ascii";
    return typeof script === "number" ? String.fromCodePoint(script + Number(c)) : SCRIPTS[script](Number(c));
  });
  for (const { at: position, char } of [...w.invisibles].sort((a, b) => b.at - a.at)) {
    chars.splice(Math.min(position, chars.length), 0, char);
  }
  return `${w.before}${chars.join("")}${w.after}`;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const birthArb: fc.Arbitrary<Birth> = fc
  .record({
    year: fc.integer({ min: 1900, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
    validCheck: fc.boolean(),
  })
  .map(({ dayFraction, ...b }) => ({ ...b, day: 1 + Math.floor(dayFraction * daysIn(b.year, b.month)) }));

const scriptArb: fc.Arbitrary<keyof typeof SCRIPTS | number> = fc.oneof(
  fc.constantFrom(...(Object.keys(SCRIPTS) as Array<keyof typeof SCRIPTS>)),
  fc.constantFrom(...DIGIT_ZEROS),
);

export const writingArb: fc.Arbitrary<Writing> = fc.record({
  century: fc.boolean(),
  separator: fc.constantFrom(...SEPARATORS),
  // One script for the whole number, or a mix digit by digit.
  scripts: fc.oneof(
    scriptArb.map((s) => [s]),
    fc.array(scriptArb, { minLength: 12, maxLength: 12 }),
  ),
  invisibles: fc.array(fc.record({ at: fc.integer({ min: 0, max: 14 }), char: fc.constantFrom(...INVISIBLES) }), { maxLength: 4 }),
  before: fc.constantFrom("", "Deltagaren ", "pnr: ", "Ringde ang. ", "(", "\n", "Tel 042-12 34 56, "),
  after: fc.constantFrom("", " ringde idag", ".", ")", ", se journalen", "\n"),
});

/** A generated variant: the number one way, and what it is, for a failing test's message. */
export const variantArb: fc.Arbitrary<{ text: string; birth: Birth; writing: Writing }> = fc
  .record({ birth: birthArb, writing: writingArb })
  .map(({ birth, writing }) => ({ text: write(birth, writing), birth, writing }));

const B = (o: Partial<Birth> = {}): Birth => ({ year: 1985, month: 1, day: 1, serial: 123, coordination: false, validCheck: true, ...o });
const W = (o: Partial<Writing> = {}): Writing => ({
  century: false,
  separator: "-",
  scripts: ["ascii"],
  invisibles: [],
  before: "",
  after: "",
  ...o,
});
const everyGap = (char: string) => Array.from({ length: 13 }, (_, i) => ({ at: i + 1, char }));

/**
 * The ways the hostile read of issue 29 got numbers past the old detector, and their neighbours:
 * one of each named kind, then generated ones (a fixed seed, so API and card tests are repeatable).
 */
export const NAMED_VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ["10 digits with dash", write(B(), W())],
  ["12 digits with century", write(B(), W({ century: true }))],
  ["10 digits, no separator", write(B(), W({ separator: "" }))],
  ["12 digits, no separator", write(B(), W({ century: true, separator: "" }))],
  ["plus (100 years or older)", write(B({ year: 1921 }), W({ separator: "+" }))],
  ["space", write(B(), W({ separator: " " }))],
  ["samordningsnummer", write(B({ coordination: true }), W())],
  ["samordningsnummer with century", write(B({ coordination: true, day: 31, month: 12 }), W({ century: true }))],
  ["wrong check digit", write(B({ validCheck: false }), W())],
  ["29 February of a leap year", write(B({ year: 2000, month: 2, day: 29 }), W({ century: true }))],
  ["full-width digits", write(B(), W({ scripts: ["fullWidth"] }))],
  ["full-width digits and hyphen", write(B(), W({ scripts: ["fullWidth"], separator: "\uFF0D" }))],
  ["Arabic-Indic digits", write(B(), W({ scripts: ["arabicIndic"] }))],
  ["extended Arabic-Indic digits", write(B(), W({ scripts: ["extendedArabicIndic"], century: true }))],
  ["Devanagari digits", write(B(), W({ scripts: ["devanagari"] }))],
  ["mathematical bold digits", write(B(), W({ scripts: ["mathematicalBold"] }))],
  ["digits of mixed scripts", write(B(), W({ scripts: ["ascii", "fullWidth", "arabicIndic", "devanagari", "thai", "bengali"] }))],
  ["zero-width spaces between digits", write(B(), W({ invisibles: everyGap("\u200B") }))],
  [
    "zero-width joiner and non-joiner",
    write(
      B(),
      W({
        invisibles: [
          { at: 2, char: "\u200D" },
          { at: 8, char: "\u200C" },
        ],
      }),
    ),
  ],
  [
    "word joiner",
    write(
      B(),
      W({
        invisibles: [
          { at: 6, char: "\u2060" },
          { at: 3, char: "\u2060" },
        ],
      }),
    ),
  ],
  ["soft hyphen as separator", write(B(), W({ separator: "\u00AD" }))],
  ["soft hyphens between digits", write(B(), W({ invisibles: everyGap("\u00AD") }))],
  [
    "byte order mark",
    write(
      B(),
      W({
        invisibles: [
          { at: 0, char: "\uFEFF" },
          { at: 4, char: "\uFEFF" },
        ],
      }),
    ),
  ],
  ["en dash", write(B(), W({ separator: "\u2013" }))],
  ["em dash", write(B(), W({ separator: "\u2014" }))],
  ["minus sign", write(B(), W({ separator: "\u2212" }))],
  ["non-breaking hyphen", write(B(), W({ separator: "\u2011" }))],
  ["no-break space", write(B(), W({ separator: "\u00A0" }))],
  ["narrow no-break space", write(B(), W({ separator: "\u202F" }))],
  ["newline", write(B(), W({ separator: "\n" }))],
  ["CRLF with century", write(B(), W({ separator: "\r\n", century: true }))],
  ["tab", write(B(), W({ separator: "\t" }))],
  ["spaced dash", write(B(), W({ separator: " - " }))],
  ["inside a sentence", write(B(), W({ before: "Deltagaren (pnr ", after: ") ringde" }))],
  ["after a phone number", write(B(), W({ before: "Tel 042-12 34 56, ", scripts: ["fullWidth"], separator: "\u2013" }))],
];

export const GENERATED_VARIANTS: readonly string[] = fc.sample(variantArb, { numRuns: 15, seed: 29 }).map((v) => v.text);

/** 50 variants: every named kind and 15 generated ones. */
export const VARIANTS: readonly string[] = [...NAMED_VARIANTS.map(([, text]) => text), ...GENERATED_VARIANTS];

/** Text a Swedish FACT team writes every day: never refused. */
export const ORDINARY_TEXT: readonly string[] = [
  "Ringer boendestödet i morgon",
  "2026-12-07",
  "Uppföljning 2026-12-07 kl. 10:30",
  "Vecka 49: 2026-12-07–2026-12-11",
  "20261207",
  "2026-03-04T10:30",
  "Ring 070-123 45 67",
  "070 123 45 67",
  "070-1234567",
  "+46 70 123 45 67",
  "+46701234567",
  "0046701234567",
  "0731234567",
  "0761234567",
  "042-12 34 56",
  "08-123 456 78",
  "031-12 34 56",
  "FIK-017",
  "HBG-017 och HBG-023",
  "NST-0042",
  "kl 08.30–09.00",
  "3 samtal, 12 veckor, 100 %",
  "Dnr 2026-1234",
  "Dnr SN 2026/123",
  "Org.nr 212000-1142",
  "556123-4567",
  "postnummer 252 21",
  "Boendestöd 2 ggr/vecka",
  "ICD F20.0",
  "SIP 2026-12-07, nästa 2027-03-07",
  "٢٠٢٦-١٢-٠٧",
  "２０２６－１２－０７",
  "Ej angivet",
];

/** Ordinary text, generated: dates, times, grouped phone numbers, codes and words in any order. */
export const ordinaryTextArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.date({ min: new Date("1900-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${two(h)}:${two(m)}`),
      fc.tuple(fc.constantFrom("070", "072", "073", "076", "079"), fc.integer({ min: 0, max: 9_999_999 })).map(([p, n]) => {
        const s = String(n).padStart(7, "0");
        return `${p}-${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`;
      }),
      fc
        .tuple(fc.constantFrom("FIK", "HBG", "NST", "LUND"), fc.integer({ min: 1, max: 9999 }))
        .map(([c, n]) => `${c}-${String(n).padStart(3, "0")}`),
      fc.integer({ min: 0, max: 99_999 }).map(String),
      fc.constantFrom("Ring", "mamma", "boendestöd", "uppföljning", "kl.", "vecka", "–", "-", "SIP", "LARO", "IPS"),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((words) => words.join(" "));

// Walking zod schemas (zod 4's definitions): every place a string goes in.

export interface StringLeaf {
  /** Where in the body, array elements as 0. */
  path: Array<string | number>;
  /** The schema that parses the string (a pipe whose input is a string counts as one). */
  schema: z.ZodType;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const takesString = (s: unknown): boolean => {
  const d = defOf(s);
  return d.type === "string" || (d.type === "pipe" && takesString(d.in));
};

/** Every string a schema takes, with its path; anything that could take a string and is not understood fails loudly. */
export function stringLeaves(schema: z.ZodType, path: Array<string | number> = []): StringLeaf[] {
  const d = defOf(schema);
  if (takesString(schema)) return [{ path, schema }];
  switch (d.type) {
    case "object":
      return Object.entries(d.shape as Record<string, z.ZodType>).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
    case "array":
      return stringLeaves(d.element as z.ZodType, [...path, 0]);
    case "union":
      return (d.options as z.ZodType[]).flatMap((o) => stringLeaves(o, path));
    case "intersection":
      return [...stringLeaves(d.left as z.ZodType, path), ...stringLeaves(d.right as z.ZodType, path)];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return stringLeaves(d.innerType as z.ZodType, path);
    case "pipe":
      return [...stringLeaves(d.in as z.ZodType, path), ...stringLeaves(d.out as z.ZodType, path)];
    case "literal":
    case "enum":
    case "boolean":
    case "number":
    case "transform":
    case "null":
    case "undefined":
      return [];
    default:
      throw new Error(`${path.join(".") || "(body)"}: a ${d.type} schema could take text; teach stringLeaves about it`);
  }
}

/** Sets a value at a path in a copy of a body (creating nothing: the body must have the path's parent). */
export function withValueAt(body: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(body)) return body.map((v, i) => (i === head ? withValueAt(v, rest, value) : v));
  if (body && typeof body === "object")
    return { ...(body as Record<string, unknown>), [head]: withValueAt((body as Record<string, unknown>)[head], rest, value) };
  return body;
}
