import type { ExportFormat } from "@fact-board/contract";
import { stringify } from "csv-stringify/sync";

// The one CSV writer of every export. An export names its columns once (a code for scripts, a
// Swedish header for Excel, how to read the cell) and gives its rows page by page, so memory stays
// bounded by one page whatever the size of the export. Two forms of the same table:
// - `excel`: opens by double-click in Swedish Excel — semicolons, a UTF-8 BOM, Swedish headers,
//   codes in Swedish words, instants in Swedish local time, ja/nej, decimal commas;
// - `csv`: for scripts — commas, the codes, ISO instants, true/false.
// In both, a cell a spreadsheet could run as a formula is neutralised (see `neutralise`) and a cell
// holding either separator, a quote, a tab or a line break is quoted, so the file is safe whichever
// separator the spreadsheet splits on. Quoting and escaping are csv-stringify's.

export type CsvValue = string | number | boolean | undefined | readonly string[];

/** Swedish words for a column's codes. */
export type CsvWords = Readonly<Record<string, string>>;

export interface CsvColumn<R> {
  /** The header of the comma form: a stable code scripts can rely on. */
  key: string;
  /** The header of the Excel form, in Swedish. */
  sv: string;
  cell: (row: R) => CsvValue;
  /**
   * How the Excel form shows the value: an instant in local time, a code (or list of codes) in
   * words, or a cell of its own.
   */
  excel?: "instant" | CsvWords | ((row: R) => CsvValue);
}

export interface CsvOptions {
  format: ExportFormat;
  /** The team's time zone, for the Excel form's local times. */
  timeZone: string;
  /**
   * Lines said before the table, each written as `# line` (a comment to csv-parse, R and pandas
   * with `#` as comment character; Excel shows them as text in the first column). They may hold no
   * separator, quote or line break, so every spreadsheet keeps each whole.
   */
  notes?: readonly string[];
}

const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);
/** A quick look first: most cells (ids, times, words) have no formula character where a cell could start. */
const MAY_START_FORMULA = /(^|[,;"\t\r\n]) *[=+\-@\t\r]/;
/** Where a spreadsheet may start a new cell: either separator, a quote, a tab or a line break. */
const CELL_BREAK = new Set([",", ";", '"', "\t", "\r", "\n"]);

/**
 * OWASP's CSV-injection defence, at every place a spreadsheet could start a cell: a `'` goes before
 * a formula character (= + - @ tab CR) at the start of the value, and after any separator, quote,
 * tab or line break inside it (spaces between do not help), so `ok;=1+1` stays text even in a
 * spreadsheet that splits a comma file on semicolons. The `'` is shown; nothing else changes.
 */
export function neutralise(value: string): string {
  if (!MAY_START_FORMULA.test(value)) return value;
  let out = "";
  let cellStart = true;
  for (const ch of value) {
    if (cellStart && FORMULA_START.has(ch)) out += "'";
    out += ch;
    if (CELL_BREAK.has(ch)) cellStart = true;
    else if (ch !== " ") cellStart = false;
  }
  return out;
}

const QUOTED = [/[,;"\t\r\n]/, /^ *'/];

const delimiterOf = (format: ExportFormat) => (format === "excel" ? ";" : ",");

const localTimes = new Map<string, Intl.DateTimeFormat>();
/** "2026-03-10 14:22:05", the team's local time: what Swedish Excel reads as a date and time. */
function localTime(instant: string, timeZone: string): string {
  let format = localTimes.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "medium" });
    localTimes.set(timeZone, format);
  }
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? instant : format.format(at);
}

function text<R>(row: R, column: CsvColumn<R>, options: CsvOptions): string {
  const excel = options.format === "excel";
  const value = excel && typeof column.excel === "function" ? column.excel(row) : column.cell(row);
  if (value === undefined) return "";
  if (typeof value === "boolean") return excel ? (value ? "ja" : "nej") : String(value);
  if (typeof value === "number") return excel ? String(value).replace(".", ",") : String(value);
  const words = excel && typeof column.excel === "object" ? column.excel : undefined;
  if (typeof value !== "string") return value.map((code) => words?.[code] ?? code).join(excel ? ", " : " ");
  if (excel && column.excel === "instant") return value === "" ? "" : localTime(value, options.timeZone);
  return words?.[value] ?? value;
}

const lines = (records: string[][], format: ExportFormat): string =>
  records.length === 0
    ? ""
    : stringify(
        records.map((r) => r.map(neutralise)),
        { delimiter: delimiterOf(format), record_delimiter: "\r\n", quoted_match: QUOTED, eof: true },
      );

/** What comes before the first table: the BOM of the Excel form, and the notes. */
export function csvStart(options: CsvOptions): string {
  const notes = options.notes ?? [];
  for (const note of notes) if (/[,;"\r\n]/.test(note)) throw new Error(`A CSV note holds a separator, quote or line break: ${note}`);
  return (options.format === "excel" ? "\uFEFF" : "") + notes.map((n) => `# ${n}\r\n`).join("");
}

export interface CsvTable<R> {
  header(): string;
  rows(rows: readonly R[]): string;
}

/** One table of an export in the chosen form: its header line, and the lines of a page of rows. */
export function csvTable<R>(columns: ReadonlyArray<CsvColumn<R>>, options: CsvOptions): CsvTable<R> {
  return {
    header: () => lines([columns.map((c) => (options.format === "excel" ? c.sv : c.key))], options.format),
    rows: (rows) =>
      lines(
        rows.map((r) => columns.map((c) => text(r, c, options))),
        options.format,
      ),
  };
}

/** The whole export as chunks: the start and header, then one chunk per page as it is read. */
export async function* csvChunks<R>(
  columns: ReadonlyArray<CsvColumn<R>>,
  pages: AsyncIterable<readonly R[]> | Iterable<readonly R[]>,
  options: CsvOptions,
): AsyncGenerator<string> {
  const table = csvTable(columns, options);
  yield csvStart(options) + table.header();
  for await (const rows of pages) if (rows.length > 0) yield table.rows(rows);
}
