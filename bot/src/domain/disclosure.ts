// Small-count suppression that holds: which cells of a table of counts to withhold so that no
// withheld count can be worked out from the others.
//
// Primary suppression withholds every count from 1 to 4. That alone does not hold when the table
// also says how its cells add up (a total and its parts, a stock and its flows): a lone withheld part
// is the total minus the others. So the table's relations are given too, each as
// `Σ left = Σ right`, and secondary suppression withholds more cells until, in every relation that
// holds a withheld cell, both sides hold one. Then every withheld count can be raised by one — with
// the withheld cells across it in each of its relations raised too, and so on, ending at cells that
// belong to no other relation — and the table still adds up: the reader cannot tell the true count
// from one more, whatever lower bounds they know. (The test in use-cases/statistics-disclosure.test.ts
// solves for the withheld cells of generated exports and fails if it can pin one down.)
//
// The partner chosen on the other side is, in order: a cell of no other relation (so the
// suppression does not spread), a non-zero count (withholding a zero hides less), the smallest
// count, the first listed. Deterministic: the same table always withholds the same cells.

export interface Relation<C extends string = string> {
  left: readonly C[];
  right: readonly C[];
}

export const SUPPRESS_BELOW = 5;

/** 0 and 5 or more are shown; 1–4 are withheld. */
export const isSmallCount = (n: number): boolean => n > 0 && n < SUPPRESS_BELOW;

/** The cells to withhold: every small count, then partners until every relation with a withheld cell has one on each side. */
export function cellsToWithhold<C extends string>(
  values: ReadonlyMap<C, number>,
  relations: readonly Relation<C>[],
  alsoWithhold: Iterable<C> = [],
): Set<C> {
  const withheld = new Set<C>(alsoWithhold);
  for (const [cell, n] of values) if (isSmallCount(n)) withheld.add(cell);
  const relationCount = new Map<C, number>();
  for (const r of relations) for (const c of [...r.left, ...r.right]) relationCount.set(c, (relationCount.get(c) ?? 0) + 1);
  const value = (c: C) => values.get(c) ?? 0;
  const preference = (a: C, b: C) =>
    Number((relationCount.get(a) ?? 0) > 1) - Number((relationCount.get(b) ?? 0) > 1) ||
    Number(value(a) === 0) - Number(value(b) === 0) ||
    value(a) - value(b);

  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      for (const [side, across] of [
        [r.left, r.right],
        [r.right, r.left],
      ] as const) {
        if (!side.some((c) => withheld.has(c)) || across.some((c) => withheld.has(c)) || across.length === 0) continue;
        // A stable sort keeps the listed order among equals.
        withheld.add([...across].sort(preference)[0]!);
        changed = true;
      }
    }
  }
  return withheld;
}
