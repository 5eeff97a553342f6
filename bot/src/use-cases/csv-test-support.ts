import { parse } from "csv-parse/sync";

// For tests: how a spreadsheet could read an export, and which of its cells it would run as a
// formula. Used by the writer's tests and by the API tests of every export.

/** A formula character once leading whitespace and quotes are skipped (what a trimming spreadsheet would see). */
const FORMULA = /^[\s"]*[=+\-@]/;
/** A tab or carriage return starting a cell that no quote opened (OWASP's other two starters). */
const CONTROL_START = /^ *[\t\r]/;

/**
 * The cells as a lenient spreadsheet reads them with `delimiter`: a cell opening with a quote runs
 * to the closing quote (`""` is a quote; an unclosed one runs to the end), anything after it up to
 * the separator is kept as it is; a line break outside quotes ends the row.
 */
function spreadsheetCells(text: string, delimiter: string): { cell: string; quoted: boolean }[] {
  const cells: { cell: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = "";
    const quoted = text[i] === '"';
    if (quoted) {
      i++;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] !== '"') {
            i++;
            break;
          }
          i++;
        }
        cell += text[i++];
      }
    }
    while (i < text.length && text[i] !== delimiter && text[i] !== "\r" && text[i] !== "\n") cell += text[i++];
    cells.push({ cell, quoted });
    if (text[i] === "\r" && text[i + 1] === "\n") i++;
    i++;
  }
  return cells;
}

/**
 * Every cell a spreadsheet could run as a formula when the file is opened with `;` or `,` as
 * separator: one starting with = + - @ (after any whitespace or quotes), or an unquoted one starting
 * with a tab or carriage return. Read three ways: by csv-parse (when it can read the file with that
 * separator at all), by a lenient spreadsheet reader that honours quotes as Excel does, and by a
 * naive split that ignores quoting altogether (any separator or line break starts a cell). Empty
 * when the file is safe in any spreadsheet.
 */
export function formulaCellsOf(text: string): string[] {
  const found: string[] = [];
  const body = text.replace(/^\uFEFF/, "");
  const check = (how: string, cell: string, quoted = false) => {
    if (FORMULA.test(cell) || (!quoted && CONTROL_START.test(cell))) found.push(`${how}: ${JSON.stringify(cell)}`);
  };
  for (const delimiter of [";", ","]) {
    let parsed: string[][] = [];
    try {
      parsed = parse(body, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    } catch {
      // With the other form's separator a quoted cell may not close where csv-parse wants; the lenient reader covers it.
    }
    for (const cell of parsed.flat()) check(`${delimiter} csv-parse`, cell, true);
    for (const { cell, quoted } of spreadsheetCells(body, delimiter)) check(`${delimiter} spreadsheet`, cell, quoted);
    for (const line of body.split(/\r\n|\n|\r/)) for (const piece of line.split(delimiter)) check(`${delimiter} split`, piece);
  }
  return found;
}

/** An export read as its form says: the separator, the BOM dropped, `#` lines as comments. */
export function readCsv(text: string, format: "excel" | "csv"): string[][] {
  return parse(text, {
    delimiter: format === "excel" ? ";" : ",",
    bom: true,
    comment: "#",
    comment_no_infix: true,
    relax_column_count: true,
  }) as string[][];
}
