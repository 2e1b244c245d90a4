// The arithmetic of the plain bar charts (./bars.tsx), apart from React so it
// is unit-tested on its own. The rule every function keeps: a bar is drawn
// only from values the table shows. A hidden value (null: a small number the
// server suppressed) gives no bar at all — never a bar with a gap, whose
// length would give the hidden number back.

/** Width of a share bar in % of its track (a share is 0–100 %); null when the share is not shown. */
export function shareWidth(percent: number | null | undefined): number | null {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null;
  return Math.min(100, Math.max(0, percent));
}

/**
 * Widths in % of a stacked bar's segments, each its count's part of their
 * sum; null (no bar) when any count is hidden, negative or not a number, or
 * when all are 0 (nothing to split).
 */
export function segmentWidths(counts: readonly (number | null | undefined)[]): number[] | null {
  if (counts.length === 0) return null;
  const shown: number[] = [];
  for (const c of counts) {
    if (c === null || c === undefined || !Number.isFinite(c) || c < 0) return null;
    shown.push(c);
  }
  const total = shown.reduce((s, c) => s + c, 0);
  if (total === 0) return null;
  return shown.map((c) => (c / total) * 100);
}

/** A CSS width («42.5%»), rounded to 0.01 % so the markup stays short. */
export const cssWidth = (percent: number) => `${Math.round(percent * 100) / 100}%`;

/** A report cell as a count: a number as is; text («<5», «—») is not a count the table shows. */
export const countOfCell = (cell: string | number | undefined): number | null => (typeof cell === "number" ? cell : null);

/** Where each label stands among a table's columns; null when one is missing (not a table of that kind). */
export function columnIndexes(columns: readonly string[], labels: readonly string[]): number[] | null {
  const found = labels.map((label) => columns.indexOf(label));
  return found.some((i) => i < 0) ? null : found;
}
