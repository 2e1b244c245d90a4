// The ГИА figures as the tables of a report model, with small numbers hidden
// (src/server/authz/small-numbers.ts; docs/domain.md, "Small numbers").
//
// Each table is suppressed on its own, the year and the year before apart:
// the distribution of a row (marks or score bands, with «без отметки») sums to
// its participants, the columns to the totals row. An average is an extra sum
// the suppression does not model (for marks it would give a hidden count
// back), so a row's average is shown only when none of its counts is hidden;
// a share below the minimum only when both its counts are shown.
import { suppressTable, type SuppressedTable, type TableBlock } from "../../authz/small-numbers";
import type { giaResultsRu } from "@/messages/gia-results-ru";
import type { ReportTable } from "../reports/report-model";
import type { GiaFigures, HonoursFigures, PlaceFigures, Scale, SubjectFigures } from "./gia-counts";

export type GiaTexts = (typeof giaResultsRu)["giaResults"];
type Cell = string | number;
const DASH = "—";

const percent = (part: number | null, whole: number | null, hidden: string): Cell =>
  part === null || whole === null ? hidden : whole === 0 ? DASH : (Math.round((part / whole) * 1000) / 10).toFixed(1);
const average = (sum: number, count: number): Cell => (count === 0 ? DASH : (Math.round((sum / count) * 100) / 100).toFixed(2));
const shown = (v: number | null, hidden: string): Cell => (v === null ? hidden : v);

/** The counts of a row on its scale, in column order: marks «2»–«5» or the five bands, then «no result». */
const distribution = (f: GiaFigures, scale: Scale) => [...(scale === "mark" ? f.marks : f.bands), f.noResult];
const belowColumn = 0; // «2» or the band below the minimum, first on both scales
/** A suppressed cell: null (hidden) stays null — never `?? 0`, or a hidden count would read «0» and its share «0.0». */
const cellOf = (cells: (number | null)[], i: number): number | null => {
  const v = cells[i];
  return v === undefined ? 0 : v;
};

/** `width` keeps an empty table's totals row as wide as its columns (a kind or year with no results). */
function suppress(rows: number[][], threshold: number, width: number): SuppressedTable {
  const block: TableBlock = { columns: Array.from({ length: width }, (_, i) => String(i)), cells: rows };
  if (rows.length === 0) return { cells: [[]], rowTotals: [], columnTotals: [Array<number>(width).fill(0)], total: 0 };
  return suppressTable(rows.length, [block], threshold);
}

interface YearColumns {
  participants: Cell;
  belowShare: Cell;
  average: Cell;
}

/** One year of a subject table: the suppressed distribution, per row and for the totals. */
function yearOf(figures: (GiaFigures | undefined)[], scale: Scale, threshold: number, hidden: string) {
  const width = scale === "mark" ? 5 : 6;
  const counts = figures.map((f) => (f ? distribution(f, scale) : Array<number>(width).fill(0)));
  const table = suppress(counts, threshold, width);
  const summary = (cells: (number | null)[], total: number | null, sum: number, count: number, hasMinimum: boolean): YearColumns => ({
    participants: shown(total, hidden),
    belowShare: hasMinimum ? percent(cellOf(cells, belowColumn), total, hidden) : DASH,
    average: cells.some((c) => c === null) || total === null ? hidden : average(sum, count),
  });
  const sum = (pick: (f: GiaFigures) => number) => figures.reduce((s, f) => s + (f ? pick(f) : 0), 0);
  return { table, summary, valueSum: sum((f) => f.valueSum), valueCount: sum((f) => f.valueCount) };
}

