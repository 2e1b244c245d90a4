// Small-number suppression, table-driven: each case is a table where hiding
// the small figures alone (primary suppression) lets the reader recompute a
// hidden one — from a row or column total, from the total of the table, or
// from sums of other rows and columns — and the module's answer, attacked the
// same two ways, gives nothing away. The attacks are written here, apart from
// the module: plain subtraction, and exact linear algebra over the rationals.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suppressCells, suppressTable, type Line, type MarginPattern, type SuppressedTable, type TableBlock } from "./small-numbers";

const T = 5;

/** The table's figures and lines, built independently of the module: cells, row totals, column totals, grand total. */
function layout(blocks: number[][][]) {
  const rows = blocks[0]!.length;
  const values: number[] = [];
  const add = (v: number) => values.push(v) - 1;
  const cell = blocks.map((b) => b.map((row) => row.map(add)));
  const rowTotal = blocks[0]!.map((row) => add(row.reduce((s, v) => s + v, 0)));
  const colTotal = blocks.map((b) => b[0]!.map((_, c) => add(b.reduce((s, row) => s + row[c]!, 0))));
  const grand = add(blocks[0]!.flat().reduce((s, v) => s + v, 0));
  const lines: Line[] = [
    ...cell.flatMap((b) => b.map((parts, r) => ({ total: rowTotal[r]!, parts }))),
    ...cell.flatMap((b, bi) => colTotal[bi]!.map((total, c) => ({ total, parts: b.map((row) => row[c]!) }))),
    ...colTotal.map((parts) => ({ total: grand, parts })),
    { total: grand, parts: rowTotal },
  ];
  /** The module's answer as a hidden flag per figure, in this layout's order. */
  const hiddenOf = (t: SuppressedTable) => [...t.cells.flat(2), ...t.rowTotals, ...t.columnTotals.flat(), t.total].map((v) => v === null);
  return { rows, values, lines, hiddenOf, index: { cell, rowTotal, colTotal, grand } };
}

/** Hidden figures a reader recovers by repeated subtraction: any line with one unknown left. */
function bySubtraction(values: number[], lines: Line[], hidden: boolean[]): Set<number> {
  const unknown = new Set(hidden.flatMap((h, i) => (h ? [i] : [])));
  const recovered = new Set<number>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const line of lines) {
      const open = [...line.parts, line.total].filter((i) => unknown.has(i));
      if (open.length !== 1) continue;
      const i = open[0]!;
      const others = line.parts.filter((p) => p !== i).reduce((s, p) => s + values[p]!, 0);
      expect(i === line.total ? others : values[line.total]! - others).toBe(values[i]); // the reader's figure is the true one
      unknown.delete(i);
      recovered.add(i);
      progress = true;
    }
  }
  return recovered;
}

/** Hidden figures fixed by any combination of lines: e_k lies in the row space of the system over the hidden figures. */
function byAnyCombination(lines: Line[], hidden: boolean[]): Set<number> {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []));
  const column = new Map(unknowns.map((u, k) => [u, k]));
  const matrix = lines.map((l) => {
    const row = unknowns.map(() => 0);
    for (const p of l.parts) if (column.has(p)) row[column.get(p)!]! += 1;
    if (column.has(l.total)) row[column.get(l.total)!]! -= 1;
    return row;
  });
  const rank = (m: number[][]) => {
    const a = m.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < unknowns.length && r < a.length; c++) {
      const p = a.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
      if (p < 0) continue;
      [a[r], a[p]] = [a[p]!, a[r]!];
      for (let i = 0; i < a.length; i++) {
        if (i === r || Math.abs(a[i]![c]!) < 1e-9) continue;
        const f = a[i]![c]! / a[r]![c]!;
        a[i] = a[i]!.map((v, j) => v - f * a[r]![j]!);
      }
      r++;
    }
    return r;
  };
  const base = rank(matrix);
  return new Set(unknowns.filter((_, k) => rank([...matrix, unknowns.map((__, j) => (j === k ? 1 : 0))]) === base));
}

/** Primary suppression only: what a naive implementation would hide. */
const primaryOnly = (values: number[]) => values.map((v) => v > 0 && v < T);

interface Case {
  name: string;
  blocks: number[][][];
  /** How the naive answer leaks: one subtraction, only a combination of lines, or not at all. */
  naiveLeak: "subtraction" | "combination" | "none";
}

