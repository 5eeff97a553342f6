import type { SignalKind, TakeOffOutcome } from "@fact-board/contract";
import { WITHHELD } from "../domain/statistics";
import { readCsv } from "./csv-test-support";

// For tests: a reader who tries to work out the withheld cells of a statistics export (issue 29,
// "Suppression that holds"). Its relations are written here from the measures' definitions, not
// taken from the code under test; statistics-disclosure.test.ts checks they are every linear
// relation the counts obey. Used by that test on generated boards and by the API test on the real
// export.

export const BANDS = ["0-7", "8-14", "15-30", "31-60", "61-90", "91+"].map((b) => `daysOnBoard.${b}`);
export const OUTCOMES: TakeOffOutcome[] = ["stable", "transferred", "admittedLongTerm", "leftFact", "other"];
export const SIGNALS: SignalKind[] = [
  "morePsychiatricSupport",
  "lessPsychiatricSupport",
  "moreMunicipalSupport",
  "lessMunicipalSupport",
  "concern",
];

export const STATES = ["open", "acknowledged", "resolved", "declined"];

export type Coefficients = Map<string, number>;
export const cell = (month: string, group: string, measure: string) => `${month}|${group}|${measure}`;

/** What the definitions say adds up, for each group and month (and each month with the one before). */
export function relations(months: readonly string[], groups: readonly string[]): Coefficients[] {
  const out: Coefficients[] = [];
  for (const g of groups)
    months.forEach((m, i) => {
      // On the board at the month's end: each entry is in exactly one days-on-the-board band.
      out.push(new Map([[cell(m, g, "onBoard"), 1], ...BANDS.map((b): [string, number] => [cell(m, g, b), -1])]));
      // Each signal is of one kind, and was answered in time or not.
      out.push(
        new Map([
          ...SIGNALS.map((k): [string, number] => [cell(m, g, `signals.${k}`), 1]),
          [cell(m, g, "signals.answeredInTime"), -1],
          [cell(m, g, "signals.notAnsweredInTime"), -1],
        ]),
      );
      // Each signal was sent to one group and stands in one state now.
      out.push(
        new Map([
          ...SIGNALS.map((k): [string, number] => [cell(m, g, `signals.${k}`), 1]),
          ...groups.flatMap((to) => STATES.map((st): [string, number] => [cell(m, g, `signalsTo.${to}.${st}`), -1])),
        ]),
      );
      // Stock and flow: on the board now = on the board a month ago + put on − taken off.
      if (i > 0)
        out.push(
          new Map([
            [cell(m, g, "onBoard"), 1],
            [cell(months[i - 1]!, g, "onBoard"), -1],
            [cell(m, g, "putOn"), -1],
            ...OUTCOMES.map((o): [string, number] => [cell(m, g, `takenOff.${o}`), 1]),
          ]),
        );
    });
  return out;
}

// --- Exact arithmetic ------------------------------------------------------------------------

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

/**
 * Gaussian elimination over the rationals, fraction-free (rows of integers divided by their gcd):
 * each pivot column ends up non-zero in its pivot row only, so the rows are the reduced row echelon
 * form up to scale. Returns the rows.
 */
function reduce(rows: bigint[][]): bigint[][] {
  const m = rows.map((r) => [...r]);
  const width = m[0]?.length ?? 0;
  let rank = 0;
  for (let col = 0; col < width && rank < m.length; col++) {
    const p = m.findIndex((r, i) => i >= rank && r[col] !== 0n);
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    const pivot = m[rank]!;
    for (let i = 0; i < m.length; i++) {
      if (i === rank || m[i]![col] === 0n) continue;
      const a = m[i]![col]!;
      const b = pivot[col]!;
      const row = m[i]!.map((x, j) => x * b - pivot[j]! * a);
      const g = row.reduce((acc, x) => gcd(acc, x), 0n);
      m[i] = g > 1n ? row.map((x) => x / g) : row;
    }
    rank++;
  }
  return m.filter((r) => r.some((x) => x !== 0n));
}

/** The rank of an integer matrix modulo a large prime (its rank over the rationals, but for a vanishing chance). */
export function rankModP(rows: number[][]): number {
  const P = 67_108_859; // prime below 2^26: products stay exact in a double
  const m = rows.map((r) => r.map((x) => ((x % P) + P) % P));
  const inv = (a: number) => {
    let [t, newT, r, newR] = [0, 1, P, a];
    while (newR) {
      const q = Math.floor(r / newR);
      [t, newT] = [newT, t - q * newT];
      [r, newR] = [newR, r - q * newR];
    }
    return ((t % P) + P) % P;
  };
  let rank = 0;
  for (let col = 0; col < (m[0]?.length ?? 0) && rank < m.length; col++) {
    const p = m.findIndex((r, i) => i >= rank && r[col] !== 0);
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    const k = inv(m[rank]![col]!);
    m[rank] = m[rank]!.map((x) => (x * k) % P);
    for (let i = rank + 1; i < m.length; i++) {
      const f = m[i]![col]!;
      if (f) m[i] = m[i]!.map((x, j) => (((x - ((f * m[rank]![j]!) % P)) % P) + P) % P);
    }
    rank++;
  }
  return rank;
}

