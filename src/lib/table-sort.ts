// Ordering and totals of the ministry's count tables, shared by every table
// that sorts (TanStack Table's sortingFn) so they all agree: names in Russian
// order with numbers inside them read as numbers ("4Б" before "10А"), counts
// numerically, and a hidden small count («<5») between 0 and the threshold —
// its true value is not known here, so hidden cells keep their order among
// themselves and sorting reveals nothing about them.
import { compareRuNumeric } from "./collation";

export type TableValue = string | number | null | undefined;

const HIDDEN = /^<(\d+)$/;

/** A number to sort by, or null for text. A hidden «<n» sorts just below n, above every shown smaller count. */
function sortNumber(value: TableValue): number | null {
  if (typeof value === "number") return value;
  if (value === null || value === undefined || value === "") return null;
  const hidden = HIDDEN.exec(value);
  return hidden ? Number(hidden[1]) - 0.5 : null;
}

/** Compares two cells ascending: numbers (and hidden counts) numerically and before text; text in Russian order; empty last. */
export function compareTableValues(a: TableValue, b: TableValue): number {
  const emptyA = a === null || a === undefined || a === "";
  const emptyB = b === null || b === undefined || b === "";
  if (emptyA || emptyB) return Number(emptyA) - Number(emptyB);
  const na = sortNumber(a);
  const nb = sortNumber(b);
  if (na !== null && nb !== null) return na - nb;
  if (na !== null) return -1;
  if (nb !== null) return 1;
  return compareRuNumeric(String(a), String(b));
}

/**
 * The sum of a column of counts that nothing hides (contingent, movement,
 * completeness). A table with hidden counts takes its totals from the server,
 * which decides them together with the cells (docs/domain.md, "Small numbers"): a
 * total added up here from what is shown would be wrong, and one from the
 * hidden values would reveal them. So a hidden or non-numeric value makes the
 * sum unknown (null) rather than a guess.
 */
export function sumCounts(values: readonly TableValue[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === undefined || v === null || v === "") continue;
    if (typeof v !== "number") return null;
    sum += v;
  }
  return sum;
}