const CASES: Case[] = [
  { name: "one small cell in a row: the row total gives it away", blocks: [[[1, 6, 7], [8, 9, 10], [6, 7, 8]]], naiveLeak: "subtraction" },
  { name: "a row whose total is small: the column totals give its cells away", blocks: [[[1, 2, 0], [9, 8, 7], [6, 7, 9]]], naiveLeak: "subtraction" },
  { name: "a small column total: the total of the table gives it away", blocks: [[[2, 10], [1, 12]]], naiveLeak: "subtraction" },
  {
    name: "every line has two hidden cells, yet rows 1+2 minus columns 1+2 give one away",
    blocks: [[[1, 1, 1, 9, 9], [1, 1, 9, 9, 9], [9, 9, 1, 1, 9], [9, 9, 1, 1, 9], [9, 9, 9, 9, 9]]],
    naiveLeak: "combination",
  },
  { name: "a single learner: every figure of the table is 1", blocks: [[[1, 0, 0, 0]]], naiveLeak: "none" },
  {
    name: "health and PE groups side by side share the row totals",
    blocks: [
      [[3, 9], [7, 8], [6, 6]],
      [[2, 10], [6, 9], [12, 0]],
    ],
    naiveLeak: "subtraction",
  },
];

describe("small-number suppression", () => {
  it.each(CASES)("$name", ({ blocks, naiveLeak }) => {
    const { values, lines, hiddenOf } = layout(blocks);
    const naive = primaryOnly(values);
    if (naiveLeak === "subtraction") expect(bySubtraction(values, lines, naive).size).toBeGreaterThan(0);
    else if (naiveLeak === "none") expect(byAnyCombination(lines, naive).size).toBe(0);
    else {
      expect(bySubtraction(values, lines, naive).size).toBe(0);
      expect(byAnyCombination(lines, naive).size).toBeGreaterThan(0);
    }

    const spec: TableBlock[] = blocks.map((b) => ({ columns: b[0]!.map((_, c) => `c${c}`), cells: b }));
    const shown = suppressTable(blocks[0]!.length, spec, T);
    const hidden = hiddenOf(shown);
    values.forEach((v, i) => {
      if (v > 0 && v < T) expect(hidden[i], `figure ${i} = ${v}`).toBe(true); // primary
      if (hidden[i]) expect(v, `figure ${i} hidden`).toBeGreaterThan(0); // zeros are shown
    });
    expect(bySubtraction(values, lines, hidden).size).toBe(0);
    expect(byAnyCombination(lines, hidden).size).toBe(0);
  });

  it("hides the next-smallest cell of the row, inner cells before the total", () => {
    const shown = suppressTable(3, [{ columns: ["a", "b", "c"], cells: [[1, 6, 7], [8, 9, 10], [6, 7, 8]] }], T);
    expect(shown.cells[0]![0]).toEqual([null, null, 7]);
    expect(shown.rowTotals[0]).toBe(14);
  });

  it("keeps the margins the table above decided: hidden there is hidden here, shown there stays shown", () => {
    const outer: MarginPattern = { columns: [{ a: true, b: false, c: true }], total: false };
    const shown = suppressTable(2, [{ columns: ["a", "b", "c"], cells: [[6, 9, 7], [8, 9, 10]] }], T, outer);
    expect(shown.columnTotals[0]).toEqual([null, 18, null]);
    expect(shown.total).toBe(49);
    const { lines, hiddenOf } = layout([[[6, 9, 7], [8, 9, 10]]]);
    expect(byAnyCombination(lines, hiddenOf(shown)).size).toBe(0);
  });

  it("shows every figure when nothing is small", () => {
    const shown = suppressTable(2, [{ columns: ["a", "b"], cells: [[5, 0], [7, 9]] }], T);
    expect(shown).toEqual({ cells: [[[5, 0], [7, 9]]], rowTotals: [5, 16], columnTotals: [[12, 9]], total: 21 });
  });

  it("refuses a threshold below 2 (hiding nothing would be the same as no threshold)", () => {
    expect(() => suppressCells([1], [], 1)).toThrow(/threshold/);
  });

  it("on random tables: no figure below the threshold is shown and no hidden figure can be recomputed", () => {
    const table = fc
      .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 5 }), threshold: fc.integer({ min: 2, max: 6 }) })
      .chain(({ rows, cols, threshold }) =>
        fc.record({
          threshold: fc.constant(threshold),
          cells: fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
        }),
      );
    fc.assert(
      fc.property(table, ({ threshold, cells }) => {
        const { values, lines, hiddenOf } = layout([cells]);
        const shown = suppressTable(cells.length, [{ columns: cells[0]!.map((_, c) => String(c)), cells }], threshold);
        const hidden = hiddenOf(shown);
        expect(values.filter((v, i) => v > 0 && v < threshold && !hidden[i])).toEqual([]);
        expect(values.filter((v, i) => hidden[i] && v === 0)).toEqual([]);
        expect(byAnyCombination(lines, hidden).size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
