// Small-number suppression for roles that see a stage as aggregates only
// (docs/domain.md, "Small numbers"). Pure: figures in, which figures to hide out.
//
// A table is a set of figures tied by additivity lines (parts sum to a total).
// Primary: every figure from 1 to threshold − 1 is hidden, totals included;
// zeros are shown. Secondary: figures are added to the hidden ones until no
// hidden positive figure can be computed from the shown ones — neither by one
// subtraction (a line with exactly one hidden figure) nor by any combination
// of lines (sums of rows minus sums of columns…), checked exactly on the
// linear system. Secondary figures are the smallest positive ones, inner
// cells before totals. Every hidden figure is positive, so each can move up
// and down along some combination of the others: non-negativity pins none.

/** A line of the table: `parts` (indices of figures) sum to the figure at `total`. */
export interface Line {
  total: number;
  parts: readonly number[];
}

export interface SuppressOptions {
  /** Hidden already by a linked table (e.g. the same total one level up). */
  forced?: Iterable<number>;
  /** Shown by a linked table: the reader knows them, hiding them here protects nothing. */
  known?: Iterable<number>;
}

export const MIN_SMALL_CELL_THRESHOLD = 2;

// Arithmetic modulo a prime: exact, and equal to the rational rank for these
// 0/±1 network matrices (totally unimodular: every minor is 0 or ±1).
const P = 1_000_003;
const mod = (a: number) => ((a % P) + P) % P;
const mul = (a: number, b: number) => (a * b) % P; // both < 2^20: the product is exact in a double
function inverse(a: number): number {
  let [r0, r1, s0, s1] = [P, a, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0);
}

/**
 * Hidden figures whose value follows from the shown ones through the lines:
 * a pivot variable that is 0 in random solutions of the homogeneous system
 * (two draws from a fixed seed: deterministic, a false "determined" is
 * 1 in 10^12 and only hides one figure more).
 */
export function determinedCells(size: number, lines: readonly Line[], hidden: readonly boolean[]): Set<number> {
  const basis = new Map<number, { row: Map<number, number>; time: number }>();
  const order: number[] = [];
  for (const line of lines) {
    const row = new Map<number, number>();
    for (const i of line.parts) if (hidden[i]) row.set(i, mod((row.get(i) ?? 0) + 1));
    if (hidden[line.total]) row.set(line.total, mod((row.get(line.total) ?? 0) - 1));
    for (const [v, c] of row) if (c === 0) row.delete(v);
    // Eliminate pivots, earliest first: an earlier pivot row only holds later pivots, so this ends.
    for (;;) {
      let first: number | undefined;
      for (const v of row.keys()) if (basis.has(v) && (first === undefined || basis.get(v)!.time < basis.get(first)!.time)) first = v;
      if (first === undefined) break;
      const c = row.get(first)!;
      for (const [v, b] of basis.get(first)!.row) {
        const next = mod((row.get(v) ?? 0) - mul(c, b));
        if (next === 0) row.delete(v);
        else row.set(v, next);
      }
    }
    if (row.size === 0) continue;
    const pivot = Math.min(...row.keys());
    const scale = inverse(row.get(pivot)!);
    for (const [v, c] of row) row.set(v, mul(c, scale));
    basis.set(pivot, { row, time: order.length });
    order.push(pivot);
  }
  let seed = 0x2545f491;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return 1 + (seed % (P - 1));
  };
  const zeroEverywhere = new Set(order);
  for (let draw = 0; draw < 2; draw++) {
    const x = new Map<number, number>();
    for (let i = 0; i < size; i++) if (hidden[i] && !basis.has(i)) x.set(i, random());
    for (let k = order.length - 1; k >= 0; k--) {
      const v = order[k]!;
      let sum = 0;
      for (const [w, c] of basis.get(v)!.row) if (w !== v) sum = mod(sum + mul(c, x.get(w)!));
      x.set(v, mod(-sum));
      if (x.get(v) !== 0) zeroEverywhere.delete(v);
    }
  }
  return zeroEverywhere;
}

/** Which of `values` to hide (true) so that no hidden positive figure can be recomputed. */
export function suppressCells(values: readonly number[], lines: readonly Line[], threshold: number, options: SuppressOptions = {}): boolean[] {
  if (!Number.isInteger(threshold) || threshold < MIN_SMALL_CELL_THRESHOLD) throw new Error(`threshold must be an integer ≥ ${MIN_SMALL_CELL_THRESHOLD}`);
  const hidden = values.map((v) => v > 0 && v < threshold);
  for (const i of options.forced ?? []) hidden[i] = true;
  const known = new Set(options.known ?? []);
  const isTotal = new Set(lines.map((l) => l.total));
  const members = lines.map((l) => [...l.parts, l.total]);
  const linesOf = values.map(() => [] as number[]);
  members.forEach((m, li) => m.forEach((i) => linesOf[i]!.push(li)));
  const eligible = (i: number) => !hidden[i] && !known.has(i);
  // Inner cells before totals, then the smallest value, then the first.
  const before = (a: number, b: number) => Number(isTotal.has(a)) - Number(isTotal.has(b)) || values[a]! - values[b]! || a - b;
  /** The best candidate that is positive; a zero only when allowed (no positive one is left). */
  const pick = (candidates: Iterable<number>, allowZero: boolean): number | undefined => {
    let best: number | undefined;
    for (const i of candidates) {
      if (!eligible(i) || (values[i] === 0 && !allowZero)) continue;
      if (best === undefined || before(i, best) < 0) best = i;
    }
    return best;
  };
  const everything = values.map((_, i) => i);
  for (;;) {
    // One subtraction: a line whose only hidden figure is positive gives it away.
    const lone = members.find((m) => {
      const h = m.filter((i) => hidden[i]);
      return h.length === 1 && values[h[0]!]! > 0;
    });
    const fix = lone && pick(lone, false);
    if (fix !== undefined) {
      hidden[fix] = true;
      continue;
    }
    // Any combination of lines: hide a neighbour of each figure still determined.
    const exposed = [...determinedCells(values.length, lines, hidden)].filter((i) => values[i]! > 0).sort((a, b) => a - b);
    let added = false;
    for (const i of exposed) {
      const near = linesOf[i]!.flatMap((li) => members[li]!);
      const c = pick(near, false) ?? pick(everything, false) ?? pick(near, true) ?? pick(everything, true);
      if (c === undefined) continue; // only figures shown by a linked table pin it: nothing left to hide here
      hidden[c] = true;
      added = true;
    }
    if (!added) return hidden;
  }
}

