import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { type CsvColumn, csvChunks, csvStart, csvTable, neutralise } from "./csv";
import { formulaCellsOf } from "./csv-test-support";

// The one CSV writer: both forms, quoting by csv-stringify, and the formula neutralisation that
// holds whichever separator a spreadsheet splits on (issue 29: `ok;=1+1` in a semicolon sheet).

interface Row {
  at: string;
  role: string;
  note: string;
  count: number;
  share: number;
  done: boolean;
  rules: string[];
}

const COLUMNS: ReadonlyArray<CsvColumn<Row>> = [
  { key: "at", sv: "Tid", cell: (r) => r.at, excel: "instant" },
  { key: "role", sv: "Roll", cell: (r) => r.role, excel: { manager: "Chef" } },
  { key: "note", sv: "Anteckning", cell: (r) => r.note },
  { key: "count", sv: "Antal", cell: (r) => r.count },
  { key: "share", sv: "Andel", cell: (r) => r.share },
  { key: "done", sv: "Klar", cell: (r) => r.done },
  { key: "rules", sv: "Regler", cell: (r) => r.rules, excel: { random: "Slumpvis", noRelation: "Utan relation" } },
];

const row: Row = {
  at: "2026-03-10T13:22:05.000Z",
  role: "manager",
  note: "ok;=1+1",
  count: 3,
  share: 1.5,
  done: true,
  rules: ["noRelation", "random"],
};

async function whole(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}

const FORMS = [
  { format: "excel", delimiter: ";" },
  { format: "csv", delimiter: "," },
] as const;

describe("the two forms", () => {
  it("writes the Excel form for Swedish Excel: BOM, semicolons, Swedish headers, words, local time, ja/nej, decimal comma", async () => {
    const text = await whole(csvChunks(COLUMNS, [[row]], { format: "excel", timeZone: "Europe/Stockholm" }));
    expect(text.startsWith("\uFEFFTid;Roll;Anteckning;Antal;Andel;Klar;Regler\r\n")).toBe(true);
    expect(text.slice(1).split("\r\n")[1]).toBe(`2026-03-10 14:22:05;Chef;"ok;'=1+1";3;"1,5";ja;"Utan relation, Slumpvis"`);
  });

  it("writes the comma form for scripts: no BOM, commas, codes, ISO times, true/false", async () => {
    const text = await whole(csvChunks(COLUMNS, [[row]], { format: "csv", timeZone: "Europe/Stockholm" }));
    expect(text).toBe(
      `at,role,note,count,share,done,rules\r\n2026-03-10T13:22:05.000Z,manager,"ok;'=1+1",3,1.5,true,noRelation random\r\n`,
    );
  });

  it.each(FORMS)("reads back through csv-parse in the $format form, notes as comments", async ({ format, delimiter }) => {
    const text = await whole(
      csvChunks(COLUMNS, [[row], [], [{ ...row, note: 'sa "hej"\nsen' }]], { format, timeZone: "UTC", notes: ["Om filen"] }),
    );
    const records = parse(text, { delimiter, bom: true, comment: "#", comment_no_infix: true }) as string[][];
    expect(records.map((r) => r[2])).toEqual([format === "excel" ? "Anteckning" : "note", "ok;'=1+1", 'sa "hej"\nsen']);
    expect(text.includes("# Om filen\r\n")).toBe(true);
  });

  it("refuses a note a spreadsheet would split", () => {
    expect(() => csvStart({ format: "excel", timeZone: "UTC", notes: ["a; b"] })).toThrow(/separator/);
  });
});

describe("formula neutralisation", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+46", "'+46"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["ok;=1+1", "ok;'=1+1"],
    ["ok, =1+1", "ok, '=1+1"],
    ['a"=b', "a\"'=b"],
    ["rad\n-1", "rad\n'-1"],
    ["\r\r=1", "'\r'\r'=1"],
    ["1-2 = 3", "1-2 = 3"],
    ["e-post@exempel.se", "e-post@exempel.se"],
  ])("%j → %j", (value, safe) => {
    expect(neutralise(value)).toBe(safe);
  });

  it("is checked by a reader that finds what the old writer let through", () => {
    // Before: neutralised only at the start, quoted only for commas — `ok;=1+1` ran in a semicolon sheet.
    expect(formulaCellsOf("id,note\r\n1,ok;=1+1\r\n")).toContain('; spreadsheet: "=1+1"');
    // Quoting alone does not help when the sheet splits on the other separator.
    expect(formulaCellsOf('id,note\r\n1,"ok;=1+1"\r\n')).toContain('; spreadsheet: "=1+1\\""');
    expect(formulaCellsOf('id;note\r\n1;"a,\t"\r\n')).toContain(', split: "\\t\\""');
  });

  // Values built to hurt: separators, quotes, line breaks, spaces and formula characters in any order.
  const hostile = fc.string({
    unit: fc.constantFrom(...[",", ";", '"', "\r", "\n", "\t", " ", "=", "+", "-", "@", "'", "a", "1", "ö"]),
    maxLength: 24,
  });

  it.each(FORMS)(
    "keeps every value whole through its own separator, and no cell of the $format form starts a formula whichever separator it is split on",
    ({ format, delimiter }) => {
      fc.assert(
        fc.property(fc.array(fc.array(hostile, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (values) => {
          const columns = [0, 1, 2].map((i): CsvColumn<string[]> => ({ key: `c${i}`, sv: `k${i}`, cell: (r) => r[i] }));
          const table = csvTable(columns, { format, timeZone: "UTC" });
          const text = csvStart({ format, timeZone: "UTC" }) + table.header() + table.rows(values);
          const records = parse(text, { delimiter, bom: true }) as string[][];
          expect(records.slice(1)).toEqual(values.map((r) => r.map(neutralise)));
          expect(formulaCellsOf(text)).toEqual([]);
        }),
        { numRuns: 400 },
      );
    },
  );
});