/** The subjects of one scale: this year's distribution, below-minimum share and average, beside last year's. */
export function subjectTable(t: GiaTexts, caption: string, scale: Scale, year: number, all: SubjectFigures[], threshold: number): ReportTable {
  const mine = all.filter((f) => f.scale === scale);
  const keys = [...new Map(mine.map((f) => [f.subjectId, f])).values()];
  const at = (y: number) => keys.map((k) => mine.find((f) => f.subjectId === k.subjectId && f.year === y));
  const hidden = `<${threshold}`;
  const now = yearOf(at(year), scale, threshold, hidden);
  const before = yearOf(at(year - 1), scale, threshold, hidden);
  const c = t.columns;
  const scoreScale = scale === "score";
  const what = scoreScale ? c.averageScore : c.averageMark;
  const prev = (label: string) => c.previous.replace("{year}", String(year - 1)).replace("{what}", label);
  const columns = [
    c.subject,
    c.participants,
    ...(scoreScale ? [c.belowMin, c.minTo60, c.band61, c.band81, c.band100, c.noScore, c.minimum] : [2, 3, 4, 5].map((m) => c.mark.replace("{m}", String(m))).concat(c.noMark)),
    c.belowShare,
    what,
    prev(c.participants),
    prev(c.belowShare),
    prev(what),
  ];
  // A score subject without a published minimum has no share below it.
  const hasMinimum = (k: SubjectFigures) => !scoreScale || k.minimum !== null;
  const rows = keys.map((k, r) => {
    const f = at(year)[r];
    const p = at(year - 1)[r];
    const cur = now.summary(now.table.cells[0]![r]!, now.table.rowTotals[r]!, f?.valueSum ?? 0, f?.valueCount ?? 0, hasMinimum(k));
    const old = before.summary(before.table.cells[0]![r]!, before.table.rowTotals[r]!, p?.valueSum ?? 0, p?.valueCount ?? 0, hasMinimum(k));
    const cells = now.table.cells[0]![r]!.map((v) => shown(v, hidden));
    return [k.name, cur.participants, ...cells, ...(scoreScale ? [k.minimum ?? DASH] : []), cur.belowShare, cur.average, old.participants, old.belowShare, old.average];
  });
  // The totals' share counts only subjects with a minimum; a table where some have none shows no total share.
  const totalShare = (y: typeof now) => (keys.every(hasMinimum) ? percent(cellOf(y.table.columnTotals[0]!, belowColumn), y.table.total, hidden) : DASH);
  const totalAverage = (y: typeof now) => (y.table.columnTotals[0]!.some((v) => v === null) || y.table.total === null ? hidden : average(y.valueSum, y.valueCount));
  const totals = [
    c.total,
    shown(now.table.total, hidden),
    ...now.table.columnTotals[0]!.map((v) => shown(v, hidden)),
    ...(scoreScale ? [DASH] : []),
    totalShare(now),
    totalAverage(now),
    shown(before.table.total, hidden),
    totalShare(before),
    totalAverage(before),
  ];
  return { caption, columns, rows, totals };
}

export interface PlaceRow {
  placeId: string;
  name: string;
}

/** By place: results, below the minimum, 100-point results (ЕГЭ) and certificates with honours, beside last year's. */
export function placeTable(t: GiaTexts, byOrganisation: boolean, kindIsEge: boolean, year: number, results: PlaceFigures[], honours: HonoursFigures[], threshold: number) {
  const names = new Map<string, string>();
  for (const r of [...results, ...honours]) names.set(r.placeId, r.name);
  const places: PlaceRow[] = [...names].map(([placeId, name]) => ({ placeId, name })).sort((a, b) => a.name.localeCompare(b.name, "ru"));
  const hidden = `<${threshold}`;
  const resultsOf = (y: number) =>
    places.map((p) => {
      const f = results.find((r) => r.placeId === p.placeId && r.year === y);
      const n = f?.participants ?? 0;
      const below = f?.below ?? 0;
      const hundred = kindIsEge ? (f?.hundred ?? 0) : 0;
      // «The rest» closes the row's sum so the suppression sees the whole line; it is never shown.
      return [below, hundred, n - below - hundred];
    });
  const now = suppress(resultsOf(year), threshold, 3);
  const before = suppress(resultsOf(year - 1), threshold, 3);
  const honoursOf = (y: number) => places.map((p) => [honours.find((h) => h.placeId === p.placeId && h.year === y)?.honours ?? 0]);
  const honoursNow = suppress(honoursOf(year), threshold, 1);
  const honoursBefore = suppress(honoursOf(year - 1), threshold, 1);
  const c = t.columns;
  const prev = (label: string) => c.previous.replace("{year}", String(year - 1)).replace("{what}", label);
  const columns = [
    byOrganisation ? c.organisation : c.municipality,
    c.results,
    c.below,
    c.belowShare,
    ...(kindIsEge ? [c.band100] : []),
    c.honours,
    prev(c.results),
    prev(c.belowShare),
    prev(c.honours),
  ];
  const line = (res: (number | null)[], total: number | null, old: (number | null)[], oldTotal: number | null, h: number | null, oldH: number | null) => [
    shown(total, hidden),
    shown(cellOf(res, 0), hidden),
    percent(cellOf(res, 0), total, hidden),
    ...(kindIsEge ? [shown(cellOf(res, 1), hidden)] : []),
    shown(h, hidden),
    shown(oldTotal, hidden),
    percent(cellOf(old, 0), oldTotal, hidden),
    shown(oldH, hidden),
  ];
  const rows = places.map((p, r) => [
    p.name,
    ...line(now.cells[0]![r]!, now.rowTotals[r]!, before.cells[0]![r]!, before.rowTotals[r]!, honoursNow.rowTotals[r]!, honoursBefore.rowTotals[r]!),
  ]);
  const totals = [c.total, ...line(now.columnTotals[0]!, now.total, before.columnTotals[0]!, before.total, honoursNow.total, honoursBefore.total)];
  const table: ReportTable = { caption: t.captions.places, columns, rows, totals };
  return { table, places };
}
