// CSV for exports, generic over the row: an export names its columns once (a header and how to
// read the cell), and rows arrive page by page, so memory stays bounded by one page whatever the
// size of the export. Adding a column (e.g. a folded row's `count`) is one more entry.

export interface CsvColumn<R> {
  header: string;
  cell: (row: R) => string | number | boolean | undefined;
}

/** RFC 4180 quoting, and a leading quote on cells starting with = + - @ so spreadsheets do not run them as formulas. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvHeader = <R>(columns: ReadonlyArray<CsvColumn<R>>): string => `${columns.map((c) => csvCell(c.header)).join(",")}\r\n`;

/** One chunk of CSV lines for a page of rows. */
export function csvRows<R>(columns: ReadonlyArray<CsvColumn<R>>, rows: readonly R[]): string {
  let out = "";
  for (const r of rows) out += `${columns.map((c) => csvCell(String(c.cell(r) ?? ""))).join(",")}\r\n`;
  return out;
}

/** The whole export as chunks: the header, then one chunk per page as it is read. */
export async function* csvChunks<R>(columns: ReadonlyArray<CsvColumn<R>>, pages: AsyncIterable<readonly R[]>): AsyncGenerator<string> {
  yield csvHeader(columns);
  for await (const rows of pages) if (rows.length > 0) yield csvRows(columns, rows);
}