// --- The reader ------------------------------------------------------------------------------

export interface Export {
  /** Every cell, by `month|group|measure`: a count, or undefined when withheld. */
  cells: Map<string, number | undefined>;
  months: string[];
  groups: string[];
}

/**
 * A statistics export as a reader has it: the comma form parsed, checked line by line against the
 * Excel form (same cells, Swedish headers), every shown count 0 or 5 or more.
 */
export function readStatisticsExport(commaText: string, excelText: string): Export {
  const comma = readCsv(commaText, "csv");
  const excel = readCsv(excelText, "excel");
  // The first column names the period: month, quarter or year.
  const period = ["month", "quarter", "year"].indexOf(comma[0]![0]!);
  expect(comma[0]).toEqual([["month", "quarter", "year"][Math.max(period, 0)], "organisationKind", "measure", "value"]);
  expect(excel[0]).toEqual([["Månad", "Kvartal", "År"][Math.max(period, 0)], "Organisationstyper", "Mått", "Antal"]);
  expect(excel.length).toBe(comma.length);
  const cells = new Map<string, number | undefined>();
  comma.slice(1).forEach(([month, group, measure, value], i) => {
    expect([month, excel[i + 1]![0], excel[i + 1]![3]]).toEqual([month, month, value]);
    expect([value, value === WITHHELD || /^(0|[5-9]|\d{2,})$/.test(value!)]).toEqual([value, true]);
    cells.set(cell(month!, group!, measure!), value === WITHHELD ? undefined : Number(value));
  });
  const months = [...new Set(comma.slice(1).map((r) => r[0]!))];
  const groups = [...new Set(comma.slice(1).map((r) => r[1]!))].filter((g) => g !== "all");
  return { cells, months, groups };
}

export interface Finding {
  cell: string;
  how: string;
}

/** Tries to work out each withheld cell; returns those it can pin down (empty when the export holds). */
export function solve(exp: Export): Finding[] {
  const unknowns = [...exp.cells].filter(([, v]) => v === undefined).map(([c]) => c);
  const index = new Map(unknowns.map((c, i) => [c, i]));
  // Each relation on the unknowns: coefficients of the unknowns, and the right-hand side from the shown cells.
  const equations: bigint[][] = [];
  const sparse: Map<number, number>[] = [];
  for (const r of relations(exp.months, exp.groups)) {
    const row = Array<bigint>(unknowns.length + 1).fill(0n);
    const coefficients = new Map<number, number>();
    let rhs = 0;
    for (const [c, k] of r) {
      const v = exp.cells.get(c);
      expect(exp.cells.has(c)).toBe(true);
      if (v === undefined) {
        row[index.get(c)!]! += BigInt(k);
        coefficients.set(index.get(c)!, k);
      } else rhs -= k * v;
    }
    row[unknowns.length] = BigInt(rhs);
    if (coefficients.size === 0)
      expect(rhs).toBe(0); // a relation among shown cells holds
    else {
      equations.push(row);
      sparse.push(coefficients);
    }
  }
  const findings: Finding[] = [];
  // a. Pinned by the equations alone: a reduced row with a single unknown.
  for (const row of reduce(equations.map((r) => r.slice(0, unknowns.length)))) {
    const nonZero = row.flatMap((x, i) => (x !== 0n ? [i] : []));
    if (nonZero.length === 1) findings.push({ cell: unknowns[nonZero[0]!]!, how: "Gaussian elimination" });
  }
  // b. A second table, raising withheld counts only.
  unknowns.forEach((c, i) => {
    if (!raisable(i, sparse)) findings.push({ cell: c, how: "no larger table obeys the relations" });
  });
  return findings;
}

/**
 * Whether withheld count `target` can be raised by one with other withheld counts raised (never
 * lowered) so that every relation still holds: a search for d ≥ 0 with A·d = 0 and d[target] ≥ 1.
 */
function raisable(target: number, equations: Map<number, number>[]): boolean {
  const rowsOf = new Map<number, number[]>();
  equations.forEach((e, r) => {
    for (const u of e.keys()) rowsOf.set(u, [...(rowsOf.get(u) ?? []), r]);
  });
  const residual = equations.map(() => 0);
  let budget = 20_000;
  const raise = (u: number, by: number) => {
    for (const r of rowsOf.get(u) ?? []) residual[r]! += by * equations[r]!.get(u)!;
  };
  const search = (depth: number): boolean => {
    if (--budget < 0 || depth > 200) return false;
    const r = residual.findIndex((x) => x !== 0);
    if (r < 0) return true;
    // Raise a cell on the other side of the unbalanced relation (cells of fewer relations first).
    const candidates = [...equations[r]!]
      .filter(([, k]) => Math.sign(k) === -Math.sign(residual[r]!))
      .map(([u]) => u)
      .sort((a, b) => (rowsOf.get(a)?.length ?? 0) - (rowsOf.get(b)?.length ?? 0));
    for (const u of candidates) {
      raise(u, 1);
      if (search(depth + 1)) return true;
      raise(u, -1);
    }
    return false;
  };
  raise(target, 1);
  return search(0);
}