// ---- Tables: rows × blocks of columns, with row totals, column totals and the grand total.

/** One block of columns whose cells sum to each row's total; several blocks share the row totals (linked tables). */
export interface TableBlock {
  columns: readonly string[];
  /** cells[row][column] */
  cells: readonly (readonly number[])[];
}

/** What the table one level up decided for this table's margins: per block, column key → hidden, and the grand total. */
export interface MarginPattern {
  columns: readonly Readonly<Record<string, boolean>>[];
  total: boolean;
}

/** The table as shown: null where a figure is hidden. */
export interface SuppressedTable {
  cells: (number | null)[][][]; // [block][row][column]
  rowTotals: (number | null)[];
  columnTotals: (number | null)[][]; // [block][column]
  total: number | null;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * Suppresses a table and its margins together. `outer` ties the margins to
 * the table above (its row for this place): what it hides is hidden here,
 * what it shows is known here, so a drill-down never undoes a suppression.
 */
export function suppressTable(rowCount: number, blocks: readonly TableBlock[], threshold: number, outer?: MarginPattern): SuppressedTable {
  if (blocks.length === 0) throw new Error("a table needs at least one block of columns");
  const rowSums = blocks.map((b) => Array.from({ length: rowCount }, (_, r) => sum(b.cells[r] ?? [])));
  for (const sums of rowSums) if (sums.some((s, r) => s !== rowSums[0]![r])) throw new Error("linked blocks must have the same row totals");
  const values: number[] = [];
  const add = (v: number) => values.push(v) - 1;
  const cell = blocks.map((b) => Array.from({ length: rowCount }, (_, r) => b.columns.map((_, c) => add(b.cells[r]?.[c] ?? 0))));
  const rowTotal = rowSums[0]!.map(add);
  const colTotal = blocks.map((b, bi) => b.columns.map((_, c) => add(sum(cell[bi]!.map((row) => values[row[c]!]!)))));
  const grand = add(sum(rowSums[0]!));
  const lines: Line[] = [
    ...blocks.flatMap((_, bi) => rowTotal.map((total, r) => ({ total, parts: cell[bi]![r]! }))),
    ...blocks.flatMap((b, bi) => b.columns.map((_, c) => ({ total: colTotal[bi]![c]!, parts: cell[bi]!.map((row) => row[c]!) }))),
    ...blocks.map((_, bi) => ({ total: grand, parts: colTotal[bi]! })),
    { total: grand, parts: rowTotal },
  ];
  const forced: number[] = [];
  const known: number[] = [];
  const bind = (i: number, hiddenAbove: boolean | undefined) => {
    if (hiddenAbove === true) forced.push(i);
    else if (hiddenAbove === false) known.push(i);
  };
  if (outer) {
    blocks.forEach((b, bi) => b.columns.forEach((key, c) => bind(colTotal[bi]![c]!, outer.columns[bi]?.[key])));
    bind(grand, outer.total);
  }
  const hidden = suppressCells(values, lines, threshold, { forced, known });
  const show = (i: number) => (hidden[i] ? null : values[i]!);
  return {
    cells: cell.map((rows) => rows.map((row) => row.map(show))),
    rowTotals: rowTotal.map(show),
    columnTotals: colTotal.map((cols) => cols.map(show)),
    total: show(grand),
  };
}

/** The pattern of one row, for the table that drills into it. */
export function rowPattern(table: SuppressedTable, blocks: readonly TableBlock[], row: number): MarginPattern {
  return {
    columns: blocks.map((b, bi) => Object.fromEntries(b.columns.map((key, c) => [key, table.cells[bi]![row]![c] === null]))),
    total: table.rowTotals[row] === null,
  };
}

/** The pattern of the margins, for another table of the same place (by age, by grade across schools). */
export function totalsPattern(table: SuppressedTable, blocks: readonly TableBlock[]): MarginPattern {
  return {
    columns: blocks.map((b, bi) => Object.fromEntries(b.columns.map((key, c) => [key, table.columnTotals[bi]![c] === null]))),
    total: table.total === null,
  };
}
